package org.virtlab.engine.migration;

import java.util.List;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.cpu.CpuDemandSubsystem;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.cpu.CpuSubsystem;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/** Two hosts and a few VMs for the migration tests. */
final class MigrationScenarios {
    static final long SEED = 11;
    /** 8 cores at 2 GHz: 16 000 MHz. */
    static final String H1 = "h1";
    /** 4 cores at 2 GHz: 8000 MHz, what admission control counts. */
    static final String H2 = "h2";

    private MigrationScenarios() {
    }

    static HostSpec h1() {
        return new HostSpec(H1, null, new CpuTopology(1, 8, 1, 2_000), 65_536, 0, 0);
    }

    static HostSpec h2() {
        return new HostSpec(H2, null, new CpuTopology(1, 4, 1, 2_000), 65_536, 0, 0);
    }

    static VmSpec vm(String id, String host, long memoryMib, Workload w, long reservationMhz) {
        return new VmSpec(id, null, host, 2, memoryMib, w,
                new CpuQos(Shares.NORMAL, CpuQos.NO_LIMIT, reservationMhz), Pinning.NONE, 0, 0);
    }

    /**
     * app (2 vCPUs, busy, reserves 2000 MHz) and other (2 vCPUs at 50 %) on h1; tgt (2 vCPUs at 50 %) on h2.
     */
    static Scenario basic(long appMemoryMib, long tickMicros) {
        return scenario(tickMicros, List.of(
                vm("app", H1, appMemoryMib, new Workload.Constant(100), 2_000),
                vm("other", H1, 1_024, new Workload.Constant(50), 0),
                vm("tgt", H2, 1_024, new Workload.Constant(50), 0)));
    }

    static Scenario scenario(long tickMicros, List<VmSpec> vms) {
        return new Scenario(LocalizedText.EMPTY, LocalizedText.EMPTY, SEED, tickMicros, List.of(h1(), h2()), vms);
    }

    /** The simulation with every VM dirtying {@code dirtyMibPerSecond}. */
    static Simulation simulation(Scenario s, MigrationSettings settings, double dirtyMibPerSecond, boolean slices) {
        double[] rates = new double[s.vms().size()];
        java.util.Arrays.fill(rates, dirtyMibPerSecond);
        CpuDemandSubsystem demand = new CpuDemandSubsystem(s);
        CpuSubsystem cpu = new CpuSubsystem(s, demand, slices);
        return new Simulation(s.seed(), s.tickMicros(),
                List.of(demand, cpu, new MigrationSubsystem(s, cpu, settings, rates)));
    }

    static MigrationSnapshot migrations(Simulation sim) {
        return sim.snapshot().find(MigrationSnapshot.class).orElseThrow();
    }

    static MigrationSnapshot.Migration latest(Simulation sim, String vmId) {
        return migrations(sim).latest(vmId).orElseThrow();
    }

    static CpuSnapshot cpu(Simulation sim) {
        return sim.snapshot().find(CpuSnapshot.class).orElseThrow();
    }

    static CpuSnapshot.VmCpu vmCpu(CpuSnapshot cpu, String id) {
        return cpu.vms().stream().filter(v -> v.vmId().equals(id)).findFirst().orElseThrow();
    }

    static CpuSnapshot.HostCpu hostCpu(CpuSnapshot cpu, String id) {
        return cpu.hosts().stream().filter(h -> h.hostId().equals(id)).findFirst().orElseThrow();
    }

    /** Steps until the VM's latest migration has ended, at most {@code maxMicros}. */
    static MigrationSnapshot.Migration runUntilEnded(Simulation sim, String vmId, long maxMicros) {
        sim.step();
        while (latest(sim, vmId).phase().underWay()) {
            if (sim.nowMicros() >= maxMicros) {
                throw new AssertionError("still under way at " + sim.nowMicros() + ": " + latest(sim, vmId));
            }
            sim.step();
        }
        return latest(sim, vmId);
    }
}
