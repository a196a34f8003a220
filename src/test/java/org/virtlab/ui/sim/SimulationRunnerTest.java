package org.virtlab.ui.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.CpuSampler;
import org.virtlab.engine.cpu.SetWorkload;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;

/**
 * Playing speed changes how soon results come, never what they are (issue #2, "The UI runs the kernel on
 * one worker thread ... simulation speed never changes results").
 */
class SimulationRunnerTest {
    private final Scenario lesson = Lessons.defaultLesson().scenario();

    @ParameterizedTest
    @EnumSource(value = Speed.class, names = {"X10", "X100", "MAX"})
    void whatThePlayedSimulationShowsEqualsADirectRunToTheSameTime(Speed speed) throws Exception {
        try (SimulationRunner runner = new SimulationRunner(lesson)) {
            runner.setSpeed(speed);
            runner.play();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (runner.state().snapshot().nowMicros() < 300_000 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            runner.pause();
            assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
            SimulationRunner.State played = runner.state();
            long t = played.snapshot().nowMicros();
            assertTrue(t >= 300_000, "simulated time reached " + t);

            List<CpuSampler.Sample> direct = new ArrayList<>();
            Simulation reference = Simulations.of(lesson, lesson.seed(), true);
            reference.addObserver(new CpuSampler(direct::add), SimulationRunner.SAMPLE_WINDOW_MICROS);
            reference.runUntil(t);

            assertEquals(reference.snapshot(), played.snapshot());
            List<CpuSampler.Sample> drained = runner.drainSamples().stream()
                    .map(SimulationRunner.ChartSample::sample).toList();
            assertEquals(direct.size(), drained.size());
            for (int i = 0; i < direct.size(); i++) {
                assertEquals(direct.get(i).endMicros(), drained.get(i).endMicros());
                assertEquals(List.of(boxed(direct.get(i).demandMhz())), List.of(boxed(drained.get(i).demandMhz())));
                assertEquals(List.of(boxed(direct.get(i).usedMhz())), List.of(boxed(drained.get(i).usedMhz())));
                assertEquals(List.of(boxed(direct.get(i).entitlementMhz())),
                        List.of(boxed(drained.get(i).entitlementMhz())));
            }
        }
    }

    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void anInputTheEngineRefusesPausesWithTheReasonAndTheWorkerCarriesOn() throws Exception {
        try (SimulationRunner runner = new SimulationRunner(lesson)) {
            runner.submit(new SetWorkload("no-such-vm", new Workload.Constant(50)));
            runner.step();
            assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
            assertTrue(runner.state().failure().contains("no-such-vm"), runner.state().failure());
            assertEquals(false, runner.state().playing());

            runner.step(); // the worker is alive and the simulation usable
            assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
            assertEquals(1_000, runner.state().snapshot().nowMicros());
        }
    }

    @org.junit.jupiter.api.Test
    void memorySamplesComeOncePerWindowTaggedWithTheirGenerationAndEqualADirectRun() throws Exception {
        try (SimulationRunner runner = new SimulationRunner(lesson)) {
            runner.runTo(1_000_000);
            assertTrue(runner.awaitIdle(10, TimeUnit.SECONDS));
            List<SimulationRunner.MemoryChartSample> first = runner.drainMemorySamples();
            // one sample per SAMPLE_WINDOW_MICROS (100 ms) over one simulated second
            assertEquals(10, first.size());
            assertTrue(first.stream().allMatch(s -> s.generation() == 0));

            List<org.virtlab.engine.memory.host.MemorySampler.Sample> direct = new ArrayList<>();
            Simulation reference = Simulations.of(lesson, lesson.seed(), true);
            reference.addObserver(new org.virtlab.engine.memory.host.MemorySampler(direct::add),
                    SimulationRunner.SAMPLE_WINDOW_MICROS);
            reference.runUntil(1_000_000);
            assertEquals(direct, first.stream().map(SimulationRunner.MemoryChartSample::sample).toList());

            runner.reset();
            runner.runTo(200_000);
            assertTrue(runner.awaitIdle(10, TimeUnit.SECONDS));
            List<SimulationRunner.MemoryChartSample> second = runner.drainMemorySamples();
            assertEquals(2, second.size()); // 200 ms after the reset
            assertTrue(second.stream().allMatch(s -> s.generation() == 1), "a reset starts a new generation");
        }
    }
}
