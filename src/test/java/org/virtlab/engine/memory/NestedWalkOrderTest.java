package org.virtlab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.memory.MemoryReference.Purpose;

/**
 * The order of a nested (EPT / NPT) walk: for each guest level, from the root down, the host walk of the
 * guest-physical address of that guest entry, then the guest entry; last, the host walk of the final
 * guest-physical address (Bhargava et al., ASPLOS 2008, the 2D walk; Intel SDM vol. 3C, EPT: "guest-physical
 * addresses used by paging structures" are translated through EPT; virtualization.md §2: "every guest table
 * reference is itself a guest-physical address translated through the host tables").
 */
class NestedWalkOrderTest {
    private static final long ADDRESS = 0x7ffd_1234_5678L;
    private static final PageTableConfig FOUR = PageTableConfig.fourLevel();

    private static String describe(MemoryReference r) {
        return r.table().id() + " " + r.levelName() + " " + r.purpose().id();
    }

    @Test
    void fourOverFourReadsEachGuestLevelAfterItsHostWalk() {
        Walk walk = new Walker(new TranslationMode.Nested(FOUR, FOUR)).walk(ADDRESS);
        List<String> expected = new ArrayList<>();
        for (String guestLevel : List.of("PML4", "PDPT", "PD", "PT")) {
            for (String hostLevel : List.of("PML4", "PDPT", "PD", "PT")) {
                expected.add("host " + hostLevel + " locate-guest-table");
            }
            expected.add("guest " + guestLevel + " translate");
        }
        for (String hostLevel : List.of("PML4", "PDPT", "PD", "PT")) {
            expected.add("host " + hostLevel + " locate-data");
        }
        // 4 × (4 + 1) + 4 = 24 (Bhargava et al.): steps 1–4 host, 5 guest PML4, ..., 20 guest PT, 21–24 host
        assertEquals(expected, walk.references().stream().map(NestedWalkOrderTest::describe).toList());
        for (int i = 0; i < walk.count(); i++) {
            assertEquals(i + 1, walk.references().get(i).step());
        }
    }

    @Test
    void eachHostWalkTranslatesTheGuestEntryThatFollowsIt() {
        for (PageTableConfig host : List.of(FOUR, new PageTableConfig(4, PageSize.TWO_MIB),
                new PageTableConfig(5, PageSize.FOUR_KIB), new PageTableConfig(5, PageSize.ONE_GIB))) {
            for (PageTableConfig guest : List.of(FOUR, new PageTableConfig(5, PageSize.TWO_MIB))) {
                Walk walk = new Walker(new TranslationMode.Nested(guest, host)).walk(ADDRESS);
                List<MemoryReference> refs = walk.references();
                int m = host.walkedLevels();
                int i = 0;
                for (int level = guest.levels(); level >= guest.leafLevel(); level--) {
                    MemoryReference entry = refs.get(i + m);
                    assertEquals(PageTableKind.GUEST, entry.table());
                    assertEquals(level, entry.level());
                    assertEquals(AddressSpace.GUEST_PHYSICAL, entry.space());
                    assertHostWalk(refs.subList(i, i + m), host, Purpose.LOCATE_GUEST_TABLE, entry.address());
                    i += m + 1;
                }
                assertHostWalk(refs.subList(i, i + m), host, Purpose.LOCATE_DATA,
                        walk.guestPhysicalAddress().orElseThrow());
                assertEquals(refs.size(), i + m);
            }
        }
    }

    private static void assertHostWalk(List<MemoryReference> hostWalk, PageTableConfig host, Purpose purpose,
                                       long guestPhysical) {
        int level = host.levels();
        for (MemoryReference r : hostWalk) {
            assertEquals(PageTableKind.HOST, r.table());
            assertEquals(level--, r.level(), "host levels go from the root down");
            assertEquals(purpose, r.purpose());
            assertEquals(guestPhysical, r.translatedAddress());
            assertEquals(AddressSpace.HOST_PHYSICAL, r.space());
            assertEquals(PageTableConfig.index(guestPhysical, r.level()), r.index());
        }
        assertEquals(host.leafLevel(), level + 1, "the host walk ends at the level that maps its page");
    }

    @Test
    void theFirstHostWalkLocatesTheGuestRootFromGuestCr3() {
        // the guest's CR3 holds a guest-physical address (Bhargava et al.: the walk starts by translating gCR3)
        Walk walk = new Walker(new TranslationMode.Nested(FOUR, FOUR)).walk(ADDRESS);
        MemoryReference first = walk.references().get(0);
        long guestRootEntry = Layout.TABLE_AREA + 3 * Layout.LEVEL_AREA_BYTES + 8L * PageTableConfig.index(ADDRESS, 4);
        assertEquals(guestRootEntry, first.translatedAddress());
        assertEquals(0x4c00_0000L, guestRootEntry & ~0xfffL, "the documented guest CR3 of process 0");
        assertTrue(walk.references().get(4).address() == guestRootEntry);
    }
}
