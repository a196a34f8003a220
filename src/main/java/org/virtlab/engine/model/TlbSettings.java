package org.virtlab.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * How the Memory tab's TLB experiment is set up when a scenario opens: the access pattern, the TLB's size, and
 * whether its entries are tagged and a page-walk cache helps. Layout for the window, as {@link ViewState} is: the
 * simulation ignores it. The defaults are the tab's own.
 *
 * @param pattern   which addresses the program touches
 * @param sizeMib   the working set, 1 to {@value #MAX_SIZE_MIB} MiB (used by {@link Pattern#WORKING_SET} only)
 * @param entries   TLB entries, one of {@link #ENTRIES}
 * @param tagged    whether entries carry their address space (Intel VPID / AMD ASID, with PCID) and survive
 *                  switches; untagged, every switch flushes the TLB
 * @param walkCache whether a page-walk cache skips the upper levels of walks
 */
public record TlbSettings(Pattern pattern, long sizeMib, int entries, boolean tagged, boolean walkCache) {
    /** The shapes of access the experiment offers. */
    public enum Pattern { SEQUENTIAL, RANDOM, WORKING_SET }

    /** The TLB sizes the experiment offers: 4-way, and the 12-way 1,536-entry second-level TLB of recent cores. */
    public static final List<Integer> ENTRIES = List.of(16, 32, 64, 128, 256, 512, 1024, 1536);
    public static final long MIN_SIZE_MIB = 1;
    public static final long MAX_SIZE_MIB = 65_536;
    /** A 1 MiB working set through 64 tagged entries, no walk cache: what the tab shows before any choice. */
    public static final TlbSettings DEFAULT = new TlbSettings(Pattern.WORKING_SET, 1, 64, true, false);

    public TlbSettings {
        Objects.requireNonNull(pattern, "pattern");
        Ranges.check("sizeMib", sizeMib, MIN_SIZE_MIB, MAX_SIZE_MIB);
        if (!ENTRIES.contains(entries)) {
            throw new IllegalArgumentException("entries must be one of " + ENTRIES + ", was " + entries);
        }
    }

    public TlbSettings withPattern(Pattern newPattern) {
        return new TlbSettings(newPattern, sizeMib, entries, tagged, walkCache);
    }

    public TlbSettings withSizeMib(long newSizeMib) {
        return new TlbSettings(pattern, newSizeMib, entries, tagged, walkCache);
    }

    public TlbSettings withEntries(int newEntries) {
        return new TlbSettings(pattern, sizeMib, newEntries, tagged, walkCache);
    }

    public TlbSettings withTagged(boolean newTagged) {
        return new TlbSettings(pattern, sizeMib, entries, newTagged, walkCache);
    }

    public TlbSettings withWalkCache(boolean newWalkCache) {
        return new TlbSettings(pattern, sizeMib, entries, tagged, newWalkCache);
    }
}
