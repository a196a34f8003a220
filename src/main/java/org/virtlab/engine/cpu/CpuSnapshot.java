package org.virtlab.engine.cpu;

import java.util.List;
import org.virtlab.engine.SubsystemSnapshot;

/**
 * CPU allocation after a tick: per VM and per host, the last tick's rates and cumulative counters since
 * time zero (like /proc/stat: averages over any window are differences of counters divided by the
 * window, exact whatever the sampling).
 */
public record CpuSnapshot(List<VmCpu> vms, List<HostCpu> hosts) implements SubsystemSnapshot {
    public static final String NAME = "cpu";

    public CpuSnapshot {
        vms = List.copyOf(vms);
        hosts = List.copyOf(hosts);
    }

    @Override
    public String subsystem() {
        return NAME;
    }

    /**
     * @param poweredOn        false when admission control refused power-on (see {@link HostCpu#refusals})
     * @param demandMhz        what the guest asked for in the last tick
     * @param entitlementMhz   what its QoS entitles it to against the others' current demand: what it would
     *                         get if it wanted all it may use (its vCPUs, under its limit)
     * @param usedMhz          what it got in the last tick (never above demand, limit or entitlement)
     * @param readyPct         runnable but not running, summed over vCPUs like VMware's %RDY (0–vCPUs×100)
     * @param stealPct         the same as the guest sees it: averaged over its vCPUs, like Linux's st (0–100)
     * @param limitedPct       the part of ready caused by the limit, like VMware's %MLMTD
     * @param usedMhzMicros    cumulative MHz·µs used since time zero
     * @param demandMhzMicros  cumulative MHz·µs demanded
     * @param entitlementMhzMicros cumulative MHz·µs of entitlement
     * @param readyMicros      cumulative ready time summed over vCPUs
     * @param limitedMicros    cumulative ready time caused by the limit, summed over vCPUs
     */
    public record VmCpu(String vmId, String hostId, boolean poweredOn, int vcpus,
                        double demandMhz, double entitlementMhz, double usedMhz,
                        double readyPct, double stealPct, double limitedPct,
                        double usedMhzMicros, double demandMhzMicros, double entitlementMhzMicros,
                        double readyMicros, double limitedMicros) {
    }

    /**
     * @param capacityMhz cores × clock, with hyper-threading's factor where both threads of a core are busy
     * @param usedMhz     sum of its VMs' use in the last tick
     * @param refusals    VMs admission control kept powered off, with the numbers
     * @param vmIds       the host's VMs in the order {@link Slice#vm()} numbers them
     * @param recentSlices the time slices of the last half second, per logical CPU then start; empty unless the
     *                    simulation was built with slices (the window's animation)
     */
    public record HostCpu(String hostId, ReservationMode reservationMode, double capacityMhz, double usedMhz,
                          double idleMhz, double usedMhzMicros, List<Refusal> refusals, List<String> vmIds,
                          List<Slice> recentSlices) {
        public HostCpu {
            refusals = List.copyOf(refusals);
            vmIds = List.copyOf(vmIds);
            recentSlices = List.copyOf(recentSlices);
        }
    }

    /** Power-on refused: the VM's reservation does not fit in what the host has left unreserved. */
    public record Refusal(String vmId, long reservationMhz, long unreservedMhz) {
    }
}
