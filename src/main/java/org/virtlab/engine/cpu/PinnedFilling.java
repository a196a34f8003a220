package org.virtlab.engine.cpu;

import java.util.Arrays;
import org.virtlab.engine.alloc.WaterFilling;

/**
 * Progressive filling for a host where some VMs are pinned. Every distinct pinned CPU set S adds a
 * constraint Σ<sub>VMs whose set ⊆ S</sub> a<sub>i</sub> ≤ cap(S); the whole host adds Σ a<sub>i</sub> ≤ K. One level λ rises
 * for all VMs not yet frozen (each at clamp(λ·s<sub>i</sub>, f<sub>i</sub>, c<sub>i</sub>)); the constraint that becomes
 * tight first (found exactly by {@link WaterFilling#solve}) freezes its VMs where they are, and λ goes on rising
 * for the others, until every constraint is tight or every VM sits at its cap.
 *
 * <p>If the floors of a constraint's unfrozen VMs alone exceed what it has left (reservations that
 * pinning or a hyper-threading factor below 1 cannot honour), those VMs are frozen at their floors scaled
 * down in proportion, so that no constraint is ever exceeded.
 */
final class PinnedFilling {
    /** Marks a VM frozen at its own cap, not by a constraint. */
    static final int AT_CAP = -1;

    private final int[][] members;
    private final double[] limitMhz;
    private final boolean[] frozen;
    private final boolean[] live;
    private final int[] active;
    private final double[] points;
    /** Per VM after {@link #fill}: the constraint that froze it, or {@link #AT_CAP}. */
    final int[] frozenBy;
    /** Per constraint after {@link #fill}: the level at which it became tight, or +∞ if it never did. */
    final double[] tightAt;

    /**
     * @param members  per constraint, the VMs it holds; the last constraint must be the whole host
     * @param limitMhz per constraint, its capacity; the last entry is replaced by each call's host capacity
     */
    PinnedFilling(int vmCount, int[][] members, double[] limitMhz) {
        this.members = members;
        this.limitMhz = limitMhz.clone();
        frozen = new boolean[vmCount];
        live = new boolean[members.length];
        active = new int[vmCount];
        points = new double[2 * vmCount];
        frozenBy = new int[vmCount];
        tightAt = new double[members.length];
    }

    int constraintCount() {
        return members.length;
    }

    int[] members(int k) {
        return members[k];
    }

    double limitMhz(int k) {
        return limitMhz[k];
    }

    /** Fills {@code out} with each VM's allocation; {@code hostMhz} is what the whole host can give. */
    void fill(double[] s, double[] f, double[] c, double hostMhz, double[] out) {
        int host = members.length - 1;
        limitMhz[host] = hostMhz;
        Arrays.fill(live, true);
        Arrays.fill(tightAt, Double.POSITIVE_INFINITY);
        Arrays.fill(frozenBy, AT_CAP);
        for (int i = 0; i < frozen.length; i++) {
            frozen[i] = !(c[i] > 0);
            if (frozen[i]) {
                out[i] = 0;
            }
        }
        while (true) {
            int best = -1;
            double bestLevel = Double.POSITIVE_INFINITY;
            for (int k = 0; k < members.length; k++) {
                if (!live[k]) {
                    continue;
                }
                double level = levelOf(k, s, f, c, out);
                if (level == Double.POSITIVE_INFINITY) {
                    live[k] = false; // never tight: its unfrozen VMs fit even at their caps
                } else if (level < bestLevel) {
                    best = k;
                    bestLevel = level;
                }
            }
            if (best < 0) {
                break;
            }
            freeze(best, bestLevel, s, f, c, out);
        }
        for (int i = 0; i < frozen.length; i++) {
            if (!frozen[i]) {
                out[i] = c[i];
                frozen[i] = true;
            }
        }
    }

    /** The level at which constraint k becomes tight: +∞ never, below 0 when over-full with floors alone. */
    private double levelOf(int k, double[] s, double[] f, double[] c, double[] out) {
        double target = limitMhz[k];
        int count = 0;
        double sumC = 0;
        double sumF = 0;
        for (int i : members[k]) {
            if (frozen[i]) {
                target -= out[i];
            } else {
                active[count++] = i;
                sumC += c[i];
                sumF += f[i];
            }
        }
        if (count == 0 || sumC <= target) {
            return Double.POSITIVE_INFINITY;
        }
        if (sumF >= target) {
            // over-full: below every real level, the most over-full first (so its scaling leaves the others room)
            return (sumF > 0 ? Math.max(0, target) / sumF : 0) - 2;
        }
        return WaterFilling.solve(active, count, s, f, c, target, points);
    }

    private void freeze(int k, double level, double[] s, double[] f, double[] c, double[] out) {
        double target = limitMhz[k];
        double sumF = 0;
        for (int i : members[k]) {
            if (frozen[i]) {
                target -= out[i];
            } else {
                sumF += f[i];
            }
        }
        double scale = sumF > 0 ? Math.max(0, target) / sumF : 0;
        for (int i : members[k]) {
            if (!frozen[i]) {
                out[i] = level < 0 ? f[i] * scale : WaterFilling.clamp(level * s[i], f[i], c[i]);
                frozen[i] = true;
                frozenBy[i] = k;
            }
        }
        tightAt[k] = Math.max(0, level);
        live[k] = false;
    }
}
