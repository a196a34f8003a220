package org.virtlab.engine.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.virtlab.engine.alloc.WaterFilling;
import org.virtlab.engine.model.CpuTopology;

/**
 * The fluid answer to "what does each VM on this host get": weighted water-filling in which a reservation is
 * a floor, not a head start. Pure and deterministic; after construction {@link #allocate()} allocates
 * nothing (primitive arrays only).
 *
 * <h2>The allocation</h2>
 * Each powered-on VM i has shares s<sub>i</sub>, a cap c<sub>i</sub> = min(demand, limit, vCPUs × clock, capacity of its
 * pinned CPUs) and a floor f<sub>i</sub> = min(reservation, c<sub>i</sub>). It gets a<sub>i</sub> = clamp(λ·s<sub>i</sub>, f<sub>i</sub>, c<sub>i</sub>)
 * for one level λ (MHz per share) such that the host is fully used, Σ a<sub>i</sub> = C, or, when Σ c<sub>i</sub> ≤ C,
 * every VM gets its cap (work-conserving: idle capacity goes to whoever wants it). The article's example
 * (../shared/reference/virtualization.md §1): 24 GHz, shares 1:2:3, all busy → λ = 4 MHz/share → 4 / 8 / 12 GHz;
 * with VM1 reserving 8 GHz, λ = 3.2 → 8 / 6.4 / 9.6 GHz.
 *
 * <p>The water level itself is {@link WaterFilling}'s, the same code that shares a host's memory: it keeps the
 * 2n breakpoints f<sub>i</sub>/s<sub>i</sub> and c<sub>i</sub>/s<sub>i</sub> sorted from tick to tick and solves the crossing segment exactly.
 *
 * <h2>Reservation modes</h2>
 * {@link ReservationMode#REUSABLE} (VMware): an idle VM's unused reservation is part of C for everyone.
 * {@link ReservationMode#HELD} (the course article): VM i occupies max(a<sub>i</sub>, R<sub>i</sub>). Since
 * max(clamp(λ s<sub>i</sub>, f<sub>i</sub>, c<sub>i</sub>), R<sub>i</sub>) = clamp(λ s<sub>i</sub>, f<sub>i</sub>, c<sub>i</sub>) + max(0, R<sub>i</sub> − c<sub>i</sub>), held mode is
 * the same water-filling on C minus the idle reserved capacity Σ max(0, R<sub>i</sub> − c<sub>i</sub>).
 *
 * <h2>Capacity and hyper-threading</h2>
 * With C<sub>n</sub> cores, T threads per core, clock m and factor h, let x = Σ c<sub>i</sub> / m, the busy thread-equivalents
 * demanded. If T = 1 or x ≤ C<sub>n</sub>, every busy vCPU can have a core to itself: C = C<sub>n</sub>·m. Otherwise
 * x − C<sub>n</sub> cores (at most all of them) run both threads, and a core whose two threads are busy delivers
 * h·m instead of m: C = m·(C<sub>n</sub> + (h − 1)·(min(x, 2C<sub>n</sub>) − C<sub>n</sub>)). So a busy 2-vCPU VM on one 2-thread
 * core at 1000 MHz gets 1300 MHz at h = 1.3, a 1-vCPU VM 1000.
 *
 * <h2>Pinning</h2>
 * Logical CPU id = core × T + thread (siblings adjacent). A pinned VM's set is the union of its vCPUs' lists;
 * cap(S) = Σ over the cores S touches of h·m if both sibling threads are in S (T = 2), else m. A pinned VM's
 * cap is at most cap(own set), and each distinct set adds a constraint solved by progressive filling
 * ({@link PinnedFilling}).
 *
 * <h2>Entitlement</h2>
 * VM j's entitlement is what it would get if its demand were unbounded (cap c'<sub>j</sub> = min(limit, vCPUs × clock,
 * pinned capacity)), the others' demands as they are; exact. If c'<sub>j</sub> = c<sub>j</sub> (the VM already wants all it
 * may use) the problem is the same and the entitlement is a<sub>j</sub>. Otherwise the hypothetical sum is
 * G(λ) = F(λ) − clamp(λ s<sub>j</sub>, f<sub>j</sub>, c<sub>j</sub>) + clamp(λ s<sub>j</sub>, f'<sub>j</sub>, c'<sub>j</sub>) against the hypothetical capacity
 * (hyper-threading and held reservations recomputed with c'<sub>j</sub>): a binary search over the sorted breakpoints
 * (whose sweep gives F at each in O(1)) finds the crossing segment, in which only j's two new breakpoints
 * can lie, and one interpolation gives λ: O(log n) per VM, O(n log n) per host per tick. On pinned hosts
 * (small teaching set-ups) each such VM is re-solved with progressive filling. A hyper-threading factor
 * below 1 can make wanting more shrink the host; the entitlement is then reported as at least the use.
 */
public final class FluidAllocator {
    private final int n;
    private final int cores;
    private final int threadsPerCore;
    private final double mhzPerCore;
    private final double htFactor;
    private ReservationMode mode;

    private final long[] sharesTotal;
    private final double[] shares;
    private final int[] vcpus;
    private final double[] vcpuMhz;
    private final double[] pinCapMhz;
    private final double[] limitMhz;
    private final double[] reservationMhz;
    private final boolean[] poweredOn;
    private final double[] demandMhz;
    /**
     * Fixed by the QoS (see {@link #setQos}): the cap with unbounded demand c'<sub>i</sub> = min(limit, vCPUs × clock,
     * pinned capacity), its floor f'<sub>i</sub> and both divided by the shares, as the entitlement search needs them.
     */
    private final double[] capNoDemand;
    private final double[] floorNoDemand;
    private final double[] floorKeyNoDemand;
    private final double[] capKeyNoDemand;

    private final double[] cap;
    private final double[] floor;
    private final double[] used;
    private final double[] entitlement;
    private double capacityMhz;
    private double heldIdleMhz;
    private double levelMhzPerShare;
    private double sumCap;
    private double sumFloor;

    /** The shares, floors and caps above, water-filled; keeps its breakpoints sorted from tick to tick. */
    private final WaterFilling filling;

    private final PinnedFilling pins;
    private final double[] pinScratch;
    /** Per pin constraint (not the whole host), its logical CPUs in order; empty when nothing is pinned. */
    private final List<List<Integer>> pinSetCpus = new ArrayList<>();

    /**
     * @param pinning per VM (host-local order), {@link Pinning#NONE} for none; fixed for the allocator's life
     */
    public FluidAllocator(CpuTopology cpu, HostCpuPolicy policy, int[] vcpus, Pinning[] pinning) {
        n = vcpus.length;
        cores = cpu.cores();
        threadsPerCore = cpu.threadsPerCore();
        mhzPerCore = cpu.mhzPerCore();
        htFactor = policy.htFactor();
        mode = policy.reservationMode();
        this.vcpus = vcpus.clone();
        sharesTotal = new long[n];
        shares = new double[n];
        vcpuMhz = new double[n];
        pinCapMhz = new double[n];
        limitMhz = new double[n];
        reservationMhz = new double[n];
        poweredOn = new boolean[n];
        demandMhz = new double[n];
        capNoDemand = new double[n];
        floorNoDemand = new double[n];
        floorKeyNoDemand = new double[n];
        capKeyNoDemand = new double[n];
        cap = new double[n];
        floor = new double[n];
        used = new double[n];
        entitlement = new double[n];
        filling = new WaterFilling(shares, floor, cap);
        pins = pinnedFilling(cpu, pinning); // pinCapMhz first: setQos derives the caps from it
        for (int i = 0; i < n; i++) {
            vcpuMhz[i] = vcpus[i] * mhzPerCore;
            setQos(i, CpuQos.DEFAULT);
            poweredOn[i] = true;
        }
        pinScratch = new double[n];
    }

    // ---- inputs ----

    public int vmCount() {
        return n;
    }

    public void setQos(int i, CpuQos qos) {
        sharesTotal[i] = qos.shares().total(vcpus[i]);
        shares[i] = sharesTotal[i];
        limitMhz[i] = qos.limited() ? qos.limitMhz() : Double.POSITIVE_INFINITY;
        reservationMhz[i] = qos.reservationMhz();
        double c2 = Math.min(limitMhz[i], Math.min(vcpuMhz[i], pinCapMhz[i]));
        capNoDemand[i] = c2;
        floorNoDemand[i] = Math.min(reservationMhz[i], c2);
        floorKeyNoDemand[i] = floorNoDemand[i] / shares[i];
        capKeyNoDemand[i] = c2 / shares[i];
        filling.forget(i); // the shares may have changed: recompute this VM's breakpoints
    }

    public void setPoweredOn(int i, boolean on) {
        poweredOn[i] = on;
    }

    public void setReservationMode(ReservationMode mode) {
        this.mode = mode;
    }

    public ReservationMode reservationMode() {
        return mode;
    }

    public void setDemandMhz(int i, double mhz) {
        demandMhz[i] = mhz;
    }

    // ---- results of the last allocate() ----

    /** C: what the host delivers given the busy threads (see the class comment). */
    public double capacityMhz() {
        return capacityMhz;
    }

    /** Held mode: reserved capacity its owners don't use and nobody else may; 0 when reusable. */
    public double heldIdleMhz() {
        return heldIdleMhz;
    }

    /** λ in MHz per share; +∞ when nothing is contended (every VM at its cap). */
    public double levelMhzPerShare() {
        return levelMhzPerShare;
    }

    public double capMhz(int i) {
        return cap[i];
    }

    public double floorMhz(int i) {
        return floor[i];
    }

    public double usedMhz(int i) {
        return used[i];
    }

    public double entitlementMhz(int i) {
        return entitlement[i];
    }

    public double demandMhz(int i) {
        return demandMhz[i];
    }

    // ---- the allocation ----

    /** C for the given sum of caps, per the hyper-threading model in the class comment. */
    public static double capacityMhz(int cores, int threadsPerCore, double mhzPerCore, double htFactor,
                                     double busyMhz) {
        double x = busyMhz / mhzPerCore;
        if (threadsPerCore == 1 || x <= cores) {
            return cores * mhzPerCore;
        }
        return mhzPerCore * (cores + (htFactor - 1) * (Math.min(x, 2.0 * cores) - cores));
    }

    private double capacityFor(double busyMhz) {
        return capacityMhz(cores, threadsPerCore, mhzPerCore, htFactor, busyMhz);
    }

    /** Computes caps, floors, the level, every VM's use and entitlement for the current demands. */
    public void allocate() {
        double sc = 0;
        double sf = 0;
        double idle = 0;
        boolean held = mode == ReservationMode.HELD;
        for (int i = 0; i < n; i++) {
            if (!poweredOn[i]) {
                cap[i] = 0;
                floor[i] = 0;
                continue;
            }
            // min(demand, limit, vCPUs × clock, pinned capacity); Math.min is exact, so the grouping is free
            double c = Math.max(0, Math.min(demandMhz[i], capNoDemand[i]));
            double r = reservationMhz[i];
            cap[i] = c;
            floor[i] = Math.min(r, c);
            sc += c;
            sf += floor[i];
            if (held && r > c) {
                idle += r - c;
            }
        }
        sumCap = sc;
        sumFloor = sf;
        heldIdleMhz = idle;
        capacityMhz = capacityFor(sc);
        double k = capacityMhz - idle;
        if (pins != null) {
            allocatePinned(k);
            return;
        }
        levelMhzPerShare = filling.fill(k, sf, sc, used);
        for (int j = 0; j < n; j++) {
            entitlement[j] = entitlementOf(j);
        }
    }

    /** The cap VM j would have with unbounded demand. */
    private double capWithoutDemand(int j) {
        return capNoDemand[j];
    }

    /** Held reserved capacity if VM j's cap were {@code c2}. */
    private double heldIdleWith(int j, double c2) {
        if (mode != ReservationMode.HELD) {
            return 0;
        }
        double r = reservationMhz[j];
        return heldIdleMhz - Math.max(0, r - cap[j]) + Math.max(0, r - c2);
    }

    private double entitlementOf(int j) {
        if (!poweredOn[j]) {
            return 0;
        }
        double c2 = capWithoutDemand(j);
        if (!(c2 > cap[j])) {
            return used[j]; // already wants all it may use: the same problem
        }
        double f2 = floorNoDemand[j];
        double sc2 = sumCap - cap[j] + c2;
        double t = capacityFor(sc2) - heldIdleWith(j, c2);
        double e;
        if (sc2 <= t) {
            e = c2;
        } else {
            double sf2 = sumFloor - floor[j] + f2;
            if (sf2 >= t) {
                e = sf2 > 0 ? f2 * Math.max(0, t) / sf2 : 0;
            } else {
                e = filling.entitlement(j, f2, c2, floorKeyNoDemand[j], capKeyNoDemand[j], t);
            }
        }
        return Math.max(e, used[j]);
    }

    // ---- pinning ----

    private void allocatePinned(double k) {
        for (int j = 0; j < n; j++) {
            double c2 = capWithoutDemand(j);
            if (!poweredOn[j] || !(c2 > cap[j])) {
                continue;
            }
            double oldCap = cap[j];
            double oldFloor = floor[j];
            double t = capacityFor(sumCap - oldCap + c2) - heldIdleWith(j, c2);
            cap[j] = c2;
            floor[j] = Math.min(reservationMhz[j], c2);
            pins.fill(shares, floor, cap, t, pinScratch);
            entitlement[j] = pinScratch[j];
            cap[j] = oldCap;
            floor[j] = oldFloor;
        }
        pins.fill(shares, floor, cap, k, used);
        int host = pins.constraintCount() - 1;
        levelMhzPerShare = pins.tightAt[host];
        for (int j = 0; j < n; j++) {
            if (!poweredOn[j]) {
                entitlement[j] = 0;
            } else if (!(capWithoutDemand(j) > cap[j])) {
                entitlement[j] = used[j];
            } else {
                entitlement[j] = Math.max(entitlement[j], used[j]);
            }
        }
    }

    private PinnedFilling pinnedFilling(CpuTopology cpu, Pinning[] pinning) {
        int logical = cpu.logicalCpus();
        int words = (logical + 63) / 64;
        long[] all = new long[words];
        for (int c = 0; c < logical; c++) {
            all[c >> 6] |= 1L << c;
        }
        long[][] sets = new long[n][];
        List<long[]> distinct = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!pinning[i].pinned()) {
                sets[i] = all;
                pinCapMhz[i] = Double.POSITIVE_INFINITY;
                continue;
            }
            long[] set = new long[words];
            for (List<Integer> cpus : pinning[i].perVcpu()) {
                for (int c : cpus) {
                    set[c >> 6] |= 1L << c;
                }
            }
            sets[i] = set;
            pinCapMhz[i] = setCapacity(set);
            if (distinct.stream().noneMatch(s -> Arrays.equals(s, set))) {
                distinct.add(set);
            }
        }
        if (distinct.isEmpty()) {
            return null;
        }
        for (long[] s : distinct) {
            List<Integer> ids = new ArrayList<>();
            for (int c = 0; c < logical; c++) {
                if (has(s, c)) {
                    ids.add(c);
                }
            }
            pinSetCpus.add(List.copyOf(ids));
        }
        distinct.add(all);
        int[][] members = new int[distinct.size()][];
        double[] limits = new double[distinct.size()];
        for (int k = 0; k < distinct.size(); k++) {
            long[] s = distinct.get(k);
            int[] in = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (subset(sets[i], s)) {
                    in[count++] = i;
                }
            }
            members[k] = Arrays.copyOf(in, count);
            limits[k] = setCapacity(s);
        }
        return new PinnedFilling(n, members, limits);
    }

    private static boolean subset(long[] a, long[] b) {
        for (int w = 0; w < a.length; w++) {
            if ((a[w] & ~b[w]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean has(long[] set, int cpu) {
        return (set[cpu >> 6] & (1L << cpu)) != 0;
    }

    /** cap(S): per core touched, h × clock when both its threads are in S, else one clock. */
    double setCapacity(long[] set) {
        double total = 0;
        for (int core = 0; core < cores; core++) {
            int first = core * threadsPerCore;
            boolean any = false;
            boolean both = threadsPerCore == 2;
            for (int t = 0; t < threadsPerCore; t++) {
                boolean in = has(set, first + t);
                any |= in;
                both &= in;
            }
            if (any) {
                total += both ? htFactor * mhzPerCore : mhzPerCore;
            }
        }
        return total;
    }

    // ---- read by the explanation (package-private) ----

    PinnedFilling pins() {
        return pins;
    }

    List<Integer> pinSetCpus(int k) {
        return pinSetCpus.get(k);
    }

    long sharesTotal(int i) {
        return sharesTotal[i];
    }

    double shares(int i) {
        return shares[i];
    }

    int vcpus(int i) {
        return vcpus[i];
    }

    double limitMhz(int i) {
        return limitMhz[i];
    }

    double reservationMhz(int i) {
        return reservationMhz[i];
    }

    double vcpuMhz(int i) {
        return vcpuMhz[i];
    }

    double pinCapMhz(int i) {
        return pinCapMhz[i];
    }

    boolean poweredOn(int i) {
        return poweredOn[i];
    }

    int cores() {
        return cores;
    }

    int threadsPerCore() {
        return threadsPerCore;
    }

    double mhzPerCore() {
        return mhzPerCore;
    }

    double htFactor() {
        return htFactor;
    }

    double sumCap() {
        return sumCap;
    }

    /** What each VM would get with the same caps and capacity but no reservation floors (allocates). */
    double[] bySharesOnly() {
        double[] zero = new double[n];
        double[] out = new double[n];
        double k = capacityMhz - heldIdleMhz;
        if (pins != null) {
            pins.fill(shares, zero, cap, k, out);
            return out;
        }
        if (sumCap <= k) {
            System.arraycopy(cap, 0, out, 0, n);
            return out;
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double level = k > 0 ? WaterFilling.solve(all, n, shares, zero, cap, k, new double[2 * n]) : 0;
        for (int i = 0; i < n; i++) {
            out[i] = WaterFilling.clamp(level * shares[i], 0, cap[i]);
        }
        return out;
    }
}
