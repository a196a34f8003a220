package org.virtlab.engine.cpu;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.cpu.CpuDerivation.Bound;
import org.virtlab.engine.cpu.CpuDerivation.CapReason;

/** Builds a {@link CpuDerivation} from an allocator that has just allocated. Off the hot path: allocates freely. */
final class CpuDerivations {
    /** Below this, MHz differences are rounding, not a story worth telling. */
    private static final double EPS_MHZ = 1e-6;

    private CpuDerivations() {
    }

    /** @param vmIds the allocator's VMs, in its order */
    static CpuDerivation of(String hostId, FluidAllocator a, String[] vmIds) {
        int n = a.vmCount();
        List<CpuDerivation.Step> steps = new ArrayList<>();
        double coresMhz = a.cores() * a.mhzPerCore();
        steps.add(new CpuDerivation.Capacity(a.cores(), a.threadsPerCore(), (int) a.mhzPerCore(), a.htFactor(),
                a.sumCap() / a.mhzPerCore(), coresMhz, a.capacityMhz() - coresMhz, a.capacityMhz()));

        List<CpuDerivation.VmCap> caps = new ArrayList<>();
        List<CpuDerivation.VmFloor> floors = new ArrayList<>();
        List<CpuDerivation.IdleReservation> idle = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!a.poweredOn(i)) {
                continue;
            }
            caps.add(new CpuDerivation.VmCap(vmIds[i], a.demandMhz(i), limitOf(a, i), a.vcpus(i), a.vcpuMhz(i),
                    a.pinCapMhz(i), a.capMhz(i), reason(a, i)));
            if (a.reservationMhz(i) > 0) {
                floors.add(new CpuDerivation.VmFloor(vmIds[i], (long) a.reservationMhz(i), a.floorMhz(i)));
                if (a.reservationMode() == ReservationMode.HELD && a.reservationMhz(i) > a.capMhz(i)) {
                    idle.add(new CpuDerivation.IdleReservation(vmIds[i], (long) a.reservationMhz(i), a.capMhz(i),
                            a.reservationMhz(i) - a.capMhz(i)));
                }
            }
        }
        steps.add(new CpuDerivation.Caps(caps));
        if (!floors.isEmpty()) {
            steps.add(new CpuDerivation.Floors(floors));
        }
        double available = a.capacityMhz() - a.heldIdleMhz();
        if (!idle.isEmpty()) {
            steps.add(new CpuDerivation.HeldIdle(idle, a.heldIdleMhz(), available));
        }
        PinnedFilling pins = a.pins();
        CpuDerivation.PinnedSets pinned = pins == null ? null : pinnedSets(a, pins, vmIds);
        boolean contended = a.sumCap() > available
                || (pinned != null && pinned.sets().stream().anyMatch(CpuDerivation.PinnedSet::tight));
        steps.add(new CpuDerivation.Contention(a.sumCap(), available, contended));
        int[] frozenBy = pins == null ? null : pins.frozenBy.clone();
        if (contended) {
            double[] byShares = a.bySharesOnly(); // after reading the pins: it refills them
            double level = a.levelMhzPerShare();
            long totalShares = 0;
            List<CpuDerivation.VmShare> shares = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!a.poweredOn(i)) {
                    continue;
                }
                totalShares += a.sharesTotal(i);
                shares.add(new CpuDerivation.VmShare(vmIds[i], a.sharesTotal(i), level * a.shares(i), byShares[i],
                        a.usedMhz(i), bound(a, i, frozenBy)));
            }
            steps.add(new CpuDerivation.SharesLevel(level, totalShares, shares));
            CpuDerivation.ReservationTopUp topUp = topUp(a, vmIds, byShares);
            if (topUp != null) {
                steps.add(topUp);
            }
        }
        if (pinned != null) {
            steps.add(pinned);
        }
        List<CpuDerivation.VmResult> results = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < n; i++) {
            if (a.poweredOn(i)) {
                results.add(new CpuDerivation.VmResult(vmIds[i], a.usedMhz(i), a.entitlementMhz(i)));
                used += a.usedMhz(i);
            }
        }
        steps.add(new CpuDerivation.Result(results, a.capacityMhz(), used, Math.max(0, a.capacityMhz() - used)));
        return new CpuDerivation(hostId, a.reservationMode(), steps);
    }

    private static long limitOf(FluidAllocator a, int i) {
        double l = a.limitMhz(i);
        return l == Double.POSITIVE_INFINITY ? CpuQos.NO_LIMIT : (long) l;
    }

    private static CapReason reason(FluidAllocator a, int i) {
        double c = a.capMhz(i);
        if (c == a.demandMhz(i)) {
            return CapReason.DEMAND;
        }
        if (c == a.limitMhz(i)) {
            return CapReason.LIMIT;
        }
        if (c == a.vcpuMhz(i)) {
            return CapReason.VCPUS;
        }
        return CapReason.PINNING;
    }

    private static Bound bound(FluidAllocator a, int i, int[] frozenBy) {
        if (frozenBy != null && frozenBy[i] != PinnedFilling.AT_CAP && frozenBy[i] < a.pins().constraintCount() - 1) {
            return Bound.PINNED_SET;
        }
        double u = a.usedMhz(i);
        if (u >= a.capMhz(i) - EPS_MHZ) {
            return Bound.CAP;
        }
        if (a.floorMhz(i) > 0 && u <= a.floorMhz(i) + EPS_MHZ && a.levelMhzPerShare() * a.shares(i) < a.floorMhz(i)) {
            return Bound.FLOOR;
        }
        return Bound.LEVEL;
    }

    private static CpuDerivation.ReservationTopUp topUp(FluidAllocator a, String[] vmIds, double[] byShares) {
        List<CpuDerivation.RaisedVm> raised = new ArrayList<>();
        double shortfall = 0;
        long giverShares = 0;
        List<Integer> givers = new ArrayList<>();
        for (int i = 0; i < a.vmCount(); i++) {
            if (!a.poweredOn(i)) {
                continue;
            }
            double diff = a.usedMhz(i) - byShares[i];
            if (diff > EPS_MHZ && a.reservationMhz(i) > 0) {
                raised.add(new CpuDerivation.RaisedVm(vmIds[i], (long) a.reservationMhz(i), byShares[i], a.usedMhz(i),
                        diff));
                shortfall += diff;
            } else if (diff < -EPS_MHZ) {
                givers.add(i);
                giverShares += a.sharesTotal(i);
            }
        }
        if (raised.isEmpty()) {
            return null;
        }
        List<CpuDerivation.Giver> list = new ArrayList<>();
        for (int i : givers) {
            list.add(new CpuDerivation.Giver(vmIds[i], a.sharesTotal(i), (double) a.sharesTotal(i) / giverShares,
                    byShares[i] - a.usedMhz(i)));
        }
        return new CpuDerivation.ReservationTopUp(raised, shortfall, giverShares, list);
    }

    private static CpuDerivation.PinnedSets pinnedSets(FluidAllocator a, PinnedFilling pins, String[] vmIds) {
        List<CpuDerivation.PinnedSet> sets = new ArrayList<>();
        for (int k = 0; k < pins.constraintCount() - 1; k++) {
            List<String> ids = new ArrayList<>();
            double used = 0;
            for (int i : pins.members(k)) {
                if (a.poweredOn(i)) {
                    ids.add(vmIds[i]);
                    used += a.usedMhz(i);
                }
            }
            double at = pins.tightAt[k];
            sets.add(new CpuDerivation.PinnedSet(a.pinSetCpus(k), pins.limitMhz(k), ids, used,
                    at != Double.POSITIVE_INFINITY, at));
        }
        return new CpuDerivation.PinnedSets(sets);
    }
}
