package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtlab.scenario.ScenarioFixtures.at;
import static org.virtlab.scenario.ScenarioFixtures.english;
import static org.virtlab.scenario.ScenarioFixtures.json;
import static org.virtlab.scenario.ScenarioFixtures.onlyProblem;
import static org.virtlab.scenario.ScenarioFixtures.problemsAfter;
import static org.virtlab.scenario.ScenarioFixtures.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.HostCpuPolicy;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.ReservationMode;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * The CPU QoS fields of the file format: a host's {@code cpuPolicy}, a VM's {@code cpuQos} and
 * {@code pinning}. The fixture's host has 2 sockets × 6 cores × 2 threads = 24 logical CPUs; VM 0 ("web")
 * has 4 vCPUs, VM 1 ("db") 8.
 */
class CpuQosReaderTest {
    private static Consumer<ObjectNode> vm0(String field, String value) {
        return root -> at(root, "/vms/0").set(field, json(value));
    }

    private static Consumer<ObjectNode> qos0(String value) {
        return vm0("cpuQos", value);
    }

    private static Consumer<ObjectNode> policy(String value) {
        return root -> at(root, "/hosts/0").set("cpuPolicy", json(value));
    }

    // --- reading what is right ---------------------------------------------------------------------------

    @Test
    void readsHostPolicyVmQosAndPinning() throws ScenarioException {
        Scenario s = read(root -> {
            at(root, "/hosts/0").set("cpuPolicy",
                    json("{\"reservationMode\": \"held\", \"htFactor\": 1.25, \"quantumMillis\": 0.5}"));
            at(root, "/vms/0").set("cpuQos", json("{\"shares\": \"high\", \"limitMhz\": 6000, \"reservationMhz\": 1000}"));
            at(root, "/vms/0").set("pinning", json("[[1, 0], [2], [3], [4, 5]]"));
            at(root, "/vms/1").set("cpuQos", json("{\"shares\": 3000}"));
            at(root, "/vms/1").set("pinning", json("{\"all\": [6, 7]}"));
        });
        assertEquals(new HostCpuPolicy(ReservationMode.HELD, 1.25, 500), s.hosts().get(0).cpuPolicy());
        VmSpec web = s.vm("web").orElseThrow();
        assertEquals(new CpuQos(Shares.HIGH, 6000, 1000), web.cpuQos());
        assertEquals(new Pinning(List.of(List.of(0, 1), List.of(2), List.of(3), List.of(4, 5))), web.pinning());
        VmSpec db = s.vm("db").orElseThrow();
        assertEquals(new CpuQos(Shares.custom(3000), CpuQos.NO_LIMIT, 0), db.cpuQos());
        assertEquals(Pinning.all(8, List.of(6, 7)), db.pinning());
    }

    @Test
    void absentFieldsAreTheModelDefaults() throws ScenarioException {
        Scenario plain = ScenarioReader.read(ScenarioFixtures.VALID, ScenarioFixtures.SOURCE);
        assertEquals(HostCpuPolicy.DEFAULT, plain.hosts().get(0).cpuPolicy());
        assertEquals(CpuQos.DEFAULT, plain.vms().get(0).cpuQos());
        assertEquals(Pinning.NONE, plain.vms().get(0).pinning());

        Scenario empty = read(root -> {
            at(root, "/hosts/0").set("cpuPolicy", json("{}"));
            at(root, "/vms/0").set("cpuQos", json("{}"));
            at(root, "/vms/1").set("cpuQos", json("{\"limitMhz\": null}")); // null: no limit, as absent
        });
        assertEquals(plain, empty);
    }

    @Test
    void sharesPresetsAndTheCustomBoundsRead() throws ScenarioException {
        assertEquals(Shares.LOW, read(qos0("{\"shares\": \"low\"}")).vms().get(0).cpuQos().shares());
        assertEquals(Shares.NORMAL, read(qos0("{\"shares\": \"normal\"}")).vms().get(0).cpuQos().shares());
        // 1 and 1000000: Shares.MIN_CUSTOM and Shares.MAX_CUSTOM
        assertEquals(Shares.custom(1), read(qos0("{\"shares\": 1}")).vms().get(0).cpuQos().shares());
        assertEquals(Shares.custom(1_000_000), read(qos0("{\"shares\": 1e6}")).vms().get(0).cpuQos().shares());
    }

    @Test
    void limitEqualToTheReservationIsAllowed() throws ScenarioException {
        CpuQos qos = read(qos0("{\"limitMhz\": 2000, \"reservationMhz\": 2000}")).vms().get(0).cpuQos();
        assertEquals(new CpuQos(Shares.NORMAL, 2000, 2000), qos);
    }

    @Test
    void quantumIsReadInMillisecondsToTheMicrosecond() throws ScenarioException {
        // 0.1 ms = HostCpuPolicy.MIN_QUANTUM_MICROS
        assertEquals(100, read(policy("{\"quantumMillis\": 0.1}")).hosts().get(0).cpuPolicy().quantumMicros());
        assertEquals(12_345, read(policy("{\"quantumMillis\": 12.345}")).hosts().get(0).cpuPolicy().quantumMicros());
        assertEquals(1_000_000, read(policy("{\"quantumMillis\": 1000}")).hosts().get(0).cpuPolicy().quantumMicros());
    }

    @Test
    void vcpusAsManyAsTheHostsLogicalCpusAndTheSameCpuForSeveralVcpusAreAllowed() throws ScenarioException {
        Scenario s = read(root -> {
            at(root, "/vms/1").put("vcpus", 24);
            at(root, "/vms/0").set("pinning", json("[[0], [0], [0, 23], [0]]"));
        });
        assertEquals(24, s.vms().get(1).vcpus());
        assertEquals(23, s.vms().get(0).pinning().highestCpu());
    }

    // --- shares --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-5        | -5",
        "0         | 0",
        "1000001   | 1000001",
        "2.5       | 2.5",
        "\"NaN\"   | \"NaN\"",
        "\"medium\"| \"medium\"",
        "\"High\"  | \"High\"",
        "\"1000\"  | \"1000\"",
        "true      | true",
        "null      | null",
        "[1000]    | […]"})
    void sharesOtherThanAPresetOrAnIntegerInRangeAreRefused(String value, String shown) {
        Problem p = onlyProblem(qos0("{\"shares\": " + value + "}"));
        assertEquals("/vms/0/cpuQos/shares", p.pointer());
        // 1 and 1000000: Shares.MIN_CUSTOM and Shares.MAX_CUSTOM. JSON has no NaN literal (the parser refuses
        // a bare NaN, see ScenarioReaderSourceTest), so NaN can only come as text.
        assertEquals("must be low, normal, high or an integer between 1 and 1000000, was " + shown, english(p));
    }

    @Test
    void sharesProblemInChinese() {
        Problem p = onlyProblem(qos0("{\"shares\": -5}"));
        assertEquals("test.json: /vms/0/cpuQos/shares: 第 1 行第 " + p.column() + " 列: "
                        + "应为 low、normal、high 或 1 到 1000000 之间的整数，实际为 -5",
                p.format(Locale.SIMPLIFIED_CHINESE));
    }

    // --- limit and reservation -----------------------------------------------------------------------------

    @Test
    void limitBelowTheReservationIsReportedAtTheLimitWithBothNumbers() {
        Problem p = onlyProblem(qos0("{\"limitMhz\": 1000, \"reservationMhz\": 8000}"));
        assertEquals("/vms/0/cpuQos/limitMhz", p.pointer());
        // CpuQos: the limit is at least the reservation (vSphere resource management)
        assertEquals("must be at least the reservation of 8000 MHz, was 1000 MHz", english(p));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0        | must be 1–10000000 MHz, was 0",
        "-1       | must be 1–10000000 MHz, was -1",
        "10000001 | must be 1–10000000 MHz, was 10000001",
        "1.5      | must be a whole number of MHz from 1 to 10000000, was 1.5",
        "\"none\" | must be a whole number of MHz from 1 to 10000000, was \"none\""})
    void limitOutOfRangeNamesTheRange(String value, String message) {
        Problem p = onlyProblem(qos0("{\"limitMhz\": " + value + "}"));
        assertEquals("/vms/0/cpuQos/limitMhz", p.pointer());
        // 1: CpuQos refuses a limit of 0 (no limit is null or absent); 10000000: CpuQos.MAX_MHZ
        assertEquals(message, english(p));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1       | must be 0–10000000 MHz, was -1",
        "10000001 | must be 0–10000000 MHz, was 10000001",
        "0.5      | must be a whole number of MHz from 0 to 10000000, was 0.5",
        "null     | must be a whole number of MHz from 0 to 10000000, was null"})
    void reservationOutOfRangeNamesTheRange(String value, String message) {
        Problem p = onlyProblem(qos0("{\"reservationMhz\": " + value + "}"));
        assertEquals("/vms/0/cpuQos/reservationMhz", p.pointer());
        // 0..10000000: CpuQos's range for reservationMhz (CpuQos.MAX_MHZ)
        assertEquals(message, english(p));
    }

    @Test
    void unknownQosFieldListsTheAllowedFields() {
        Problem p = onlyProblem(qos0("{\"weight\": 256}"));
        assertEquals("/vms/0/cpuQos/weight", p.pointer());
        assertEquals("unknown field \"weight\"; allowed: shares, limitMhz, reservationMhz", english(p));
    }

    @Test
    void qosThatIsNotAnObjectIsRefused() {
        Problem p = onlyProblem(qos0("\"high\""));
        assertEquals("/vms/0/cpuQos", p.pointer());
        assertEquals("must be a JSON object, was \"high\"", english(p));
    }

    // --- vCPUs against the host ----------------------------------------------------------------------------

    @Test
    void moreVcpusThanTheHostHasLogicalCpusNamesTheHostAndItsCount() {
        Problem p = onlyProblem(root -> at(root, "/vms/1").put("vcpus", 25));
        assertEquals("/vms/1/vcpus", p.pointer());
        // 24 = 2 sockets × 6 cores × 2 threads; Scenario's constructor refuses more vCPUs than that
        assertEquals("must be at most 24, the number of logical CPUs of host \"host1\", was 25", english(p));
    }

    @Test
    void vcpusAreNotComparedWithAHostWhoseCpuIsBroken() {
        Problem p = onlyProblem(root -> {
            at(root, "/hosts/0/cpu").put("sockets", 0);
            at(root, "/vms/1").put("vcpus", 25);
        });
        assertEquals("/hosts/0/cpu/sockets", p.pointer());
    }

    // --- pinning -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"24 | 24", "-1 | -1", "1.5 | 1.5", "\"3\" | \"3\"", "null | null"})
    void pinToACpuTheHostDoesNotHavePointsAtTheElementAndGivesTheRange(String value, String shown) {
        Problem p = onlyProblem(root -> at(root, "/vms/1").set("pinning",
                json("[[0, 1, " + value + "], [0], [1], [2], [3], [4], [5], [6]]")));
        assertEquals("/vms/1/pinning/0/2", p.pointer());
        // 0–23: the fixture host's 24 logical CPUs (Scenario refuses a pin to a CPU the host lacks)
        assertEquals("must be a logical CPU of host \"host1\", from 0 to 23, was " + shown, english(p));
    }

    @Test
    void pinOnAnUnknownHostIsCheckedAgainstTheLargestPossibleHost() {
        List<Problem> problems = problemsAfter(root -> {
            at(root, "/vms/0").put("host", "h9");
            at(root, "/vms/0").set("pinning", json("{\"all\": [5000]}"));
        });
        assertEquals(List.of("/vms/0/host", "/vms/0/pinning/all/0"), problems.stream().map(Problem::pointer).toList());
        // 2047 = 8 × 128 × 2 - 1: CpuTopology.MAX_SOCKETS × MAX_CORES_PER_SOCKET × MAX_THREADS_PER_CORE
        assertEquals("must be an integer between 0 and 2047, was 5000", english(problems.get(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[0], [1]]", "[]", "[[0], [1], [2], [3], [4]]"})
    void aListCountOtherThanTheVcpusIsRefused(String pinning) {
        Problem p = onlyProblem(vm0("pinning", pinning));
        assertEquals("/vms/0/pinning", p.pointer());
        int lists = json(pinning).size();
        // VmSpec: one list per vCPU; the fixture's web VM has 4
        assertEquals("lists logical CPUs for " + lists + " vCPUs, but the VM has 4; give one list per vCPU, "
                + "or use \"all\"", english(p));
    }

    @Test
    void anEmptyListIsRefusedWhereItIs() {
        Problem p = onlyProblem(vm0("pinning", "[[0], [], [2], [3]]"));
        assertEquals("/vms/0/pinning/1", p.pointer());
        // Pinning: a pinned vCPU needs at least one logical CPU
        assertEquals("must list at least one logical CPU", english(p));

        Problem all = onlyProblem(vm0("pinning", "{\"all\": []}"));
        assertEquals("/vms/0/pinning/all", all.pointer());
    }

    @Test
    void aCpuListedTwiceForOneVcpuPointsAtTheRepeatAndTheFirst() {
        Problem p = onlyProblem(vm0("pinning", "[[0], [1], [2, 3, 2], [4]]"));
        assertEquals("/vms/0/pinning/2/2", p.pointer());
        assertEquals("logical CPU 2 is already listed at /vms/0/pinning/2/0", english(p));
    }

    @Test
    void pinningOfTheWrongShapeSaysWhatShapesThereAre() {
        Problem p = onlyProblem(vm0("pinning", "3"));
        assertEquals("/vms/0/pinning", p.pointer());
        assertEquals("must be one list of logical CPUs per vCPU, such as [[0, 1], [2, 3]], or {\"all\": [0]} "
                + "for every vCPU, was 3", english(p));

        List<Problem> flat = problemsAfter(vm0("pinning", "[0, 1, 2, 3]"));
        assertEquals(List.of("/vms/0/pinning/0", "/vms/0/pinning/1", "/vms/0/pinning/2", "/vms/0/pinning/3"),
                flat.stream().map(Problem::pointer).toList());
        assertEquals("must be a JSON array, was 0", english(flat.get(0)));

        List<Problem> other = problemsAfter(vm0("pinning", "{\"any\": [0]}"));
        assertEquals(List.of("/vms/0/pinning/any", "/vms/0/pinning"), other.stream().map(Problem::pointer).toList());
        assertEquals("unknown field \"any\"; allowed: all", english(other.get(0)));
        assertEquals("missing required field \"all\"", english(other.get(1)));
    }

    // --- host CPU policy -----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2.5 | 2.5", "0.4 | 0.4", "\"1.3\" | \"1.3\"", "null | null"})
    void htFactorOutOfRangeNamesTheRange(String value, String shown) {
        Problem p = onlyProblem(policy("{\"htFactor\": " + value + "}"));
        assertEquals("/hosts/0/cpuPolicy/htFactor", p.pointer());
        // 0.5 and 2: HostCpuPolicy.MIN_HT_FACTOR and MAX_HT_FACTOR
        assertEquals("must be a number between 0.5 and 2, was " + shown, english(p));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.05 | 0.05", "1000.5 | 1000.5", "0 | 0", "0.0005 | 5.0E-4",
        "12.3456 | 12.3456", "\"30\" | \"30\""})
    void quantumOutOfRangeOrFinerThanAMicrosecondIsRefused(String value, String shown) {
        Problem p = onlyProblem(policy("{\"quantumMillis\": " + value + "}"));
        assertEquals("/hosts/0/cpuPolicy/quantumMillis", p.pointer());
        // 0.1–1000 ms: HostCpuPolicy.MIN_QUANTUM_MICROS (100 µs) and MAX_QUANTUM_MICROS (1 s); the model
        // counts whole microseconds
        assertEquals("must be 0.1–1000 ms in whole microseconds (at most three decimals), was " + shown,
                english(p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "HELD", "Reusable", ""})
    void unknownReservationModeListsTheModes(String mode) {
        Problem p = onlyProblem(policy("{\"reservationMode\": \"" + mode + "\"}"));
        assertEquals("/hosts/0/cpuPolicy/reservationMode", p.pointer());
        // ReservationMode's values, as spelled in files
        assertEquals("unknown reservation mode \"" + mode + "\"; allowed: reusable, held", english(p));
    }

    @Test
    void unknownPolicyFieldListsTheAllowedFields() {
        Problem p = onlyProblem(policy("{\"quantumMicros\": 30000}"));
        assertEquals("/hosts/0/cpuPolicy/quantumMicros", p.pointer());
        assertEquals("unknown field \"quantumMicros\"; allowed: reservationMode, htFactor, quantumMillis", english(p));
    }

    @Test
    void everyCpuProblemIsReportedInDocumentOrder() {
        List<Problem> problems = problemsAfter(root -> {
            at(root, "/hosts/0").set("cpuPolicy", json("{\"reservationMode\": \"x\", \"htFactor\": 9}"));
            at(root, "/vms/0").set("cpuQos", json("{\"shares\": -5, \"limitMhz\": 10, \"reservationMhz\": 20}"));
            at(root, "/vms/0").set("pinning", json("{\"all\": [99]}"));
            at(root, "/vms/1").put("vcpus", 30);
        });
        assertEquals(List.of("/hosts/0/cpuPolicy/reservationMode", "/hosts/0/cpuPolicy/htFactor",
                        "/vms/0/cpuQos/shares", "/vms/0/cpuQos/limitMhz", "/vms/0/pinning/all/0", "/vms/1/vcpus"),
                problems.stream().map(Problem::pointer).toList());
    }
}
