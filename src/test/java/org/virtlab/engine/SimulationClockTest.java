package org.virtlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationClockTest {

    private static Simulation sim() {
        return Simulations.of(TestScenarios.mixed()); // tick 1000 µs
    }

    @Test
    void runUntilOneSecondRunsExactlyOneThousandTicks() {
        Simulation sim = sim();
        sim.runUntil(1_000_000);
        // 1 ms tick × 1000 ticks = 1 s
        assertEquals(1_000_000, sim.nowMicros());
        assertEquals(1_000, sim.ticks());
    }

    @Test
    void runUntilBetweenTickBoundariesStopsAtTheBoundaryBefore() {
        Simulation sim = sim();
        sim.runUntil(1_500);
        // 1500 µs is half-way through the second 1000 µs tick: stop at 1000 µs
        assertEquals(1_000, sim.nowMicros());
        assertEquals(1, sim.ticks());
    }

    @Test
    void runUntilAPastTimeDoesNothing() {
        Simulation sim = sim();
        List<SimulationSnapshot> seen = TestScenarios.record(sim);
        sim.runUntil(5_000);
        sim.runUntil(2_000);
        sim.runUntil(5_999); // same tick boundary as 5000 µs
        sim.runUntil(-1_000);
        assertEquals(5_000, sim.nowMicros());
        assertEquals(5, seen.size());
    }

    @Test
    void stepAdvancesExactlyOneTickAndPublishesOneSnapshot() {
        Simulation sim = sim();
        List<SimulationSnapshot> seen = TestScenarios.record(sim);
        sim.runUntil(7_000);
        sim.step();
        assertEquals(8_000, sim.nowMicros());
        assertEquals(8, sim.ticks());
        assertEquals(8, seen.size());
        assertEquals(8_000, seen.get(7).nowMicros());
        assertEquals(8, seen.get(7).ticks());
    }

    @Test
    void nowIsAlwaysTicksTimesTheTick() {
        Simulation sim = new Simulation(1, 250, List.of(), 4, 10);
        sim.runUntil(1_000_999);
        // floor(1 000 999 / 250) = 4003 ticks
        assertEquals(4_003, sim.ticks());
        assertEquals(4_003 * 250, sim.nowMicros());
    }

    @Test
    void constructorRefusesANonPositiveTickOrCheckpointSpacing() {
        assertThrows(IllegalArgumentException.class, () -> new Simulation(1, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Simulation(1, 1_000, List.of(), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Simulation(1, 1_000, List.of(), 10, 0));
    }
}
