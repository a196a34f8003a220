package org.virtlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimRandomTest {

    @Test
    void seedZeroStartsWithTheSplitMix64ReferenceValue() {
        // First output of SplitMix64 seeded with 0 (Vigna's reference splitmix64.c; Steele, Lea and Flood 2014)
        assertEquals(0xE220A8397B1DCDAFL, new SimRandom(0).nextLong());
    }

    @Test
    void nextLongMatchesSplittableRandomWithTheSameSeed() {
        // java.util.SplittableRandom(seed) is SplitMix64 with the golden gamma 0x9E3779B97F4A7C15 and the
        // same mix64 (Stafford variant 13), so it is an independent reference for the whole sequence.
        for (long seed : new long[] {0, 1, 42, -1, Long.MIN_VALUE}) {
            SimRandom ours = new SimRandom(seed);
            SplittableRandom reference = new SplittableRandom(seed);
            for (int i = 0; i < 1_000; i++) {
                assertEquals(reference.nextLong(), ours.nextLong(), "seed " + seed + ", draw " + i);
            }
        }
    }

    @Test
    void nextDoubleMatchesSplittableRandomWithTheSameSeed() {
        // both take the top 53 bits × 2^-53
        SimRandom ours = new SimRandom(42);
        SplittableRandom reference = new SplittableRandom(42);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(reference.nextDouble(), ours.nextDouble());
        }
    }

    @Test
    void sameSeedGivesTheSameSequence() {
        SimRandom a = new SimRandom(123);
        SimRandom b = new SimRandom(123);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void restoringASavedStateContinuesIdentically() {
        SimRandom r = new SimRandom(99);
        for (int i = 0; i < 17; i++) {
            r.nextLong();
        }
        long saved = r.state();
        long[] expected = new long[100];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = r.nextLong();
        }
        SimRandom other = new SimRandom(0);
        other.restore(saved);
        r.restore(saved);
        for (long e : expected) {
            assertEquals(e, r.nextLong());
            assertEquals(e, other.nextLong());
        }
    }

    @Test
    void nextDoubleStaysInTheHalfOpenUnitInterval() {
        SimRandom r = new SimRandom(5);
        for (int i = 0; i < 100_000; i++) {
            double d = r.nextDouble();
            assertTrue(d >= 0.0 && d < 1.0, () -> "got " + d);
        }
    }

    @Test
    void nextIntStaysInRangeAndFillsBucketsRoughlyEvenly() {
        SimRandom r = new SimRandom(2024);
        int bound = 10;
        int draws = 100_000;
        int[] counts = new int[bound];
        for (int i = 0; i < draws; i++) {
            int v = r.nextInt(bound);
            assertTrue(v >= 0 && v < bound, () -> "got " + v);
            counts[v]++;
        }
        // expected 10 000 per bucket, standard deviation ≈ √(10 000 × 0.9) ≈ 95; allow ±5 %, over 5 σ
        for (int c : counts) {
            assertTrue(Math.abs(c - draws / bound) < draws / bound / 20, () -> "bucket count " + c);
        }
    }

    @Test
    void nextIntHandlesBoundOneAndBoundsThatAreNotPowersOfTwo() {
        SimRandom r = new SimRandom(8);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(0, r.nextInt(1));
            int big = r.nextInt(Integer.MAX_VALUE);
            assertTrue(big >= 0 && big < Integer.MAX_VALUE);
            int odd = r.nextInt(3);
            assertTrue(odd >= 0 && odd < 3);
        }
    }

    @Test
    void nextIntRefusesANonPositiveBound() {
        assertThrows(IllegalArgumentException.class, () -> new SimRandom(1).nextInt(0));
        assertThrows(IllegalArgumentException.class, () -> new SimRandom(1).nextInt(-3));
    }

    @Test
    void nextExponentialHasTheRequestedMean() {
        SimRandom r = new SimRandom(77);
        int draws = 200_000;
        double mean = 250.0;
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            double x = r.nextExponential(mean);
            assertTrue(x >= 0 && Double.isFinite(x));
            sum += x;
        }
        // the sample mean's standard error is mean / √200 000 ≈ 0.22 %: 2 % is about 9 σ
        assertEquals(mean, sum / draws, mean * 0.02);
    }
}
