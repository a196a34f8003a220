package org.virtlab.ui.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.SimRandom;
import org.virtlab.engine.memory.AccessPattern;
import org.virtlab.engine.memory.MemoryWorkload;
import org.virtlab.engine.memory.TlbConfig;
import org.virtlab.engine.memory.TranslationExperiment;
import org.virtlab.engine.memory.TranslationMode;
import org.virtlab.engine.memory.TranslationStats;
import org.virtlab.engine.model.TlbSettings;
import org.virtlab.ui.i18n.I18n;

/**
 * The TLB beside the walks: a short, seeded {@link TranslationExperiment} of the chosen access pattern through
 * a TLB of the chosen size, tagged or not, in each of the three modes of the animator's tables; hit rate,
 * references per access and paging exits per mode. Runs again whenever an input or the tables change
 * (100,000 accesses per mode: a few milliseconds).
 */
public final class TlbViewModel {
    /** The shapes of access offered. */
    public enum Pattern { SEQUENTIAL, RANDOM, WORKING_SET }

    /** TLB sizes offered: 4-way, and the 12-way 1,536-entry second-level TLB of recent Intel cores. */
    public static final List<Integer> ENTRIES = List.of(16, 32, 64, 128, 256, 512, 1024, 1536);
    static final long ACCESSES = 100_000;
    static final long SEED = 42;
    static final int PROCESSES = 2;
    static final long PROCESS_SWITCH_EVERY = 2_000;
    static final long PAGE_TABLE_WRITE_EVERY = 1_000;
    /** Under a hypervisor the core leaves the VM for the host and comes back (an I/O exit, say) this often. */
    static final long HOST_ROUND_TRIP_EVERY = 1_000;
    /** Where every pattern starts: 1 GiB, inside the address space of 4- and 5-level tables alike. */
    static final long START = 1L << 30;
    static final long RANDOM_SPAN = 4L << 30;
    static final long MAX_SIZE_MIB = 65_536;
    static final int WALK_CACHE_ENTRIES = 32;

    /** One mode's results, as the table shows them; the fractions size its bars, the tip breaks the exits down. */
    public record Row(String mode, double hitRate, String hitRateText, String missesText, double referencesPerAccess,
                      String referencesText, String exitsText, String exitsTip, String reachText) {
    }

    private final I18n i18n;
    private final ObjectProperty<Pattern> pattern = new SimpleObjectProperty<>(Pattern.WORKING_SET);
    private final StringProperty sizeMib = new SimpleStringProperty("1");
    private final ReadOnlyStringWrapper sizeError = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Integer> entries = new SimpleObjectProperty<>(64);
    private final BooleanProperty tagged = new SimpleBooleanProperty(true);
    private final BooleanProperty walkCache = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<List<Row>> rows = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final BooleanBinding sizeUsed = Bindings.createBooleanBinding(() -> pattern.get() == Pattern.WORKING_SET,
            pattern);
    private List<TranslationMode> modes = List.of();
    /** Set while {@link #apply} changes several inputs, so the experiment runs once, not per input. */
    private boolean applying;

    TlbViewModel(I18n i18n) {
        this.i18n = i18n;
        note.set(i18n.format("memory.tlb.note", ACCESSES, SEED, PROCESSES, PROCESS_SWITCH_EVERY,
                PAGE_TABLE_WRITE_EVERY, HOST_ROUND_TRIP_EVERY));
        pattern.addListener((obs, was, now) -> run());
        sizeMib.addListener((obs, was, now) -> run());
        entries.addListener((obs, was, now) -> run());
        tagged.addListener((obs, was, now) -> run());
        walkCache.addListener((obs, was, now) -> run());
    }

    /** The modes to compare: native, shadow and nested over the animator's tables. */
    void configure(List<TranslationMode> newModes) {
        this.modes = List.copyOf(newModes);
        run();
    }

    public ObjectProperty<Pattern> patternProperty() {
        return pattern;
    }

    /** The working set in MiB, as typed. */
    public StringProperty sizeMibProperty() {
        return sizeMib;
    }

    /** Why the working set is refused; empty when it is fine. */
    public ReadOnlyStringProperty sizeErrorProperty() {
        return sizeError.getReadOnlyProperty();
    }

    /** Whether the pattern uses the working-set size. */
    public BooleanBinding sizeUsedBinding() {
        return sizeUsed;
    }

    public ObjectProperty<Integer> entriesProperty() {
        return entries;
    }

    /** Whether TLB entries carry their address space (VPID / ASID and PCID) and survive switches. */
    public BooleanProperty taggedProperty() {
        return tagged;
    }

    /** Whether a page-walk cache ({@value #WALK_CACHE_ENTRIES} entries) skips the upper levels of walks. */
    public BooleanProperty walkCacheProperty() {
        return walkCache;
    }

    /** Native, shadow, nested: the last results. */
    public ReadOnlyObjectProperty<List<Row>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The workload in words: accesses, seed, switches and writes. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Takes over the inputs of the view model this one replaces (a language switch). */
    void carryOverFrom(TlbViewModel previous) {
        pattern.set(previous.pattern.get());
        sizeMib.set(previous.sizeMib.get());
        entries.set(previous.entries.get());
        tagged.set(previous.tagged.get());
        walkCache.set(previous.walkCache.get());
    }

    /** Takes a scenario's TLB settings as the inputs (a lesson that opens the experiment set up); runs once. */
    void apply(TlbSettings settings) {
        applying = true;
        try {
            pattern.set(Pattern.valueOf(settings.pattern().name()));
            sizeMib.set(Long.toString(settings.sizeMib()));
            entries.set(settings.entries());
            tagged.set(settings.tagged());
            walkCache.set(settings.walkCache());
        } finally {
            applying = false;
        }
        run();
    }

    public String patternLabel(Pattern p) {
        return i18n.get("memory.tlb.pattern." + p.name());
    }

    private void run() {
        if (applying) {
            return;
        }
        Optional<AccessPattern> access = accessPattern();
        if (access.isEmpty() || modes.isEmpty()) {
            return;
        }
        int size = entries.get();
        TlbConfig tlb = new TlbConfig(size, size % 12 == 0 ? 12 : Math.min(4, size), tagged.get(),
                walkCache.get() ? WALK_CACHE_ENTRIES : 0);
        List<Row> results = new ArrayList<>();
        for (TranslationMode mode : modes) {
            MemoryWorkload workload = MemoryWorkload.of(access.get(), ACCESSES)
                    .withProcessSwitches(PROCESSES, PROCESS_SWITCH_EVERY)
                    .withPageTableWrites(PAGE_TABLE_WRITE_EVERY);
            if (!(mode instanceof TranslationMode.Native)) {
                workload = workload.withVmSwitches(1, HOST_ROUND_TRIP_EVERY);
            }
            TranslationStats stats = TranslationExperiment.run(mode, tlb, workload, new SimRandom(SEED));
            results.add(row(mode, stats, tlb));
        }
        rows.set(List.copyOf(results));
    }

    private Row row(TranslationMode mode, TranslationStats s, TlbConfig tlb) {
        String exitsTip = i18n.format("memory.tlb.exits", s.exits(), s.cr3SwitchExits(), s.pageTableWriteExits());
        return new Row(i18n.get("memory.tlb.mode." + mode.id()), s.hitRate(),
                String.format(Locale.ROOT, "%.1f %%", 100 * s.hitRate()),
                String.format(Locale.ROOT, "%,d", s.tlbMisses()), s.referencesPerAccess(),
                String.format(Locale.ROOT, "%.2f", s.referencesPerAccess()),
                String.format(Locale.ROOT, "%,d", s.exits()), exitsTip,
                bytes(tlb.reachBytes(mode.tlbPageSize())));
    }

    private Optional<AccessPattern> accessPattern() {
        sizeError.set("");
        return switch (pattern.get()) {
            case SEQUENTIAL -> Optional.of(new AccessPattern.Sequential(START));
            case RANDOM -> Optional.of(new AccessPattern.Random(START, RANDOM_SPAN));
            case WORKING_SET -> workingSetMib().map(mib -> new AccessPattern.WorkingSet(START, mib << 20));
        };
    }

    private Optional<Long> workingSetMib() {
        String text = sizeMib.get() == null ? "" : sizeMib.get().strip();
        try {
            long mib = Long.parseLong(text);
            if (mib >= 1 && mib <= MAX_SIZE_MIB) {
                return Optional.of(mib);
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        sizeError.set(i18n.format("memory.tlb.error.size", "1–" + MAX_SIZE_MIB, text));
        return Optional.empty();
    }

    /** "256 KiB", "128 MiB", "64 GiB": the largest binary unit that keeps it whole. */
    static String bytes(long value) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        long v = value;
        while (unit < units.length - 1 && v >= 1024 && v % 1024 == 0) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%,d %s", v, units[unit]);
    }
}
