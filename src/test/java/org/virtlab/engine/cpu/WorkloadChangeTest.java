package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.TestScenarios;

/** A workload chosen while the simulation runs starts from its beginning at that moment. */
class WorkloadChangeTest {

    private static double percent(Simulation sim, String vmId) {
        return sim.snapshot().find(CpuDemandSnapshot.class).orElseThrow().vms().stream()
                .filter(v -> v.vmId().equals(vmId)).findFirst().orElseThrow().percentPerVcpu();
    }

    @Test
    void aRampChosenLaterStartsAtItsFromValue() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        sim.runUntil(60_000_000);
        sim.submit(new SetWorkload("db", new Workload.Ramp(0, 100, 1_000)));
        sim.step();
        // the tick starting at 60 s is the ramp's first: 0 % (Workload.Ramp: fromPercent at its start)
        assertEquals(0, percent(sim, "db"), 1e-9);
        sim.runUntil(60_501_000);
        // its tick starting 500 ms after the ramp began: halfway, 50 %
        assertEquals(50, percent(sim, "db"), 1e-9);
        sim.runUntil(62_000_000);
        assertEquals(100, percent(sim, "db"), 1e-9);
    }

    @Test
    void aPeriodicWorkloadChosenLaterStartsAtItsMidpointRising() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        sim.runUntil(7_300_000);
        sim.submit(new SetWorkload("db", new Workload.Periodic(20, 80, 4_000)));
        sim.step();
        // a sine from its start: (min + max) / 2 at phase 0
        assertEquals(50, percent(sim, "db"), 1e-9);
        sim.runUntil(7_300_000 + 1_001_000);
        // a quarter period (1 s of 4 s) later: the maximum
        assertEquals(80, percent(sim, "db"), 1e-9);
    }
}
