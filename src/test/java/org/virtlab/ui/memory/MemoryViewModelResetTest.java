package org.virtlab.ui.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.TlbSettings;
import org.virtlab.engine.model.TranslationSettings;
import org.virtlab.ui.i18n.I18n;

/**
 * A scenario's translation settings open the Memory tab set up: the walk's tables and address and the TLB
 * experiment's inputs. Walk counts: virtualization.md §2, (n+1)(m+1) − 1.
 */
class MemoryViewModelResetTest {
    private final MemoryViewModel vm = new MemoryViewModel(new I18n(Locale.ENGLISH));

    private static Scenario with(TranslationSettings t) {
        return TestScenarios.mixed().withTranslation(t);
    }

    @Test
    void theScenariosSettingsBecomeTheChoicesAndTheWalkOpensWhole() {
        vm.stepBack();
        vm.play();
        TranslationSettings t = new TranslationSettings(5, PageSize.FOUR_KIB, 4, PageSize.TWO_MIB, 0x00ab_cdef_0123_4000L,
                new TlbSettings(TlbSettings.Pattern.RANDOM, 64, 1536, false, true));
        vm.reset(with(t));

        assertEquals(5, vm.guestLevelsProperty().get());
        assertEquals(PageSize.FOUR_KIB, vm.guestPageProperty().get());
        assertEquals(4, vm.hostLevelsProperty().get());
        assertEquals(PageSize.TWO_MIB, vm.hostPageProperty().get());
        assertEquals("0xabcdef01234000", vm.addressTextProperty().get());
        // 5 guest levels over a 3-level host walk (2 MiB host pages): (5+1)(3+1) − 1 = 23
        assertEquals(23, vm.nestedColumn().totalProperty().get());
        assertEquals(5, vm.nativeColumn().totalProperty().get());
        assertEquals(23, vm.stepProperty().get(), "opens on the whole walk");
        assertFalse(vm.playingProperty().get());
        assertEquals("", vm.choiceErrorProperty().get());
        assertEquals("", vm.addressErrorProperty().get());
        TlbViewModel tlb = vm.tlb();
        assertEquals(TlbViewModel.Pattern.RANDOM, tlb.patternProperty().get());
        assertEquals("64", tlb.sizeMibProperty().get());
        assertEquals(1536, tlb.entriesProperty().get());
        assertFalse(tlb.taggedProperty().get());
        assertTrue(tlb.walkCacheProperty().get());
    }

    @Test
    void theTlbTableIsTheExperimentOfTheScenariosSettings() {
        TranslationSettings t = TranslationSettings.DEFAULT.withTlb(TlbSettings.DEFAULT.withEntries(512).withTagged(false));
        vm.reset(with(t));
        MemoryViewModel chosen = new MemoryViewModel(new I18n(Locale.ENGLISH));
        chosen.tlb().entriesProperty().set(512);
        chosen.tlb().taggedProperty().set(false);
        assertEquals(chosen.tlb().rowsProperty().get(), vm.tlb().rowsProperty().get(),
                "the same table as choosing the same inputs by hand");
    }

    @Test
    void anAddressOfTheOldTablesDoesNotStandInTheWay() {
        // the user walks a 57-bit address under 5-level tables (LA57); the next scenario has 4 levels (48 bits)
        assertTrue(vm.chooseGuestLevels(5));
        vm.addressTextProperty().set("0x00ff000000000000");
        assertEquals("", vm.addressErrorProperty().get());
        vm.reset(with(TranslationSettings.DEFAULT));
        assertEquals(4, vm.guestLevelsProperty().get());
        assertEquals("0x7ffd12345678", vm.addressTextProperty().get());
        assertEquals(24, vm.nestedColumn().totalProperty().get(), "4 over 4: Bhargava et al. 2008");
        assertEquals("", vm.addressErrorProperty().get());
        assertEquals("", vm.choiceErrorProperty().get());
    }

    @Test
    void aScenarioWithoutTheSectionPutsBackTheTabsDefaults() {
        assertTrue(vm.chooseHostPage(PageSize.ONE_GIB));
        vm.addressTextProperty().set("not an address");
        vm.tlb().taggedProperty().set(false);
        vm.tlb().sizeMibProperty().set("0");
        MemoryViewModel fresh = new MemoryViewModel(new I18n(Locale.ENGLISH));

        vm.reset(TestScenarios.mixed());

        assertEquals(PageSize.FOUR_KIB, vm.hostPageProperty().get());
        assertEquals(fresh.addressTextProperty().get(), vm.addressTextProperty().get());
        assertEquals("", vm.addressErrorProperty().get());
        assertEquals("", vm.tlb().sizeErrorProperty().get());
        assertTrue(vm.tlb().taggedProperty().get());
        assertEquals(fresh.tlb().rowsProperty().get(), vm.tlb().rowsProperty().get());
    }

    @Test
    void theTabsPatternsAreTheScenariosPatterns() {
        // the view model maps a scenario's pattern by name: the two lists must stay the same
        for (TlbSettings.Pattern p : TlbSettings.Pattern.values()) {
            assertEquals(p.name(), TlbViewModel.Pattern.valueOf(p.name()).name());
        }
        assertEquals(TlbSettings.Pattern.values().length, TlbViewModel.Pattern.values().length);
        assertEquals(TlbSettings.ENTRIES, TlbViewModel.ENTRIES);
        assertEquals(TlbSettings.MAX_SIZE_MIB, TlbViewModel.MAX_SIZE_MIB);
    }
}
