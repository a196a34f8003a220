package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.HostCpuPolicy;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.ReservationMode;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

class CpuQosWriterTest {

    /** Every CPU option: each shares form, limit, reservation, both pinning forms and a non-default policy. */
    static Scenario everyCpuOption() {
        HostSpec a = new HostSpec("a", "A", new CpuTopology(1, 4, 2, 2000),
                new HostCpuPolicy(ReservationMode.HELD, 1.25, 100), 8192, 60, 60);
        HostSpec b = new HostSpec("b", "B", new CpuTopology(1, 4, 1, 1000),
                new HostCpuPolicy(ReservationMode.REUSABLE, 1.3, 12_345), 8192, 60, 320);
        Workload busy = new Workload.Constant(100);
        List<VmSpec> vms = List.of(
                new VmSpec("low", "Low", "a", 2, 512, busy, new CpuQos(Shares.LOW, 1500, 1000),
                        new Pinning(List.of(List.of(0, 1), List.of(2, 3))), 80, 100),
                new VmSpec("high", "High", "a", 3, 512, busy, new CpuQos(Shares.HIGH, CpuQos.NO_LIMIT, 0),
                        Pinning.all(3, List.of(4, 7)), 240, 100),
                new VmSpec("custom", "Custom", "b", 1, 512, busy, new CpuQos(Shares.custom(3000), 2000, 0),
                        Pinning.all(1, List.of(0)), 80, 360),
                new VmSpec("reserved", "Reserved", "b", 2, 512, busy, new CpuQos(Shares.NORMAL, CpuQos.NO_LIMIT, 800),
                        Pinning.NONE, 240, 360));
        return new Scenario(LocalizedText.of("CPU options [0,\n1]", ""), LocalizedText.EMPTY, 1, 1000,
                List.of(a, b), vms);
    }

    @Test
    void roundTripKeepsEveryCpuOptionAndGivesTheSameBytes() throws ScenarioException {
        Scenario s = everyCpuOption();
        String json = ScenarioWriter.toJson(s);
        Scenario back = ScenarioReader.read(json, "mem");
        assertEquals(s, back);
        assertEquals(json, ScenarioWriter.toJson(back));
    }

    @Test
    void defaultsAreLeftOutSoOlderFilesKeepTheirBytes() {
        String json = ScenarioWriter.toJson(ScenarioWriterTest.everyKind());
        for (String field : List.of("cpuPolicy", "cpuQos", "pinning")) {
            assertFalse(json.contains("\"" + field + "\""), field);
        }
    }

    @Test
    void onlyTheFieldsThatDifferFromTheDefaultAreWritten() {
        String json = ScenarioWriter.toJson(everyCpuOption());
        assertTrue(json.contains("""
                "cpuPolicy": {
                        "reservationMode": "held",
                        "htFactor": 1.25,
                        "quantumMillis": 0.1
                      },
                """), json);
        assertTrue(json.contains("""
                "cpuPolicy": {
                        "quantumMillis": 12.345
                      },
                """), json);
        assertTrue(json.contains("""
                "cpuQos": {
                        "shares": "low",
                        "limitMhz": 1500,
                        "reservationMhz": 1000
                      },
                """), json);
        assertTrue(json.contains("\"cpuQos\": {\n        \"shares\": \"high\"\n      },"), json);
        assertTrue(json.contains("\"cpuQos\": {\n        \"shares\": 3000,\n        \"limitMhz\": 2000\n      },"), json);
        assertTrue(json.contains("\"cpuQos\": {\n        \"reservationMhz\": 800\n      },"), json);
    }

    @Test
    void pinningIsWrittenAsTheShorthandWhenEveryVcpuHasTheSameList() {
        String json = ScenarioWriter.toJson(everyCpuOption());
        assertTrue(json.contains("\"pinning\": [\n        [0, 1],\n        [2, 3]\n      ],"), json);
        assertTrue(json.contains("\"pinning\": {\n        \"all\": [4, 7]\n      },"), json);
        assertTrue(json.contains("\"pinning\": {\n        \"all\": [0]\n      },"), json);
    }

    @Test
    void numberListsAreInlinedOnlyWherePrettyPrintingBrokeThem() {
        // The title holds "[0,\n1]" as text: written escaped, so it is left alone (and reads back, above).
        String json = ScenarioWriter.toJson(everyCpuOption());
        assertTrue(json.contains("\"en\": \"CPU options [0,\\n1]\""), json);
        assertEquals("[\n  [0, 1]\n]", ScenarioWriter.inlineNumberLists("[\n  [\n    0,\n    1\n  ]\n]"));
    }
}
