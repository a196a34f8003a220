package org.virtlab.engine.memory;

/**
 * A page-walk cache: recently read non-leaf entries (Intel's paging-structure caches; the page walk
 * caches of Bhargava et al., ASPLOS 2008), fully associative, least recently used replaced first. An entry
 * is known by its level and the address bits down to that level's index, tagged with its address space;
 * a hit at level l means the walk can start at level l − 1. Host-table entries are tagged apart from
 * guest-table entries ({@link #hostTag}).
 */
final class PageWalkCache {
    private static final int HOST_TAG_BIT = 1 << 30;

    private final LruArray store;

    PageWalkCache(int entries) {
        this.store = new LruArray(entries, entries);
    }

    static int hostTag(int vm) {
        return HOST_TAG_BIT | vm;
    }

    private static long key(int level, long address) {
        return (address >>> PageTableConfig.shift(level)) << 3 | level;
    }

    /** The lowest level, from {@code leaf + 1} up to {@code levels}, whose entry for {@code address} is cached; 0 if none. */
    int lowestCachedLevel(int levels, int leaf, long address, int tag) {
        for (int level = leaf + 1; level <= levels; level++) {
            if (store.find(key(level, address), tag) >= 0) {
                return level;
            }
        }
        return 0;
    }

    void remember(int level, long address, int tag) {
        store.put(key(level, address), tag, 0);
    }

    /**
     * Drops the entries of one address space (INVLPG drops all paging-structure-cache entries of the current
     * PCID, Intel SDM vol. 3A).
     */
    void forget(int tag) {
        store.removeTag(tag);
    }

    void clear() {
        store.clear();
    }
}
