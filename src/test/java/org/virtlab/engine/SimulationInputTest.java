package org.virtlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.CpuDemandSnapshot;
import org.virtlab.engine.cpu.SetWorkload;
import org.virtlab.engine.cpu.Workload;

class SimulationInputTest {

    static double percentOf(SimulationSnapshot snap, String vmId) {
        return snap.find(CpuDemandSnapshot.class).orElseThrow().vms().stream()
                .filter(v -> v.vmId().equals(vmId)).findFirst().orElseThrow().percentPerVcpu();
    }

    @Test
    void setWorkloadTakesEffectAtTheStartOfTheNextTickAndIsLoggedWithThatTime() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        sim.runUntil(2_300_000);
        sim.submit(new SetWorkload("db", new Workload.Constant(20)));
        // not yet: the input waits for the next tick
        assertEquals(70, percentOf(sim.snapshot(), "db"));
        assertEquals(List.of(), sim.inputLog());

        sim.step();
        // the tick [2.300 s, 2.301 s) already runs with the new workload
        assertEquals(20, percentOf(sim.snapshot(), "db"));
        List<Simulation.TimedInput> log = sim.inputLog();
        assertEquals(1, log.size());
        assertEquals(2_300_000, log.get(0).atMicros());
        assertEquals(new SetWorkload("db", new Workload.Constant(20)), log.get(0).input());
    }

    @Test
    void inputsOfOneTickApplyInSubmissionOrderWithIncreasingSerials() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        sim.runUntil(1_000);
        sim.submit(new SetWorkload("db", new Workload.Constant(20)));
        sim.submit(new SetWorkload("db", new Workload.Constant(30)));
        sim.step();
        assertEquals(30, percentOf(sim.snapshot(), "db"));
        List<Simulation.TimedInput> log = sim.inputLog();
        assertEquals(List.of(1_000L, 1_000L), log.stream().map(Simulation.TimedInput::atMicros).toList());
        assertEquals(log.get(0).serial() + 1, log.get(1).serial());
    }

    @Test
    void anInputForAnUnknownVmIsRefusedAndNotLogged() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        sim.runUntil(1_000);
        sim.submit(new SetWorkload("nope", new Workload.Constant(20)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, sim::step);
        assertEquals("no VM nope", e.getMessage());
        assertEquals(List.of(), sim.inputLog());
    }

    @Test
    void aRefusedInputDoesNotWedgeTheSimulation() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        sim.runUntil(1_000);
        sim.submit(new SetWorkload("db", new Workload.Constant(20)));
        sim.submit(new SetWorkload("nope", new Workload.Constant(20)));
        assertThrows(IllegalArgumentException.class, sim::step);

        // the refused input is dropped; the valid one took effect at 1 ms and the clock goes on
        sim.runUntil(3_000);
        assertEquals(3_000, sim.nowMicros());
        assertEquals(20, percentOf(sim.snapshot(), "db"));
        assertEquals(List.of(new Simulation.TimedInput(1_000, 0, new SetWorkload("db", new Workload.Constant(20)))),
                sim.inputLog());
        sim.rewindTo(2_000); // the replay must not trip over the refused input
        assertEquals(20, percentOf(sim.snapshot(), "db"));
    }

    @Test
    void anInputNoSubsystemAcceptsIsRefused() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        sim.submit(new Input() { });
        assertThrows(IllegalArgumentException.class, sim::step);
    }
}
