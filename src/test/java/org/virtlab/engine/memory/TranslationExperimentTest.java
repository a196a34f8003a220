package org.virtlab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.virtlab.engine.SimRandom;

/** Access patterns through TLB and walk: hit rates, references per access, exits. */
class TranslationExperimentTest {
    private static final PageTableConfig FOUR = PageTableConfig.fourLevel();
    private static final TranslationMode NATIVE = new TranslationMode.Native(FOUR);
    private static final TranslationMode NESTED = new TranslationMode.Nested(FOUR, FOUR);
    private static final TranslationMode SHADOW = new TranslationMode.Shadow(FOUR, FOUR);
    private static final TlbConfig TLB = new TlbConfig(64, 4, true, 0);
    private static final long GIB = 1L << 30;

    private static TranslationStats run(TranslationMode mode, TlbConfig tlb, MemoryWorkload workload) {
        return TranslationExperiment.run(mode, tlb, workload, new SimRandom(42));
    }

    @Test
    void sequentialWordsHitAllButTheFirstAccessOfEachPage() {
        // 4 KiB / 8-byte words = 512 accesses per page: the first misses, the other 511 hit
        MemoryWorkload scan = MemoryWorkload.of(new AccessPattern.Sequential(GIB), 512 * 100);
        TranslationStats nativeRun = run(NATIVE, TLB, scan);
        assertEquals(100, nativeRun.tlbMisses());
        assertEquals(511.0 / 512, nativeRun.hitRate(), 1e-12);
        assertEquals(4.0 / 512, nativeRun.referencesPerAccess(), 1e-12); // 4 references per miss (SDM)
        TranslationStats nestedRun = run(NESTED, TLB, scan);
        assertEquals(511.0 / 512, nestedRun.hitRate(), 1e-12);
        assertEquals(24.0 / 512, nestedRun.referencesPerAccess(), 1e-12); // 24 per miss (Bhargava et al.)
    }

    @Test
    void aWorkingSetWithinTlbReachMissesOncePerPage() {
        // 64 KiB = 16 pages of 4 KiB, well within the reach of 64 entries (256 KiB)
        TranslationStats stats = run(NATIVE, TLB, MemoryWorkload.of(new AccessPattern.WorkingSet(GIB, 64 << 10), 100_000));
        assertEquals(16, stats.tlbMisses());
    }

    @Test
    void aWorkingSetBeyondTlbReachThrashes() {
        // 16 MiB = 4,096 pages against 64 entries: random accesses hit only about 64 / 4,096 = 1.6 % of the time
        TranslationStats stats = run(NATIVE, TLB, MemoryWorkload.of(new AccessPattern.WorkingSet(GIB, 16 << 20), 100_000));
        assertTrue(stats.hitRate() < 0.03, "hit rate " + stats.hitRate());
        assertTrue(stats.referencesPerAccess() > 3.8, "references per access " + stats.referencesPerAccess());
    }

    @Test
    void untaggedTlbRefillsAfterEveryVmSwitchTaggedKeepsBothVms() {
        // two VMs, each touching 32 pages (128 KiB), switching every 1,000 accesses: 100 switches.
        // Tagged (VPID / ASID): 64 entries hold both VMs' 32 pages (2 per set each, 4 ways): 64 misses in all.
        // Untagged: every switch flushes, so each of the 100 turns misses on all 32 pages again: 3,200.
        MemoryWorkload twoVms = MemoryWorkload.of(new AccessPattern.WorkingSet(GIB, 128 << 10), 100_000)
                .withVmSwitches(2, 1_000);
        TranslationStats tagged = run(NESTED, new TlbConfig(64, 4, true, 0), twoVms);
        TranslationStats untagged = run(NESTED, new TlbConfig(64, 4, false, 0), twoVms);
        assertEquals(64, tagged.tlbMisses());
        assertEquals(0, tagged.tlbFlushes());
        assertEquals(3_200, untagged.tlbMisses());
        assertEquals(100, untagged.tlbFlushes());
        assertEquals(24 * 3_200, untagged.references());
    }

    @Test
    void thePageWalkCacheCutsReferencesPerMiss() {
        // one access per 4 KiB page (stride 4 KiB) misses the TLB every time. Native, with a walk cache:
        // the first page walks 4 levels; the next 511 find their PD entry cached and read only the PT entry;
        // page 512 starts a new 2 MiB region: PDPT entry cached, 2 references; the rest 1 each:
        // 4 + 511 + 2 + 487 = 1,004 references for 1,000 pages instead of 4,000.
        MemoryWorkload pages = MemoryWorkload.of(new AccessPattern.Strided(GIB, 4096), 1_000);
        assertEquals(4_000, run(NATIVE, new TlbConfig(64, 4, true, 0), pages).references());
        assertEquals(1_004, run(NATIVE, new TlbConfig(64, 4, true, 32), pages).references());
        // nested: 24 cold, then 3 per page (see MmuTest), a little more at 2 MiB boundaries
        double nestedCold = run(NESTED, new TlbConfig(64, 4, true, 0), pages).referencesPerAccess();
        double nestedWarm = run(NESTED, new TlbConfig(64, 4, true, 32), pages).referencesPerAccess();
        assertEquals(24.0, nestedCold, 1e-12);
        assertTrue(nestedWarm < 3.1, "nested with a walk cache: " + nestedWarm);
    }

    @Test
    void shadowPagingCountsAnExitForEveryCr3SwitchAndPageTableWrite() {
        // 10,000 accesses, a process switch every 100 (100 CR3 writes) and a page-table write every 50 (200):
        // shadow paging traps all 300 (virtualization.md §2); nested and native none
        MemoryWorkload busy = MemoryWorkload.of(new AccessPattern.WorkingSet(GIB, 64 << 10), 10_000)
                .withProcessSwitches(2, 100).withPageTableWrites(50);
        TranslationStats shadow = run(SHADOW, TLB, busy);
        assertEquals(100, shadow.cr3SwitchExits());
        assertEquals(200, shadow.pageTableWriteExits());
        assertEquals(300, shadow.exits());
        assertEquals(0.03, shadow.exitsPerAccess(), 1e-12);
        assertEquals(0, run(NESTED, TLB, busy).exits());
        assertEquals(0, run(NATIVE, TLB, busy).exits());
        // charged at the caller's prices: references and exits
        assertEquals(shadow.references() * 10 + 300 * 1_000, shadow.cycles(10, 1_000));
    }

    @Test
    void shadowWalksAreCheaperThanNestedButItsExitsAreNot() {
        // virtualization.md §2: a shadow walk costs like native, while nested paging pays on each TLB miss
        MemoryWorkload random = MemoryWorkload.of(new AccessPattern.Random(0, 64 * GIB), 20_000);
        TranslationStats shadow = run(SHADOW, TLB, random);
        TranslationStats nested = run(NESTED, TLB, random);
        assertEquals(shadow.tlbMisses(), nested.tlbMisses());
        assertEquals(6 * shadow.references(), nested.references()); // 24 / 4 per miss
    }

    @Test
    void theSameSeedGivesTheSameStats() {
        MemoryWorkload workload = MemoryWorkload.of(new AccessPattern.Random(GIB, 4 * GIB), 50_000)
                .withProcessSwitches(3, 700).withVmSwitches(2, 1_300).withPageTableWrites(90);
        TlbConfig tlb = new TlbConfig(128, 8, false, 16);
        TranslationStats a = TranslationExperiment.run(SHADOW, tlb, workload, new SimRandom(7));
        TranslationStats b = TranslationExperiment.run(SHADOW, tlb, workload, new SimRandom(7));
        TranslationStats c = TranslationExperiment.run(SHADOW, tlb, workload, new SimRandom(8));
        assertEquals(a, b);
        assertNotEquals(a.references(), c.references());
    }
}
