package org.virtlab.engine.memory;

import java.util.Arrays;

/**
 * A page-walk cache: recently read non-leaf entries (Intel's paging-structure caches; the page walk
 * caches of Bhargava et al., ASPLOS 2008), least recently used replaced first. An entry is known by its
 * level and the address bits down to that level's index, tagged with its address space; a hit at level l
 * means the walk can start at level l − 1. Host-table entries are tagged apart from guest-table entries
 * ({@link #hostTag}).
 *
 * <p>The model: sets of {@link #WAYS} entries (fully associative up to 4 entries), chosen by a Fibonacci
 * hash of the level and address prefix (the tables' aligned addresses would crowd a few sets); within a
 * set an empty entry is filled first, else the least recently used is replaced. For the caches' few dozen
 * entries this is close to full associativity.
 *
 * <p>The implementation: a nested TLB miss asks the cache about 10 times, mostly for entries it does not
 * hold, and fills about 5, so both must take a handful of instructions. One {@code long} per set holds a
 * byte per way (bits 0–31: 0 when empty, else 7 bits of a hash of the entry's key and tag with the top
 * bit set) and the ways in order of use (bits 32–39, 2 bits each, least recent first, empty ways at the
 * least-recent end). A lookup compares the 4 bytes at once (the zero-byte test of Hacker's Delight, 6-1)
 * and checks the full key and tag only where a byte matches, so a miss reads one word; filling takes the
 * least recent way and rotates the order, without a search. Which entries are held and which goes next
 * are exactly as in the plain implementation this replaced (an access stamp per entry, the set scanned
 * entry by entry), which {@code PageWalkCacheReferenceTest} keeps and checks every answer against.
 * Allocates nothing after construction. The lookup is unrolled level by level, so that each level's hit or
 * miss is a branch of its own that the processor learns apart: a nested miss's lookups mostly hit at one
 * level each (the guest walk at the PML4, host walks of guest tables at the PD, of data at the PML4), which
 * a single loop's one branch mispredicts; unrolled, a nested random translation took about 12 % less time.
 *
 * <p>Contract with {@link WalkCore}: {@link #remember} is called only for entries that
 * {@link #lowestCachedLevel} has just found absent, so a set never holds an entry twice.
 */
final class PageWalkCache {
    static final int WAYS = 4;
    private static final int HOST_TAG_BIT = 1 << 30;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Mixes the tag into the signature (an odd constant unrelated to GOLDEN). */
    private static final long TAG_MIX = 0xC2B2AE3D27D4EB4FL;
    private static final long LOW_BYTES = 0x01010101L;
    private static final long HIGH_BITS = 0x80808080L;
    private static final long SIGNATURES = 0xFFFF_FFFFL;
    private static final int ORDER_SHIFT = 32;
    private static final int WAY_BITS = 2;
    /**
     * For w ways (index w − 1), at {@code order << WAY_BITS | way}: the order of use after {@code way} is used
     * (it moves to the most recent end), and after it is emptied (to the least recent end).
     */
    private static final byte[][] TO_MOST_RECENT = new byte[WAYS][];
    private static final byte[][] TO_LEAST_RECENT = new byte[WAYS][];

    static {
        for (int ways = 1; ways <= WAYS; ways++) {
            TO_MOST_RECENT[ways - 1] = reorderTable(ways, true);
            TO_LEAST_RECENT[ways - 1] = reorderTable(ways, false);
        }
    }

    private final int ways;
    private final int setMask;
    /** Where the most recent way sits in the order: 2 × (ways − 1). */
    private final int mostRecentShift;
    private final byte[] toMostRecent;
    private final byte[] toLeastRecent;
    private final long emptySet;
    /** Per entry, at {@code set × 4 + way} (4 even when fewer ways). */
    private final long[] keys;
    private final int[] tags;
    /** Per set: the signature bytes and the order of use (see above). */
    private final long[] sets;

    PageWalkCache(int entries) {
        this.ways = Math.min(entries, WAYS);
        int setCount = entries / ways;
        if (entries < 1 || setCount * ways != entries || Integer.bitCount(setCount) != 1) {
            throw new IllegalArgumentException("entries must be 1 to 4 or a power of two, was " + entries);
        }
        this.setMask = setCount - 1;
        this.mostRecentShift = WAY_BITS * (ways - 1);
        this.toMostRecent = TO_MOST_RECENT[ways - 1];
        this.toLeastRecent = TO_LEAST_RECENT[ways - 1];
        this.emptySet = (long) identityOrder(ways) << ORDER_SHIFT;
        this.keys = new long[setCount << WAY_BITS];
        this.tags = new int[setCount << WAY_BITS];
        this.sets = new long[setCount];
        Arrays.fill(sets, emptySet);
    }

    static int hostTag(int vm) {
        return HOST_TAG_BIT | vm;
    }

    /** The prefix in the low bits, the level above the 57 address bits. */
    private static long key(int level, long address) {
        return (address >>> PageTableConfig.shift(level)) | (long) level << 58;
    }

    /** 0x80–0xff: never 0, the mark of an empty way. */
    private static long signature(long hashed, int tag) {
        return (hashed ^ tag * TAG_MIX) >>> 57 | 0x80;
    }

    /**
     * The lowest level, from {@code leaf + 1} up to {@code levels}, whose entry for {@code address} is cached
     * (it becomes its set's most recently used); 0 if none.
     */
    int lowestCachedLevel(int levels, int leaf, long address, int tag) {
        // unrolled (at most 4 levels: 2 to 5), so that each level's hit or miss is a branch of its own
        int level = leaf + 1;
        if (level > levels || hit(level, address, tag)) {
            return level > levels ? 0 : level;
        }
        if (++level > levels || hit(level, address, tag)) {
            return level > levels ? 0 : level;
        }
        if (++level > levels || hit(level, address, tag)) {
            return level > levels ? 0 : level;
        }
        if (++level > levels || hit(level, address, tag)) {
            return level > levels ? 0 : level;
        }
        return 0;
    }

    /**
     * {@link #lowestCachedLevel} for 4-level tables with 4 KiB pages (levels 4, leaf 1): the same answer and
     * effect, with the levels constant so that each lookup's shifts fold.
     */
    int lowestCachedLevelOfFour(long address, int tag) {
        if (hit(2, address, tag)) {
            return 2;
        }
        if (hit(3, address, tag)) {
            return 3;
        }
        return hit(4, address, tag) ? 4 : 0;
    }

    /** Whether the entry of {@code level} for {@code address} is cached; if so it becomes its set's most recent. */
    private boolean hit(int level, long address, int tag) {
        long key = key(level, address);
        long hashed = key * GOLDEN;
        int set = (int) (hashed >>> 40) & setMask;
        long state = sets[set];
        long differs = state ^ signature(hashed, tag) * LOW_BYTES;
        long candidates = (differs - LOW_BYTES) & ~differs & HIGH_BITS; // a high bit under each zero byte
        while (candidates != 0) {
            int way = Long.numberOfTrailingZeros(candidates) >>> 3;
            int entry = set << WAY_BITS | way;
            if (keys[entry] == key && tags[entry] == tag) {
                int order = (int) (state >>> ORDER_SHIFT);
                sets[set] = state & SIGNATURES
                        | (long) (toMostRecent[order << WAY_BITS | way] & 0xFF) << ORDER_SHIFT;
                return true;
            }
            candidates &= candidates - 1;
        }
        return false;
    }

    /**
     * Holds the entry in its set's least recently used way (an empty one if any), which becomes the most
     * recent: the order rotates by one way.
     */
    void remember(int level, long address, int tag) {
        long key = key(level, address);
        long hashed = key * GOLDEN;
        int set = (int) (hashed >>> 40) & setMask;
        long state = sets[set];
        int order = (int) (state >>> ORDER_SHIFT);
        int way = order & (WAYS - 1);
        keys[set << WAY_BITS | way] = key;
        tags[set << WAY_BITS | way] = tag;
        int shift = Byte.SIZE * way;
        long signatures = state & SIGNATURES & ~(0xFFL << shift) | signature(hashed, tag) << shift;
        sets[set] = signatures | (long) (order >>> WAY_BITS | way << mostRecentShift) << ORDER_SHIFT;
    }

    /**
     * Drops the entries of one address space (INVLPG drops all paging-structure-cache entries of the current
     * PCID, Intel SDM vol. 3A).
     */
    void forget(int tag) {
        for (int set = 0; set <= setMask; set++) {
            for (int way = 0; way < ways; way++) {
                long byteMask = 0xFFL << (Byte.SIZE * way);
                long state = sets[set];
                if ((state & byteMask) != 0 && tags[set << WAY_BITS | way] == tag) {
                    int order = (int) (state >>> ORDER_SHIFT);
                    sets[set] = state & SIGNATURES & ~byteMask
                            | (long) (toLeastRecent[order << WAY_BITS | way] & 0xFF) << ORDER_SHIFT;
                }
            }
        }
    }

    void clear() {
        Arrays.fill(sets, emptySet);
    }

    /** Ways 0, 1, ... from least to most recent. */
    private static int identityOrder(int ways) {
        int order = 0;
        for (int position = 0; position < ways; position++) {
            order |= position << (WAY_BITS * position);
        }
        return order;
    }

    /**
     * For every order of {@code ways} ways (position 0 = least recent, 2 bits each) and every way: the order
     * with that way moved to the most recent end, or to the least recent end.
     */
    private static byte[] reorderTable(int ways, boolean toMostRecent) {
        int orders = 1 << (WAY_BITS * WAYS);
        byte[] table = new byte[orders << WAY_BITS];
        for (int order = 0; order < orders; order++) {
            for (int way = 0; way < WAYS; way++) {
                int[] rest = new int[ways];
                int kept = 0;
                for (int position = 0; position < ways; position++) {
                    int atPosition = (order >>> (WAY_BITS * position)) & (WAYS - 1);
                    if (atPosition != way && kept < ways - 1) {
                        rest[kept++] = atPosition;
                    }
                }
                int result = 0;
                int position = 0;
                if (!toMostRecent) {
                    result |= way << (WAY_BITS * position++);
                }
                for (int i = 0; i < kept; i++) {
                    result |= rest[i] << (WAY_BITS * position++);
                }
                if (toMostRecent) {
                    result |= way << (WAY_BITS * position);
                }
                table[order << WAY_BITS | way] = (byte) result;
            }
        }
        return table;
    }
}
