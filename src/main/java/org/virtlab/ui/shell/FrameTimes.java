package org.virtlab.ui.shell;

import java.util.Arrays;

/**
 * The last N durations of the per-frame work on the FX thread, to check that the window stays smooth
 * (the CPU tab's budget: under 8 ms a frame). Touched only on the FX thread.
 */
public final class FrameTimes {
    private final long[] nanos;
    private int count;
    private int next;

    public FrameTimes(int capacity) {
        nanos = new long[capacity];
    }

    void record(long durationNanos) {
        nanos[next] = durationNanos;
        next = (next + 1) % nanos.length;
        count = Math.min(count + 1, nanos.length);
    }

    public int count() {
        return count;
    }

    public void clear() {
        count = 0;
        next = 0;
    }

    /** The q-quantile (0–1) of the recorded durations in milliseconds; 0 when none. */
    public double quantileMillis(double q) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int i = (int) Math.min(count - 1, Math.max(0, Math.round(q * (count - 1))));
        return sorted[i] / 1e6;
    }
}
