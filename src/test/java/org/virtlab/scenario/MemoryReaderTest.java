package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.virtlab.scenario.ScenarioFixtures.at;
import static org.virtlab.scenario.ScenarioFixtures.english;
import static org.virtlab.scenario.ScenarioFixtures.json;
import static org.virtlab.scenario.ScenarioFixtures.onlyProblem;
import static org.virtlab.scenario.ScenarioFixtures.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.MemoryActivity;
import org.virtlab.engine.memory.host.MemoryQos;
import org.virtlab.engine.memory.host.SharingMode;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * The memory fields of the file format: a host's {@code memoryPolicy}, a VM's {@code memoryQos} and
 * {@code memoryActivity}. In the fixture VM 0 ("web") has 4096 MiB.
 */
class MemoryReaderTest {
    private static Consumer<ObjectNode> policy(String value) {
        return root -> at(root, "/hosts/0").set("memoryPolicy", json(value));
    }

    private static Consumer<ObjectNode> vm0(String field, String value) {
        return root -> at(root, "/vms/0").set(field, json(value));
    }

    @Test
    void readsEveryMemoryFieldAndWritesThemBack() throws ScenarioException {
        Scenario s = read(root -> {
            at(root, "/hosts/0").set("memoryPolicy", json("""
                    {"highPercent": 8, "softPercent": 5, "hardPercent": 3, "lowPercent": 1.5, "sharing": "underPressure",
                     "pagesToScan": 1000, "sleepMillis": 10, "maxPageSharing": 512, "balloonMibPerSecond": 64,
                     "balloonMaxPercent": 50, "swapOutMibPerSecond": 200, "swapInMicros": 5000, "idleTaxPercent": 0}"""));
            at(root, "/vms/0").set("memoryQos", json("{\"shares\": \"high\", \"limitMib\": 3072, \"reservationMib\": 1024}"));
            at(root, "/vms/0").set("memoryActivity", json("""
                    {"demandMib": 2048, "touchMibPerSecond": 512, "writeMibPerSecond": 16, "zeroPercent": 10,
                     "imagePercent": 40, "image": "ubuntu-22.04", "activePercent": 25}"""));
            at(root, "/vms/1").set("memoryQos", json("{\"shares\": 5000, \"limitMib\": null}"));
        });
        assertEquals(new HostMemoryPolicy(8, 5, 3, 1.5, SharingMode.UNDER_PRESSURE, 1000, 10, 512, 64, 50, 200, 5000, 0),
                s.hosts().get(0).memoryPolicy());
        VmSpec web = s.vm("web").orElseThrow();
        assertEquals(new MemoryQos(Shares.HIGH, 3072, 1024), web.memoryQos());
        assertEquals(new MemoryActivity(2048, 512, 16, 10, 40, "ubuntu-22.04", 25), web.memoryActivity());
        assertEquals(new MemoryQos(Shares.custom(5000), MemoryQos.NO_LIMIT, 0), s.vm("db").orElseThrow().memoryQos());

        String saved = ScenarioWriter.toJson(s);
        assertEquals(s, ScenarioReader.read(saved, "saved"));
        assertFalse(saved.contains("\"limitMib\": null"));
    }

    @Test
    void absentFieldsAreTheDefaultsAndTheWriterLeavesDefaultsOut() throws ScenarioException {
        Scenario plain = ScenarioReader.read(ScenarioFixtures.VALID, ScenarioFixtures.SOURCE);
        assertEquals(HostMemoryPolicy.DEFAULT, plain.hosts().get(0).memoryPolicy());
        assertEquals(MemoryQos.DEFAULT, plain.vms().get(0).memoryQos());
        assertEquals(MemoryActivity.DEFAULT, plain.vms().get(0).memoryActivity());
        Scenario empty = read(root -> {
            at(root, "/hosts/0").set("memoryPolicy", json("{\"highPercent\": 6, \"sharing\": \"always\"}"));
            at(root, "/vms/0").set("memoryQos", json("{}"));
            at(root, "/vms/0").set("memoryActivity", json("{\"image\": \"default\"}"));
        });
        assertEquals(plain, empty);
        String saved = ScenarioWriter.toJson(empty);
        assertFalse(saved.matches("(?s).*\"memory(Policy|Qos|Activity)\".*"), saved);
    }

    @Test
    void thresholdsOutOfOrderAreReportedAtTheThresholdWithItsRange() {
        Problem p = onlyProblem(policy("{\"softPercent\": 7}"));
        assertEquals("/hosts/0/memoryPolicy/softPercent", p.pointer());
        // ESX's defaults 6 / 4 / 2 / 1 % free: soft must lie between high and hard
        assertEquals("must be below highPercent (6 %) and above hardPercent (2 %): the free-memory thresholds fall, "
                + "high > soft > hard > low; was 7 %", english(p));
        Problem low = onlyProblem(policy("{\"lowPercent\": 3}"));
        assertEquals("/hosts/0/memoryPolicy/hardPercent", low.pointer());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "highPercent       | 0    | must be a number between 0.1 and 50, was 0",
        "pagesToScan       | 0    | must be an integer between 1 and 1000000, was 0",
        "sleepMillis       | 2.5  | must be a whole number of ms from 1 to 60000, was 2.5",
        "maxPageSharing    | 1    | must be an integer between 2 and 1048576, was 1",
        "idleTaxPercent    | 100  | must be a number between 0 and 99, was 100",
        "swapInMicros      | -1   | must be 0–1000000 µs, was -1",
        "sharing           | \"sometimes\" | unknown sharing mode \"sometimes\"; allowed: always, underPressure, off"})
    void policyFieldsOutOfRangeNameTheRange(String field, String value, String message) {
        Problem p = onlyProblem(policy("{\"" + field + "\": " + value + "}"));
        assertEquals("/hosts/0/memoryPolicy/" + field, p.pointer());
        assertEquals(message, english(p));
    }

    @Test
    void demandAndReservationAboveTheVmsMemoryAreRefused() {
        Problem demand = onlyProblem(vm0("memoryActivity", "{\"demandMib\": 8192}"));
        assertEquals("/vms/0/memoryActivity/demandMib", demand.pointer());
        assertEquals("must be at most the VM's memory, 4096 MiB, was 8192 MiB", english(demand));
        Problem reservation = onlyProblem(vm0("memoryQos", "{\"reservationMib\": 5000}"));
        assertEquals("/vms/0/memoryQos/reservationMib", reservation.pointer());
        assertEquals("must be at most the VM's memory, 4096 MiB, was 5000 MiB", english(reservation));
        Problem limit = onlyProblem(vm0("memoryQos", "{\"reservationMib\": 2048, \"limitMib\": 1024}"));
        assertEquals("/vms/0/memoryQos/limitMib", limit.pointer());
        assertEquals("must be at least the reservation of 2048 MiB, was 1024 MiB", english(limit));
    }

    @Test
    void negativeSizesAndAContentMixAbove100AreRefused() {
        Problem negative = onlyProblem(vm0("memoryActivity", "{\"demandMib\": -1}"));
        assertEquals("must be 0–4194304 MiB, was -1", english(negative));
        Problem mix = onlyProblem(vm0("memoryActivity", "{\"zeroPercent\": 60, \"imagePercent\": 50}"));
        assertEquals("/vms/0/memoryActivity/imagePercent", mix.pointer());
        assertEquals("zeroPercent and imagePercent are parts of the same pages: together at most 100, were 60 + 50",
                english(mix));
        Problem image = onlyProblem(vm0("memoryActivity", "{\"image\": \"my image\"}"));
        assertEquals("/vms/0/memoryActivity/image", image.pointer());
        Problem unknown = onlyProblem(vm0("memoryQos", "{\"limitMhz\": 5}"));
        assertEquals("unknown field \"limitMhz\"; allowed: shares, limitMib, reservationMib", english(unknown));
    }

    @Test
    void aMemoryProblemInChinese() {
        Problem p = onlyProblem(vm0("memoryActivity", "{\"demandMib\": 8192}"));
        // The test's file is one line; the place names the value 8192.
        assertEquals("test.json: /vms/0/memoryActivity/demandMib: 第 1 行第 451 列: 不能超过虚拟机的内存 4096 MiB，实际为 8192 MiB",
                p.format(Locale.SIMPLIFIED_CHINESE));
    }
}
