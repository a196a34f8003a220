package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.cpu.Workload.Trace.Point;
import org.virtlab.engine.model.Scenario;

/** Writing traces: a trace read from a CSV file stays a reference to it; inline points stay inline. */
class TraceWriterTest {
    @TempDir
    Path dir;

    private Path copyOfTheTraceScenario() throws IOException {
        Path scenario = dir.resolve("trace-web.json");
        try (var in = TraceWriterTest.class.getResourceAsStream("trace-web.json")) {
            Files.write(scenario, in.readAllBytes());
        }
        Files.createDirectories(dir.resolve("traces"));
        Files.copy(Path.of("scenarios/traces/web.csv"), dir.resolve("traces/web.csv"));
        return scenario;
    }

    @Test
    void aTraceFromACsvIsWrittenAsTheSameReference() throws Exception {
        Path file = copyOfTheTraceScenario();
        Scenario s = ScenarioReader.read(file);
        String json = ScenarioWriter.toJson(s);
        assertTrue(json.contains("\"workload\": {\n        \"kind\": \"trace\",\n        \"csv\": \"traces/web.csv\",\n"
                + "        \"loop\": true\n      },"), json);
        assertFalse(json.contains("\"points\""), json);
        // the test scenario is written as the writer writes: saving it unchanged gives the same bytes
        assertEquals(Files.readString(file), json);
        ScenarioWriter.write(s, file);
        assertEquals(s, ScenarioReader.read(file));
    }

    @Test
    void inlinePointsAreWrittenOnePairALineAndReadBackEqual() throws Exception {
        Workload.Trace t = new Workload.Trace(
                List.of(new Point(0, 10), new Point(500, 80.5), new Point(1_500, 0.125)), false);
        Scenario s = ScenarioWriterTest.everyKind();
        s = s.withVm(s.vm("ramp").orElseThrow().withWorkload(t));
        String json = ScenarioWriter.toJson(s);
        assertTrue(json.contains("\"kind\": \"trace\",\n        \"points\": [\n          [0, 10],\n"
                + "          [500, 80.5],\n          [1500, 0.125]\n        ],\n        \"loop\": false\n"), json);
        assertEquals(s, ScenarioReader.read(json, "mem"));
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        ScenarioWriter.write(s, first);
        ScenarioWriter.write(ScenarioReader.read(first), second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }
}
