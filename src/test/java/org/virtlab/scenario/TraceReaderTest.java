package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.cpu.Workload.Trace.Point;
import org.virtlab.engine.model.Scenario;

/**
 * Trace workloads in scenario files: a CSV file beside the scenario ({@code "csv": "traces/web.csv"}) or
 * the points inline ({@code "points": [[0, 10], [500, 80]]}).
 */
class TraceReaderTest {
    /** The points of scenarios/traces/web.csv, sampled every 500 ms. */
    private static final double[] WEB = {10, 12, 15, 40, 85, 90, 70, 45, 30, 20, 15, 10};

    @TempDir
    Path dir;

    /** ScenarioFixtures.VALID with the web VM's workload replaced by {@code workload} (JSON text). */
    private static String withWorkload(String workload) {
        return ScenarioFixtures.VALID.replace("{\"kind\": \"constant\", \"percent\": 50}", workload);
    }

    /** Writes the scenario with {@code workload} and, if not null, traces/t.csv with {@code csv}. */
    private Path files(String workload, String csv) throws IOException {
        Path scenario = dir.resolve("s.json");
        Files.writeString(scenario, withWorkload(workload));
        if (csv != null) {
            Files.createDirectories(dir.resolve("traces"));
            Files.writeString(dir.resolve("traces/t.csv"), csv);
        }
        return scenario;
    }

    private Workload.Trace webTrace(Scenario s) {
        return (Workload.Trace) s.vm("web").orElseThrow().workload();
    }

    private List<String> problemsOfCsv(String csv) throws IOException {
        Path file = files("{\"kind\": \"trace\", \"csv\": \"traces/t.csv\"}", csv);
        return lines(assertThrows(ScenarioException.class, () -> ScenarioReader.read(file)));
    }

    /** The problems without the scenario's own path, each checked to have a text in both languages. */
    private static List<String> lines(ScenarioException e) {
        for (Problem p : e.problems()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.CHINESE)) {
                assertFalse(p.message(locale).startsWith(p.key()), "no text for key " + p.key());
            }
        }
        return e.problems().stream().map(p -> p.pointer() + ": " + p.message(Locale.ENGLISH)).toList();
    }

    @Test
    void aCsvBesideTheScenarioFileIsReadWithItsHeaderAndComments() throws IOException, ScenarioException {
        Path scenario = files("{\"kind\": \"trace\", \"csv\": \"traces/web.csv\", \"loop\": true}", null);
        Files.createDirectories(dir.resolve("traces"));
        Files.copy(Path.of("scenarios/traces/web.csv"), dir.resolve("traces/web.csv"));
        Workload.Trace t = webTrace(ScenarioReader.read(scenario));
        assertEquals(WEB.length, t.points().size());
        for (int k = 0; k < WEB.length; k++) {
            assertEquals(new Point(500L * k, WEB[k]), t.points().get(k));
        }
        assertTrue(t.loop());
        assertEquals("traces/web.csv", t.source());
    }

    @Test
    void theHeaderIsOptionalAndBlankLinesCommentsSpacesCrLfAndABomAreFine() throws Exception {
        Path file = files("{\"kind\": \"trace\", \"csv\": \"traces/t.csv\"}",
                "\uFEFF# sampled by hand\r\n\r\n0, 5\r\n  # still a comment\r\n250 ,12.5\r\n1e3,100\r\n");
        Workload.Trace t = webTrace(ScenarioReader.read(file));
        assertEquals(List.of(new Point(0, 5), new Point(250, 12.5), new Point(1_000, 100)), t.points());
        assertFalse(t.loop(), "loop is false when left out");
    }

    @Test
    void aPercentOutOfRangeNamesTheCsvFileAndLine() throws IOException {
        String csv = "time_ms,percent\n# comment\n0,10\n500,20\n\n1000,30\n1500,140\n";
        assertEquals(List.of("/vms/0/workload/csv: traces/t.csv line 7: percent must be between 0 and 100, was 140"),
                problemsOfCsv(csv));
    }

    @Test
    void everyBadLineIsReportedWithItsNumber() throws IOException {
        String csv = "0,10\n500\n600,20,30\nsoon,40\n-5,50\n700,NaN\n800,0x10\n900,12%\n";
        assertEquals(List.of(
                "/vms/0/workload/csv: traces/t.csv line 2: must be time_ms,percent (two values separated by a comma),"
                        + " was \"500\"",
                "/vms/0/workload/csv: traces/t.csv line 3: must be time_ms,percent (two values separated by a comma),"
                        + " was \"600,20,30\"",
                "/vms/0/workload/csv: traces/t.csv line 4: time must be a whole number of ms from 0 to 86400000,"
                        + " was soon",
                "/vms/0/workload/csv: traces/t.csv line 5: time must be a whole number of ms from 0 to 86400000,"
                        + " was -5",
                "/vms/0/workload/csv: traces/t.csv line 6: percent must be between 0 and 100, was NaN",
                "/vms/0/workload/csv: traces/t.csv line 7: percent must be between 0 and 100, was 0x10",
                "/vms/0/workload/csv: traces/t.csv line 8: percent must be between 0 and 100, was 12%"),
                problemsOfCsv(csv));
    }

    @Test
    void timesMustIncreaseAndStartAtZero() throws IOException {
        assertEquals(List.of("/vms/0/workload/csv: traces/t.csv line 3: times must increase: 500 ms is not after"
                        + " 500 ms (line 2)",
                "/vms/0/workload/csv: traces/t.csv line 4: times must increase: 200 ms is not after 500 ms (line 2)"),
                problemsOfCsv("0,1\n500,2\n500,3\n200,4\n"));
        assertEquals(List.of("/vms/0/workload/csv: traces/t.csv line 2: the first point must be at 0 ms (when the"
                + " workload begins), was 100 ms"), problemsOfCsv("time_ms,percent\n100,1\n200,2\n"));
    }

    @Test
    void aCsvWithoutPointsIsRefused() throws IOException {
        assertEquals(List.of("/vms/0/workload/csv: traces/t.csv: no points; a trace needs at least one line"
                + " time_ms,percent"), problemsOfCsv("time_ms,percent\n# nothing yet\n\n"));
    }

    @Test
    void afterTenProblemsTheRestAreCounted() throws IOException {
        StringBuilder csv = new StringBuilder("0,0\n");
        for (int k = 1; k <= 15; k++) {
            csv.append(k).append(",101\n");
        }
        List<String> problems = problemsOfCsv(csv.toString());
        assertEquals(TraceCsv.MAX_REPORTED + 1, problems.size());
        assertEquals("/vms/0/workload/csv: traces/t.csv: 5 more problems not shown", problems.get(10));
    }

    @Test
    void aMissingCsvFileIsReportedAtTheCsvField() throws IOException {
        Path file = files("{\"kind\": \"trace\", \"csv\": \"traces/nope.csv\", \"loop\": true}", null);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(file));
        assertEquals(List.of("/vms/0/workload/csv: traces/nope.csv: trace file not found (looked in the scenario"
                + " file's folder)"), lines(e));
        assertEquals(file.toString(), e.problems().get(0).source());
    }

    @Test
    void aCsvPathMustBeRelativeToTheScenarioFile() throws IOException {
        Path file = files("{\"kind\": \"trace\", \"csv\": \"/etc/t.csv\"}", null);
        assertEquals(List.of("/vms/0/workload/csv: must be a path relative to the scenario file's folder, such as"
                + " \"traces/web.csv\", was \"/etc/t.csv\""),
                lines(assertThrows(ScenarioException.class, () -> ScenarioReader.read(file))));
    }

    @Test
    void aScenarioReadFromTextHasNoFolderForACsv() {
        List<Problem> problems = ScenarioFixtures.problemsOf(
                withWorkload("{\"kind\": \"trace\", \"csv\": \"traces/web.csv\"}"));
        assertEquals(1, problems.size());
        assertEquals("/vms/0/workload/csv", problems.get(0).pointer());
        assertEquals("csv.noFolder", problems.get(0).key());
    }

    @Test
    void inlinePointsAreRead() throws ScenarioException {
        Scenario s = ScenarioReader.read(
                withWorkload("{\"kind\": \"trace\", \"points\": [[0, 10], [500, 80.5], [1500, 30]], \"loop\": true}"),
                "t.json");
        assertEquals(new Workload.Trace(List.of(new Point(0, 10), new Point(500, 80.5), new Point(1_500, 30)), true),
                webTrace(s));
    }

    @Test
    void badInlinePointsAreReportedAtTheirPointers() {
        List<Problem> problems = ScenarioFixtures.problemsOf(withWorkload(
                "{\"kind\": \"trace\", \"points\": [[100, 10], [500, 140], [400, 20], [600], 7, [700.5, 1]]}"));
        assertEquals(List.of(
                "/vms/0/workload/points/0/0: the first point must be at 0 ms (when the workload begins), was 100",
                "/vms/0/workload/points/1/1: must be a percentage between 0 and 100, was 140",
                "/vms/0/workload/points/2/0: must be later than the point before (500 ms), was 400",
                "/vms/0/workload/points/3: must be a point [time in ms, percent], such as [500, 80], was […]",
                "/vms/0/workload/points/4: must be a point [time in ms, percent], such as [500, 80], was 7",
                "/vms/0/workload/points/5/0: must be a whole number of ms from 0 to 86400000, was 700.5"),
                problems.stream().map(p -> p.pointer() + ": " + ScenarioFixtures.english(p)).toList());
    }

    @Test
    void aTraceNeedsExactlyOneSourceAtLeastOnePointAndABooleanLoop() {
        assertEquals("trace.empty", onlyKey("{\"kind\": \"trace\", \"points\": []}"));
        assertEquals("trace.noSource", onlyKey("{\"kind\": \"trace\", \"loop\": true}"));
        assertEquals("trace.bothSources", onlyKey("{\"kind\": \"trace\", \"csv\": \"a.csv\", \"points\": [[0, 1]]}"));
        assertEquals("type.boolean", onlyKey("{\"kind\": \"trace\", \"points\": [[0, 1]], \"loop\": \"yes\"}"));
        assertEquals("field.unknown", onlyKey("{\"kind\": \"trace\", \"points\": [[0, 1]], \"percent\": 5}"));
    }

    private static String onlyKey(String workload) {
        List<Problem> problems = ScenarioFixtures.problemsOf(withWorkload(workload));
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0).key();
    }

    @Test
    void aBundledLessonFindsItsCsvAsAResourceBesideIt() throws IOException, ScenarioException {
        // src/test/resources/.../trace-web.json refers to traces/web.csv, which the pom copies beside the lessons
        Scenario s;
        try (InputStream in = TraceReaderTest.class.getResourceAsStream("trace-web.json")) {
            s = ScenarioReader.read(in, "trace-web.json", Lessons.TRACE_FILES);
        }
        Workload.Trace t = webTrace(s);
        assertEquals(WEB.length, t.points().size());
        assertEquals(new Point(2_500, 90), t.points().get(5));
        assertEquals("traces/web.csv", t.source());
    }

    @Test
    void aStreamWithoutTraceFilesCannotUseACsv() throws IOException {
        try (InputStream in = TraceReaderTest.class.getResourceAsStream("trace-web.json")) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(in, "x.json"));
            assertEquals("csv.noFolder", e.problems().get(0).key());
        }
    }
}
