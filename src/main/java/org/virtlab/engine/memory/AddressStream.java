package org.virtlab.engine.memory;

import java.util.Objects;
import org.virtlab.engine.SimRandom;

/**
 * The addresses of an {@link AccessPattern}, one per call, for several address spaces at once: each keeps
 * its own place in a sequential or strided pattern (every process scans its own memory); the random
 * shapes draw from the one generator they are given. Allocates nothing per address.
 */
public final class AddressStream {
    private final long start;
    private final long step;
    private final long words;
    private final long[] taken;
    private final SimRandom random;

    /** A stream for address spaces 0 to {@code spaces − 1}. */
    public AddressStream(AccessPattern pattern, int spaces, SimRandom random) {
        Objects.requireNonNull(pattern, "pattern");
        this.random = Objects.requireNonNull(random, "random");
        if (spaces < 1) {
            throw new IllegalArgumentException("spaces must be at least 1, was " + spaces);
        }
        this.start = pattern.startAddress();
        this.taken = new long[spaces];
        if (pattern instanceof AccessPattern.Sequential s) {
            step = s.accessBytes();
            words = 0;
        } else if (pattern instanceof AccessPattern.Strided s) {
            step = s.strideBytes();
            words = 0;
        } else if (pattern instanceof AccessPattern.Random r) {
            step = 0;
            words = r.spanBytes() / AccessPattern.WORD_BYTES;
        } else {
            step = 0;
            words = ((AccessPattern.WorkingSet) pattern).sizeBytes() / AccessPattern.WORD_BYTES;
        }
    }

    /** The next address touched in address space {@code space}. */
    public long next(int space) {
        if (words == 0) {
            return start + taken[space]++ * step;
        }
        return start + (long) (random.nextDouble() * words) * AccessPattern.WORD_BYTES;
    }
}
