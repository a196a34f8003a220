package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue #4: every problem found in a file names the line and column of what it is about, as an editor
 * counts them: the value, the field name of a field that should not be there, the enclosing object of a
 * missing field. In the tests, {@code ‸} marks the expected place in the text and is removed before reading.
 */
class ProblemPlacesTest {
    private static final String MARK = "‸";

    /** Two hosts, a network, a switch with two port groups, a VM with two NICs; Chinese text on lines 4 and 15. */
    private static final String DOC = """
            {
              "format": "virtlab.scenario",
              "version": 1,
              "title": {"en": "Two hosts", "zh": "两台主机"},
              "hosts": [
                {"id": "h1", "cpu": {"sockets": 1, "coresPerSocket": 4, "threadsPerCore": 2, "mhzPerCore": 2000},
                 "memoryMib": 8192},
                {"id": "h2", "cpu": {"sockets": 1, "coresPerSocket": 4, "threadsPerCore": 2, "mhzPerCore": 2400},
                 "memoryMib": 8192}
              ],
              "networks": [{"id": "nat1", "host": "h1", "mode": "nat", "subnet": "192.168.122.0/24"}],
              "switches": [{"id": "dvs", "hosts": ["h1", "h2"],
                            "portGroups": [{"id": "pg-web", "vlan": 10}, {"id": "pg-db", "vlan": 20}]}],
              "vms": [
                {"id": "web", "name": "网页服务器", "host": "h1", "vcpus": 2, "memoryMib": 2048,
                 "workload": {"kind": "constant", "percent": 50},
                 "nics": [{"network": "nat1"}, {"portGroup": "pg-web"}]}
              ]
            }
            """;

    /** The document with each {@code from} replaced by the {@code to} after it; exactly one {@code to} marks. */
    private static String changed(String... fromTo) {
        String text = DOC;
        for (int i = 0; i < fromTo.length; i += 2) {
            assertTrue(text.contains(fromTo[i]), fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        assertEquals(text.indexOf(MARK), text.lastIndexOf(MARK), "one mark");
        assertTrue(text.contains(MARK), "a mark");
        return text;
    }

    /** {@code line L, column C} of the mark, counting characters as an editor does. */
    private static String place(String marked) {
        String before = marked.substring(0, marked.indexOf(MARK));
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        String onLine = before.substring(before.lastIndexOf('\n') + 1);
        return "line " + line + ", column " + (onLine.codePointCount(0, onLine.length()) + 1);
    }

    private static String place(Problem p) {
        return "line " + p.line() + ", column " + p.column();
    }

    private static List<Problem> problems(String marked) {
        String text = marked.replace(MARK, "");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(text, "t.json"));
        return e.problems();
    }

    /** Reads the changed document: it has one problem, at {@code pointer} and at the mark. */
    private static Problem assertOneProblemAtTheMark(String pointer, String... fromTo) {
        String marked = changed(fromTo);
        List<Problem> problems = problems(marked);
        assertEquals(1, problems.size(), () -> problems.stream().map(p -> p.format(Locale.ENGLISH)).toList()
                .toString());
        Problem p = problems.get(0);
        assertEquals(pointer, p.pointer());
        assertEquals(place(marked), place(p), p.format(Locale.ENGLISH));
        assertTrue(p.format(Locale.ENGLISH).startsWith("t.json: " + pointer + ": " + place(marked) + ": "),
                p.format(Locale.ENGLISH));
        return p;
    }

    @Test
    void theDocumentIsValid() throws ScenarioException {
        assertEquals(1, ScenarioReader.read(DOC, "t.json").vms().size());
    }

    @Test
    void aValueOutOfRangeIsPlacedAtTheValue() {
        assertOneProblemAtTheMark("/hosts/1/cpu/mhzPerCore", "\"mhzPerCore\": 2400", "\"mhzPerCore\": ‸50");
    }

    @Test
    void aValueOfTheWrongTypeIsPlacedAtTheValue() {
        assertOneProblemAtTheMark("/vms/0/memoryMib", "\"memoryMib\": 2048", "\"memoryMib\": ‸\"2 GiB\"");
    }

    @Test
    void anUnknownFieldIsPlacedAtItsName() {
        Problem p = assertOneProblemAtTheMark("/vms/0/vcpu", "\"id\": \"web\",", "\"id\": \"web\", ‸\"vcpu\": 2,");
        assertEquals("field.unknown", p.key());
    }

    /** As is a field that must not be there here: a subnet of a bridged network, points besides a CSV file. */
    @Test
    void aFieldThatMustNotBeThereIsPlacedAtItsName() {
        assertOneProblemAtTheMark("/networks/0/subnet", "\"mode\": \"nat\", \"subnet\"",
                "\"mode\": \"bridged\", ‸\"subnet\"");
        assertOneProblemAtTheMark("/vms/0/workload/points", "{\"kind\": \"constant\", \"percent\": 50}",
                "{\"kind\": \"trace\", \"csv\": \"web.csv\", ‸\"points\": [[0, 10]]}");
    }

    @Test
    void anUnknownFieldWithSlashAndTildeInItsNameIsFoundByItsEscapedPointer() {
        assertOneProblemAtTheMark("/a~1b~0c", "\"version\": 1,", "\"version\": 1, ‸\"a/b~c\": 0,");
    }

    @Test
    void aMissingFieldIsPlacedAtTheObjectThatLacksIt() {
        Problem p = assertOneProblemAtTheMark("/vms/0", "\"vcpus\": 2, \"memoryMib\": 2048,", "\"vcpus\": 2,",
                "{\"id\": \"web\"", "‸{\"id\": \"web\"");
        assertEquals("missing required field \"memoryMib\"", p.message(Locale.ENGLISH));
    }

    @Test
    void aMissingTopLevelFieldIsPlacedAtTheDocument() {
        assertOneProblemAtTheMark("/", "{\n  \"format\"", "‸{\n  \"format\"", "\"version\": 1,\n", "");
    }

    @Test
    void aReferenceToNothingIsPlacedAtTheReference() {
        Problem p = assertOneProblemAtTheMark("/vms/0/host", "\"host\": \"h1\", \"vcpus\"",
                "\"host\": ‸\"h3\", \"vcpus\"");
        assertEquals("unknown host \"h3\"; hosts are: h1, h2", p.message(Locale.ENGLISH));
    }

    @Test
    void aDuplicateIdIsPlacedAtTheSecondOne() {
        Problem p = assertOneProblemAtTheMark("/vms/0/id", "{\"id\": \"web\"", "{\"id\": ‸\"dvs\"");
        assertEquals("duplicate id \"dvs\" (also at /switches/0/id)", p.message(Locale.ENGLISH));
    }

    @Test
    void aProblemInANicIsPlacedInsideIt() {
        Problem p = assertOneProblemAtTheMark("/vms/0/nics/1/portGroup", "{\"portGroup\": \"pg-web\"}",
                "{\"portGroup\": ‸\"pg-www\"}");
        assertEquals("ref.unknownPortGroup", p.key());
        assertOneProblemAtTheMark("/vms/0/nics/0/vlan", "{\"network\": \"nat1\"}",
                "{\"network\": \"nat1\", ‸\"vlan\": 10}");
        assertOneProblemAtTheMark("/vms/0/nics/0", "{\"network\": \"nat1\"}",
                "‸{\"network\": \"nat1\", \"portGroup\": \"pg-db\"}");
    }

    @Test
    void aProblemInAPortGroupIsPlacedInsideIt() {
        assertOneProblemAtTheMark("/switches/0/portGroups/1/vlan", "\"vlan\": 20", "\"vlan\": ‸4095");
        assertOneProblemAtTheMark("/switches/0/hosts/1", "[\"h1\", \"h2\"]", "[\"h1\", ‸\"h1\"]");
    }

    @Test
    void aProblemInAnArrayOfArraysIsPlacedAtTheElement() {
        assertOneProblemAtTheMark("/vms/0/workload/points/1/0", "{\"kind\": \"constant\", \"percent\": 50}",
                "{\"kind\": \"trace\", \"points\": [[0, 10], [‸-5, 20]]}");
    }

    @Test
    void aProblemWithATraceFileIsPlacedAtItsPath() {
        Problem p = assertOneProblemAtTheMark("/vms/0/workload/csv", "{\"kind\": \"constant\", \"percent\": 50}",
                "{\"kind\": \"trace\", \"csv\": ‸\"/etc/web.csv\"}");
        assertEquals("csv.path", p.key());
    }

    /** Jackson counts the bytes of UTF-8: three for each of the five characters of 网页服务器 before the value. */
    @Test
    void columnsCountCharactersNotBytesAfterChineseText() {
        Problem p = assertOneProblemAtTheMark("/vms/0/vcpus", "\"网页服务器\", \"host\": \"h1\", \"vcpus\": 2",
                "\"网页服务器\", \"host\": \"h1\", \"vcpus\": ‸0");
        // "    {"id": "web", "name": "网页服务器", "host": "h1", "vcpus": " is 58 characters (68 bytes in UTF-8).
        assertEquals(15, p.line());
        assertEquals(59, p.column());
        assertEquals("t.json: /vms/0/vcpus: line 15, column 59: must be an integer between 1 and 64, was 0",
                p.format(Locale.ENGLISH));
        assertEquals("t.json: /vms/0/vcpus: 第 15 行第 59 列: 应为 1 到 64 之间的整数，实际为 0",
                p.format(Locale.SIMPLIFIED_CHINESE));
        assertOneProblemAtTheMark("/title/de", "\"zh\": \"两台主机\"}", "\"zh\": \"两台主机\", ‸\"de\": \"Zwei Hosts\"}");
    }

    @Test
    void aSyntaxErrorAfterChineseTextIsInCharactersToo() {
        String marked = changed("\"网页服务器\", \"host\"", "\"网页服务器\" ‸\"host\"");
        Problem p = problems(marked).get(0);
        assertEquals("json.malformed", p.key());
        assertEquals("/", p.pointer());
        assertEquals(place(marked), place(p));
        assertTrue(p.format(Locale.ENGLISH).startsWith("t.json: /: line 15, column 35: malformed JSON: Unexpected"),
                p.format(Locale.ENGLISH));
    }

    /** The parser notices a repeated field after its name; the problem is placed at that second name. */
    @Test
    void aFieldGivenTwiceIsPlacedAtItsSecondName() {
        String marked = changed("\"网页服务器\",", "\"网页服务器\", ‸\"name\": \"web\",");
        Problem p = problems(marked).get(0);
        assertEquals(place(marked), place(p));
        assertEquals("malformed JSON: Duplicate field 'name'", p.message(Locale.ENGLISH));
        // A name with escaped quotes in it is found from its end all the same.
        marked = changed("\"id\": \"web\",", "\"id\": \"web\", \"a\\\"b\": 1, ‸\"a\\\"b\": 2,");
        assertEquals(place(marked), place(problems(marked).get(0)));
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkChangeNoPlace() {
        String marked = changed("\"vlan\": 20", "\"vlan\": ‸4095");
        byte[] bytes = ("\uFEFF" + marked.replace(MARK, "").replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.read(new ByteArrayInputStream(bytes), "t.json"));
        assertEquals(place(marked), place(e.problems().get(0)));
    }

    @Test
    void everyProblemOfAFileIsPlacedEachAtItsOwnValue() {
        String text = DOC.replace("\"sockets\": 1", "\"sockets\": 0").replace("\"vlan\": 10", "\"vlan\": 0")
                .replace("\"percent\": 50", "\"percent\": 500");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(text, "t.json"));
        assertEquals(List.of("/hosts/0/cpu/sockets: line 6, column 37", "/hosts/1/cpu/sockets: line 8, column 37",
                        "/switches/0/portGroups/0/vlan: line 13, column 57",
                        "/vms/0/workload/percent: line 16, column 50"),
                e.problems().stream().map(p -> p.pointer() + ": " + place(p)).toList());
    }

    @Test
    void theCountOfProblemsNotListedHasNoPlace() {
        String json = "{\"format\": \"virtlab.scenario\", \"version\": 1, \"hosts\": [" + "0,".repeat(150)
                + "0], \"vms\": []}";
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(json, "t.json"));
        Problem first = e.problems().get(0);
        assertEquals("t.json: /hosts/0: line 1, column 56: must be a JSON object, was 0", first.format(Locale.ENGLISH));
        Problem last = e.problems().get(Problems.MAX_LISTED - 1);
        assertEquals(1 + 55 + 2 * (Problems.MAX_LISTED - 1), last.column());
        Problem more = e.problems().get(Problems.MAX_LISTED);
        assertFalse(more.located());
        assertEquals("t.json: /: 51 more problems not shown", more.format(Locale.ENGLISH));
    }

    @Test
    void problemsWithNoTextHaveNoPlace() {
        Problems problems = new Problems("built in code", null);
        problems.add("/vms/0/vcpus", "range.int", 1, 64, "0");
        Problem p = problems.exception().problems().get(0);
        assertFalse(p.located());
        assertEquals("built in code: /vms/0/vcpus: must be an integer between 1 and 64, was 0",
                p.format(Locale.ENGLISH));
        assertThrows(IllegalArgumentException.class, () -> new Problem("x", 3, 0, "/", "file.empty", List.of()));
    }
}
