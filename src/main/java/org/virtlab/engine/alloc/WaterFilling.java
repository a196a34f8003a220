package org.virtlab.engine.alloc;

import java.util.Arrays;

/**
 * Weighted water-filling with floors and caps: the one rule by which VirtLab shares a host's CPU
 * ({@code cpu.FluidAllocator}, {@code cpu.PinnedFilling}) and its memory ({@code memory.host.MemorySubsystem}).
 * Member i has shares s<sub>i</sub> &gt; 0, a floor f<sub>i</sub> (its reservation, as far as it can use it) and a cap
 * c<sub>i</sub> ≥ f<sub>i</sub> (what it wants, within its limit). It gets a<sub>i</sub> = clamp(λ·s<sub>i</sub>, f<sub>i</sub>, c<sub>i</sub>) for the one
 * level λ (capacity per share) at which Σ a<sub>i</sub> = K; when Σ c<sub>i</sub> ≤ K everyone gets its cap (λ = +∞), and when
 * Σ f<sub>i</sub> ≥ K the floors are scaled down in proportion (λ = 0). A reservation is thus a floor, not a head
 * start, and what a member does not want goes to the others by their shares. The course article's example
 * (../shared/reference/virtualization.md §1 and §2): 24 GHz or 24 GiB, shares 1:2:3, all wanting everything →
 * λ = K / 6 per share → 4 / 8 / 12.
 *
 * <h2>How λ is found</h2>
 * F(λ) = Σ clamp(λ·s<sub>i</sub>, f<sub>i</sub>, c<sub>i</sub>) is continuous, non-decreasing and linear between the breakpoints
 * f<sub>i</sub>/s<sub>i</sub> and c<sub>i</sub>/s<sub>i</sub>. An instance keeps the 2n breakpoints sorted (a total order: value, then
 * breakpoint number, so the order never depends on history), sweeps them once to get F's intercept and slope
 * after each one, and solves the crossing segment exactly. The sweep checks the previous call's order as it
 * goes (it usually still holds); when it does not, an insertion sort from where it broke, nearly linear when
 * few members change between calls, with a heapsort fallback when many do. After construction an instance
 * allocates nothing. The static {@link #solve} does the same for a subset of members from scratch, O(n log n),
 * for callers off the hot path.
 *
 * <p>The instance reads the caller's arrays of shares, floors and caps (it never writes them) at each
 * {@link #fill}; {@link #forget} must be called when a member's shares change, since its breakpoints are
 * recomputed only when its floor or cap changes.
 */
public final class WaterFilling {
    private final int n;
    private final double[] shares;
    private final double[] floor;
    private final double[] cap;

    /** Breakpoint e: member e/2's floor (e even) or cap (e odd) divided by its shares. */
    private final double[] evKey;
    /** Breakpoint e's step in F's intercept and slope: −floor and +shares (e even), +cap and −shares (e odd). */
    private final double[] evStepBase;
    private final double[] evStepSlope;
    /**
     * The floor and cap from which member i's two breakpoints were last computed: most caps stay the same
     * from one call to the next, and then so do their keys (no division). NaN (never equal) forces a refresh.
     */
    private final double[] keyedFloor;
    private final double[] keyedCap;
    /** Breakpoint numbers in sorted order; then, per position p, F's intercept and slope just after it. */
    private final int[] ev;
    private final double[] evBase;
    private final double[] evSlope;
    /** Per position p: the breakpoint's key and F there (evBase + evSlope × key), so searches read no ev[]. */
    private final double[] sortedKey;
    private final double[] sumAtKey;
    private boolean built;
    private double sumFloor;
    private double sumCap;

    /**
     * @param shares per member, &gt; 0
     * @param floor  per member, 0 ≤ floor ≤ cap
     * @param cap    per member
     */
    public WaterFilling(double[] shares, double[] floor, double[] cap) {
        if (shares.length != floor.length || floor.length != cap.length) {
            throw new IllegalArgumentException("shares, floors and caps must have one entry per member");
        }
        n = shares.length;
        this.shares = shares;
        this.floor = floor;
        this.cap = cap;
        evKey = new double[2 * n];
        evStepBase = new double[2 * n];
        evStepSlope = new double[2 * n];
        keyedFloor = new double[n];
        keyedCap = new double[n];
        Arrays.fill(keyedCap, Double.NaN);
        ev = new int[2 * n];
        evBase = new double[2 * n];
        evSlope = new double[2 * n];
        sortedKey = new double[2 * n];
        sumAtKey = new double[2 * n];
        for (int e = 0; e < ev.length; e++) {
            ev[e] = e;
        }
    }

    /** Member i's shares changed: its breakpoints are recomputed at the next {@link #fill}. */
    public void forget(int i) {
        keyedCap[i] = Double.NaN;
    }

    /**
     * Shares {@code k} among the members and writes each one's part to {@code out}.
     *
     * @param sumFloor Σ floor, as the caller summed it (in member order)
     * @param sumCap   Σ cap, likewise
     * @return λ, the capacity per share; +∞ when every member gets its cap, 0 when the floors alone do not fit
     */
    public double fill(double k, double sumFloor, double sumCap, double[] out) {
        this.sumFloor = sumFloor;
        this.sumCap = sumCap;
        built = false;
        if (sumCap <= k) {
            System.arraycopy(cap, 0, out, 0, n);
            return Double.POSITIVE_INFINITY;
        }
        if (sumFloor >= k) {
            scaleFloors(k, out);
            return 0;
        }
        buildEvents();
        double level = levelFor(k);
        for (int i = 0; i < n; i++) {
            out[i] = clamp(level * shares[i], floor[i], cap[i]);
        }
        return level;
    }

    /** Floors scaled to fit {@code k} (all 0 when there are none). */
    private void scaleFloors(double k, double[] out) {
        double scale = sumFloor > 0 ? Math.max(0, k) / sumFloor : 0;
        for (int i = 0; i < n; i++) {
            out[i] = floor[i] * scale;
        }
    }

    /**
     * What member j would get, the others as they were at the last {@link #fill}, if its floor and cap were
     * {@code f2} and {@code c2} (c2 &gt; its cap) and the capacity {@code t}: the hypothetical sum
     * G(λ) = F(λ) − clamp(λ s<sub>j</sub>, f<sub>j</sub>, c<sub>j</sub>) + clamp(λ s<sub>j</sub>, f2, c2). A binary search over the sorted
     * breakpoints (whose sweep gives F at each in O(1)) finds the crossing segment, in which only j's two new
     * breakpoints can lie, and one interpolation gives λ: O(log n). Requires Σ f − f<sub>j</sub> + f2 &lt; t &lt;
     * Σ c − c<sub>j</sub> + c2.
     *
     * @param f2Key f2 / s<sub>j</sub>, as the caller keeps it
     * @param c2Key c2 / s<sub>j</sub>, likewise
     */
    public double entitlement(int j, double f2, double c2, double f2Key, double c2Key, double t) {
        if (!built) {
            buildEvents();
        }
        int m = ev.length;
        int lo = 0;
        int hi = m;
        double s = shares[j];
        double f = floor[j];
        double c = cap[j];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            // hypothetical(j, ..., evBase[mid], evSlope[mid], key(mid)) with F there already summed
            double x = sortedKey[mid] * s;
            if (sumAtKey[mid] - clamp(x, f, c) + clamp(x, f2, c2) >= t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo == m) { // beyond every breakpoint the others are all at their caps
            return clamp(t - (sumCap - cap[j]), f2, c2);
        }
        double base = lo == 0 ? sumFloor : evBase[lo - 1];
        double slope = lo == 0 ? 0 : evSlope[lo - 1];
        double prev = lo == 0 ? 0 : sortedKey[lo - 1];
        double end = sortedKey[lo];
        double gPrev = hypothetical(j, c2, f2, base, slope, prev);
        for (int step = 0; step < 3; step++) {
            double point = step == 0 ? f2Key : step == 1 ? c2Key : end;
            if (!(point > prev) || point > end) {
                continue;
            }
            double g = hypothetical(j, c2, f2, base, slope, point);
            if (g >= t) {
                double level = g > gPrev ? prev + (t - gPrev) * (point - prev) / (g - gPrev) : point;
                return clamp(level * shares[j], f2, c2);
            }
            prev = point;
            gPrev = g;
        }
        return clamp(end * shares[j], f2, c2);
    }

    /** Member j's hypothetical sum G at λ, on a segment where F = base + slope·λ. */
    private double hypothetical(int j, double c2, double f2, double base, double slope, double level) {
        double x = level * shares[j];
        return base + slope * level - clamp(x, floor[j], cap[j]) + clamp(x, f2, c2);
    }

    // ---- breakpoints: sorted, swept, searched ----

    private void buildEvents() {
        for (int i = 0; i < n; i++) {
            double f = floor[i];
            double c = cap[i];
            if (f != keyedFloor[i] || c != keyedCap[i]) {
                keyedFloor[i] = f;
                keyedCap[i] = c;
                double s = shares[i];
                evKey[2 * i] = f / s;
                evKey[2 * i + 1] = c / s;
                evStepBase[2 * i] = -f;
                evStepBase[2 * i + 1] = c;
                evStepSlope[2 * i] = s;
                evStepSlope[2 * i + 1] = -s;
            }
        }
        // Usually last call's order still holds: the sweep checks it as it goes. The order is total, so
        // whichever way the breakpoints end up sorted, the result is the same.
        int unsorted = sweep();
        if (unsorted < ev.length) {
            sortEvents(unsorted);
            sweep();
        }
        built = true;
    }

    /**
     * F's intercept and slope after each breakpoint, in ev's order. Stops at the first breakpoint out of
     * order and returns its position (the work unfinished), else returns the number of breakpoints.
     */
    private int sweep() {
        // x + (−y) is x − y exactly (IEEE 754), so adding the signed steps is the same as branching on e's parity
        double base = sumFloor;
        double slope = 0;
        int prev = -1;
        double prevKey = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < ev.length; p++) {
            int e = ev[p];
            double key = evKey[e];
            if (key < prevKey || (key == prevKey && e < prev)) {
                return p;
            }
            prev = e;
            prevKey = key;
            base += evStepBase[e];
            slope += evStepSlope[e];
            evBase[p] = base;
            evSlope[p] = slope;
            sortedKey[p] = key;
            sumAtKey[p] = base + slope * key;
        }
        return ev.length;
    }

    private boolean before(int a, int b) {
        double ka = evKey[a];
        double kb = evKey[b];
        return ka < kb || (ka == kb && a < b);
    }

    /** Sorts ev, whose first {@code from} breakpoints are already in order. */
    private void sortEvents(int from) {
        int m = ev.length;
        long budget = 16L * m + 64;
        for (int a = Math.max(1, from); a < m; a++) {
            int e = ev[a];
            int b = a - 1;
            while (b >= 0 && before(e, ev[b])) {
                ev[b + 1] = ev[b];
                b--;
                if (--budget < 0) {
                    ev[b + 1] = e; // keep the permutation whole, then sort it all
                    heapSortEvents();
                    return;
                }
            }
            ev[b + 1] = e;
        }
    }

    private void heapSortEvents() {
        int m = ev.length;
        for (int i = m / 2 - 1; i >= 0; i--) {
            siftDown(i, m);
        }
        for (int end = m - 1; end > 0; end--) {
            int t = ev[0];
            ev[0] = ev[end];
            ev[end] = t;
            siftDown(0, end);
        }
    }

    private void siftDown(int i, int size) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && before(ev[child], ev[child + 1])) {
                child++;
            }
            if (!before(ev[i], ev[child])) {
                return;
            }
            int t = ev[i];
            ev[i] = ev[child];
            ev[child] = t;
            i = child;
        }
    }

    /** λ with F(λ) = k; requires Σ f &lt; k &lt; Σ c. */
    private double levelFor(double k) {
        int m = ev.length;
        int lo = 0;
        int hi = m - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sumAtKey[mid] >= k) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo == 0) {
            return sortedKey[0];
        }
        double slope = evSlope[lo - 1];
        if (!(slope > 0)) {
            return sortedKey[lo];
        }
        double level = (k - evBase[lo - 1]) / slope;
        return Math.min(sortedKey[lo], Math.max(sortedKey[lo - 1], level));
    }

    // ---- one group from scratch ----

    /**
     * The exact level of a group of members: the λ at which Σ clamp(λ·s<sub>i</sub>, f<sub>i</sub>, c<sub>i</sub>) = k over the
     * group. After sorting the breakpoints a binary search finds the segment that crosses k and one linear
     * interpolation gives λ: exact, O(n log n).
     *
     * @param members indices of the group's members in the arrays
     * @param count   how many of {@code members} to use
     * @param points  scratch of length at least {@code 2 * count}
     * @return λ; requires Σ f &lt; k &lt; Σ c over the group
     */
    public static double solve(int[] members, int count, double[] s, double[] f, double[] c, double k,
                               double[] points) {
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
    public static double sum(int[] members, int count, double[] s, double[] f, double[] c, double level) {
        double total = 0;
        for (int a = 0; a < count; a++) {
            int i = members[a];
            total += clamp(level * s[i], f[i], c[i]);
        }
        return total;
    }

    /** x within [lo, hi] (lo when x is below it, whatever hi is). */
    public static double clamp(double x, double lo, double hi) {
        return x < lo ? lo : Math.min(x, hi);
    }
}
