package org.virtlab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.memory.MemoryReference.Purpose;

/** The MMU: TLB in front of the walk, the page-walk cache inside it, switches and exits. */
class MmuTest {
    private static final PageTableConfig FOUR = PageTableConfig.fourLevel();
    private static final TranslationMode NESTED = new TranslationMode.Nested(FOUR, FOUR);

    @Test
    void aTlbHitMakesNoReferences() {
        Mmu mmu = new Mmu(NESTED, new TlbConfig(64, 4, true, 0));
        Walk miss = mmu.walk(0x7ffd_1234_5678L);
        Walk hit = mmu.walk(0x7ffd_1234_5000L); // same 4 KiB page
        assertFalse(miss.tlbHit());
        assertEquals(24, miss.count());
        assertTrue(hit.tlbHit());
        assertEquals(0, hit.count());
        assertEquals(miss.physicalAddress() - 0x678, hit.physicalAddress());
        assertEquals(new TranslationStats(2, 1, 24, 0, 0, 0), mmu.stats());
    }

    @Test
    void translateAndWalkAgree() {
        Mmu fast = new Mmu(NESTED, TlbConfig.typical());
        Mmu explained = new Mmu(NESTED, TlbConfig.typical());
        for (long va = 0x4000_0000L; va < 0x4000_0000L + (8L << 20); va += 12_345) {
            assertEquals(explained.walk(va).physicalAddress(), fast.translate(va));
        }
        assertEquals(explained.stats(), fast.stats());
    }

    @Test
    void aWarmWalkCacheShortensTheNextPagesNestedWalkToThreeReferences() {
        // page 1 after page 0 of the same 2 MiB region: the guest PD entry is cached (skip guest levels 4–2 and
        // their host walks); the host PD entries for the guest PT and for the data are cached too, so:
        // host PT entry (locating the guest PT), the guest PT entry, host PT entry (locating the data)
        Mmu mmu = new Mmu(NESTED, new TlbConfig(64, 4, true, 32));
        // even the first walk gains: the guest's tables lie in one guest-physical gigabyte, so after the host
        // walk of guest CR3 (4) the host walks of the guest PDPT, PD and PT start at the host PD (2 each), and
        // the data, in another gigabyte, at the host PDPT (3): 4 + 1 + 3 × (2 + 1) + 3 = 17 instead of 24
        assertEquals(17, mmu.walk(0x4000_0000L).count());
        List<MemoryReference> next = mmu.walk(0x4000_1000L).references();
        assertEquals(List.of("host PT locate-guest-table", "guest PT translate", "host PT locate-data"),
                next.stream().map(r -> r.table().id() + " " + r.levelName() + " " + r.purpose().id()).toList());
        assertEquals(Purpose.LOCATE_DATA, next.get(2).purpose());
    }

    @Test
    void untaggedTlbIsFlushedOnEverySwitchAndTaggedSurvives() {
        // virtualization.md §2: VPID / ASID let translations survive VM entries and exits; without them the TLB is
        // flushed on each switch
        for (boolean tagged : new boolean[] {false, true}) {
            Mmu mmu = new Mmu(NESTED, new TlbConfig(64, 4, tagged, 0));
            mmu.translate(0x1000);
            mmu.switchVm(1);
            mmu.switchVm(0);
            mmu.translate(0x1000);
            assertEquals(tagged ? 1 : 0, mmu.stats().tlbHits());
            assertEquals(tagged ? 0 : 2, mmu.stats().tlbFlushes());
        }
    }

    @Test
    void shadowPagingChargesAnExitPerCr3SwitchAndPageTableWrite() {
        // virtualization.md §2: under shadow paging guest page-table writes are trapped and emulated and guest
        // CR3 switches trap; under nested paging neither does
        for (TranslationMode mode : List.of(new TranslationMode.Shadow(FOUR, FOUR), NESTED)) {
            Mmu mmu = new Mmu(mode, TlbConfig.typical());
            mmu.translate(0x1000);
            mmu.writePageTable(0x1000);
            mmu.switchProcess(1);
            mmu.switchProcess(0);
            boolean shadow = mode instanceof TranslationMode.Shadow;
            assertEquals(shadow ? 1 : 0, mmu.stats().pageTableWriteExits());
            assertEquals(shadow ? 2 : 0, mmu.stats().cr3SwitchExits());
        }
    }

    @Test
    void aPageTableWriteInvalidatesThatPage() {
        Mmu mmu = new Mmu(NESTED, TlbConfig.typical());
        mmu.translate(0x1000);
        mmu.translate(0x2000);
        mmu.writePageTable(0x1000);
        mmu.translate(0x1000);
        mmu.translate(0x2000);
        assertEquals(1, mmu.stats().tlbHits());
    }

    @Test
    void largePagesAreCachedWhole() {
        // one 2 MiB TLB entry covers 512 pages of 4 KiB when both guest and host map 2 MiB pages
        PageTableConfig large = new PageTableConfig(4, PageSize.TWO_MIB);
        Mmu mmu = new Mmu(new TranslationMode.Nested(large, large), new TlbConfig(64, 4, true, 0));
        for (long va = 0; va < (2L << 20); va += 4096) {
            mmu.translate(va);
        }
        assertEquals(new TranslationStats(512, 511, 15, 0, 0, 0), mmu.stats()); // (3 + 1)(3 + 1) − 1 = 15
    }

    @Test
    void nativeModeRefusesVmSwitches() {
        Mmu mmu = new Mmu(new TranslationMode.Native(FOUR), TlbConfig.typical());
        assertThrows(IllegalStateException.class, () -> mmu.switchVm(1));
        assertThrows(IllegalArgumentException.class, () -> mmu.switchProcess(4_096));
        assertThrows(IllegalArgumentException.class, () -> mmu.translate(0x8000_0000_0000L));
    }
}
