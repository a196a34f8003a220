package org.virtlab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The synthetic addresses are reproducible and behave like real ones. */
class WalkAddressesTest {
    private static final PageTableConfig FOUR = PageTableConfig.fourLevel();
    private static final List<Long> ADDRESSES = List.of(0L, 0x1000L, 0x7ffd_1234_5678L, 0x5555_5555_4000L,
            0x7fff_ffff_ffffL, 0xffff_8000_0000_0000L, 0xffff_ffff_8100_0000L);

    @Test
    void everyEntryIsAnAlignedSlotOfItsTable() {
        // Intel SDM vol. 3A: 4 KiB tables of 512 eight-byte entries, indexed by 9 address bits per level
        for (long va : ADDRESSES) {
            Walk walk = new Walker(new TranslationMode.Nested(FOUR, new PageTableConfig(5, PageSize.TWO_MIB)))
                    .walk(va);
            for (MemoryReference r : walk.references()) {
                long tableBase = r.address() - 8L * r.index();
                assertEquals(0, tableBase % PageTableConfig.TABLE_BYTES, r.toString());
                assertEquals(r.address() & 0xfff, r.hostPhysicalAddress() & 0xfff, "same offset in the page");
                assertTrue(r.index() >= 0 && r.index() < 512);
            }
        }
    }

    @Test
    void nativeIndicesAreTheAddressBits() {
        // Intel SDM vol. 3A: PML4 index = bits 47:39, PDPT 38:30, PD 29:21, PT 20:12
        long va = 0x7ffd_1234_5678L;
        List<Integer> indices = new Walker(new TranslationMode.Native(FOUR)).walk(va).references().stream()
                .map(MemoryReference::index).toList();
        assertEquals(List.of((int) (va >>> 39) & 511, (int) (va >>> 30) & 511, (int) (va >>> 21) & 511,
                (int) (va >>> 12) & 511), indices);
    }

    @Test
    void upperHalfAddressesUseTheUpperHalfOfThePml4() {
        // a canonical kernel address 0xffff_8000_0000_0000 has bit 47 set: PML4 index 256
        Walk walk = new Walker(new TranslationMode.Native(FOUR)).walk(0xffff_8000_0000_0000L);
        assertEquals(256, walk.references().get(0).index());
    }

    @Test
    void shadowAndNestedReachTheSameMachineAddress() {
        // both implement the same two mappings, guest virtual → guest physical → host physical
        for (PageSize guestPage : PageSize.values()) {
            for (PageSize hostPage : PageSize.values()) {
                PageTableConfig guest = new PageTableConfig(4, guestPage);
                PageTableConfig host = new PageTableConfig(5, hostPage);
                for (long va : ADDRESSES) {
                    Walk nested = new Walker(new TranslationMode.Nested(guest, host)).walk(va, 3, 2);
                    Walk shadow = new Walker(new TranslationMode.Shadow(guest, host)).walk(va, 3, 2);
                    assertEquals(nested.physicalAddress(), shadow.physicalAddress());
                    assertEquals(nested.guestPhysicalAddress(), shadow.guestPhysicalAddress());
                    long pageMask = guestPage.bytes() - 1;
                    assertEquals(va & pageMask & (hostPage.bytes() - 1), nested.physicalAddress() & pageMask
                            & (hostPage.bytes() - 1), "the offset survives translation");
                }
            }
        }
    }

    @Test
    void theSameAddressWalksTheSameEntriesAndOtherAddressSpacesOthers() {
        Walker walker = new Walker(new TranslationMode.Nested(FOUR, FOUR));
        long va = 0x7ffd_1234_5678L;
        assertEquals(walker.walk(va, 1, 1), walker.walk(va, 1, 1));
        assertTrue(walker.walk(va, 1, 1).physicalAddress() != walker.walk(va, 2, 1).physicalAddress());
        assertTrue(walker.walk(va, 1, 1).guestPhysicalAddress().orElseThrow()
                != walker.walk(va, 1, 2).guestPhysicalAddress().orElseThrow());
    }

    @Test
    void guestAddressesStayInGuestMemoryAndHostAddressesInHostMemory() {
        for (long va : ADDRESSES) {
            Walk walk = new Walker(new TranslationMode.Nested(new PageTableConfig(5, PageSize.ONE_GIB), FOUR))
                    .walk(va, 65_535, 4_095);
            for (MemoryReference r : walk.references()) {
                if (r.space() == AddressSpace.GUEST_PHYSICAL) {
                    assertTrue(r.address() < Layout.GUEST_MEMORY_BYTES);
                }
                assertTrue(r.hostPhysicalAddress() < Layout.HOST_MEMORY_BYTES);
            }
            assertTrue(walk.guestPhysicalAddress().orElseThrow() < Layout.GUEST_MEMORY_BYTES);
            assertTrue(walk.physicalAddress() >= Layout.DATA_AREA && walk.physicalAddress() < Layout.HOST_MEMORY_BYTES);
        }
    }
}
