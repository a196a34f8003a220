package org.virtlab.ui.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.ui.i18n.I18n;

/**
 * The TLB experiment beside the walks: seeded, so the same inputs give the same table; a miss costs each mode
 * its walk (references per access), shadow paging pays in exits instead, and large pages and tags help.
 */
class TlbViewModelTest {
    private final MemoryViewModel memory = new MemoryViewModel(new I18n(Locale.ENGLISH));
    private final TlbViewModel tlb = memory.tlb();

    private TlbViewModel.Row row(String mode) {
        return tlb.rowsProperty().get().stream().filter(r -> r.mode().equals(mode)).findFirst().orElseThrow();
    }

    @Test
    void theSameInputsGiveTheSameTable() {
        List<TlbViewModel.Row> first = tlb.rowsProperty().get();
        TlbViewModel again = new MemoryViewModel(new I18n(Locale.ENGLISH)).tlb();
        assertEquals(first, again.rowsProperty().get());
        assertEquals(List.of("Native", "Shadow", "Nested"), first.stream().map(TlbViewModel.Row::mode).toList());
    }

    @Test
    void aMissCostsEachModeItsWalk() {
        // 1 MiB working set against a 64-entry TLB of 4 KiB pages (256 KiB reach): most accesses miss, and each
        // miss walks 4 entries natively or in shadow tables, 24 nested (virtualization.md §2).
        TlbViewModel.Row nat = row("Native");
        TlbViewModel.Row nested = row("Nested");
        assertEquals(nat.hitRate(), nested.hitRate(), 1e-9, "the same TLB sees the same pages");
        double missRate = 1 - nat.hitRate();
        assertEquals(4 * missRate, nat.referencesPerAccess(), 1e-9);
        assertEquals(24 * missRate, nested.referencesPerAccess(), 0.05 * missRate, "nearly every miss walks 24");
        assertEquals("256 KiB", nat.reachText());
    }

    @Test
    void shadowPagingPaysInExits() {
        // 100,000 accesses: a CR3 switch every 2,000 (50) and a page-table write every 1,000 (100) each trap
        // under shadow paging (KVM write-protects the guest's tables); native and nested take none.
        assertEquals("150", row("Shadow").exitsText());
        assertEquals("150 VM exits: 50 for CR3 switches, 100 for page-table writes", row("Shadow").exitsTip());
        assertEquals("0", row("Native").exitsText());
        assertEquals("0", row("Nested").exitsText());
    }

    @Test
    void largePagesWidenTheReach() {
        double before = row("Native").hitRate();
        memory.chooseGuestPage(PageSize.TWO_MIB);
        assertTrue(row("Native").hitRate() > 0.99, "64 × 2 MiB = 128 MiB covers the 1 MiB working set");
        assertTrue(row("Native").hitRate() > before);
        assertEquals("128 MiB", row("Native").reachText());
        assertEquals("256 KiB", row("Nested").reachText(), "cached at the host's 4 KiB pages");
    }

    @Test
    void anUntaggedTlbLosesItsEntriesAtEverySwitch() {
        double tagged = row("Nested").hitRate();
        tlb.taggedProperty().set(false);
        assertTrue(row("Nested").hitRate() < tagged, "flushed on every process switch and every exit to the host");
    }

    @Test
    void aBadWorkingSetIsRefusedWithItsRange() {
        List<TlbViewModel.Row> before = tlb.rowsProperty().get();
        tlb.sizeMibProperty().set("0");
        assertEquals("Type a whole number of MiB in 1–65536 (was \"0\")", tlb.sizeErrorProperty().get());
        tlb.sizeMibProperty().set("lots");
        assertEquals("Type a whole number of MiB in 1–65536 (was \"lots\")", tlb.sizeErrorProperty().get());
        assertEquals(before, tlb.rowsProperty().get(), "the last results stay");
        tlb.sizeMibProperty().set("64");
        assertEquals("", tlb.sizeErrorProperty().get());
    }

    @Test
    void sequentialAccessesHitAlmostAlways() {
        tlb.patternProperty().set(TlbViewModel.Pattern.SEQUENTIAL);
        // 8-byte words: 512 accesses per 4 KiB page, one miss each.
        assertTrue(row("Nested").hitRate() > 0.99);
        assertTrue(!tlb.sizeUsedBinding().get());
    }
}
