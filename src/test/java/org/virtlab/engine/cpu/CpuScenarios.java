package org.virtlab.engine.cpu;

import java.util.List;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/** Small CPU set-ups for the allocation tests. */
final class CpuScenarios {
    static final String HOST = "h1";
    static final double GHZ = 1_000;
    /** The tests compare to 0.01 GHz. */
    static final double TOLERANCE_MHZ = 10;

    private CpuScenarios() {
    }

    /** The article's host: 24 logical CPUs at 1 GHz (virtualization.md §1), here 24 cores × 1 thread. */
    static HostSpec articleHost(ReservationMode mode) {
        return host(new CpuTopology(1, 24, 1, 1_000), mode);
    }

    static HostSpec host(CpuTopology cpu, ReservationMode mode) {
        return new HostSpec(HOST, null, cpu, HostCpuPolicy.DEFAULT.withReservationMode(mode), 65_536, 0, 0);
    }

    static VmSpec vm(String id, int vcpus, Workload workload, int shares, long reservationMhz) {
        return new VmSpec(id, null, HOST, vcpus, 1_024, workload,
                new CpuQos(Shares.custom(shares), CpuQos.NO_LIMIT, reservationMhz), Pinning.NONE, 0, 0);
    }

    static VmSpec busy(String id, int vcpus, int shares) {
        return vm(id, vcpus, new Workload.Constant(100), shares, 0);
    }

    static Scenario scenario(HostSpec host, List<VmSpec> vms) {
        return new Scenario(LocalizedText.EMPTY, LocalizedText.EMPTY, 7, 1_000, List.of(host), vms);
    }

    static Simulation run(Scenario scenario, int ticks) {
        Simulation sim = Simulations.of(scenario);
        sim.runUntil(ticks * scenario.tickMicros());
        return sim;
    }

    static CpuSnapshot cpu(Simulation sim) {
        return sim.snapshot().find(CpuSnapshot.class).orElseThrow();
    }

    static CpuSnapshot.VmCpu vm(Simulation sim, String id) {
        return cpu(sim).vms().stream().filter(v -> v.vmId().equals(id)).findFirst().orElseThrow();
    }

    static double usedGhz(Simulation sim, String id) {
        return vm(sim, id).usedMhz() / GHZ;
    }

    static CpuSubsystem cpuSubsystem(Simulation sim) {
        return (CpuSubsystem) sim.subsystems().stream().filter(s -> s instanceof CpuSubsystem).findFirst().orElseThrow();
    }
}
