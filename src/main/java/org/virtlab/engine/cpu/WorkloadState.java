package org.virtlab.engine.cpu;

import java.util.List;
import org.virtlab.engine.SimRandom;

/**
 * Evaluates workloads tick by tick. The hidden state: a bursty source's phase (on or off) and the time
 * of its next switch, when each VM's workload began (periodic, ramp and trace shapes count from there),
 * and a trace's cursor (the index of the point in force at the last tick, so that the next tick only looks
 * forward from it). It lives in arrays indexed by VM so that checkpoints are cheap copies.
 */
final class WorkloadState {
    /** How far a trace's cursor walks forward point by point before it searches by halving instead. */
    private static final int WALK_LIMIT = 8;

    private final boolean[] on;
    private final long[] switchAtMicros;
    private final long[] startMicros;
    private final int[] cursor;

    WorkloadState(int vmCount) {
        on = new boolean[vmCount];
        switchAtMicros = new long[vmCount];
        startMicros = new long[vmCount];
        cursor = new int[vmCount];
    }

    private WorkloadState(boolean[] on, long[] switchAtMicros, long[] startMicros, int[] cursor) {
        this.on = on;
        this.switchAtMicros = switchAtMicros;
        this.startMicros = startMicros;
        this.cursor = cursor;
    }

    WorkloadState copy() {
        return new WorkloadState(on.clone(), switchAtMicros.clone(), startMicros.clone(), cursor.clone());
    }

    /** A switch time meaning "at the next tick", whatever its time: all real times are not negative. */
    private static final long AT_NEXT_TICK = -1;

    /**
     * Resets VM {@code i}'s phase when its workload is replaced: from the next tick on it runs as from time
     * zero (a quiet spell that ends at once, so a burst first).
     */
    void reset(int i) {
        on[i] = false;
        switchAtMicros[i] = AT_NEXT_TICK;
        startMicros[i] = AT_NEXT_TICK;
        cursor[i] = 0;
    }

    /** Demand of VM {@code i} as a percentage of one vCPU over the tick starting at {@code nowMicros}. */
    double percent(int i, Workload w, long nowMicros, SimRandom random) {
        if (w instanceof Workload.Idle idle) {
            return idle.percent();
        }
        if (w instanceof Workload.Constant c) {
            return c.percent();
        }
        if (startMicros[i] == AT_NEXT_TICK) {
            startMicros[i] = nowMicros;
        }
        long sinceStart = nowMicros - startMicros[i];
        if (w instanceof Workload.Periodic p) {
            long periodMicros = p.periodMillis() * 1000;
            double phase = 2 * Math.PI * (sinceStart % periodMicros) / periodMicros;
            double mid = (p.maxPercent() + p.minPercent()) / 2;
            double amplitude = (p.maxPercent() - p.minPercent()) / 2;
            return mid + amplitude * Math.sin(phase);
        }
        if (w instanceof Workload.Ramp r) {
            double f = Math.min(1.0, sinceStart / (r.durationMillis() * 1000.0));
            return r.fromPercent() + (r.toPercent() - r.fromPercent()) * f;
        }
        if (w instanceof Workload.Trace t) {
            return trace(i, t, sinceStart);
        }
        Workload.Bursty b = (Workload.Bursty) w;
        if (switchAtMicros[i] == AT_NEXT_TICK) {
            switchAtMicros[i] = nowMicros;
        }
        while (nowMicros >= switchAtMicros[i]) {
            on[i] = !on[i];
            double meanMicros = (on[i] ? b.meanOnMillis() : b.meanOffMillis()) * 1000.0;
            switchAtMicros[i] += Math.max(1L, Math.round(random.nextExponential(meanMicros)));
        }
        return on[i] ? b.onPercent() : b.offPercent();
    }

    /**
     * The percent of the last point at or before {@code sinceStartMicros} (within the round, for a looping
     * trace). Ticks move forward, so the cursor usually stays or moves one point: O(1) per tick; it falls
     * back to a binary search when the time went back (a new round) or jumped over many points.
     */
    private double trace(int i, Workload.Trace t, long sinceStartMicros) {
        List<Workload.Trace.Point> points = t.points();
        int n = points.size();
        long at = t.loop() ? sinceStartMicros % (t.periodMillis() * 1000) : sinceStartMicros;
        int k = cursor[i];
        if (k >= n || at < points.get(k).atMillis() * 1000) {
            k = search(points, 0, at);
        } else {
            int walked = 0;
            while (k + 1 < n && points.get(k + 1).atMillis() * 1000 <= at) {
                k++;
                if (++walked == WALK_LIMIT) {
                    k = search(points, k, at);
                    break;
                }
            }
        }
        cursor[i] = k;
        return points.get(k).percent();
    }

    /** The index of the last point from {@code from} on at or before {@code atMicros} (the first is at 0). */
    private static int search(List<Workload.Trace.Point> points, int from, long atMicros) {
        int lo = from; // points[lo] is at or before atMicros
        int hi = points.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (points.get(mid).atMillis() * 1000 <= atMicros) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
