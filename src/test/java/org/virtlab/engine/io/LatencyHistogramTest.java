package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.virtlab.engine.SimRandom;

/** The latency histogram's percentiles: exact below 32 ns, within 1/32 above (HdrHistogram's log-linear buckets). */
class LatencyHistogramTest {

    @Test
    void smallValuesAreExactAndEveryBucketHoldsItsOwnRange() {
        for (long v = 0; v < 32; v++) {
            assertEquals(v, LatencyHistogram.highestInBucket(LatencyHistogram.index(v)));
        }
        // 32 to 63 ns: exact too (32 buckets of 1 ns); 64 to 127 ns: buckets of 2 ns
        assertEquals(63, LatencyHistogram.highestInBucket(LatencyHistogram.index(63)));
        assertEquals(65, LatencyHistogram.highestInBucket(LatencyHistogram.index(64)));
        // between 8,192 and 16,383 ns buckets are 256 ns wide: 10,000 ns lies in [9,984, 10,239]
        assertEquals(10_239, LatencyHistogram.highestInBucket(LatencyHistogram.index(10_000)));
        for (long v = 1; v < Long.MAX_VALUE / 4; v = v * 3 + 1) {
            long high = LatencyHistogram.highestInBucket(LatencyHistogram.index(v));
            assertTrue(high >= v && high - v <= v / 32, "v " + v + " → " + high);
        }
    }

    @Test
    void theNinetyNinthPercentileIsTheNearestRankWithinABucket() {
        // 1 … 10,000 ns once each: the 99th percentile by nearest rank is 9,900 ns
        LatencyHistogram h = new LatencyHistogram();
        SimRandom r = new SimRandom(3);
        long[] values = new long[10_000];
        for (int k = 0; k < values.length; k++) {
            values[k] = k + 1;
        }
        for (int k = values.length - 1; k > 0; k--) { // recorded in a random order
            int j = r.nextInt(k + 1);
            long t = values[k];
            values[k] = values[j];
            values[j] = t;
            h.record(values[k]);
        }
        h.record(values[0]);
        long p99 = h.percentile(0.99);
        assertTrue(p99 >= 9_900 && p99 <= 9_900 + 9_900 / 32, "p99 " + p99);
        LatencyHistogram copy = h.copy();
        assertEquals(p99, copy.percentile(0.99));
        assertEquals(10_000, copy.count());
        h.clear();
        assertEquals(0, h.percentile(0.99));
        assertEquals(p99, copy.percentile(0.99));
    }
}
