package org.virtlab.engine.cpu;

import org.virtlab.engine.SimRandom;

/**
 * Evaluates workloads tick by tick. The hidden state: a bursty source's phase (on or off) and the time
 * of its next switch, and when each VM's workload began (periodic and ramp shapes count from there). It
 * lives in arrays indexed by VM so that checkpoints are cheap copies.
 */
final class WorkloadState {
    private final boolean[] on;
    private final long[] switchAtMicros;
    private final long[] startMicros;

    WorkloadState(int vmCount) {
        on = new boolean[vmCount];
        switchAtMicros = new long[vmCount];
        startMicros = new long[vmCount];
    }

    private WorkloadState(boolean[] on, long[] switchAtMicros, long[] startMicros) {
        this.on = on;
        this.switchAtMicros = switchAtMicros;
        this.startMicros = startMicros;
    }

    WorkloadState copy() {
        return new WorkloadState(on.clone(), switchAtMicros.clone(), startMicros.clone());
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
}
