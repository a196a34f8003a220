package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;

/** What {@link ScenarioFuzzTest} found, each pinned down by a small example. */
class ScenarioFuzzFindingsTest {

    /** A field name of 5000 characters with NULs in it, unknown where it is. */
    @Test
    void aProblemLineShowsALongOrControlCharacterPointerShortened() {
        String name = "ab\u0000c".repeat(1250);
        List<Problem> problems = ScenarioFixtures.problemsAfter(root -> root.put(name, 1));
        Problem p = problems.get(0);
        assertEquals("/" + name, p.pointer(), "the pointer itself stays exact (RFC 6901)");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.CHINESE)) {
            String line = p.format(locale);
            // Short: two shortened tokens and the list of allowed top-level fields (about 130 characters).
            assertTrue(line.length() < 400, line);
            assertFalse(line.chars().anyMatch(c -> c < 0x20), line);
            // Each reference token is shown like a value: 40 characters, control characters escaped.
            assertTrue(line.startsWith("test.json: /" + "ab\\u0000c".repeat(10) + "…: "), line);
        }
    }

    /**
     * JSON may spell half a surrogate pair, with a backslash-u escape, but no UTF-8 file can store it: the
     * scenario loaded, and saving it wrote "?" in its place, so the saved file read back differently.
     */
    @Test
    void halfASurrogatePairIsRefused() {
        String json = ScenarioFixtures.VALID.replace("\"Web server\"", "\"Web \\ud800server\"")
                .replace("\"两台虚拟机\"", "\"两台\\udc00\"");
        List<Problem> problems = ScenarioFixtures.problemsOf(json);
        assertEquals(List.of("/title/zh", "/vms/0/name"), problems.stream().map(Problem::pointer).toList());
        assertEquals("must be Unicode text, but character 5 is half of a surrogate pair (\\ud800) without the"
                + " other half", ScenarioFixtures.english(problems.get(1)));
    }

    @Test
    void aWholeSurrogatePairIsText() throws ScenarioException {
        String json = ScenarioFixtures.VALID.replace("\"Web server\"", "\"Web \\ud83d\\ude00\"");
        Scenario scenario = ScenarioReader.read(json, "t.json");
        assertEquals("Web \ud83d\ude00", scenario.vms().get(0).name());
        assertEquals(scenario, ScenarioReader.read(ScenarioWriter.toJson(scenario), "again.json"));
    }

    /** A version of a thousand digits made a problem line of a thousand characters. */
    @Test
    void aHugeVersionNumberIsShownShortened() {
        String version = "1" + "0".repeat(999);
        List<Problem> problems =
                ScenarioFixtures.problemsAfter(root -> root.put("version", new java.math.BigInteger(version)));
        assertEquals("/version", problems.get(0).pointer());
        String line = problems.get(0).format(Locale.ENGLISH);
        assertTrue(line.length() < 300, line);
        assertTrue(line.contains("version " + version.substring(0, 40) + "…)"), line);
    }

    /** The parser quotes the token it choked on, NUL and all. */
    @Test
    void aSyntaxErrorShowsControlCharactersEscaped() {
        ScenarioException e =
                assertThrows(ScenarioException.class, () -> ScenarioReader.read("[tru\u0000e]", "t.json"));
        assertEquals("t.json: /: line 1, column 2: malformed JSON: Unrecognized token 'tru\\u0000e': was expecting"
                        + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                e.problems().get(0).format(Locale.ENGLISH));
    }

    /**
     * An empty file saved by an editor that writes a byte order mark: the parser needs four bytes to see the
     * mark, so three alone were "malformed JSON at line 1, column 3: Unexpected character ('' (code 65279))".
     */
    @Test
    void onlyAByteOrderMarkIsAnEmptyFile() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.read(new ByteArrayInputStream(bom), "t.json"));
        assertEquals(List.of("file.empty"), e.problems().stream().map(Problem::key).toList());
        e = assertThrows(ScenarioException.class, () -> ScenarioReader.read("\uFEFF", "t.json"));
        assertEquals(List.of("file.empty"), e.problems().stream().map(Problem::key).toList());
    }

    @Test
    void aByteOrderMarkDoesNotCountAsAColumn() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read("\uFEFF{x", "t.json"));
        assertTrue(e.problems().get(0).format(Locale.ENGLISH).startsWith("t.json: /: line 1, column 2: "),
                e::getMessage);
        e = assertThrows(ScenarioException.class, () -> ScenarioReader.read("\uFEFF{\n x", "t.json"));
        assertTrue(e.problems().get(0).format(Locale.ENGLISH).startsWith("t.json: /: line 2, column 2: "),
                e::getMessage);
    }

    /** Zeros in front make the parser read UTF-32; what follows is no character at all, found nowhere in particular. */
    @Test
    void textThatIsNoUnicodeIsMalformedNotUnreadable() {
        byte[] bytes = {0, 0, 0, '{', ' ', ' ', '\n', '{'};
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.read(new ByteArrayInputStream(bytes), "t.json"));
        assertEquals(List.of("json.malformed"), e.problems().stream().map(Problem::key).toList());
        assertTrue(e.problems().get(0).format(Locale.ENGLISH).startsWith("t.json: /: malformed JSON: Invalid UTF-32 "
                + "character 0x"), e::getMessage);
    }

    /**
     * 100 000 hosts that are not objects: one problem each, all formatted into the exception's message, took
     * 5 s (a 2 MB file took 40 s and made a 47 MB message). The first ones are listed, then how many more.
     */
    @Test
    void aFileWithCountlessProblemsListsTheFirstHundred() {
        String json = "{\"format\": \"virtlab.scenario\", \"version\": 1, \"hosts\": [" + "0,".repeat(99_999)
                + "0], \"vms\": []}";
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(json, "t.json"));
        assertEquals(Problems.MAX_LISTED + 1, e.problems().size());
        assertEquals("/hosts/99", e.problems().get(Problems.MAX_LISTED - 1).pointer());
        Problem more = e.problems().get(Problems.MAX_LISTED);
        assertEquals("/", more.pointer());
        assertEquals("99900 more problems not shown", more.message(Locale.ENGLISH));
    }
}
