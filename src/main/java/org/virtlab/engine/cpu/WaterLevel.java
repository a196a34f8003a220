package org.virtlab.engine.cpu;

import java.util.Arrays;

/**
 * The exact water level of a group of VMs: the λ (MHz per share) at which
 * Σ clamp(λ·s<sub>i</sub>, f<sub>i</sub>, c<sub>i</sub>) = K. The sum is continuous, non-decreasing and linear between
 * the breakpoints f<sub>i</sub>/s<sub>i</sub> and c<sub>i</sub>/s<sub>i</sub>, so after sorting the breakpoints a binary
 * search finds the segment that crosses K and one linear interpolation gives λ: exact, O(n log n).
 *
 * <p>Used off the hot path (pinned hosts, explanations); {@link FluidAllocator} has its own
 * allocation-free sweep for the common case.
 */
final class WaterLevel {
    private WaterLevel() {
    }

    /**
     * @param members indices of the group's VMs in the arrays
     * @param count   how many of {@code members} to use
     * @param points  scratch of length at least {@code 2 * count}
     * @return λ; requires Σ f &lt; k &lt; Σ c over the group
     */
    static double solve(int[] members, int count, double[] s, double[] f, double[] c, double k, double[] points) {
        int p = 0;
        for (int a = 0; a < count; a++) {
            int i = members[a];
            points[p++] = f[i] / s[i];
            points[p++] = c[i] / s[i];
        }
        Arrays.sort(points, 0, p);
        int lo = 0;
        int hi = p - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sum(members, count, s, f, c, points[mid]) >= k) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        double b = points[lo];
        double a = lo == 0 ? 0 : points[lo - 1];
        double fb = sum(members, count, s, f, c, b);
        double fa = sum(members, count, s, f, c, a);
        if (!(fb > fa)) {
            return b;
        }
        return Math.min(b, Math.max(a, a + (k - fa) * (b - a) / (fb - fa)));
    }

    /** Σ clamp(λ·s, f, c) over the group. */
    static double sum(int[] members, int count, double[] s, double[] f, double[] c, double level) {
        double total = 0;
        for (int a = 0; a < count; a++) {
            int i = members[a];
            total += clamp(level * s[i], f[i], c[i]);
        }
        return total;
    }

    static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : Math.min(x, hi);
    }
}
