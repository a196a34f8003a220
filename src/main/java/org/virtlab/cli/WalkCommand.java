package org.virtlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.virtlab.engine.SimRandom;
import org.virtlab.engine.memory.AddressSpace;
import org.virtlab.engine.memory.MemoryReference;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.memory.PageTableConfig;
import org.virtlab.engine.memory.PageTableKind;
import org.virtlab.engine.memory.TranslationMode;
import org.virtlab.engine.memory.Walk;
import org.virtlab.engine.memory.Walker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code virtlab walk --mode native|shadow|nested [--guest-levels N] [--host-levels M] [--guest-page 4k|2m|1g]
 * [--host-page 4k|2m|1g] [--address 0x...|--seed S] [--json]}: one cold page walk, every entry read in
 * order and their count; as JSON {@code {"mode":…, "references":[…], "count":N}}.
 *
 * <p>Levels count the levels of a table (4: 48-bit addresses, 5: 57-bit); the page size decides where the
 * walk ends, so {@code --host-levels 4 --host-page 2m} walks 3 host levels: the "4-level guest over
 * a 3-level host (2 MiB host pages) = 19". Bad values exit 2 with one line naming the value and the range.
 */
@Command(name = "walk", mixinStandardHelpOptions = true, sortOptions = false)
final class WalkCommand extends LocalizedCommand implements Callable<Integer> {
    /** A user-space address, near the top of the lower half where Linux puts the stack. */
    static final long DEFAULT_ADDRESS = 0x7ffd_1234_5678L;

    @Option(names = "--mode", required = true, paramLabel = "MODE", descriptionKey = "walk.mode")
    String mode;

    @Option(names = "--guest-levels", paramLabel = "N", defaultValue = "4", descriptionKey = "walk.guestLevels")
    int guestLevels;

    @Option(names = "--host-levels", paramLabel = "M", defaultValue = "4", descriptionKey = "walk.hostLevels")
    int hostLevels;

    @Option(names = "--guest-page", paramLabel = "SIZE", defaultValue = "4k", descriptionKey = "walk.guestPage")
    String guestPage;

    @Option(names = "--host-page", paramLabel = "SIZE", defaultValue = "4k", descriptionKey = "walk.hostPage")
    String hostPage;

    @Option(names = "--address", paramLabel = "ADDRESS", descriptionKey = "walk.address")
    String address;

    @Option(names = "--seed", paramLabel = "S", descriptionKey = "walk.seed")
    Long seed;

    @Option(names = "--json", descriptionKey = "walk.json")
    boolean json;

    @Override
    public Integer call() {
        Optional<TranslationMode> translation = translationMode();
        if (translation.isEmpty()) {
            return VirtLabCommand.EXIT_INVALID;
        }
        TranslationMode chosen = translation.get();
        Optional<Long> virtualAddress = virtualAddress(chosen.guest());
        if (virtualAddress.isEmpty()) {
            return VirtLabCommand.EXIT_INVALID;
        }
        Walk walk;
        try {
            walk = new Walker(chosen).walk(virtualAddress.get());
        } catch (IllegalArgumentException e) { // checked above; never a stack trace all the same
            err().println(e.getMessage());
            return VirtLabCommand.EXIT_INVALID;
        }
        if (json) {
            out().print(toJson(walk));
        } else {
            printText(walk);
        }
        out().flush();
        return 0;
    }

    private Optional<TranslationMode> translationMode() {
        String id = mode.strip().toLowerCase(Locale.ROOT);
        if (!List.of("native", "shadow", "nested").contains(id)) {
            err().println(text("walk.error.mode", mode));
            return Optional.empty();
        }
        Optional<PageTableConfig> guest = tables("--guest-levels", guestLevels, "--guest-page", guestPage);
        if (guest.isEmpty()) {
            return Optional.empty();
        }
        if (id.equals("native")) {
            return Optional.of(new TranslationMode.Native(guest.get()));
        }
        Optional<PageTableConfig> host = tables("--host-levels", hostLevels, "--host-page", hostPage);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(id.equals("shadow") ? new TranslationMode.Shadow(guest.get(), host.get())
                : new TranslationMode.Nested(guest.get(), host.get()));
    }

    private Optional<PageTableConfig> tables(String levelsOption, int levels, String pageOption, String page) {
        if (levels < PageTableConfig.MIN_LEVELS || levels > PageTableConfig.MAX_LEVELS) {
            err().println(text("walk.error.levels", levelsOption, levels));
            return Optional.empty();
        }
        Optional<PageSize> size = PageSize.parse(page);
        if (size.isEmpty()) {
            err().println(text("walk.error.page", pageOption, page));
            return Optional.empty();
        }
        return Optional.of(new PageTableConfig(levels, size.get()));
    }

    private Optional<Long> virtualAddress(PageTableConfig guest) {
        if (address != null && seed != null) {
            err().println(text("walk.error.addressAndSeed"));
            return Optional.empty();
        }
        if (seed != null) {
            return Optional.of(new SimRandom(seed).nextLong() & guest.lowerHalfEnd());
        }
        if (address == null) {
            return Optional.of(DEFAULT_ADDRESS);
        }
        long parsed;
        try {
            String digits = address.strip().replace("_", "");
            boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
            parsed = Long.parseUnsignedLong(hex ? digits.substring(2) : digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            err().println(text("walk.error.addressFormat", address));
            return Optional.empty();
        }
        if (!guest.isCanonical(parsed)) {
            err().println(text("walk.error.addressRange", compactHex(parsed), guest.addressBits(), guest.levels(),
                    compactHex(guest.lowerHalfEnd()), compactHex(~guest.lowerHalfEnd())));
            return Optional.empty();
        }
        return Optional.of(parsed);
    }

    private void printText(Walk walk) {
        TranslationMode m = walk.mode();
        PageTableConfig guest = m.guest();
        if (m instanceof TranslationMode.Native) {
            out().println(text("walk.heading.native", guest.levels(), size(guest.pageSize())));
            out().println(text("walk.addresses.native", hex(walk.virtualAddress()), hex(walk.physicalAddress())));
        } else {
            PageTableConfig host = m instanceof TranslationMode.Shadow s ? s.host() : ((TranslationMode.Nested) m).host();
            out().println(text("walk.heading." + m.id(), guest.levels(), size(guest.pageSize()), host.levels(),
                    size(host.pageSize()), size(m.tlbPageSize())));
            out().println(text("walk.addresses.virtual", hex(walk.virtualAddress()),
                    hex(walk.guestPhysicalAddress().orElseThrow()), hex(walk.physicalAddress())));
        }
        out().println();
        out().println(row(text("walk.column.step"), text("walk.column.table"), text("walk.column.level"),
                text("walk.column.index"), text("walk.column.address"), text("walk.column.purpose")));
        List<MemoryReference> refs = walk.references();
        for (int i = 0; i < refs.size(); i++) {
            MemoryReference r = refs.get(i);
            out().println(row(Integer.toString(r.step()), text("walk.table." + r.table().id()), r.levelName(),
                    Integer.toString(r.index()), entryAddress(r), purpose(refs, i)));
        }
        out().println();
        if (m instanceof TranslationMode.Nested n) {
            out().println(text("walk.count.nested", walk.count(), n.guest().walkedLevels(), n.host().walkedLevels()));
        } else {
            out().println(text("walk.count." + m.id(), walk.count()));
        }
    }

    /** One line of the table: columns padded to their display width (a Chinese character is two wide). */
    private static String row(String step, String table, String level, String index, String address,
                              String purpose) {
        return padLeft(step, 4) + "  " + pad(table, 8) + pad(level, 6) + padLeft(index, 5) + "  " + pad(address, 41)
                + purpose;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - displayWidth(s)));
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - displayWidth(s))) + s;
    }

    static int displayWidth(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean wide = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60);
            width += wide ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private String entryAddress(MemoryReference r) {
        if (r.space() == AddressSpace.GUEST_PHYSICAL) {
            return "GPA " + hex(r.address()) + " = HPA " + hex(r.hostPhysicalAddress());
        }
        return (r.table() == PageTableKind.NATIVE ? "PA " : "HPA ") + hex(r.address());
    }

    private String purpose(List<MemoryReference> refs, int i) {
        MemoryReference r = refs.get(i);
        return switch (r.purpose()) {
            case LOCATE_GUEST_TABLE -> text("walk.purpose.guestTable", servedGuestEntry(refs, i).levelName(),
                    hex(r.translatedAddress()));
            case LOCATE_DATA -> text("walk.purpose.data", hex(r.translatedAddress()));
            case TRANSLATE -> text("walk.purpose.translate");
        };
    }

    /** The guest entry a host walk finds: the first guest reference after it. */
    private static MemoryReference servedGuestEntry(List<MemoryReference> refs, int i) {
        int j = i;
        while (refs.get(j).table() != PageTableKind.GUEST) {
            j++;
        }
        return refs.get(j);
    }

    private static String size(PageSize pageSize) {
        return switch (pageSize) {
            case FOUR_KIB -> "4 KiB";
            case TWO_MIB -> "2 MiB";
            case ONE_GIB -> "1 GiB";
        };
    }

    private static String hex(long value) {
        return String.format(Locale.ROOT, "0x%012x", value);
    }

    private static String compactHex(long value) {
        return "0x" + Long.toHexString(value);
    }

    static String toJson(Walk walk) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        TranslationMode m = walk.mode();
        root.put("mode", m.id());
        tables(root.putObject("guest"), m.guest());
        if (m instanceof TranslationMode.Shadow s) {
            tables(root.putObject("host"), s.host());
            tables(root.putObject("shadow"), s.shadowTables());
        } else if (m instanceof TranslationMode.Nested n) {
            tables(root.putObject("host"), n.host());
        }
        root.put("virtualAddress", compactHex(walk.virtualAddress()));
        walk.guestPhysicalAddress().ifPresent(gpa -> root.put("guestPhysicalAddress", compactHex(gpa)));
        root.put("physicalAddress", compactHex(walk.physicalAddress()));
        ArrayNode references = root.putArray("references");
        for (MemoryReference r : walk.references()) {
            ObjectNode node = references.addObject();
            node.put("step", r.step());
            node.put("table", r.table().id());
            node.put("level", r.level());
            node.put("levelName", r.levelName());
            node.put("index", r.index());
            node.put("space", r.space().id());
            node.put("address", compactHex(r.address()));
            node.put("hostPhysicalAddress", compactHex(r.hostPhysicalAddress()));
            node.put("purpose", r.purpose().id());
            node.put("translatedAddress", compactHex(r.translatedAddress()));
        }
        root.put("count", walk.count());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void tables(ObjectNode node, PageTableConfig tables) {
        node.put("levels", tables.levels());
        node.put("page", tables.pageSize().label());
        node.put("walkedLevels", tables.walkedLevels());
    }
}
