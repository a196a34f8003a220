package org.virtlab.engine.memory.host;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.alloc.WaterFilling;

/**
 * Decides, each tick, whom a host reclaims memory from, how much and how; and what each VM is entitled to. The
 * scratch arrays are per host slot; nothing here outlives a tick (so nothing is saved).
 *
 * <h2>Whom and how much: shares per page, with the idle tax</h2>
 * VM i holding P<sub>i</sub> pages with shares S<sub>i</sub> and active fraction f<sub>i</sub> has
 * ρ<sub>i</sub> = S<sub>i</sub> / (P<sub>i</sub> (f<sub>i</sub> + k (1 − f<sub>i</sub>))), k = 1 / (1 − τ) (Waldspurger, OSDI 2002, §5.2):
 * memory goes from the VM with the lowest ρ first, so idle pages cost their holder k times as much. Taking
 * from the lowest ρ until the ρ's are level is water-filling with shares s'<sub>i</sub> = S<sub>i</sub> / (f<sub>i</sub> + k (1 − f<sub>i</sub>)),
 * so the targets are {@link WaterFilling}'s, the same level that shares the CPU: each VM's floor its reservation
 * (at most what it holds: a reservation is kept once touched), its cap what it holds, the capacity what they
 * hold together minus the frames the host needs back. The VMs above their targets give the difference,
 * lowest ρ first, within this tick's rates.
 *
 * <h2>How: the host's state</h2>
 * In the soft state the balloon takes it (the guest gives pages it does not use first); only what a balloon
 * cannot take (no driver, a paused guest, a balloon at its maximum) is swapped. In the hard and low states the
 * balloon takes what it can this tick and the host swaps the rest. In the low state the VMs above their targets
 * also get no new frame this tick. A VM above its limit gives back the excess in any state, balloon first. In
 * the high state, balloons deflate as far as the free memory above the high threshold allows.
 *
 * <h2>Entitlement</h2>
 * What a VM would get of the whole host if every VM wanted all it may use: the same water level with the
 * capacity the host's memory, caps min(limit, configured, demand), floors the reservations. The course
 * article's example (virtualization.md §2): 24 GB, shares 1:2:3 → 4 / 8 / 12 GB; one capped at 8 → 8 for it.
 */
final class Reclaimer {
    private final int n;
    private final double[] shares;
    private final double[] floor;
    private final double[] cap;
    private final double[] target;
    private final WaterFilling targets;
    private final double[] grantFloor;
    private final double[] grantCap;
    private final WaterFilling grants;
    private final double[] rho;
    private final int[] order;
    private final long[] balloonLeft;
    private final long[] balloonStart;
    private final boolean[] stopped;
    private final double[] targetOf;

    Reclaimer(int slots) {
        n = slots;
        shares = new double[n];
        floor = new double[n];
        cap = new double[n];
        target = new double[n];
        targets = new WaterFilling(shares, floor, cap);
        grantFloor = new double[n];
        grantCap = new double[n];
        grants = new WaterFilling(shares, grantFloor, grantCap);
        rho = new double[n];
        order = new int[n];
        balloonLeft = new long[n];
        balloonStart = new long[n];
        stopped = new boolean[n];
        targetOf = new double[n];
    }

    int slots() {
        return n;
    }

    /**
     * One tick of reclamation on {@code host}.
     *
     * @param guests per slot, the VM's pages if it is on this host and powered on, else null
     * @param paused per slot, whether the VM is stopped (its balloon driver cannot run)
     */
    void reclaim(HostFrames host, GuestPages[] guests, boolean[] paused, String[] vmIds, long nowMicros,
                 double tickSeconds) {
        HostMemoryPolicy policy = host.policy();
        double balloonPerTick = policy.balloonMibPerSecond() * Pages.PER_MIB * tickSeconds;
        long swapStart = host.swapBudget(policy.swapOutMibPerSecond() * Pages.PER_MIB * tickSeconds);
        long swapLeft = swapStart;
        double sumCap = 0;
        double sumFloor = 0;
        for (int i = 0; i < n; i++) {
            GuestPages g = guests[i];
            if (g == null) {
                shares[i] = 1;
                floor[i] = 0;
                cap[i] = 0;
                rho[i] = Double.POSITIVE_INFINITY;
                balloonLeft[i] = 0;
                balloonStart[i] = 0;
                targetOf[i] = 0;
                continue;
            }
            double held = g.consumed(host);
            shares[i] = g.taxedShares(policy);
            rho[i] = held > 0 ? shares[i] / held : Double.POSITIVE_INFINITY;
            cap[i] = held;
            floor[i] = Math.min(g.reservationPages(), held);
            sumCap += cap[i];
            sumFloor += floor[i];
            stopped[i] = paused[i];
            balloonStart[i] = paused[i] ? 0 : g.balloonBudget(balloonPerTick);
            balloonLeft[i] = balloonStart[i];
            targetOf[i] = held;
            g.setLowBlocked(false);
        }
        MemoryState state = host.state();
        long freeAtStart = host.freePages();
        long need = state == MemoryState.HIGH ? 0 : Math.max(0, host.highFreePages() - freeAtStart);
        List<Reclamation.Action> actions = new ArrayList<>(0);
        if (need > 0) {
            // never below the floors: a touched reservation is kept, even if the high threshold is then missed
            targets.fill(Math.max(sumCap - need, sumFloor), sumFloor, sumCap, target);
            int count = byRho(guests);
            Reclamation.Reason reason = switch (state) {
                case SOFT -> Reclamation.Reason.HOST_SOFT;
                case HARD -> Reclamation.Reason.HOST_HARD;
                default -> Reclamation.Reason.HOST_LOW;
            };
            for (int a = 0; a < count; a++) {
                int i = order[a];
                GuestPages g = guests[i];
                targetOf[i] = target[i];
                double over = g.consumed(host) - target[i];
                if (state == MemoryState.LOW) {
                    g.setLowBlocked(over > 0);
                }
                swapLeft = take(host, g, i, pages(over), reason, vmIds[g.vm], actions, swapLeft);
            }
        }
        for (int i = 0; i < n; i++) {
            GuestPages g = guests[i];
            if (g != null && g.consumed(host) > g.limitPages()) {
                targetOf[i] = Math.min(targetOf[i], g.limitPages());
                swapLeft = take(host, g, i, pages(g.consumed(host) - g.limitPages()), Reclamation.Reason.OVER_LIMIT,
                        vmIds[g.vm], actions, swapLeft);
            }
        }
        if (state == MemoryState.HIGH) {
            deflate(host, guests, vmIds, actions);
        }
        for (int i = 0; i < n; i++) {
            if (guests[i] != null) {
                guests[i].spendBalloon(balloonStart[i] - balloonLeft[i]);
            }
        }
        host.spendSwap(swapStart - swapLeft);
        if (!actions.isEmpty()) {
            host.setLastReclamation(new Reclamation(nowMicros, state, freeAtStart, host.highFreePages(), need, actions));
        }
    }

    /** Whole pages to take for an excess of {@code over} (rounded up: a part of a shared frame is a page to give). */
    private static long pages(double over) {
        return over > 1e-9 ? (long) Math.ceil(over - 1e-9) : 0;
    }

    /** Slots of the present VMs that hold something, by ρ ascending, then slot; returns how many. */
    private int byRho(GuestPages[] guests) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (guests[i] != null && cap[i] > 0) {
                int j = count++;
                while (j > 0 && (rho[order[j - 1]] > rho[i])) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = i;
            }
        }
        return count;
    }

    /** Takes {@code pages} from the VM in slot i with the technique the reason allows; returns the swap left. */
    private long take(HostFrames host, GuestPages g, int i, long pages, Reclamation.Reason reason, String vmId,
                      List<Reclamation.Action> actions, long swapLeft) {
        if (pages <= 0) {
            return swapLeft;
        }
        HostMemoryPolicy policy = host.policy();
        long room = (long) Math.floor(policy.balloonMaxPercent() / 100 * g.pageCount) - g.ballooned();
        long ask = Math.min(pages, Math.min(balloonLeft[i], Math.max(0, room)));
        long used = host.usedPages();
        long ballooned = ask > 0 ? g.inflate(host, ask) : 0;
        balloonLeft[i] -= ballooned;
        if (ballooned > 0) {
            actions.add(new Reclamation.Action(vmId, Reclamation.Technique.BALLOON, reason, ballooned,
                    used - host.usedPages(), rho[i], targetOf[i]));
        }
        // soft state: swap only what no balloon can take (no driver, a stopped guest, a full balloon, nothing left
        // to give), not what this tick's balloon rate leaves for the next
        boolean balloonCannot = policy.balloonMibPerSecond() == 0 || stopped[i] || room - ballooned <= 0
                || ballooned < ask;
        boolean swap = reason != Reclamation.Reason.HOST_SOFT || balloonCannot;
        long rest = pages - ballooned;
        if (swap && rest > 0 && swapLeft > 0) {
            used = host.usedPages();
            long out = g.swapOut(host, Math.min(rest, swapLeft));
            swapLeft -= out;
            if (out > 0) {
                actions.add(new Reclamation.Action(vmId, Reclamation.Technique.SWAP, reason, out,
                        used - host.usedPages(), rho[i], targetOf[i]));
            }
        }
        return swapLeft;
    }

    /** High state: balloons give pages back while the free memory stays above the high threshold. */
    private void deflate(HostFrames host, GuestPages[] guests, String[] vmIds, List<Reclamation.Action> actions) {
        long headroom = host.freePages() - host.highFreePages();
        for (int i = 0; i < n && headroom > 0; i++) {
            GuestPages g = guests[i];
            if (g == null || g.ballooned() == 0) {
                continue;
            }
            double underLimit = g.limitPages() - g.consumed(host);
            long give = Math.min(Math.min(g.ballooned(), balloonLeft[i]), headroom);
            give = (long) Math.min(give, Math.max(0, Math.floor(underLimit)));
            if (give <= 0) {
                continue;
            }
            long given = g.deflate(give);
            balloonLeft[i] -= given;
            headroom -= given;
            actions.add(new Reclamation.Action(vmIds[g.vm], Reclamation.Technique.DEFLATE,
                    Reclamation.Reason.PRESSURE_ENDED, given, 0, rho[i], targetOf[i]));
        }
    }

    /**
     * Each present VM's entitlement (see the class comment) into {@code out} per slot; the shares are those of
     * the last {@link #reclaim}.
     */
    void grant(HostFrames host, GuestPages[] guests, double[] out) {
        double sumCap = 0;
        double sumFloor = 0;
        for (int i = 0; i < n; i++) {
            GuestPages g = guests[i];
            if (g == null) {
                grantCap[i] = 0;
                grantFloor[i] = 0;
                continue;
            }
            double c = Math.min(g.limitPages(), Math.min(g.pageCount, g.wantPages()));
            grantCap[i] = c;
            grantFloor[i] = Math.min(g.reservationPages(), c);
            sumCap += c;
            sumFloor += grantFloor[i];
        }
        grants.fill(host.physicalPages, sumFloor, sumCap, out);
    }
}
