package org.virtlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.memory.PageSize;

/** The Memory tab's translation settings a scenario carries: checked like the engine checks its tables. */
class TranslationSettingsTest {

    @Test
    void refusesWhatTheWalkerCannotWalkNamingTheRange() {
        // Intel SDM vol. 3A 4.5: 4 or 5 levels; 4 levels translate 48-bit addresses
        IllegalArgumentException levels = assertThrows(IllegalArgumentException.class,
                () -> TranslationSettings.DEFAULT.withGuest(3, PageSize.FOUR_KIB));
        assertEquals("guestLevels must be between 4 and 5, was 3", levels.getMessage());
        IllegalArgumentException address = assertThrows(IllegalArgumentException.class,
                () -> TranslationSettings.DEFAULT.withAddress(1L << 50));
        assertEquals("address 0x4000000000000 is beyond the 48-bit address space of 4-level tables: use "
                + "0x0–0x7fffffffffff or 0xffff800000000000–0xffffffffffffffff", address.getMessage());
        assertEquals(1L << 50, TranslationSettings.DEFAULT.withGuest(5, PageSize.FOUR_KIB).withAddress(1L << 50)
                .address(), "57 bits with 5 levels (LA57)");
    }

    @Test
    void theTlbOffersTheTabsSizesOnly() {
        assertThrows(IllegalArgumentException.class, () -> TlbSettings.DEFAULT.withEntries(48));
        assertThrows(IllegalArgumentException.class, () -> TlbSettings.DEFAULT.withSizeMib(0));
        assertThrows(IllegalArgumentException.class, () -> TlbSettings.DEFAULT.withSizeMib(65_537));
        assertEquals(1536, TlbSettings.DEFAULT.withEntries(1536).entries());
    }

    @Test
    void aScenarioKeepsItsTranslationThroughEditsAndDeletions() {
        TranslationSettings large = TranslationSettings.DEFAULT.withHost(4, PageSize.TWO_MIB);
        Scenario s = TestScenarios.mixed().withTranslation(large);
        assertEquals(large, s.withSeed(9).withTitle(LocalizedText.of("t", "t")).translation());
        assertEquals(large, s.without(s.vms().get(0).id()).translation());
        assertEquals(large, s.without(s.hosts().get(0).id()).translation());
        assertEquals(TranslationSettings.DEFAULT, TestScenarios.mixed().translation(), "absent: the tab's defaults");
    }
}
