package org.virtlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.virtlab.charts.CpuUsageChart;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.ScenarioReader;
import org.virtlab.ui.sim.SimulationRunner;

/** The recorder samples as the window's charts do, keeps the whole run, and agrees with the summary. */
class RunRecorderTest {
    @Test
    void samplesAtTheWindowsCadence() {
        // the window's charts sample every SimulationRunner.SAMPLE_WINDOW_MICROS; a run's charts must look the same
        assertEquals(SimulationRunner.SAMPLE_WINDOW_MICROS, RunRecorder.SAMPLE_MICROS);
    }

    @Test
    void keepsTheWholeRunNotTheWindowsHalfMinute() throws Exception {
        Scenario scenario = ScenarioReader.read(Path.of("scenarios/default.json"));
        Simulation simulation = Simulations.of(scenario);
        RunSummary summary = RunSummary.attach(simulation, scenario);
        RunRecorder recorder = RunRecorder.attach(simulation);
        simulation.runUntil(40_000_000);
        // computed by hand: 40 s / 100 ms = 400 samples, more than the window's sliding 300
        assertEquals(400, recorder.cpuRows().size());
        assertTrue(400 > CpuUsageChart.WINDOW_SAMPLES);
        assertEquals(400, recorder.memoryRows().size());
        assertEquals(100_000, recorder.cpuRows().micros(0));
        assertEquals(40_000_000, recorder.cpuRows().micros(399));
        assertEquals(scenario.vms().size(), recorder.cpuVmIds().size());
        assertEquals(3 * scenario.vms().size() + 1, recorder.cpuRows().width());
        // each sample is an average over an equal window, so their mean is the run's average: summary.json's avgGhz
        JsonNode s = new ObjectMapper().readTree(summary.toJson(simulation));
        for (int i = 0; i < recorder.cpuVmIds().size(); i++) {
            double sum = 0;
            for (int r = 0; r < recorder.cpuRows().size(); r++) {
                sum += recorder.cpuRows().value(r, 3 * i);
            }
            assertEquals(s.get("vms").get(i).get("cpu").get("avgGhz").asDouble(),
                    sum / recorder.cpuRows().size() / 1000, 1e-6, recorder.cpuVmIds().get(i));
        }
    }

    @Test
    void aDrawingHoldsAtMost1200PointsPerLine() {
        // computed by hand: ceil(samples / 1200)
        assertEquals(1, RunArtifacts.stride(0));
        assertEquals(1, RunArtifacts.stride(1200));
        assertEquals(2, RunArtifacts.stride(1201));
        assertEquals(5, RunArtifacts.stride(6000)); // 600 s of the default lesson: 1200 drawn points
    }

    @Test
    void idsBecomeSafeFileNames() {
        assertEquals("host1", RunArtifacts.safe("host1"));
        assertEquals("a_b_c", RunArtifacts.safe("a/b c"));
        assertEquals("_..", RunArtifacts.safe(".."));
    }
}
