package org.virtlab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.SimRandom;

/**
 * {@link PageWalkCache} behaves exactly as the plain implementation below — sets of 4 chosen by a Fibonacci
 * hash of (level, prefix), each set scanned entry by entry, least recently used replaced by access stamp —
 * which is the page-walk cache as it stood before it was indexed for speed (commit bf7cebe). Driven the way
 * {@link WalkCore} drives it: look up the lowest cached level, then remember the levels below it that the
 * walk reads; between walks, INVLPG (forget a tag) and untagged flushes (clear). Every lookup must answer
 * the same, for every size the configuration allows.
 */
class PageWalkCacheReferenceTest {

    /** The reference: the scanning cache, kept deliberately simple. */
    static final class ReferenceCache {
        private static final long GOLDEN = 0x9E3779B97F4A7C15L;
        private final int ways;
        private final int setMask;
        private final long[] keys;
        private final int[] tags;
        private final long[] stamps;
        private long clock;

        ReferenceCache(int entries) {
            this.ways = Math.min(entries, 4);
            this.setMask = entries / ways - 1;
            this.keys = new long[entries];
            this.tags = new int[entries];
            this.stamps = new long[entries];
        }

        private int base(long key) {
            return (int) (((key * GOLDEN) >>> 40) & setMask) * ways;
        }

        private static long key(int level, long address) {
            return (address >>> PageTableConfig.shift(level)) | (long) level << 58;
        }

        int lowestCachedLevel(int levels, int leaf, long address, int tag) {
            for (int level = leaf + 1; level <= levels; level++) {
                long key = key(level, address);
                int base = base(key);
                for (int i = base; i < base + ways; i++) {
                    if (keys[i] == key && tags[i] == tag && stamps[i] != 0) {
                        stamps[i] = ++clock;
                        return level;
                    }
                }
            }
            return 0;
        }

        void remember(int level, long address, int tag) {
            long key = key(level, address);
            int base = base(key);
            int victim = base;
            for (int i = base + 1; i < base + ways; i++) {
                if (stamps[i] < stamps[victim]) {
                    victim = i;
                }
            }
            keys[victim] = key;
            tags[victim] = tag;
            stamps[victim] = ++clock;
        }

        void forget(int tag) {
            for (int i = 0; i < stamps.length; i++) {
                if (tags[i] == tag) {
                    stamps[i] = 0;
                }
            }
        }

        void clear() {
            java.util.Arrays.fill(stamps, 0);
        }
    }

    /** One walk as {@code WalkCore.walkTables} makes it: look up, then remember the levels read below the hit. */
    private static int walk(PageWalkCache fast, ReferenceCache reference, int levels, int leaf, long address,
                            int tag) {
        int expected = reference.lowestCachedLevel(levels, leaf, address, tag);
        int actual = fast.lowestCachedLevel(levels, leaf, address, tag);
        assertEquals(expected, actual, "lowest cached level of " + Long.toHexString(address) + " tag " + tag);
        int start = expected == 0 ? levels : expected - 1;
        for (int level = start; level > leaf; level--) {
            reference.remember(level, address, tag);
            fast.remember(level, address, tag);
        }
        return expected;
    }

    private static long drive(int entries, long seed, int operations) {
        SimRandom random = new SimRandom(seed);
        PageWalkCache fast = new PageWalkCache(entries);
        ReferenceCache reference = new ReferenceCache(entries);
        int[] tagChoices = {0, 1, 4_096, 4_097, WalkCore.context(0xFFFF, 0xFFF), PageWalkCache.hostTag(0),
            PageWalkCache.hostTag(1), PageWalkCache.hostTag(0xFFFF)};
        // addresses clustered so that prefixes repeat at every level: a few regions of 1 GiB and 2 MiB, and the
        // far ends of 48- and 57-bit spaces
        long[] regions = {0, 1L << 30, 0x4c00_0000L, 7L << 30, (1L << 47) - (1L << 30), (1L << 56) - (1L << 31)};
        long hits = 0;
        for (int n = 0; n < operations; n++) {
            int op = random.nextInt(100);
            int tag = tagChoices[random.nextInt(tagChoices.length)];
            if (op == 0) {
                reference.clear();
                fast.clear();
            } else if (op < 3) {
                reference.forget(tag);
                fast.forget(tag);
            } else {
                int levels = random.nextInt(4) == 0 ? 5 : 4;
                int leaf = 1 + random.nextInt(3);
                long span = 1L << (21 + random.nextInt(14));
                long address = regions[random.nextInt(regions.length)] + (random.nextLong() & (span - 1));
                if (levels == 4) {
                    address &= (1L << 48) - 1;
                }
                if (walk(fast, reference, levels, leaf, address, tag) != 0) {
                    hits++;
                }
            }
        }
        return hits;
    }

    @Test
    void everyAllowedSizeAnswersEveryLookupAsTheScanningCacheDid() {
        List<Integer> sizes = new ArrayList<>(List.of(1, 2, 3, 4));
        for (int entries = 8; entries <= TlbConfig.MAX_WALK_CACHE_ENTRIES; entries *= 2) {
            sizes.add(entries);
        }
        for (int entries : sizes) {
            long hits = drive(entries, 1_000 + entries, 40_000);
            // the workload must exercise hits as well as misses (1 entry hits least: about 2 %), or the
            // comparison proves little
            assertTrue(hits > 400 && hits < 39_000, entries + " entries: " + hits + " hits");
        }
    }

    @Test
    void longRunsOfTheTypicalSizeMatchTheReference() {
        // TlbConfig.typical()'s 32 entries, the size the benchmark and most lessons use, over long runs
        for (long seed = 1; seed <= 3; seed++) {
            drive(32, seed, 200_000);
        }
    }
}
