package org.virtlab.engine.cpu;

import java.util.List;

/**
 * How a host's CPU was shared at one moment, as data: the ordered steps of the computation with their
 * numbers, for the UI and the command line to render in any language. Built on demand by
 * {@link CpuSubsystem#explain(String)}, never per tick. Limits of "none" are {@link CpuQos#NO_LIMIT};
 * MHz figures are doubles where they result from the computation.
 *
 * <p>The steps come in this order, each only where it applies: {@link Capacity}, {@link Caps},
 * {@link Floors}, {@link HeldIdle}, {@link Contention}, {@link SharesLevel}, {@link ReservationTopUp},
 * {@link PinnedSets}, {@link Result}.
 */
public record CpuDerivation(String hostId, ReservationMode reservationMode, List<Step> steps) {

    public CpuDerivation {
        steps = List.copyOf(steps);
    }

    /** The first step of the given kind, or null when it does not apply. */
    public <T extends Step> T step(Class<T> kind) {
        for (Step s : steps) {
            if (kind.isInstance(s)) {
                return kind.cast(s);
            }
        }
        return null;
    }

    /** One step of the derivation. */
    public sealed interface Step
            permits Capacity, Caps, Floors, HeldIdle, Contention, SharesLevel, ReservationTopUp, PinnedSets, Result {
    }

    /**
     * What the host can deliver: cores × clock, plus hyper-threading's bonus (or loss) when more threads are
     * busy than there are cores.
     *
     * @param busyThreads  Σ caps / clock: the thread-equivalents the VMs could keep busy
     * @param coresMhz     cores × clock
     * @param htBonusMhz   clock × (factor − 1) × (min(busyThreads, 2 × cores) − cores), 0 without HT use
     */
    public record Capacity(int cores, int threadsPerCore, int mhzPerCore, double htFactor, double busyThreads,
                           double coresMhz, double htBonusMhz, double capacityMhz) implements Step {
    }

    /** Why each powered-on VM can use at most what it can. */
    public record Caps(List<VmCap> vms) implements Step {
        public Caps {
            vms = List.copyOf(vms);
        }
    }

    /** What bounds a VM's use: its demand, its limit, its vCPUs × clock, or its pinned CPUs. */
    public enum CapReason { DEMAND, LIMIT, VCPUS, PINNING }

    /**
     * @param vcpusMhz  vCPUs × clock
     * @param pinnedMhz capacity of the logical CPUs it is pinned to; +∞ when not pinned
     * @param capMhz    the smallest of demand, limit, vCPUs × clock and pinned capacity
     */
    public record VmCap(String vmId, double demandMhz, long limitMhz, int vcpus, double vcpusMhz, double pinnedMhz,
                        double capMhz, CapReason reason) {
    }

    /** Reservations as floors: a VM gets at least min(reservation, cap). */
    public record Floors(List<VmFloor> vms) implements Step {
        public Floors {
            vms = List.copyOf(vms);
        }
    }

    public record VmFloor(String vmId, long reservationMhz, double floorMhz) {
    }

    /**
     * Held reservations: reserved capacity its owner does not use stays idle, out of everyone's reach.
     *
     * @param remainingMhz capacity minus the idle reserved capacity: what the sharing below works with
     */
    public record HeldIdle(List<IdleReservation> vms, double idleMhz, double remainingMhz) implements Step {
        public HeldIdle {
            vms = List.copyOf(vms);
        }
    }

    public record IdleReservation(String vmId, long reservationMhz, double capMhz, double idleMhz) {
    }

    /** Whether the VMs together want more than the host has (shares matter only then). */
    public record Contention(double totalCapMhz, double availableMhz, boolean contended) implements Step {
    }

    /** Where a VM's allocation ends up relative to the common level. */
    public enum Bound { LEVEL, CAP, FLOOR, PINNED_SET }

    /**
     * The common level λ (MHz per share) that fills the host: each VM gets clamp(λ × shares, floor, cap).
     *
     * @param mhzPerShare λ; +∞ on a host without contention
     */
    public record SharesLevel(double mhzPerShare, long totalShares, List<VmShare> vms) implements Step {
        public SharesLevel {
            vms = List.copyOf(vms);
        }
    }

    /**
     * @param levelMhz     λ × shares
     * @param bySharesMhz  what it would get by shares alone, with no reservation floors
     * @param allocatedMhz what it gets
     */
    public record VmShare(String vmId, long shares, double levelMhz, double bySharesMhz, double allocatedMhz,
                          Bound bound) {
    }

    /**
     * Reservations above the by-shares allocation: the shortfall is taken from the others. The article's
     * example: VM1 reserves 8 GHz, by shares would get 4, so 4 GHz is taken from VM2 and VM3 in proportion
     * to their shares 2:3 (1.6 and 2.4 GHz).
     *
     * @param shortfallMhz      Σ of the raised VMs' shortfalls
     * @param giverSharesTotal  Σ of the givers' shares (the denominator of each giver's fraction)
     */
    public record ReservationTopUp(List<RaisedVm> raised, double shortfallMhz, long giverSharesTotal,
                                   List<Giver> givers) implements Step {
        public ReservationTopUp {
            raised = List.copyOf(raised);
            givers = List.copyOf(givers);
        }
    }

    public record RaisedVm(String vmId, long reservationMhz, double bySharesMhz, double allocatedMhz,
                           double shortfallMhz) {
    }

    /**
     * @param shareFraction shares / giverSharesTotal
     * @param givesMhz      by-shares allocation minus final allocation; equals shareFraction × shortfall when
     *                      every giver stays between its floor and its cap
     */
    public record Giver(String vmId, long shares, double shareFraction, double givesMhz) {
    }

    /** Pinned CPU sets: the VMs pinned within each share its capacity. */
    public record PinnedSets(List<PinnedSet> sets) implements Step {
        public PinnedSets {
            sets = List.copyOf(sets);
        }
    }

    /**
     * @param cpus   the set's logical CPUs (core × threads + thread)
     * @param tight  whether the set's capacity bounded its VMs
     * @param levelMhzPerShare the level at which it became tight (+∞ if never)
     */
    public record PinnedSet(List<Integer> cpus, double capacityMhz, List<String> vmIds, double usedMhz,
                            boolean tight, double levelMhzPerShare) {
        public PinnedSet {
            cpus = List.copyOf(cpus);
            vmIds = List.copyOf(vmIds);
        }
    }

    /** The outcome. */
    public record Result(List<VmResult> vms, double capacityMhz, double usedMhz, double idleMhz) implements Step {
        public Result {
            vms = List.copyOf(vms);
        }
    }

    public record VmResult(String vmId, double usedMhz, double entitlementMhz) {
    }
}
