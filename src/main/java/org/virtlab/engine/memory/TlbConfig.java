package org.virtlab.engine.memory;

/**
 * The translation caches of one core.
 *
 * @param entries          TLB entries, 1 to 65,536
 * @param ways             entries per set: 1 (direct mapped) to {@code entries} (fully associative);
 *                         {@code entries / ways} must be a power of two
 * @param tagged           whether entries carry their address space (Intel VPID / AMD ASID for the VM, with
 *                         PCID for the process), so they survive switches; untagged, every switch (between
 *                         processes, between VMs, or to the host and back) flushes the TLB and the walk cache
 * @param walkCacheEntries page-walk cache entries (non-leaf entries of either table): 0 for none, 1 to 4 (fully
 *                         associative) or a power of two up to 1,024 (sets of 4)
 */
public record TlbConfig(int entries, int ways, boolean tagged, int walkCacheEntries) {
    public static final int MAX_ENTRIES = 65_536;
    public static final int MAX_WALK_CACHE_ENTRIES = 1_024;

    public TlbConfig {
        checkGeometry(entries, ways);
        if (walkCacheEntries < 0 || walkCacheEntries > MAX_WALK_CACHE_ENTRIES
                || (walkCacheEntries > PageWalkCache.WAYS && Integer.bitCount(walkCacheEntries) != 1)) {
            throw new IllegalArgumentException("walkCacheEntries must be 0, 1 to 4, or a power of two up to "
                    + MAX_WALK_CACHE_ENTRIES + ", was " + walkCacheEntries);
        }
    }

    /** A 64-entry, 4-way, tagged TLB with a 32-entry page-walk cache: the size of a first-level data TLB. */
    public static TlbConfig typical() {
        return new TlbConfig(64, 4, true, 32);
    }

    /** The memory the TLB can map at once with pages of {@code pageSize}. */
    public long reachBytes(PageSize pageSize) {
        return (long) entries * pageSize.bytes();
    }

    static void checkGeometry(int entries, int ways) {
        if (entries < 1 || entries > MAX_ENTRIES) {
            throw new IllegalArgumentException("entries must be between 1 and " + MAX_ENTRIES + ", was " + entries);
        }
        if (ways < 1 || ways > entries) {
            throw new IllegalArgumentException("ways must be between 1 and " + entries + " (the entries), was " + ways);
        }
        int sets = entries / ways;
        if (sets * ways != entries || Integer.bitCount(sets) != 1) {
            throw new IllegalArgumentException("entries / ways (the number of sets) must be a power of two, was "
                    + entries + " / " + ways);
        }
    }
}
