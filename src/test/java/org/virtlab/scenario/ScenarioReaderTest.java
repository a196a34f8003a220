package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.scenario.ScenarioFixtures.at;
import static org.virtlab.scenario.ScenarioFixtures.english;
import static org.virtlab.scenario.ScenarioFixtures.problemsAfter;
import static org.virtlab.scenario.ScenarioFixtures.problemsOf;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

class ScenarioReaderTest {

    private static Problem onlyProblem(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0);
    }

    @Test
    void readsAValidDocumentIntoTheEngineRecords() throws ScenarioException {
        Scenario s = ScenarioReader.read(ScenarioFixtures.VALID, "test.json");
        assertEquals(LocalizedText.of("Two VMs", "两台虚拟机"), s.title());
        assertEquals(7, s.seed());
        assertEquals(500, s.tickMicros());
        assertEquals(new CpuTopology(2, 6, 2, 2000), s.hosts().get(0).cpu());
        VmSpec web = s.vm("web").orElseThrow();
        assertEquals(new VmSpec("web", "Web server", "host1", 4, 4096, new Workload.Constant(50), 80, 120), web);
        assertEquals(new Workload.Periodic(10, 90, 20_000), s.vm("db").orElseThrow().workload());
    }

    @Test
    void optionalFieldsTakeTheirDefaults() throws ScenarioException {
        String json = ScenarioFixtures.changed(root -> {
            root.remove(List.of("title", "seed", "tickMicros"));
            at(root, "/vms/0").remove(List.of("name", "position"));
        });
        Scenario s = ScenarioReader.read(json, "test.json");
        assertEquals(LocalizedText.EMPTY, s.title());
        assertEquals(LocalizedText.EMPTY, s.goal());
        assertEquals(1, s.seed()); // the format's default seed
        assertEquals(1000, s.tickMicros()); // Simulation.DEFAULT_TICK_MICROS
        VmSpec web = s.vm("web").orElseThrow();
        assertEquals("web", web.name()); // VmSpec: a missing name is the id
        assertEquals(0, web.x());
        assertEquals(0, web.y());
    }

    @Test
    void wholeNumbersWrittenWithAFractionAreIntegers() throws ScenarioException {
        String json = ScenarioFixtures.changed(root -> at(root, "/vms/0").put("vcpus", 4.0));
        assertEquals(4, ScenarioReader.read(json, "test.json").vm("web").orElseThrow().vcpus());
    }

    @Test
    void socketsOutOfRangeNamesTheAllowedRange() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/hosts/0/cpu").put("sockets", 0)));
        assertEquals("/hosts/0/cpu/sockets", p.pointer());
        // 8 = CpuTopology.MAX_SOCKETS
        assertEquals("must be an integer between 1 and 8, was 0", english(p));
    }

    @Test
    void clockOutOfRangeNamesTheRangeInMhz() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/hosts/0/cpu").put("mhzPerCore", 50)));
        assertEquals("/hosts/0/cpu/mhzPerCore", p.pointer());
        // 100 and 10000 = CpuTopology.MIN_MHZ and MAX_MHZ
        assertEquals("must be 100–10000 MHz, was 50", english(p));
    }

    @Test
    void tickOutOfRangeNamesTheRangeInMicroseconds() {
        Problem p = onlyProblem(problemsAfter(root -> root.put("tickMicros", 5)));
        assertEquals("/tickMicros", p.pointer());
        // 10 and 100000 = Scenario.MIN_TICK_MICROS and MAX_TICK_MICROS
        assertEquals("must be 10–100000 µs, was 5", english(p));
    }

    @Test
    void textWhereANumberBelongsIsRefusedWithTheRange() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/vms/0").put("vcpus", "four")));
        assertEquals("/vms/0/vcpus", p.pointer());
        // 64 = VmSpec.MAX_VCPUS
        assertEquals("must be an integer between 1 and 64, was \"four\"", english(p));
    }

    @Test
    void fractionWhereAnIntegerBelongsIsRefused() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/vms/1").put("vcpus", 2.5)));
        assertEquals("/vms/1/vcpus", p.pointer());
        assertEquals("must be an integer between 1 and 64, was 2.5", english(p));
    }

    @Test
    void fractionalMemoryIsRefusedWithUnitAndRange() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/vms/0").put("memoryMib", 1.5)));
        assertEquals("/vms/0/memoryMib", p.pointer());
        // 16 and 4194304 = VmSpec.MIN_MEMORY_MIB and MAX_MEMORY_MIB (4 TiB)
        assertEquals("must be a whole number of MiB from 16 to 4194304, was 1.5", english(p));
    }

    @Test
    void percentOutsideZeroToHundredIsRefused() {
        List<Problem> problems = problemsAfter(root -> {
            at(root, "/vms/0/workload").put("percent", 120);
            at(root, "/vms/1/workload").put("minPercent", -5);
        });
        assertEquals(List.of("/vms/0/workload/percent", "/vms/1/workload/minPercent"),
                problems.stream().map(Problem::pointer).toList());
        // 0..100: Workload's percent ranges
        assertEquals("must be a percentage between 0 and 100, was 120", english(problems.get(0)));
        assertEquals("must be a percentage between 0 and 100, was -5", english(problems.get(1)));
    }

    @Test
    void hugeNumbersAreRefusedNotWrapped() {
        Problem p = onlyProblem(problemsAfter(root -> root.put("seed", new BigInteger("1" + "0".repeat(30)))));
        assertEquals("/seed", p.pointer());
        assertTrue(english(p).contains("between -9223372036854775808 and 9223372036854775807"), english(p));
    }

    @Test
    void unknownFieldListsTheAllowedFields() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/hosts/0").put("cpuz", 1)));
        assertEquals("/hosts/0/cpuz", p.pointer());
        assertEquals("unknown field \"cpuz\"; allowed: id, name, cpu, cpuPolicy, memoryMib, memoryPolicy, position", english(p));
    }

    @Test
    void unknownFieldPointerEscapesSlashAndTilde() {
        Problem p = onlyProblem(problemsAfter(root -> root.put("a/b~c", 1)));
        assertEquals("/a~1b~0c", p.pointer()); // RFC 6901 §3
    }

    @Test
    void missingRequiredFieldIsReportedAtItsObject() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/hosts/0/cpu").remove("threadsPerCore")));
        assertEquals("/hosts/0/cpu", p.pointer());
        assertEquals("missing required field \"threadsPerCore\"", english(p));
    }

    @Test
    void unknownHostListsTheHosts() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/vms/1").put("host", "h9")));
        assertEquals("/vms/1/host", p.pointer());
        assertEquals("unknown host \"h9\"; hosts are: host1", english(p));
    }

    @Test
    void duplicateIdPointsToTheFirstUse() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/vms/1").put("id", "web")));
        assertEquals("/vms/1/id", p.pointer());
        assertEquals("duplicate id \"web\" (also at /vms/0/id)", english(p));
    }

    @Test
    void hostsAndVmsShareOneIdSpace() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/vms/0").put("id", "host1")));
        assertEquals("/vms/0/id", p.pointer());
        assertEquals("duplicate id \"host1\" (also at /hosts/0/id)", english(p));
    }

    @Test
    void malformedIdIsRefused() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/vms/0").put("id", "my web")));
        assertEquals("/vms/0/id", p.pointer());
        assertTrue(english(p).startsWith("must be an id of 1–64 letters"), english(p));
        assertTrue(english(p).endsWith("was \"my web\""), english(p));
    }

    @Test
    void unknownWorkloadKindListsTheKinds() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/vms/0/workload").put("kind", "spiky")));
        assertEquals("/vms/0/workload/kind", p.pointer());
        assertEquals("unknown workload kind \"spiky\"; allowed: idle, constant, bursty, periodic, ramp, trace", english(p));
    }

    @Test
    void fieldsOfAnotherWorkloadKindAreUnknown() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/vms/0/workload").put("onPercent", 90)));
        assertEquals("/vms/0/workload/onPercent", p.pointer());
        assertEquals("unknown field \"onPercent\"; allowed: kind, percent", english(p));
    }

    @Test
    void periodicMinimumAboveMaximumIsRefused() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/vms/1/workload").put("minPercent", 95)));
        assertEquals("/vms/1/workload/maxPercent", p.pointer());
        assertEquals("must be at least minPercent (95), was 90", english(p));
    }

    @Test
    void everyWorkloadKindReads() throws ScenarioException {
        String json = ScenarioFixtures.changed(root -> {
            at(root, "/vms/0/workload").removeAll().put("kind", "idle").put("percent", 3.5);
            at(root, "/vms/1/workload").removeAll().put("kind", "ramp")
                    .put("fromPercent", 0).put("toPercent", 80).put("durationMillis", 60_000);
        });
        Scenario s = ScenarioReader.read(json, "test.json");
        assertEquals(new Workload.Idle(3.5), s.vms().get(0).workload());
        assertEquals(new Workload.Ramp(0, 80, 60_000), s.vms().get(1).workload());
    }

    @Test
    void burstyMeanLengthsAreCheckedInMilliseconds() {
        Problem p = onlyProblem(problemsAfter(root -> at(root, "/vms/0/workload").removeAll()
                .put("kind", "bursty").put("onPercent", 90).put("offPercent", 10)
                .put("meanOnMillis", 0).put("meanOffMillis", 1200)));
        assertEquals("/vms/0/workload/meanOnMillis", p.pointer());
        // 1..3600000: Workload.Bursty's range for the means
        assertEquals("must be 1–3600000 ms, was 0", english(p));
    }

    @Test
    void reportsEveryProblemNotJustTheFirst() {
        List<Problem> problems = problemsAfter(root -> {
            at(root, "/hosts/0/cpu").put("sockets", 0);
            at(root, "/hosts/0").put("cpuz", 1);
            at(root, "/vms/0").put("host", "h9");
            at(root, "/vms/1/workload").put("kind", "spiky");
        });
        assertEquals(List.of("/hosts/0/cpuz", "/hosts/0/cpu/sockets", "/vms/0/host", "/vms/1/workload/kind"),
                problems.stream().map(Problem::pointer).toList());
    }

    @Test
    void wrongTypesOfContainersAreReported() {
        List<Problem> problems = problemsAfter(root -> {
            root.put("hosts", "host1");
            root.putArray("title");
            at(root, "/vms/0").put("position", 3);
        });
        assertEquals(List.of("/title", "/hosts", "/vms/0/host", "/vms/0/position", "/vms/1/host"),
                problems.stream().map(Problem::pointer).toList());
        assertEquals("must be a JSON object, was […]", english(problems.get(0)));
        assertEquals("must be a JSON array, was \"host1\"", english(problems.get(1)));
        assertEquals("unknown host \"host1\"; the scenario has no hosts", english(problems.get(2)));
        assertEquals("must be a JSON object, was 3", english(problems.get(3)));
    }

    @Test
    void aDocumentThatIsNotAnObjectIsReportedAtTheRoot() {
        Problem p = onlyProblem(problemsOf("[1, 2]"));
        assertEquals("/", p.pointer());
        assertEquals("must be a JSON object, was […]", english(p));
    }

    @Test
    void anotherFormatIsNotReadFurther() {
        Problem p = onlyProblem(problemsAfter(root -> {
            root.put("format", "package.json");
            root.put("name", "left-pad");
        }));
        assertEquals("/format", p.pointer());
        assertEquals("must be \"virtlab.scenario\", was \"package.json\": this is not a VirtLab scenario file",
                english(p));
    }

    @Test
    void aMissingFormatIsReportedAndTheRestStillChecked() {
        List<Problem> problems = problemsAfter(root -> {
            root.remove("format");
            at(root, "/vms/0").put("vcpus", 0);
        });
        assertEquals(List.of("/", "/vms/0/vcpus"), problems.stream().map(Problem::pointer).toList());
        assertEquals("missing required field \"format\"", english(problems.get(0)));
    }

    @Test
    void aNewerVersionSaysANewerVirtLabMadeIt() {
        Problem p = onlyProblem(problemsAfter(root -> {
            root.put("version", 2);
            root.put("networks", "a field version 1 does not know");
        }));
        assertEquals("/version", p.pointer());
        assertTrue(english(p).contains("made by a newer VirtLab (scenario format version 2)"), english(p));
        assertTrue(english(p).contains("reads version 1"), english(p));
    }

    @Test
    void versionZeroIsInvalid() {
        Problem p = onlyProblem(problemsAfter(root -> root.put("version", 0)));
        assertEquals("/version", p.pointer());
        assertEquals("must be the format version 1, was 0", english(p));
    }

    /** Line 10 of the fixture: {@code   "vms": [{"id": "web", "name": "Web server", "host": "host1", "vcpus": 4,}. */
    @Test
    void problemFormatsAsSourcePointerPlaceMessageOnOneLine() {
        Problem p = onlyProblem(problemsOf(ScenarioFixtures.VALID.replace("\"vcpus\": 4", "\"vcpus\": 0")));
        assertEquals("test.json: /vms/0/vcpus: line 10, column 73: must be an integer between 1 and 64, was 0",
                p.format(Locale.ENGLISH));
        assertEquals("test.json: /vms/0/vcpus: 第 10 行第 73 列: 应为 1 到 64 之间的整数，实际为 0",
                p.format(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void valuesWithLineBreaksStayOnOneLine() {
        Problem p = onlyProblem(problemsOf(ScenarioFixtures.VALID.replace("\"vcpus\": 4", "\"vcpus\": \"4\\nvcpus\"")));
        assertEquals("test.json: /vms/0/vcpus: line 10, column 73: must be an integer between 1 and 64, was"
                + " \"4\\nvcpus\"",
                p.format(Locale.ENGLISH));
    }

    @Test
    void exceptionMessageListsEveryProblemInEnglish() {
        String json = ScenarioFixtures.VALID.replace("\"vcpus\": 4", "\"vcpus\": 0")
                .replace("\"vcpus\": 8", "\"vcpus\": 0");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(json, "x.json"));
        assertEquals("x.json: /vms/0/vcpus: line 10, column 73: must be an integer between 1 and 64, was 0\n"
                + "x.json: /vms/1/vcpus: line 13, column 50: must be an integer between 1 and 64, was 0",
                e.getMessage());
    }
}
