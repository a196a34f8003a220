package org.virtlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.memory.PageTableConfig;
import org.virtlab.engine.model.TlbSettings;
import org.virtlab.engine.model.TranslationSettings;

/**
 * The optional {@code translation}: how the Memory tab's page-walk animator and TLB experiment open. Every field
 * is optional and defaults to the tab's default; the names are those of {@code virtlab walk} and of the tab. The
 * writer leaves out whatever equals the default, so files made before the section existed keep their bytes.
 *
 * <pre>
 * "translation": {"guestLevels": 4, "guestPage": "4k", "hostLevels": 4, "hostPage": "2m", "address": "0x7ffd12345678",
 *                 "tlb": {"pattern": "workingSet", "sizeMib": 64, "entries": 64, "tagged": false, "walkCache": false}}
 * </pre>
 */
final class TranslationJson {
    static final List<String> FIELDS = List.of("guestLevels", "guestPage", "hostLevels", "hostPage", "address",
            "tlb");
    static final List<String> TLB_FIELDS = List.of("pattern", "sizeMib", "entries", "tagged", "walkCache");

    private TranslationJson() {
    }

    /** The access patterns as spelled in files: sequential, random, workingSet. */
    static String spelling(TlbSettings.Pattern pattern) {
        return switch (pattern) {
            case SEQUENTIAL -> "sequential";
            case RANDOM -> "random";
            case WORKING_SET -> "workingSet";
        };
    }

    /** Reads the optional {@code translation}; the default when absent, {@code null} if wrong (reported). */
    static Supplier<TranslationSettings> read(JsonObject doc) {
        JsonNode value = doc.optional("translation");
        if (value == null) {
            return () -> TranslationSettings.DEFAULT;
        }
        JsonObject json = JsonObject.of(value, doc.pointer("translation"), doc.problems());
        if (json == null) {
            return null;
        }
        json.allowOnly(FIELDS);
        int before = json.problems().count();
        TranslationSettings d = TranslationSettings.DEFAULT;
        Long guestLevels = json.integer("guestLevels", PageTableConfig.MIN_LEVELS, PageTableConfig.MAX_LEVELS, null,
                d.guestLevels());
        PageSize guestPage = page(json, "guestPage", d.guestPage());
        Long hostLevels = json.integer("hostLevels", PageTableConfig.MIN_LEVELS, PageTableConfig.MAX_LEVELS, null,
                d.hostLevels());
        PageSize hostPage = page(json, "hostPage", d.hostPage());
        Long address = address(json, guestLevels == null ? null : Math.toIntExact(guestLevels));
        Supplier<TlbSettings> tlb = tlb(json);
        if (json.problems().count() != before) {
            return null;
        }
        return () -> new TranslationSettings(Math.toIntExact(guestLevels), guestPage, Math.toIntExact(hostLevels),
                hostPage, address, tlb.get());
    }

    private static PageSize page(JsonObject json, String field, PageSize fallback) {
        String text = json.string(field, false);
        if (text == null) {
            return json.optional(field) == null ? fallback : null;
        }
        for (PageSize size : PageSize.values()) {
            if (size.label().equals(text)) {
                return size;
            }
        }
        json.problems().add(json.pointer(field), "translation.unknownValue", field, Json.escape(text),
                String.join(", ", Arrays.stream(PageSize.values()).map(PageSize::label).toList()));
        return null;
    }

    /**
     * The optional {@code address}, canonical for the guest's tables when their levels checked out
     * ({@code guestLevels} not null).
     */
    private static Long address(JsonObject json, Integer guestLevels) {
        JsonNode value = json.optional("address");
        if (value == null) {
            return TranslationSettings.DEFAULT.address();
        }
        Optional<Long> parsed = value.isTextual() ? parseAddress(value.textValue()) : Optional.empty();
        if (parsed.isEmpty()) {
            json.problems().add(json.pointer("address"), "translation.address", Json.show(value));
            return null;
        }
        if (guestLevels != null) {
            PageTableConfig guest = new PageTableConfig(guestLevels, PageSize.FOUR_KIB);
            if (!guest.isCanonical(parsed.get())) {
                long end = guest.lowerHalfEnd();
                json.problems().add(json.pointer("address"), "translation.addressRange", hex(parsed.get()),
                        guest.addressBits(), guestLevels, hex(0), hex(end), hex(~end), hex(-1L));
                return null;
            }
        }
        return parsed.get();
    }

    /** A hexadecimal address as the Memory tab takes it: {@code 0x} optional, {@code _} between digits, 64 bits. */
    static Optional<Long> parseAddress(String text) {
        String digits = text.strip().replace("_", "");
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.length() > 16 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseUnsignedLong(digits, 16));
    }

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    private static Supplier<TlbSettings> tlb(JsonObject translation) {
        JsonNode value = translation.optional("tlb");
        if (value == null) {
            return () -> TlbSettings.DEFAULT;
        }
        JsonObject json = JsonObject.of(value, translation.pointer("tlb"), translation.problems());
        if (json == null) {
            return null;
        }
        json.allowOnly(TLB_FIELDS);
        int before = json.problems().count();
        TlbSettings d = TlbSettings.DEFAULT;
        TlbSettings.Pattern pattern = pattern(json, d.pattern());
        Long sizeMib = json.integer("sizeMib", TlbSettings.MIN_SIZE_MIB, TlbSettings.MAX_SIZE_MIB, "MiB",
                d.sizeMib());
        Integer entries = entries(json, d.entries());
        Boolean tagged = json.bool("tagged", d.tagged());
        Boolean walkCache = json.bool("walkCache", d.walkCache());
        if (json.problems().count() != before) {
            return null;
        }
        return () -> new TlbSettings(pattern, sizeMib, entries, tagged, walkCache);
    }

    /** The optional {@code entries}: one of the sizes the tab offers. */
    private static Integer entries(JsonObject json, int fallback) {
        JsonNode value = json.optional("entries");
        if (value == null) {
            return fallback;
        }
        BigInteger exact = JsonObject.exactInteger(value);
        for (int offered : TlbSettings.ENTRIES) {
            if (exact != null && exact.equals(BigInteger.valueOf(offered))) {
                return offered;
            }
        }
        json.problems().add(json.pointer("entries"), "translation.entries",
                String.join(", ", TlbSettings.ENTRIES.stream().map(String::valueOf).toList()), Json.show(value));
        return null;
    }

    private static TlbSettings.Pattern pattern(JsonObject json, TlbSettings.Pattern fallback) {
        String text = json.string("pattern", false);
        if (text == null) {
            return json.optional("pattern") == null ? fallback : null;
        }
        for (TlbSettings.Pattern p : TlbSettings.Pattern.values()) {
            if (spelling(p).equals(text)) {
                return p;
            }
        }
        json.problems().add(json.pointer("pattern"), "translation.unknownValue", "pattern", Json.escape(text),
                String.join(", ", Arrays.stream(TlbSettings.Pattern.values()).map(TranslationJson::spelling).toList()));
        return null;
    }

    // ---- writing ----

    /** Writes the settings, leaving out the fields (or the whole object) that equal the default. */
    static void write(ObjectNode root, TranslationSettings settings) {
        TranslationSettings d = TranslationSettings.DEFAULT;
        if (settings.equals(d)) {
            return;
        }
        ObjectNode out = root.putObject("translation");
        if (settings.guestLevels() != d.guestLevels()) {
            out.put("guestLevels", settings.guestLevels());
        }
        if (settings.guestPage() != d.guestPage()) {
            out.put("guestPage", settings.guestPage().label());
        }
        if (settings.hostLevels() != d.hostLevels()) {
            out.put("hostLevels", settings.hostLevels());
        }
        if (settings.hostPage() != d.hostPage()) {
            out.put("hostPage", settings.hostPage().label());
        }
        if (settings.address() != d.address()) {
            out.put("address", hex(settings.address()));
        }
        writeTlb(out, settings.tlb());
    }

    private static void writeTlb(ObjectNode translation, TlbSettings tlb) {
        TlbSettings d = TlbSettings.DEFAULT;
        if (tlb.equals(d)) {
            return;
        }
        ObjectNode out = translation.putObject("tlb");
        if (tlb.pattern() != d.pattern()) {
            out.put("pattern", spelling(tlb.pattern()));
        }
        if (tlb.sizeMib() != d.sizeMib()) {
            out.put("sizeMib", tlb.sizeMib());
        }
        if (tlb.entries() != d.entries()) {
            out.put("entries", tlb.entries());
        }
        if (tlb.tagged() != d.tagged()) {
            out.put("tagged", tlb.tagged());
        }
        if (tlb.walkCache() != d.walkCache()) {
            out.put("walkCache", tlb.walkCache());
        }
    }
}
