package org.virtlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.virtlab.engine.SimulationInputTest.percentOf;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.CpuDemandSubsystem;
import org.virtlab.engine.cpu.SetWorkload;
import org.virtlab.engine.cpu.Workload;

/** Checkpoints every simulated second (the default) plus deterministic replay of the input log. */
class SimulationRewindTest {
    private static final long INPUT_AT = 2_300_000;
    private static final long END = 5_700_000;
    private static final SetWorkload DB_TO_20 = new SetWorkload("db", new Workload.Constant(20));

    private Simulation sim;
    private List<SimulationSnapshot> seen;
    private List<SimulationSnapshot> original;

    @BeforeEach
    void runToFivePointSevenSecondsWithAnInputAtTwoPointThree() {
        sim = Simulations.of(TestScenarios.mixed());
        seen = TestScenarios.record(sim);
        sim.runUntil(INPUT_AT);
        sim.submit(DB_TO_20);
        sim.runUntil(END);
        original = List.copyOf(seen);
        seen.clear();
        assertEquals(5_700, original.size()); // 5.7 s at 1 ms per tick
    }

    /** The snapshot published by the tick that ended at {@code micros} (1 ms ticks: index = ms − 1). */
    private SimulationSnapshot originalAt(long micros) {
        SimulationSnapshot s = original.get((int) (micros / 1_000) - 1);
        assertEquals(micros, s.nowMicros());
        return s;
    }

    @Test
    void rewindRestoresExactlyTheSnapshotSeenAtThatTime() {
        sim.rewindTo(3_250_000);
        assertEquals(3_250_000, sim.nowMicros());
        assertEquals(originalAt(3_250_000), sim.snapshot());
        assertEquals(List.of(), seen, "observers are not called during replay");
    }

    @Test
    void rewindBetweenTicksGoesToTheTickBoundaryBefore() {
        sim.rewindTo(3_250_700);
        assertEquals(originalAt(3_250_000), sim.snapshot());
    }

    @Test
    void rewindThenRunForwardReproducesTheSameSnapshots() {
        sim.rewindTo(3_250_000);
        sim.runUntil(END);
        TestScenarios.assertSameSnapshots(original.subList(3_250, 5_700), seen);
    }

    @Test
    void rewindBeforeAnInputThenRunForwardReplaysTheLoggedInput() {
        sim.rewindTo(1_000_000);
        assertEquals(70, percentOf(sim.snapshot(), "db"));
        sim.runUntil(END);
        // the input logged at 2.3 s is part of the kept future and applies again
        TestScenarios.assertSameSnapshots(original.subList(1_000, 5_700), seen);
        sim.rewindTo(4_500_000);
        assertEquals(originalAt(4_500_000), sim.snapshot());
    }

    @Test
    void rewindExactlyToAnInputsTimeShowsTheStateBeforeItAndSteppingAppliesIt() {
        sim.rewindTo(INPUT_AT);
        assertEquals(70, percentOf(sim.snapshot(), "db"));
        sim.step();
        assertEquals(20, percentOf(sim.snapshot(), "db"));
        assertEquals(originalAt(INPUT_AT + 1_000), sim.snapshot());
    }

    @Test
    void aNewInputAfterRewindingForgetsTheOldFuture() {
        sim.rewindTo(1_000_000);
        sim.submit(new SetWorkload("db", new Workload.Constant(50)));
        sim.runUntil(END);

        // the old 2.3 s input (db → 20 %) no longer applies: db stays at 50 % to the end
        assertEquals(4_700, seen.size());
        for (SimulationSnapshot s : seen) {
            assertEquals(50, percentOf(s, "db"), () -> "at " + s.nowMicros());
        }
        assertEquals(List.of(new Simulation.TimedInput(1_000_000, 1, new SetWorkload("db", new Workload.Constant(50)))),
                sim.inputLog());
        // the checkpoints of the old future (2 s … 5 s) are gone too: a rewind shows the new one
        sim.rewindTo(4_500_000);
        assertEquals(seen.get(3_499), sim.snapshot());
        assertEquals(50, percentOf(sim.snapshot(), "db"));
    }

    @Test
    void rewindForwardBeyondNowRunsTheMissingTicksWithoutObservers() {
        sim.rewindTo(1_000_000);
        sim.rewindTo(5_000_000);
        assertEquals(originalAt(5_000_000), sim.snapshot());
        assertEquals(List.of(), seen);
    }

    @Test
    void rewindEarlierThanTheOldestKeptCheckpointIsRefused() {
        // checkpoint every 100 ticks (0.1 s), keep 5: after 1 s the oldest kept is at 0.6 s
        Simulation small = new Simulation(7, 1_000, List.of(new CpuDemandSubsystem(TestScenarios.mixed())), 100, 5);
        small.runUntil(1_000_000);
        assertEquals(600_000, small.earliestRestorableMicros());
        assertThrows(IllegalArgumentException.class, () -> small.rewindTo(599_999));
        small.rewindTo(600_000);
        assertEquals(600_000, small.nowMicros());
    }
}
