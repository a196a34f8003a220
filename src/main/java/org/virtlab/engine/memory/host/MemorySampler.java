package org.virtlab.engine.memory.host;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.virtlab.engine.SimulationObserver;
import org.virtlab.engine.SimulationSnapshot;

/**
 * Samples host memory at the end of fixed windows of simulated time, for charts: per VM where its pages are
 * (private, shared, ballooned, swapped, untouched), what the host charges it and what it is entitled to, in MiB;
 * per host its used and free memory, state, overcommit ratio and what page sharing saves. Register it with
 * {@code simulation.addObserver(sampler, windowMicros)}.
 *
 * <p>Page states are levels, not counters, so a sample is the state at the window's end (not an average);
 * copy-on-write faults and swap-ins are the cumulative counts then, and their growth over the window.
 */
public final class MemorySampler implements SimulationObserver {
    private final Consumer<Sample> sink;
    private MemorySnapshot previous;

    public MemorySampler(Consumer<Sample> sink) {
        this.sink = sink;
    }

    /** Forgets the last sample, e.g. after a rewind: the next window's growth counts from zero. */
    public void restart() {
        previous = null;
    }

    @Override
    public void onTick(SimulationSnapshot snapshot) {
        MemorySnapshot now = snapshot.find(MemorySnapshot.class).orElse(null);
        if (now == null) {
            return;
        }
        List<VmSample> vms = new ArrayList<>(now.vms().size());
        for (int i = 0; i < now.vms().size(); i++) {
            MemorySnapshot.VmMemory v = now.vms().get(i);
            MemorySnapshot.VmMemory before = previous != null && i < previous.vms().size()
                    && previous.vms().get(i).vmId().equals(v.vmId()) ? previous.vms().get(i) : null;
            vms.add(new VmSample(v.vmId(), v.hostId(), v.poweredOn(), v.configuredMib(), Pages.mib(v.demandPages()),
                    Pages.mib(v.untouchedPages()), Pages.mib(v.privatePages()), v.sharedMib(), v.balloonedMib(),
                    v.swappedMib(), v.consumedMib(), v.grantedMib(), v.cowFaults(),
                    v.cowFaults() - (before == null ? 0 : before.cowFaults()), v.swapIns(),
                    v.swapIns() - (before == null ? 0 : before.swapIns())));
        }
        List<HostSample> hosts = new ArrayList<>(now.hosts().size());
        for (MemorySnapshot.HostMemory h : now.hosts()) {
            hosts.add(new HostSample(h.hostId(), h.capacityMib(), h.usedMib(), Pages.mib(h.freePages()),
                    h.freePercent(), h.state(), Pages.mib(h.configuredPages()), h.overcommitRatio(),
                    h.savedBySharingMib(), h.pagesShared(), h.pagesSharing()));
        }
        sink.accept(new Sample(snapshot.nowMicros(), vms, hosts));
        previous = now;
    }

    /** The state of every VM and host at {@code endMicros}, VMs and hosts in scenario order. */
    public record Sample(long endMicros, List<VmSample> vms, List<HostSample> hosts) {
        public Sample {
            vms = List.copyOf(vms);
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * One VM, in MiB: {@code untouched + private + shared + ballooned + swapped = configured}.
     *
     * @param demandMib     what the guest wants in use
     * @param consumedMib   host memory charged to it: its private pages and its part of the shared frames
     * @param grantedMib    its memory QoS entitlement
     * @param cowFaults     copy-on-write faults since the start; {@code cowFaultsInWindow} of them in this window
     * @param swapIns       swap-ins since the start; {@code swapInsInWindow} of them in this window
     */
    public record VmSample(String vmId, String hostId, boolean poweredOn, double configuredMib, double demandMib,
                           double untouchedMib, double privateMib, double sharedMib, double balloonedMib,
                           double swappedMib, double consumedMib, double grantedMib, long cowFaults,
                           long cowFaultsInWindow, long swapIns, long swapInsInWindow) {
        /** Memory holding its data, wherever it is: private, shared or swapped. */
        public double touchedMib() {
            return privateMib + sharedMib + swappedMib;
        }
    }

    /**
     * One host, in MiB.
     *
     * @param configuredMib      Σ configured memory of its powered-on VMs
     * @param overcommitRatio    configured ÷ capacity: above 1 the host promises more than it has
     * @param savedBySharingMib  KSM's {@code pages_sharing} in MiB: the frames page sharing saves
     */
    public record HostSample(String hostId, double capacityMib, double usedMib, double freeMib, double freePercent,
                             MemoryState state, double configuredMib, double overcommitRatio,
                             double savedBySharingMib, long pagesShared, long pagesSharing) {
    }
}
