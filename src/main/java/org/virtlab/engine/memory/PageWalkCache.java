package org.virtlab.engine.memory;

/**
 * A page-walk cache: recently read non-leaf entries (Intel's paging-structure caches; the page walk
 * caches of Bhargava et al., ASPLOS 2008), least recently used replaced first. An entry is known by its
 * level and the address bits down to that level's index, tagged with its address space; a hit at level l
 * means the walk can start at level l − 1. Host-table entries are tagged apart from guest-table entries
 * ({@link #hostTag}).
 *
 * <p>Sets of {@link #WAYS} entries (fully associative up to 4 entries), chosen by a hash of the level and
 * address prefix (the tables' aligned addresses would crowd a few sets): a nested miss looks the cache up a dozen times, and scanning 4 entries instead of all keeps
 * translation above 10 million a second. For the caches' few dozen entries this is close to full
 * associativity.
 */
final class PageWalkCache {
    private static final int HOST_TAG_BIT = 1 << 30;
    static final int WAYS = 4;

    private final LruArray store;

    PageWalkCache(int entries) {
        this.store = new LruArray(entries, Math.min(entries, WAYS), true);
    }

    static int hostTag(int vm) {
        return HOST_TAG_BIT | vm;
    }

    /** The prefix in the low bits, the level above the 57 address bits. */
    private static long key(int level, long address) {
        return (address >>> PageTableConfig.shift(level)) | (long) level << 58;
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
