package org.virtlab.engine.cpu;

import java.util.List;
import org.virtlab.engine.SubsystemSnapshot;

/** What every VM's guest asks of the CPU during the last tick, and what each host has to offer. */
public record CpuDemandSnapshot(List<VmDemand> vms, List<HostDemand> hosts) implements SubsystemSnapshot {

    public CpuDemandSnapshot {
        vms = List.copyOf(vms);
        hosts = List.copyOf(hosts);
    }

    @Override
    public String subsystem() {
        return CpuDemandSubsystem.NAME;
    }

    /**
     * @param percentPerVcpu how busy the guest keeps each vCPU, 0–100
     * @param demandMhz      vCPUs × percent × the host's clock
     */
    public record VmDemand(String vmId, String hostId, int vcpus, double percentPerVcpu, double demandMhz) {
    }

    /**
     * @param logicalCapacityMhz logical CPUs × clock (the article's "24 logical CPUs at 1 GHz = 24 GHz")
     * @param demandMhz          sum of its VMs' demand
     */
    public record HostDemand(String hostId, int logicalCpus, long logicalCapacityMhz, double demandMhz) {
    }
}
