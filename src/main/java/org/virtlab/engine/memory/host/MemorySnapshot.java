package org.virtlab.engine.memory.host;

import java.util.List;
import org.virtlab.engine.SubsystemSnapshot;

/** Every VM's guest memory and every host's physical memory at the end of a tick. Pages are 4 KiB. */
public record MemorySnapshot(List<VmMemory> vms, List<HostMemory> hosts) implements SubsystemSnapshot {
    public static final String NAME = "memory";

    public MemorySnapshot {
        vms = List.copyOf(vms);
        hosts = List.copyOf(hosts);
    }

    @Override
    public String subsystem() {
        return NAME;
    }

    /**
     * One VM. Its configured pages are each in exactly one state: {@code untouched + private + shared + ballooned
     * + swapped = configured}.
     *
     * @param poweredOn        false when admission control (CPU or memory reservation) kept it off: it touches nothing
     * @param demandPages      what the guest wants in use now
     * @param consumedPages    host frames charged to it: its private pages and, of each shared frame, the part
     *                         of the frame's pages it maps (shared frames ÷ sharing pages, host-wide, per shared page)
     * @param grantedPages     its entitlement: the host's memory water-filled by shares (with the idle tax), with
     *                         its reservation as floor and min(limit, configured, demand) as cap
     * @param sharesPerPage    ρ = S / (P (f + k (1 − f))), P its consumed pages; +∞ when it holds none
     * @param cowFaults        first writes to untouched pages and writes to shared ones: each took a frame
     * @param swapInWaitMicros what its swap-ins cost it, each at the host's swap-in latency
     * @param blocked          why its allocation had to wait in the last tick
     */
    public record VmMemory(String vmId, String hostId, boolean poweredOn, long configuredPages, long demandPages,
                           long untouchedPages, long privatePages, long sharedPages, long balloonedPages,
                           long swappedPages, double consumedPages, double grantedPages, double sharesPerPage,
                           long cowFaults, long swapIns, long swapOuts, long swapInWaitMicros, BlockReason blocked) {

        /** Pages holding its data, wherever: private, shared or swapped. */
        public long touchedPages() {
            return privatePages + sharedPages + swappedPages;
        }

        public double configuredMib() {
            return Pages.mib(configuredPages);
        }

        public double consumedMib() {
            return Pages.mib(consumedPages);
        }

        public double sharedMib() {
            return Pages.mib(sharedPages);
        }

        public double balloonedMib() {
            return Pages.mib(balloonedPages);
        }

        public double swappedMib() {
            return Pages.mib(swappedPages);
        }

        public double grantedMib() {
            return Pages.mib(grantedPages);
        }
    }

    /**
     * One host. {@code usedPages} = the zero frame + its VMs' private pages + {@code pagesShared}, never more than
     * {@code capacityPages}.
     *
     * @param configuredPages Σ configured memory of the powered-on VMs on it
     * @param pagesShared     KSM's {@code pages_shared}: frames backing shared pages
     * @param pagesSharing    KSM's {@code pages_sharing}: further pages mapping them, the frames sharing saves
     * @param fullScans       KSM's {@code full_scans}: rounds of the scanner over all pages
     * @param swapPages       pages in its swap
     * @param lastReclamation the latest tick in which anything was reclaimed or given back, and why
     */
    public record HostMemory(String hostId, long capacityPages, long usedPages, long freePages, MemoryState state,
                             long configuredPages, long pagesShared, long pagesSharing, long fullScans,
                             long pagesScanned, long swapPages, Reclamation lastReclamation) {

        /** Configured memory of its VMs ÷ its physical memory: above 1 the host is overcommitted. */
        public double overcommitRatio() {
            return (double) configuredPages / capacityPages;
        }

        public double freePercent() {
            return 100.0 * freePages / capacityPages;
        }

        public long savedBySharingPages() {
            return pagesSharing;
        }

        public double capacityMib() {
            return Pages.mib(capacityPages);
        }

        public double usedMib() {
            return Pages.mib(usedPages);
        }

        public double savedBySharingMib() {
            return Pages.mib(pagesSharing);
        }
    }

    public VmMemory vm(String vmId) {
        return vms.stream().filter(v -> v.vmId().equals(vmId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no VM " + vmId));
    }

    public HostMemory host(String hostId) {
        return hosts.stream().filter(h -> h.hostId().equals(hostId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no host " + hostId));
    }
}
