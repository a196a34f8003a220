package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Input;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.TestScenarios;

class CpuDemandSubsystemTest {

    private static CpuDemandSnapshot demandAfterFirstTick() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        sim.step();
        return sim.snapshot().find(CpuDemandSnapshot.class).orElseThrow();
    }

    @Test
    void demandIsVcpusTimesPercentTimesTheHostClock() {
        CpuDemandSnapshot.VmDemand db = demandAfterFirstTick().vms().get(1);
        assertEquals("db", db.vmId());
        // 8 vCPUs × 70 % × 2000 MHz = 11 200 MHz
        assertEquals(11_200, db.demandMhz());
        CpuDemandSnapshot.VmDemand idle = demandAfterFirstTick().vms().get(4);
        // 1 vCPU × 3 % × 2000 MHz = 60 MHz
        assertEquals(60, idle.demandMhz(), 1e-9);
    }

    @Test
    void vmsAppearInScenarioOrderWithTheirHostAndVcpus() {
        List<CpuDemandSnapshot.VmDemand> vms = demandAfterFirstTick().vms();
        assertEquals(List.of("web", "db", "batch", "build", "idle"),
                vms.stream().map(CpuDemandSnapshot.VmDemand::vmId).toList());
        assertEquals(List.of(4, 8, 2, 4, 1), vms.stream().map(CpuDemandSnapshot.VmDemand::vcpus).toList());
        vms.forEach(v -> assertEquals(TestScenarios.HOST, v.hostId()));
    }

    @Test
    void hostOffersLogicalCpusTimesClockAndSumsItsVmsDemand() {
        CpuDemandSnapshot snap = demandAfterFirstTick();
        CpuDemandSnapshot.HostDemand host = snap.hosts().get(0);
        // 2 sockets × 6 cores × 2 threads = 24 logical CPUs; × 2000 MHz = 48 000 MHz
        assertEquals(24, host.logicalCpus());
        assertEquals(48_000, host.logicalCapacityMhz());
        double sum = snap.vms().stream().mapToDouble(CpuDemandSnapshot.VmDemand::demandMhz).sum();
        assertEquals(sum, host.demandMhz(), 1e-6);
    }

    @Test
    void acceptIgnoresOtherInputsAndRefusesUnknownVms() {
        CpuDemandSubsystem cpu = new CpuDemandSubsystem(TestScenarios.mixed());
        assertFalse(cpu.accept(new Input() { }));
        assertThrows(IllegalArgumentException.class,
                () -> cpu.accept(new SetWorkload("ghost", new Workload.Constant(1))));
        assertTrue(cpu.accept(new SetWorkload("db", new Workload.Constant(1))));
    }

    @Test
    void aSavedStateIsNotChangedByLaterInputs() {
        CpuDemandSubsystem cpu = new CpuDemandSubsystem(TestScenarios.mixed());
        Simulation sim = new Simulation(1, 1_000, List.of(cpu));
        sim.step();
        Object saved = cpu.saveState();
        cpu.accept(new SetWorkload("db", new Workload.Constant(10)));
        sim.step();
        cpu.restore(saved);
        sim.step(); // runs the restored workload: db back at 70 %
        // 8 vCPUs × 70 % × 2000 MHz = 11 200 MHz
        assertEquals(11_200, cpu.demandMhz(1));
    }

    @Test
    void replacingABurstyWorkloadStartsTheNewOneAfreshWithABurst() {
        // meanOn 1 ms, meanOff 1 h: after its first burst the VM stays quiet for (very likely) the whole test
        Simulation sim = Simulations.of(TestScenarios.scenario(5, List.of(
                TestScenarios.vm("web", 4, new Workload.Bursty(90, 10, 1, 3_600_000)))));
        sim.runUntil(1_000_000);
        assertEquals(10, sim.snapshot().find(CpuDemandSnapshot.class).orElseThrow().vms().get(0).percentPerVcpu());

        // now mostly busy: meanOn 1 h, meanOff 1 ms; like a VM starting at time zero, it begins with a burst
        sim.submit(new SetWorkload("web", new Workload.Bursty(90, 10, 3_600_000, 1)));
        sim.step();
        assertEquals(90, sim.snapshot().find(CpuDemandSnapshot.class).orElseThrow().vms().get(0).percentPerVcpu());
    }
}
