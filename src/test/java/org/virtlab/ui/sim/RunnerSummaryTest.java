package org.virtlab.ui.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;
import org.virtlab.experiment.RunSummary;
import org.virtlab.scenario.Lessons;

/**
 * The window's run reports itself as {@code virtlab run} does (issue #8, File › Export › This run: "summary.json,
 * ... so the run can be reproduced"): the runner's summary equals a headless run's of the same scenario, seed and
 * simulated time, built the way RunCommand builds it (Simulations.of(scenario), one RunSummary from time zero).
 */
class RunnerSummaryTest {
    private static String headless(Scenario scenario, long micros) {
        Simulation simulation = Simulations.of(scenario);
        RunSummary summary = new RunSummary();
        simulation.addObserver(summary);
        simulation.runUntil(micros);
        return summary.toJson(simulation);
    }

    @Test
    void summaryOfThePlayedRunEqualsAHeadlessRunToTheSameTime() throws Exception {
        Scenario lesson = Lessons.load("io-emulation-vs-virtio").scenario(); // CPU, memory and I/O sections
        try (SimulationRunner runner = new SimulationRunner(lesson)) {
            runner.setSpeed(Speed.MAX);
            runner.play();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (runner.state().snapshot().nowMicros() < 200_000 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            runner.pause();
            String played = runner.summaryJson().get(10, TimeUnit.SECONDS);
            long t = runner.state().snapshot().nowMicros();
            assertTrue(t >= 200_000, "simulated time reached " + t);
            assertEquals(headless(lesson, t), played);
        }
    }

    @Test
    void aResetStartsTheSummaryOverFromTimeZero() throws Exception {
        Scenario lesson = Lessons.defaultLesson().scenario();
        try (SimulationRunner runner = new SimulationRunner(lesson)) {
            runner.runTo(700_000);
            runner.reset();
            runner.runTo(300_000);
            assertEquals(headless(lesson, 300_000), runner.summaryJson().get(10, TimeUnit.SECONDS));
        }
    }
}
