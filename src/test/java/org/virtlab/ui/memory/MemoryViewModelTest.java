package org.virtlab.ui.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.ui.i18n.I18n;

/**
 * The page-walk animator's state, without a toolkit: the counts of each mode for the tables chosen, the step
 * that lights them, play driven by ticks, and choices and addresses refused with their reasons.
 *
 * <p>Expected counts (../shared/reference/virtualization.md §2): native 4-level paging reads one entry per
 * level, 4 (Intel SDM vol. 3A, 4.5); shadow paging walks its own tables like native, 4; nested paging reads
 * (n+1)(m+1) − 1 entries: 24 for 4 over 4 (Bhargava et al., "Accelerating two-dimensional page walks for
 * virtualized systems", ASPLOS 2008), 35 for 5 over 5, 19 for a 4-level guest over a 3-level host walk (2 MiB
 * host pages).
 */
class MemoryViewModelTest {
    private final MemoryViewModel vm = new MemoryViewModel(new I18n(Locale.ENGLISH));

    @Test
    void opensOnTheWholeWalkOfFourLevelTables() {
        assertEquals(4, vm.nativeColumn().totalProperty().get(), "native 4-level: one entry per level (SDM 3A 4.5)");
        assertEquals(4, vm.shadowColumn().totalProperty().get(), "shadow: like native");
        assertEquals(24, vm.nestedColumn().totalProperty().get(), "nested 4 over 4: Bhargava et al. 2008");
        assertEquals(24, vm.maxStepProperty().get());
        assertEquals(24, vm.stepProperty().get(), "opens with every reference lit");
        assertEquals("24 of 24 references", vm.nestedColumn().countTextBinding().get());
        assertEquals("4 of 4 references", vm.nativeColumn().countTextBinding().get());
        assertEquals("(n+1)(m+1) − 1 = (4+1)(4+1) − 1 = 24", vm.nestedColumn().formulaProperty().get());
        assertEquals("one per level: n = 4", vm.nativeColumn().formulaProperty().get());
        assertEquals("like native: n = 4", vm.shadowColumn().formulaProperty().get());
        assertFalse(vm.playingProperty().get());
    }

    @Test
    void fiveLevelTablesOverFiveLevelTablesMakeThirtyFive() {
        assertTrue(vm.chooseGuestLevels(5));
        assertTrue(vm.chooseHostLevels(5));
        assertEquals(5, vm.nativeColumn().totalProperty().get(), "5-level paging adds the PML5");
        assertEquals(5, vm.shadowColumn().totalProperty().get());
        assertEquals(35, vm.nestedColumn().totalProperty().get(), "(5+1)(5+1) − 1 = 35 (virtualization.md §2)");
        assertEquals("(n+1)(m+1) − 1 = (5+1)(5+1) − 1 = 35", vm.nestedColumn().formulaProperty().get());
        assertEquals(35, vm.stepProperty().get(), "a complete walk stays complete when the tables change");
    }

    @Test
    void twoMibHostPagesMakeNineteen() {
        assertTrue(vm.chooseHostPage(PageSize.TWO_MIB));
        assertEquals(19, vm.nestedColumn().totalProperty().get(),
                "4-level guest over a 3-level host walk: (4+1)(3+1) − 1 = 19 (virtualization.md §2)");
        assertEquals("(n+1)(m+1) − 1 = (4+1)(3+1) − 1 = 19", vm.nestedColumn().formulaProperty().get());
        assertEquals(4, vm.nativeColumn().totalProperty().get(), "the host's pages do not touch the native walk");
        assertEquals(4, vm.shadowColumn().totalProperty().get(), "shadow maps the smaller pages: the guest's 4 KiB");
    }

    @Test
    void shadowTablesOverSmallHostPagesWalkDeeperThanNative() {
        assertTrue(vm.chooseGuestPage(PageSize.ONE_GIB));
        // A 1 GiB guest page ends the native walk at the PDPT (SDM 3A 4.5): 2 levels. The shadow tables can only
        // map what both map, 4 KiB host pages, so they walk all 4.
        assertEquals(2, vm.nativeColumn().totalProperty().get());
        assertEquals(4, vm.shadowColumn().totalProperty().get());
        assertEquals("its tables map 4 KiB pages: n = 4", vm.shadowColumn().formulaProperty().get());
        assertEquals(14, vm.nestedColumn().totalProperty().get(), "(2+1)(4+1) − 1 = 14");
    }

    @Test
    void stepsLightEachWalkUpToItsOwnCount() {
        vm.reset();
        assertEquals(0, vm.stepProperty().get());
        assertEquals("0 of 24 references", vm.nestedColumn().countTextBinding().get());
        assertFalse(vm.canStepBackBinding().get());
        for (int i = 0; i < 5; i++) {
            vm.stepForward();
        }
        assertEquals("5 of 24 references", vm.nestedColumn().countTextBinding().get());
        assertEquals("4 of 4 references", vm.nativeColumn().countTextBinding().get(), "native is done after 4");
        assertTrue(vm.nativeColumn().completeBinding().get());
        assertFalse(vm.nestedColumn().completeBinding().get());
        vm.stepBack();
        vm.stepBack();
        assertEquals("3 of 4 references", vm.nativeColumn().countTextBinding().get());
        assertEquals(3, vm.nestedColumn().shownBinding().get());
        assertTrue(vm.canStepBackBinding().get());
        assertTrue(vm.canStepForwardBinding().get());
    }

    @Test
    void stepForwardStopsAtTheLastReference() {
        for (int i = 0; i < 30; i++) {
            vm.stepForward();
        }
        assertEquals(24, vm.stepProperty().get());
        assertFalse(vm.canStepForwardBinding().get());
    }

    @Test
    void playLightsOneReferencePerTickAndStopsAtTheEnd() {
        vm.play(); // at the end: starts over
        assertTrue(vm.playingProperty().get());
        assertEquals(0, vm.stepProperty().get());
        vm.tick();
        vm.tick();
        assertEquals(2, vm.stepProperty().get());
        for (int i = 0; i < 22; i++) {
            vm.tick();
        }
        assertEquals(24, vm.stepProperty().get());
        assertFalse(vm.playingProperty().get(), "stops after the last reference");
        vm.tick();
        assertEquals(24, vm.stepProperty().get());
    }

    @Test
    void pauseAndSteppingStopPlay() {
        vm.reset();
        vm.togglePlay();
        vm.tick();
        vm.togglePlay();
        assertFalse(vm.playingProperty().get());
        vm.tick();
        assertEquals(1, vm.stepProperty().get(), "no tick counts while paused");
        vm.play();
        vm.stepForward();
        assertFalse(vm.playingProperty().get());
        assertEquals(2, vm.stepProperty().get());
    }

    @Test
    void aWalkInProgressKeepsItsStepWhenTheTablesChange() {
        vm.reset();
        for (int i = 0; i < 20; i++) {
            vm.stepForward();
        }
        vm.chooseHostPage(PageSize.TWO_MIB);
        assertEquals(19, vm.stepProperty().get(), "clamped to the shorter walk");
        vm.chooseHostPage(PageSize.FOUR_KIB);
        assertEquals(24, vm.stepProperty().get(), "19 was the end of the walk, so the longer walk shows complete");
        vm.reset();
        vm.stepForward();
        vm.chooseGuestLevels(5);
        assertEquals(1, vm.stepProperty().get());
    }

    @Test
    void anAddressThatIsNoHexNumberIsRefusedWithTheRange() {
        String before = vm.addressesProperty().get();
        vm.addressTextProperty().set("0x12g4");
        assertEquals("\"0x12g4\" is not a hexadecimal address: use 0x0–0x7fffffffffff or "
                + "0xffff800000000000–0xffffffffffffffff", vm.addressErrorProperty().get());
        assertEquals(before, vm.addressesProperty().get(), "the last valid address is still walked");
        vm.addressTextProperty().set("0x7f00_0000_1000");
        assertEquals("", vm.addressErrorProperty().get());
        assertTrue(vm.addressesProperty().get().startsWith("Guest virtual 0x7f0000001000 → guest physical "),
                vm.addressesProperty().get());
    }

    @Test
    void anAddressBeyondTheGuestsWidthIsRefusedWithTheEnginesReason() {
        // 2^55 needs 57-bit (5-level) addresses; 4 levels give 48 bits (SDM 3A 4.5; PageTableConfig).
        vm.addressTextProperty().set("0x80000000000000");
        assertEquals("0x80000000000000 is beyond the 48-bit address space of 4-level tables: use 0x0–0x7fffffffffff "
                + "or 0xffff800000000000–0xffffffffffffffff", vm.addressErrorProperty().get());
        // Five levels make it valid: the typed address is checked again and walked.
        assertTrue(vm.chooseGuestLevels(5));
        assertEquals("", vm.addressErrorProperty().get());
        assertTrue(vm.addressesProperty().get().startsWith("Guest virtual 0x80000000000000 "));
        assertEquals("0x0–0xffffffffffffff or 0xff00000000000000–0xffffffffffffffff", vm.addressRangeProperty().get());
    }

    @Test
    void fourLevelsAreRefusedWhereChosenWhileTheAddressNeedsFive() {
        vm.chooseGuestLevels(5);
        vm.addressTextProperty().set("0x80000000000000");
        assertFalse(vm.chooseGuestLevels(4));
        assertEquals(5, vm.guestLevelsProperty().get());
        assertEquals("Not changed: 0x80000000000000 is beyond the 48-bit address space of 4-level tables: use "
                + "0x0–0x7fffffffffff or 0xffff800000000000–0xffffffffffffffff", vm.choiceErrorProperty().get());
        assertEquals(29, vm.nestedColumn().totalProperty().get(), "still 5 over 4: (5+1)(4+1) − 1 = 29");
        assertTrue(vm.chooseHostLevels(5));
        assertEquals("", vm.choiceErrorProperty().get(), "a choice taken clears the refusal");
    }

    @Test
    void upperHalfAddressesAreCanonicalToo() {
        vm.addressTextProperty().set("ffff800000001000");
        assertEquals("", vm.addressErrorProperty().get());
        assertEquals(24, vm.nestedColumn().totalProperty().get());
    }

    @Test
    void theNestedGridHasARowPerGuestLevelAndAColumnPerHostLevel() {
        WalkLayout nested = vm.nestedColumn().layoutProperty().get();
        assertEquals(java.util.List.of("PML4", "PDPT", "PD", "PT", "Data"), nested.rowLabels());
        assertEquals(java.util.List.of("PML4", "PDPT", "PD", "PT", "Guest"), nested.columnLabels());
        assertEquals(24, nested.count(), "a (4+1) × (4+1) grid less the data's cell");
        WalkLayout.Cell first = nested.cells().get(0);
        assertEquals("host", first.table());
        assertEquals(0, first.row());
        assertEquals(0, first.column());
        assertTrue(first.description().startsWith("Step 1: EPT/NPT table PML4, entry "), first.description());
        assertTrue(first.description().contains("finds where the guest PML4 entry lies"), first.description());
        WalkLayout.Cell guestRoot = nested.cells().get(4);
        assertEquals("guest", guestRoot.table());
        assertEquals(0, guestRoot.row());
        assertEquals(4, guestRoot.column());
        WalkLayout.Cell last = nested.cells().get(23);
        assertEquals(4, last.row());
        assertEquals(3, last.column());
        assertTrue(last.description().contains("finds the data"), last.description());
        assertEquals(4, nested.dataRow());
        assertEquals(4, nested.dataColumn());

        WalkLayout shadow = vm.shadowColumn().layoutProperty().get();
        assertEquals(1, shadow.columns());
        assertEquals("shadow", shadow.cells().get(3).table());
        assertEquals(3, shadow.cells().get(3).row());
        assertEquals(4, shadow.dataRow());
    }

    @Test
    void theCurrentReferenceIsSaidInWords() {
        vm.reset();
        assertEquals("Press Step or Play: each memory reference lights up in order.", vm.currentBinding().get());
        vm.stepForward();
        assertTrue(vm.currentBinding().get().startsWith("Now (Nested): Step 1: EPT/NPT table PML4"),
                vm.currentBinding().get());
    }

    @Test
    void speaksChinese() {
        MemoryViewModel zh = new MemoryViewModel(new I18n(Locale.SIMPLIFIED_CHINESE));
        zh.reset();
        for (int i = 0; i < 13; i++) {
            zh.stepForward();
        }
        assertEquals("13 / 24 次访存", zh.nestedColumn().countTextBinding().get());
        assertEquals("嵌套分页（EPT/NPT）", zh.nestedColumn().title());
        assertEquals("影子页表", zh.shadowColumn().title());
    }

    @Test
    void aLanguageSwitchKeepsTheChoicesAndTheStep() {
        vm.chooseGuestLevels(5);
        vm.chooseHostPage(PageSize.TWO_MIB);
        vm.reset();
        vm.stepForward();
        vm.stepForward();
        vm.tlb().taggedProperty().set(false);
        MemoryViewModel zh = new MemoryViewModel(new I18n(Locale.SIMPLIFIED_CHINESE));
        zh.carryOverFrom(vm);
        assertEquals(5, zh.guestLevelsProperty().get());
        assertEquals(PageSize.TWO_MIB, zh.hostPageProperty().get());
        assertEquals(2, zh.stepProperty().get());
        assertFalse(zh.tlb().taggedProperty().get());
    }
}
