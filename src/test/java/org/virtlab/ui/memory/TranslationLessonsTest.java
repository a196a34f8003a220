package org.virtlab.ui.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.scenario.ScenarioException;
import org.virtlab.ui.i18n.I18n;

/**
 * The address-translation lessons show in the Memory tab what their texts say. Each lesson file is loaded and
 * applied as the shell applies it ({@link MemoryViewModel#reset(Scenario)}); the walk counts and the TLB table are
 * the engine's ({@code Walker}, {@code TranslationExperiment}), read from the view model as the tab shows them,
 * and every number is also looked for in the lesson's English and Chinese texts.
 *
 * <p>Walk counts: virtualization.md §2 — native one entry per level (Intel SDM vol. 3A, 4.5), nested
 * (n+1)(m+1) − 1 (Bhargava et al., ASPLOS 2008: 24 for 4 over 4), a 2 MiB page ending the walk a level early.
 * TLB numbers: what {@code TranslationExperiment} gives for the lesson's settings with the tab's workload
 * (100,000 accesses, seed 42, two processes switching every 2,000, a page-table write every 1,000, an exit to the
 * host every 1,000: {@link TlbViewModel}); recorded from the engine and pinned here.
 */
class TranslationLessonsTest {
    private final MemoryViewModel memory = new MemoryViewModel(new I18n(Locale.ENGLISH));

    private Scenario open(String id) throws ScenarioException {
        Scenario lesson = Lessons.load(id).scenario();
        assertEquals("memory", lesson.view().tab(), id + " opens on the Memory tab");
        memory.reset(lesson);
        return lesson;
    }

    /** Both languages of the lesson's goal and steps state each fragment. */
    private static void assertSays(Scenario lesson, String... fragments) {
        for (String language : new String[] {"en", "zh"}) {
            String text = Stream.concat(Stream.of(lesson.goal()), lesson.steps().stream())
                    .map(t -> language.equals("en") ? t.en() : t.zh()).collect(Collectors.joining("\n"));
            for (String fragment : fragments) {
                assertTrue(text.contains(fragment), language + " text lacks \"" + fragment + "\":\n" + text);
            }
        }
    }

    private TlbViewModel.Row row(String mode) {
        return memory.tlb().rowsProperty().get().stream().filter(r -> r.mode().equals(mode)).findFirst()
                .orElseThrow();
    }

    private int walk(WalkColumnViewModel column) {
        return column.totalProperty().get();
    }

    @Test
    void pageWalkCountsNativeShadowAndNestedWalks() throws ScenarioException {
        Scenario lesson = open("mem-page-walk");
        assertSays(lesson, "4", "24", "35", "(5+1)(5+1) − 1", "19", "(4+1)(3+1) − 1");
        // step 1: 4-level tables of 4 KiB pages on both sides
        assertEquals(4, walk(memory.nativeColumn()), "native: one entry per level");
        assertEquals(4, walk(memory.shadowColumn()), "shadow: like native");
        assertEquals(24, walk(memory.nestedColumn()), "(4+1)(4+1) − 1");
        memory.reset(); // "press Reset under the walks, then Step"
        assertEquals(0, memory.stepProperty().get());
        memory.stepForward();
        assertEquals(1, memory.stepProperty().get());
        // step 2: 5 levels each side (LA57)
        assertTrue(memory.chooseGuestLevels(5));
        assertTrue(memory.chooseHostLevels(5));
        assertEquals(5, walk(memory.nativeColumn()));
        assertEquals(35, walk(memory.nestedColumn()), "(5+1)(5+1) − 1");
        // step 3: back to 4 levels, 2 MiB host pages: the host walk ends at the PD, 3 levels
        assertTrue(memory.chooseGuestLevels(4));
        assertTrue(memory.chooseHostLevels(4));
        assertTrue(memory.chooseHostPage(PageSize.TWO_MIB));
        assertEquals(19, walk(memory.nestedColumn()), "(4+1)(3+1) − 1");
        assertEquals(4, walk(memory.nativeColumn()), "native stays at 4");
    }

    @Test
    void tlbTagsKeepTheEntriesAcrossExitsToTheHost() throws ScenarioException {
        Scenario lesson = open("mem-tlb-vpid");
        assertSays(lesson, "100,000", "1,000", "2,000", "1 MiB", "512", "2 MiB", "87.2 %", "50", "74.9 %", "25,120", "24", "6.03", "99.4 %", "610", "512",
                "0.15", "150", "100");
        assertFalse(memory.tlb().taggedProperty().get(), "opens with Tagged off");
        assertEquals(512, memory.tlb().entriesProperty().get());
        assertEquals("2 MiB", row("Native").reachText(), "512 entries × 4 KiB");
        // untagged: native flushed at the 100,000 / 2,000 = 50 process switches; shadow and nested at every exit too
        assertEquals("87.2 %", row("Native").hitRateText());
        assertEquals("74.9 %", row("Shadow").hitRateText());
        assertEquals("74.9 %", row("Nested").hitRateText());
        assertEquals("25,120", row("Nested").missesText());
        assertEquals("6.03", row("Nested").referencesText(), "24 references per nested miss");
        assertEquals(24 * 25_120 / 100_000.0, row("Nested").referencesPerAccess(), 1e-12);
        assertEquals("150", row("Shadow").exitsText());
        // step 2: tagged (VPID / ASID, PCID)
        memory.tlb().taggedProperty().set(true);
        for (String mode : new String[] {"Native", "Shadow", "Nested"}) {
            assertEquals("99.4 %", row(mode).hitRateText(), mode);
            assertEquals("610", row(mode).missesText(), mode);
        }
        // 2 processes × 1 MiB / 4 KiB = 512 pages, each missed once when first touched; the rest are conflicts
        assertTrue(row("Nested").hitRate() <= 1 - 512 / 100_000.0);
        assertEquals("0.15", row("Nested").referencesText());
        // step 3: shadow paging's exits are the same either way: 50 CR3 switches + 100,000 / 1,000 page-table writes
        assertEquals("150", row("Shadow").exitsText());
        assertTrue(row("Shadow").exitsTip().contains("50 for CR3 switches, 100 for page-table writes"),
                row("Shadow").exitsTip());
    }

    @Test
    void largePagesWidenTheTlbsReachAndShortenTheWalk() throws ScenarioException {
        Scenario lesson = open("mem-large-pages");
        assertSays(lesson, "64", "256 KiB", "64 MiB", "0.4 %", "3.98", "23.91", "128 MiB", "99.8 %", "19",
                "15 = (3+1)(3+1) − 1", "0.02");
        assertEquals("64", memory.tlb().sizeMibProperty().get());
        assertEquals(64, memory.tlb().entriesProperty().get());
        // step 1: 4 KiB pages everywhere: 64 × 4 KiB = 256 KiB against 64 MiB
        for (String mode : new String[] {"Native", "Shadow", "Nested"}) {
            assertEquals("256 KiB", row(mode).reachText(), mode);
            assertEquals("0.4 %", row(mode).hitRateText(), mode);
        }
        assertEquals("3.98", row("Native").referencesText(), "4 per miss");
        assertEquals("23.91", row("Nested").referencesText(), "24 per miss");
        // step 2: 2 MiB guest pages: native reaches 64 × 2 MiB; shadow and nested cache the smaller page, the host's
        assertTrue(memory.chooseGuestPage(PageSize.TWO_MIB));
        assertEquals("128 MiB", row("Native").reachText());
        assertEquals("99.8 %", row("Native").hitRateText());
        assertEquals(3, walk(memory.nativeColumn()), "the walk ends at the PD");
        assertEquals("0.4 %", row("Shadow").hitRateText());
        assertEquals("0.4 %", row("Nested").hitRateText());
        assertEquals(19, walk(memory.nestedColumn()), "(3+1)(4+1) − 1");
        // step 3: 2 MiB host pages too
        assertTrue(memory.chooseHostPage(PageSize.TWO_MIB));
        for (String mode : new String[] {"Native", "Shadow", "Nested"}) {
            assertEquals("128 MiB", row(mode).reachText(), mode);
            assertEquals("99.8 %", row(mode).hitRateText(), mode);
        }
        assertEquals(15, walk(memory.nestedColumn()), "(3+1)(3+1) − 1");
        assertEquals("0.02", row("Nested").referencesText());
    }

    @Test
    void theTextsNameTheTabsControlsAsTheTabShowsThem() throws ScenarioException {
        // the steps quote the tab's labels; a renamed control must rename them too
        I18n en = new I18n(Locale.ENGLISH);
        I18n zh = new I18n(Locale.SIMPLIFIED_CHINESE);
        LocalizedText tagStep = Lessons.load("mem-tlb-vpid").scenario().steps().get(1);
        assertTrue(tagStep.en().contains(en.get("memory.tlb.tagged")), tagStep.en());
        assertTrue(tagStep.zh().contains(zh.get("memory.tlb.tagged")), tagStep.zh());
        LocalizedText walkStep = Lessons.load("mem-page-walk").scenario().steps().get(0);
        assertTrue(walkStep.zh().contains("“" + zh.get("memory.reset") + "”") && walkStep.zh().contains(zh.get("memory.step")));
        assertTrue(walkStep.en().contains(en.get("memory.reset")) && walkStep.en().contains(en.get("memory.step")));
    }
}
