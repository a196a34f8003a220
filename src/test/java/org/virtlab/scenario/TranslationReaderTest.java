package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.scenario.ScenarioFixtures.english;
import static org.virtlab.scenario.ScenarioFixtures.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.TlbSettings;
import org.virtlab.engine.model.TranslationSettings;

/** The optional {@code translation} section: the Memory tab's page-walk animator and TLB experiment. */
class TranslationReaderTest {
    private static Consumer<ObjectNode> translation(String value) {
        return root -> root.set("translation", json(value));
    }

    private static Scenario read(String value) throws ScenarioException {
        return ScenarioFixtures.read(translation(value));
    }

    private static Problem onlyProblem(String value) {
        return ScenarioFixtures.onlyProblem(translation(value));
    }

    @Test
    void readsEveryFieldAndWritesThemBack() throws ScenarioException {
        Scenario s = read("""
                {"guestLevels": 5, "guestPage": "2m", "hostLevels": 4, "hostPage": "1g", "address": "0x00ff_1234_5678_9000",
                 "tlb": {"pattern": "random", "sizeMib": 64, "entries": 1536, "tagged": false, "walkCache": true}}""");
        assertEquals(new TranslationSettings(5, PageSize.TWO_MIB, 4, PageSize.ONE_GIB, 0x00ff_1234_5678_9000L,
                new TlbSettings(TlbSettings.Pattern.RANDOM, 64, 1536, false, true)), s.translation());
        String saved = ScenarioWriter.toJson(s);
        assertTrue(saved.contains("\"address\": \"0xff123456789000\""), saved);
        assertTrue(saved.contains("\"pattern\": \"random\""), saved);
        assertEquals(s, ScenarioReader.read(saved, "saved"));
        assertEquals(saved, ScenarioWriter.toJson(ScenarioReader.read(saved, "saved")));
    }

    @Test
    void absentFieldsAreTheTabsDefaultsAndTheWriterLeavesDefaultsOut() throws ScenarioException {
        Scenario plain = ScenarioReader.read(ScenarioFixtures.VALID, ScenarioFixtures.SOURCE);
        assertEquals(TranslationSettings.DEFAULT, plain.translation());
        // the Memory tab's and virtlab walk's defaults: 4 levels of 4 KiB pages each side, the stack address;
        // the TLB experiment's: a 1 MiB working set through 64 tagged entries, no walk cache
        assertEquals(new TranslationSettings(4, PageSize.FOUR_KIB, 4, PageSize.FOUR_KIB, 0x7ffd_1234_5678L,
                new TlbSettings(TlbSettings.Pattern.WORKING_SET, 1, 64, true, false)), plain.translation());
        Scenario spelledOut = read("""
                {"guestLevels": 4, "guestPage": "4k", "address": "7ffd12345678", "tlb": {"pattern": "workingSet", "tagged": true}}""");
        assertEquals(plain, spelledOut);
        assertFalse(ScenarioWriter.toJson(spelledOut).contains("\"translation\""));
        // one field off the default: only it is written
        String saved = ScenarioWriter.toJson(plain.withTranslation(
                TranslationSettings.DEFAULT.withTlb(TlbSettings.DEFAULT.withTagged(false))));
        assertTrue(saved.contains("\"translation\": {\n    \"tlb\": {\n      \"tagged\": false\n    }\n  }"), saved);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"guestLevels\": 3}           | /translation/guestLevels   | must be an integer between 4 and 5, was 3",
        "{\"hostLevels\": 4.5}          | /translation/hostLevels    | must be an integer between 4 and 5, was 4.5",
        "{\"guestPage\": \"4K\"}        | /translation/guestPage     | unknown guestPage \"4K\"; allowed: 4k, 2m, 1g",
        "{\"hostPage\": 2}              | /translation/hostPage      | must be a string, was 2",
        "{\"address\": \"0xabcdefg\"}   | /translation/address       | must be a hexadecimal address such as \"0x7ffd12345678\" (0x optional, at most 16 digits), was \"0xabcdefg\"",
        "{\"address\": 4096}            | /translation/address       | must be a hexadecimal address such as \"0x7ffd12345678\" (0x optional, at most 16 digits), was 4096",
        "{\"tlb\": {\"pattern\": \"strided\"}} | /translation/tlb/pattern | unknown pattern \"strided\"; allowed: sequential, random, workingSet",
        "{\"tlb\": {\"sizeMib\": 0}}    | /translation/tlb/sizeMib   | must be 1–65536 MiB, was 0",
        "{\"tlb\": {\"entries\": 48}}   | /translation/tlb/entries   | must be one of 16, 32, 64, 128, 256, 512, 1024, 1536 (the TLB sizes the Memory tab offers), was 48",
        "{\"tlb\": {\"tagged\": \"yes\"}} | /translation/tlb/tagged  | must be true or false, was \"yes\"",
        "{\"tlb\": {\"vpid\": false}}   | /translation/tlb/vpid      | unknown field \"vpid\"; allowed: pattern, sizeMib, entries, tagged, walkCache",
        "{\"levels\": 4}                | /translation/levels        | unknown field \"levels\"; allowed: guestLevels, guestPage, hostLevels, hostPage, address, tlb"})
    void eachWrongFieldIsNamedWithWhatIsAllowed(String value, String pointer, String message) {
        Problem p = onlyProblem(value);
        assertEquals(pointer, p.pointer());
        assertEquals(message, english(p));
    }

    @Test
    void anAddressBeyondTheGuestsAddressSpaceNamesTheRangeOfItsLevels() throws ScenarioException {
        // Intel SDM vol. 3A 4.5: 4 levels translate 48-bit addresses, 5 levels (LA57) 57-bit ones
        Problem p = onlyProblem("{\"address\": \"0x00ff123456789000\"}");
        assertEquals("/translation/address", p.pointer());
        assertEquals("address 0xff123456789000 is beyond the 48-bit address space of 4-level guest tables: use "
                + "0x0–0x7fffffffffff or 0xffff800000000000–0xffffffffffffffff", english(p));
        assertEquals(0x00ff_1234_5678_9000L,
                read("{\"guestLevels\": 5, \"address\": \"0x00ff123456789000\"}").translation().address());
        // the upper half is canonical too
        assertEquals(-4096L, read("{\"address\": \"0xfffffffffffff000\"}").translation().address());
    }

    @Test
    void aProblemIsPlacedAtItsLineAndColumnInBothLanguages() {
        String text = ScenarioFixtures.changed(translation("{\"tlb\": {\"entries\": 100}}"));
        Problem p = ScenarioFixtures.problemsOf(text).get(0);
        int column = text.indexOf("100") + 1; // the fixture is one line
        assertEquals("test.json: /translation/tlb/entries: line 1, column " + column + ": must be one of 16, 32, 64, "
                + "128, 256, 512, 1024, 1536 (the TLB sizes the Memory tab offers), was 100", p.format(Locale.ENGLISH));
        assertEquals("test.json: /translation/tlb/entries: 第 1 行第 " + column + " 列: 应为 16, 32, 64, 128, 256, 512, "
                + "1024, 1536 之一（内存标签页提供的 TLB 大小），实际为 100", p.format(Locale.SIMPLIFIED_CHINESE));
    }
}
