package org.virtlab.engine.io;

/**
 * Latencies in nanoseconds, counted in log-linear buckets (as HdrHistogram does): exact below 32 ns, then 32
 * buckets per power of two, so a percentile is reported within 1/32 (3.1 %) above the true value. Bounded memory
 * whatever the number of requests; deterministic.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 5;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = (63 - SUB_BITS + 1) * SUB;

    private final long[] counts;
    private long total;
    private int minIndex = Integer.MAX_VALUE;
    private int maxIndex = -1;

    LatencyHistogram() {
        counts = new long[BUCKETS];
    }

    private LatencyHistogram(LatencyHistogram o) {
        counts = o.counts.clone();
        total = o.total;
        minIndex = o.minIndex;
        maxIndex = o.maxIndex;
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
        counts[i]++;
        total++;
        minIndex = Math.min(minIndex, i);
        maxIndex = Math.max(maxIndex, i);
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
        for (int i = minIndex; i <= maxIndex; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return highestInBucket(i);
            }
        }
        return highestInBucket(maxIndex);
    }

    void clear() {
        if (maxIndex >= 0) {
            for (int i = minIndex; i <= maxIndex; i++) {
                counts[i] = 0;
            }
        }
        total = 0;
        minIndex = Integer.MAX_VALUE;
        maxIndex = -1;
    }
}
