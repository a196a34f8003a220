package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading from files and streams, and text that is not JSON at all. */
class ScenarioReaderSourceTest {
    @TempDir
    Path dir;

    private static Problem onlyProblem(ScenarioException e) {
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0);
    }

    private static Problem problemOfText(String text) {
        return onlyProblem(assertThrows(ScenarioException.class, () -> ScenarioReader.read(text, "t.json")));
    }

    private static void assertNoJacksonInternals(String message) {
        for (String internal : List.of("com.fasterxml", "Jackson", "Source:", "Feature", "StreamRead", "`")) {
            assertFalse(message.contains(internal), () -> "\"" + internal + "\" in: " + message);
        }
    }

    @Test
    void readsAFile() throws Exception {
        Path file = dir.resolve("ok.json");
        Files.writeString(file, ScenarioFixtures.VALID);
        assertEquals(2, ScenarioReader.read(file).vms().size());
    }

    @Test
    void missingFileSaysFileNotFound() {
        Path file = dir.resolve("nope.json");
        Problem p = onlyProblem(assertThrows(ScenarioException.class, () -> ScenarioReader.read(file)));
        assertEquals(file.toString(), p.source());
        assertEquals("/", p.pointer());
        assertEquals(file + ": /: file not found", p.format(Locale.ENGLISH));
    }

    @Test
    void folderCannotBeRead() {
        Problem p = onlyProblem(assertThrows(ScenarioException.class, () -> ScenarioReader.read(dir)));
        assertEquals("/", p.pointer());
        assertEquals("cannot read: this is a folder, not a file", p.message(Locale.ENGLISH));
    }

    @Test
    void emptyFileSaysItIsEmpty() throws IOException {
        Path file = dir.resolve("empty.json");
        Files.createFile(file);
        Problem p = onlyProblem(assertThrows(ScenarioException.class, () -> ScenarioReader.read(file)));
        assertEquals("/", p.pointer());
        assertTrue(p.message(Locale.ENGLISH).startsWith("the file is empty"), p.message(Locale.ENGLISH));
    }

    @Test
    void whitespaceOnlyCountsAsEmpty() {
        assertTrue(problemOfText(" \n\t ").message(Locale.ENGLISH).startsWith("the file is empty"));
    }

    @Test
    void failingStreamSaysCannotRead() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device went away");
            }
        };
        Problem p = onlyProblem(assertThrows(ScenarioException.class, () -> ScenarioReader.read(broken, "usb")));
        assertEquals("usb: /: cannot read: device went away", p.format(Locale.ENGLISH));
    }

    @Test
    void readsFromAStream() throws ScenarioException {
        InputStream in = new ByteArrayInputStream(ScenarioFixtures.VALID.getBytes(StandardCharsets.UTF_8));
        assertEquals(7, ScenarioReader.read(in, "stream").seed());
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        String text = """
                {
                  "format": "virtlab.scenario",
                  "version": 1
                  "hosts": []
                }
                """;
        Problem p = problemOfText(text);
        assertEquals("/", p.pointer());
        // line 4, column 3: where "hosts" starts after the missing comma
        assertEquals(4, p.line());
        assertEquals(3, p.column());
        assertTrue(p.format(Locale.ENGLISH).startsWith("t.json: /: line 4, column 3: malformed JSON: "),
                p.format(Locale.ENGLISH));
        assertNoJacksonInternals(p.message(Locale.ENGLISH));
    }

    /** The parser counts bytes: 两台虚拟机 is fifteen of them in UTF-8, and five characters in an editor. */
    @Test
    void syntaxErrorColumnsCountCharactersNotBytes() {
        Problem p = problemOfText("{\"title\": {\"zh\": \"两台虚拟机\" \"en\": \"Two VMs\"}}");
        assertEquals("t.json: /: line 1, column 26: malformed JSON: Unexpected character ('\"' (code 34)): was"
                + " expecting comma to separate Object entries", p.format(Locale.ENGLISH));
    }

    @Test
    void truncatedJsonIsMalformedWithoutInternals() {
        Problem p = problemOfText("{\n  \"format\": \"virtlab.scenario\",\n  \"hosts\": [");
        assertEquals(3, p.line());
        assertTrue(p.message(Locale.ENGLISH).startsWith("malformed JSON: "), p.message(Locale.ENGLISH));
        assertNoJacksonInternals(p.message(Locale.ENGLISH));
    }

    @Test
    void nanIsNotJson() {
        Problem p = problemOfText(ScenarioFixtures.VALID.replace("\"percent\": 50", "\"percent\": NaN"));
        assertEquals(11, p.line());
        assertTrue(p.message(Locale.ENGLISH).startsWith("malformed JSON: "), p.message(Locale.ENGLISH));
        assertNoJacksonInternals(p.message(Locale.ENGLISH));
    }

    @Test
    void repeatedFieldIsMalformed() {
        Problem p = problemOfText("{\"format\": \"virtlab.scenario\", \"format\": \"virtlab.scenario\"}");
        // at the second "format": the parser stops just after it, the problem is placed at its start
        assertEquals("t.json: /: line 1, column 32: malformed JSON: Duplicate field 'format'",
                p.format(Locale.ENGLISH));
    }

    @Test
    void textAfterTheDocumentIsMalformed() {
        Problem p = problemOfText("{}\n  {}");
        assertEquals("t.json: /: line 2, column 3: malformed JSON: more text after the end of the document",
                p.format(Locale.ENGLISH));
    }

    @Test
    void tooDeepNestingIsMalformedWithoutInternals() {
        Problem p = problemOfText("[".repeat(5000));
        assertTrue(p.message(Locale.ENGLISH).startsWith("malformed JSON"), p.message(Locale.ENGLISH));
        assertFalse(p.format(Locale.ENGLISH).contains("line 0"), p.format(Locale.ENGLISH));
        assertNoJacksonInternals(p.message(Locale.ENGLISH));
    }

    @Test
    void byteOrderMarkIsAccepted() throws Exception {
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF" + ScenarioFixtures.VALID);
        assertEquals(7, ScenarioReader.read(file).seed());
    }
}
