package org.virtlab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.SimRandom;

/**
 * The translation engine's results, pinned: every mode (with several level counts and page sizes) × every
 * access pattern × TLB and page-walk-cache geometries (tagged and untagged, cache off, fully associative,
 * sets of 4) × quiet and disturbed workloads (process and VM switches, page-table writes), seeded, folded
 * into one hash per mode.
 *
 * <p>The expected hashes were recorded from the implementation before the page-walk cache was re-indexed
 * for speed (commit bf7cebe's scanning {@code LruArray} behind {@code PageWalkCache}); the speed-up must
 * change no hit, miss, reference or LRU decision, so any difference here is a behaviour change, not noise.
 * {@link PageWalkCacheReferenceTest} checks the cache itself against that implementation, kept in the
 * tests, on random operations.
 */
class TranslationGoldenTest {
    private static final long GIB = 1L << 30;
    private static final PageTableConfig FOUR = PageTableConfig.fourLevel();
    private static final PageTableConfig FIVE = new PageTableConfig(5, PageSize.FOUR_KIB);
    private static final PageTableConfig FOUR_2M = new PageTableConfig(4, PageSize.TWO_MIB);
    private static final PageTableConfig FOUR_1G = new PageTableConfig(4, PageSize.ONE_GIB);

    static final List<TranslationMode> MODES = List.of(
            new TranslationMode.Native(FOUR),
            new TranslationMode.Native(FIVE),
            new TranslationMode.Native(FOUR_2M),
            new TranslationMode.Shadow(FOUR, FOUR),
            new TranslationMode.Shadow(FIVE, FOUR_2M),
            new TranslationMode.Nested(FOUR, FOUR),
            new TranslationMode.Nested(FIVE, FIVE),
            new TranslationMode.Nested(FOUR, FOUR_2M),
            new TranslationMode.Nested(FOUR_1G, FOUR));

    static final List<AccessPattern> PATTERNS = List.of(
            new AccessPattern.Sequential(GIB),
            new AccessPattern.Strided(GIB, 4096),
            new AccessPattern.Strided(0, (2L << 20) + 4096),
            new AccessPattern.Random(0, 64 * GIB),
            new AccessPattern.Random(GIB, 4 * GIB),
            new AccessPattern.WorkingSet(GIB, 1L << 20),
            new AccessPattern.WorkingSet(3 * GIB, 64L << 20));

    static final List<TlbConfig> TLBS = List.of(
            new TlbConfig(64, 4, true, 0),
            new TlbConfig(64, 4, true, 32),
            new TlbConfig(64, 4, false, 32),
            new TlbConfig(16, 16, true, 4),
            new TlbConfig(1, 1, true, 1),
            new TlbConfig(32, 2, true, 3),
            new TlbConfig(128, 8, false, 1_024),
            new TlbConfig(8, 1, true, 8));

    /** Per mode, in the order of {@link #MODES}: recorded from commit bf7cebe's implementation (see above). */
    private static final List<String> EXPECTED = List.of(
            "d2269413732eb8d6", "ccebd10b4eeb526", "bf5089ab92d075e1",
            "de11e42163f07567", "6985a1b424a13263",
            "ac231fe5cba075e8", "704b3d277371a023", "cf8cd8a4a3ae2388", "5a80107287d77a1a");

    static List<MemoryWorkload> workloads(TranslationMode mode) {
        List<MemoryWorkload> out = new ArrayList<>();
        for (AccessPattern pattern : PATTERNS) {
            MemoryWorkload quiet = MemoryWorkload.of(pattern, 20_000);
            out.add(quiet);
            MemoryWorkload busy = quiet.withProcessSwitches(3, 997).withPageTableWrites(313);
            out.add(mode instanceof TranslationMode.Native ? busy : busy.withVmSwitches(2, 1_499));
        }
        return out;
    }

    /** FNV-1a over every count of every run, in a fixed order. */
    static String hash(TranslationMode mode) {
        long h = 0xcbf29ce484222325L;
        long seed = 1;
        for (TlbConfig tlb : TLBS) {
            for (MemoryWorkload workload : workloads(mode)) {
                TranslationStats s = TranslationExperiment.run(mode, tlb, workload, new SimRandom(seed++));
                for (long v : new long[] {s.accesses(), s.tlbHits(), s.references(), s.pageTableWriteExits(),
                        s.cr3SwitchExits(), s.tlbFlushes()}) {
                    h = (h ^ v) * 0x100000001b3L;
                }
            }
        }
        return Long.toHexString(h);
    }

    @Test
    void everyModePatternAndCacheGivesTheRecordedStats() {
        List<String> actual = MODES.stream().map(TranslationGoldenTest::hash).toList();
        assertEquals(EXPECTED, actual);
    }
}
