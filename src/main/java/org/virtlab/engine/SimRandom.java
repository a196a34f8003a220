package org.virtlab.engine;

/**
 * The simulation's only source of chance: a SplitMix64 generator (Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014) whose whole state is one {@code long}, so a
 * checkpoint can save it and a replay can restore it exactly.
 *
 * <p>Owned by {@link Simulation}; subsystems borrow it through {@link StepContext}. Not thread-safe, as
 * nothing in the engine is.
 */
public final class SimRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    public SimRandom(long seed) {
        this.state = seed;
    }

    /** The generator's whole state, for checkpoints. */
    public long state() {
        return state;
    }

    /** Restores a state returned by {@link #state()}. */
    public void restore(long savedState) {
        this.state = savedState;
    }

    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A double uniformly distributed in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** An int uniformly distributed in [0, bound), bound &gt; 0, without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long m = (nextLong() >>> 33) * bound; // 31 random bits times bound fits in 62 bits
        long low = m & 0x7FFFFFFFL;
        if (low < bound) {
            long threshold = (0x80000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 33) * bound;
                low = m & 0x7FFFFFFFL;
            }
        }
        return (int) (m >>> 31);
    }

    /** An exponentially distributed value with the given mean (inverse transform sampling). */
    public double nextExponential(double mean) {
        return -mean * Math.log1p(-nextDouble());
    }
}
