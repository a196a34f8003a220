package org.virtlab.engine.io;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, counted in log-linear buckets (as HdrHistogram does): exact below 32 ns, then 32
 * buckets per power of two, so a percentile is reported within 1/32 (3.1 %) above the true value. Bounded memory
 * whatever the number of requests, and only the buckets between the lowest and the highest used are stored, so a
 * checkpoint's copy stays small; deterministic.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 5;
    private static final int SUB = 1 << SUB_BITS;

    /** counts[k] is bucket offset + k. */
    private long[] counts;
    private int offset;
    private long total;

    LatencyHistogram() {
        counts = new long[0];
    }

    private LatencyHistogram(LatencyHistogram o) {
        int lo = 0;
        int hi = o.counts.length;
        while (lo < hi && o.counts[lo] == 0) {
            lo++;
        }
        while (hi > lo && o.counts[hi - 1] == 0) {
            hi--;
        }
        counts = Arrays.copyOfRange(o.counts, lo, hi);
        offset = o.offset + lo;
        total = o.total;
    }

    LatencyHistogram copy() {
        return new LatencyHistogram(this);
    }

    static int index(long nanos) {
        if (nanos < SUB) {
            return (int) Math.max(0, nanos);
        }
        int exp = 63 - Long.numberOfLeadingZeros(nanos);
        int shift = exp - SUB_BITS;
        return (exp - SUB_BITS + 1) * SUB + (int) ((nanos >>> shift) - SUB);
    }

    /** The largest value that falls in bucket {@code i}. */
    static long highestInBucket(int i) {
        if (i < SUB) {
            return i;
        }
        int exp = i / SUB + SUB_BITS - 1;
        int shift = exp - SUB_BITS;
        long lowest = (long) (SUB + i % SUB) << shift;
        return lowest + (1L << shift) - 1;
    }

    void record(long nanos) {
        int i = index(nanos);
        if (counts.length == 0) {
            counts = new long[SUB];
            offset = Math.max(0, i - SUB / 2);
        }
        if (i < offset) {
            long[] wider = new long[counts.length + (offset - i)];
            System.arraycopy(counts, 0, wider, offset - i, counts.length);
            counts = wider;
            offset = i;
        } else if (i >= offset + counts.length) {
            counts = Arrays.copyOf(counts, i - offset + 1);
        }
        counts[i - offset]++;
        total++;
    }

    long count() {
        return total;
    }

    /**
     * The value at or below which {@code fraction} of the latencies lie (nearest rank), reported as the highest value
     * of its bucket; 0 when empty.
     */
    long percentile(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        int last = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] != 0) {
                last = k;
                seen += counts[k];
                if (seen >= rank) {
                    return highestInBucket(offset + k);
                }
            }
        }
        return highestInBucket(offset + last);
    }

    void clear() {
        counts = new long[0];
        offset = 0;
        total = 0;
    }
}
