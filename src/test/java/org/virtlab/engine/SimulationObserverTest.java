package org.virtlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Observers may ask for snapshots every tick or only every so much simulated time. */
class SimulationObserverTest {

    @Test
    void anIntervalObserverSeesOnlyTheTicksEndingOnItsMultiples() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        List<Long> every100ms = new ArrayList<>();
        List<Long> everyTick = new ArrayList<>();
        sim.addObserver(s -> every100ms.add(s.nowMicros()), 100_000);
        sim.addObserver(s -> everyTick.add(s.nowMicros()));
        sim.runUntil(1_000_000);
        // 1 s of 1 ms ticks: 1000 tick snapshots, 10 of them at multiples of 100 ms.
        assertEquals(1_000, everyTick.size());
        assertEquals(List.of(100_000L, 200_000L, 300_000L, 400_000L, 500_000L, 600_000L, 700_000L, 800_000L,
                900_000L, 1_000_000L), every100ms);
    }

    @Test
    void intervalsShorterThanATickMeanEveryTick() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        List<Long> seen = new ArrayList<>();
        sim.addObserver(s -> seen.add(s.nowMicros()), 1);
        sim.runUntil(5_000);
        assertEquals(List.of(1_000L, 2_000L, 3_000L, 4_000L, 5_000L), seen);
    }

    @Test
    void theSameSnapshotGoesToEveryObserverDueOnATick() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        List<SimulationSnapshot> a = new ArrayList<>();
        List<SimulationSnapshot> b = new ArrayList<>();
        sim.addObserver(a::add, 10_000);
        sim.addObserver(b::add, 10_000);
        sim.runUntil(10_000);
        assertEquals(1, a.size());
        assertEquals(a.get(0), b.get(0));
    }

    @Test
    void aNonPositiveIntervalIsRefused() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        assertThrows(IllegalArgumentException.class, () -> sim.addObserver(s -> { }, 0));
    }
}
