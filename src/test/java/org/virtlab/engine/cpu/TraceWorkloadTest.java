package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.SimRandom;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.cpu.Workload.Trace.Point;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * The trace workload replays sampled CPU use as a step function of the time since it began (the
 * Javadoc of {@link Workload.Trace}: each point holds until the next; after the last, hold it, or loop
 * with period last + (last − previous)).
 */
class TraceWorkloadTest {
    /** 10 % from 0 ms, 80 % from 500 ms, 30 % from 1500 ms; looping, the period is 1500 + 1000 = 2500 ms. */
    private static final List<Point> THREE = List.of(new Point(0, 10), new Point(500, 80), new Point(1_500, 30));

    private static double fresh(Workload w, long nowMicros) {
        return new WorkloadState(1).percent(0, w, nowMicros, new SimRandom(1));
    }

    @Test
    void eachPointHoldsUntilTheNext() {
        Workload.Trace t = new Workload.Trace(THREE, false);
        assertEquals(10, fresh(t, 0));
        assertEquals(10, fresh(t, 499_999));
        assertEquals(80, fresh(t, 500_000));
        assertEquals(80, fresh(t, 1_499_999));
        assertEquals(30, fresh(t, 1_500_000));
    }

    @Test
    void withoutLoopTheLastValueHoldsForEver() {
        Workload.Trace t = new Workload.Trace(THREE, false);
        assertEquals(30, fresh(t, 2_500_000)); // where a looping trace would start again
        assertEquals(30, fresh(t, 3_600_000_000L)); // an hour later
    }

    @Test
    void aLoopingTraceStartsAgainAfterTheLastPointHeldAsLongAsTheOneBefore() {
        Workload.Trace t = new Workload.Trace(THREE, true);
        assertEquals(2_500, t.periodMillis()); // 1500 + (1500 − 500)
        assertEquals(30, fresh(t, 2_499_999));
        assertEquals(10, fresh(t, 2_500_000));
        assertEquals(80, fresh(t, 3_000_000));
        assertEquals(30, fresh(t, 4_000_000));
        assertEquals(10, fresh(t, 5_000_000)); // a second round later
        assertEquals(80, fresh(t, 100 * 2_500_000L + 600_000));
    }

    @Test
    void aOnePointTraceIsConstantLoopingOrNot() {
        for (boolean loop : new boolean[] {false, true}) {
            Workload.Trace t = new Workload.Trace(List.of(new Point(0, 42)), loop);
            for (long at : new long[] {0, 1, 999, 1_000, 1_000_000, 86_400_000_000L}) {
                assertEquals(42, fresh(t, at), "loop " + loop + " at " + at);
            }
        }
    }

    @Test
    void tickByTickTheCursorGivesWhatASearchFromScratchGives() {
        // 1000 points at uneven times (13 ms apart, every fifth 40 ms), looping; ticks of 1 ms and of 97 ms
        // (jumps over several points) over three rounds and more
        List<Point> points = new ArrayList<>();
        long at = 0;
        for (int k = 0; k < 1_000; k++) {
            points.add(new Point(at, k % 101));
            at += k % 5 == 0 ? 40 : 13;
        }
        Workload.Trace t = new Workload.Trace(points, true);
        for (long tick : new long[] {1_000, 97_000}) {
            WorkloadState state = new WorkloadState(1);
            SimRandom random = new SimRandom(1);
            for (long now = 0; now < 3 * t.periodMillis() * 1_000 + 5_000_000; now += tick) {
                assertEquals(fresh(t, now), state.percent(0, t, now, random), "tick " + tick + " at " + now);
            }
        }
    }

    @Test
    void aTraceChosenLaterStartsFromItsFirstPoint() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        sim.runUntil(7_300_000);
        sim.submit(new SetWorkload("db", new Workload.Trace(THREE, true)));
        sim.step();
        assertEquals(10, percent(sim, "db")); // its first point, at the moment it began
        sim.runUntil(7_300_000 + 501_000);
        assertEquals(80, percent(sim, "db")); // the tick starting 500 ms after it began
        sim.runUntil(7_300_000 + 2_501_000);
        assertEquals(10, percent(sim, "db")); // one period (2500 ms) after it began
    }

    @Test
    void rewindReplaysATraceExactly() {
        List<Point> points = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            points.add(new Point(k * 70L, (k * 37) % 100)); // a jagged 3.5 s trace
        }
        List<VmSpec> vms = List.of(
                TestScenarios.vm("web", 8, new Workload.Trace(points, true)),
                TestScenarios.vm("db", 8, new Workload.Trace(THREE, false)),
                TestScenarios.vm("burst", 8, new Workload.Bursty(95, 10, 200, 300)));
        Scenario scenario = TestScenarios.scenario(TestScenarios.SEED, vms);
        Simulation sim = Simulations.of(scenario);
        List<SimulationSnapshot> seen = TestScenarios.record(sim);
        sim.runUntil(2_222_000);
        sim.submit(new SetWorkload("db", new Workload.Trace(points, false)));
        sim.runUntil(5_000_000);
        List<SimulationSnapshot> original = List.copyOf(seen);
        seen.clear();
        for (long at : new long[] {4_321_000, 1_234_000, 2_223_000, 3_999_000}) {
            sim.rewindTo(at);
            assertEquals(original.get((int) (at / 1_000) - 1), sim.snapshot(), "at " + at);
        }
        // and running on after a rewind gives the same ticks as the first time
        sim.rewindTo(1_500_000);
        seen.clear();
        sim.runUntil(5_000_000);
        TestScenarios.assertSameSnapshots(original.subList(1_500, 5_000), seen);
    }

    @Test
    void theModelRefusesTracesThatBreakItsRules() {
        assertThrows(IllegalArgumentException.class, () -> new Workload.Trace(List.of(), false));
        assertThrows(IllegalArgumentException.class, () -> new Workload.Trace(List.of(new Point(100, 5)), false));
        assertThrows(IllegalArgumentException.class,
                () -> new Workload.Trace(List.of(new Point(0, 5), new Point(500, 6), new Point(500, 7)), false));
        assertThrows(IllegalArgumentException.class, () -> new Point(0, 140));
        assertThrows(IllegalArgumentException.class, () -> new Point(Workload.MAX_SPAN_MILLIS + 1, 5));
        List<Point> tooMany = new ArrayList<>();
        for (int k = 0; k <= Workload.MAX_TRACE_POINTS; k++) {
            tooMany.add(new Point(k, 1));
        }
        assertThrows(IllegalArgumentException.class, () -> new Workload.Trace(tooMany, false));
        assertEquals(Workload.MAX_TRACE_POINTS, new Workload.Trace(tooMany.subList(0, Workload.MAX_TRACE_POINTS),
                false).points().size());
    }

    private static double percent(Simulation sim, String vmId) {
        return sim.snapshot().find(CpuDemandSnapshot.class).orElseThrow().vms().stream()
                .filter(v -> v.vmId().equals(vmId)).findFirst().orElseThrow().percentPerVcpu();
    }
}
