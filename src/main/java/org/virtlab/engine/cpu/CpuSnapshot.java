package org.virtlab.engine.cpu;

import java.util.List;
import org.virtlab.engine.SubsystemSnapshot;
import org.virtlab.engine.alloc.Admission;

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
     * @param hostId           the host it runs on now: the scenario's, until a live migration moves it (then the
     *                         target from the end of the migration's last tick on)
     * @param poweredOn        false when admission control refused power-on (see {@link HostCpu#refusals})
     * @param paused           stopped now for a live migration's stop-and-copy: from the next tick until it
     *                         resumes, it is served nothing and is not ready (its vCPUs are stopped, not waiting for
     *                         a CPU); powered on, not off
     * @param demandMhz        what the guest asked for in the last tick (a paused VM's workload still asks)
     * @param entitlementMhz   what its QoS entitles it to against the others' current demand: what it would
     *                         get if it wanted all it may use (its vCPUs, under its limit); 0 while paused
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
    public record VmCpu(String vmId, String hostId, boolean poweredOn, boolean paused, int vcpus,
                        double demandMhz, double entitlementMhz, double usedMhz,
                        double readyPct, double stealPct, double limitedPct,
                        double usedMhzMicros, double demandMhzMicros, double entitlementMhzMicros,
                        double readyMicros, double limitedMicros) {

        /** A VM that is not paused (the record as it was before live migration). */
        public VmCpu(String vmId, String hostId, boolean poweredOn, int vcpus,
                     double demandMhz, double entitlementMhz, double usedMhz,
                     double readyPct, double stealPct, double limitedPct,
                     double usedMhzMicros, double demandMhzMicros, double entitlementMhzMicros,
                     double readyMicros, double limitedMicros) {
            this(vmId, hostId, poweredOn, false, vcpus, demandMhz, entitlementMhz, usedMhz, readyPct, stealPct,
                    limitedPct, usedMhzMicros, demandMhzMicros, entitlementMhzMicros, readyMicros, limitedMicros);
        }
    }

    /**
     * @param capacityMhz cores × clock, with hyper-threading's factor where both threads of a core are busy
     * @param usedMhz     sum of the use in the last tick of the VMs running on it
     * @param refusals    VMs admission control kept powered off (CPU or memory), with the numbers
     * @param vmIds       the VMs in the order {@link Slice#vm()} numbers them: the host's, then those that arrived
     *                    by live migration; a VM that left by live migration keeps its number (its past slices
     *                    stay in the history), so this may name VMs no longer here: {@link VmCpu#hostId()} says
     *                    where each VM runs
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

    /**
     * Power-on refused by the host's admission control: the VM's CPU or memory reservation does not fit in what
     * the host has left unreserved ({@link Admission}: CPU checked first).
     *
     * @param admission the VM's reservations and what was unreserved, both resources
     */
    public record Refusal(String vmId, Admission admission) {
        public Refusal {
            if (admission.fits()) {
                throw new IllegalArgumentException("VM " + vmId + " fits: a refusal needs a reservation that does not");
            }
        }

        /** What the refusal is for: {@link Admission.Resource#CPU} or {@link Admission.Resource#MEMORY}. */
        public Admission.Resource resource() {
            return admission.refused();
        }

        public long reservationMhz() {
            return admission.reservationMhz();
        }

        public long unreservedMhz() {
            return admission.unreservedMhz();
        }

        public long reservationMib() {
            return admission.reservationMib();
        }

        public long unreservedMib() {
            return admission.unreservedMib();
        }
    }
}
