package org.virtlab.engine.memory.host;

import java.util.Arrays;

/**
 * An int per index, in copy-on-write chunks like {@link ChunkedBytes} (4096 ints, 16 KiB): a host's page-sharing
 * counts per page of an OS image.
 */
final class ChunkedInts {
    static final int SHIFT = 12;
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private final int length;
    private final int[][] chunks;
    private final boolean[] owned;

    ChunkedInts(int length) {
        this(length, new int[(length + CHUNK - 1) >>> SHIFT][]);
    }

    private ChunkedInts(int length, int[][] chunks) {
        this.length = length;
        this.chunks = chunks;
        this.owned = new boolean[chunks.length];
    }

    int length() {
        return length;
    }

    int get(int i) {
        int[] c = chunks[i >>> SHIFT];
        return c == null ? 0 : c[i & MASK];
    }

    void set(int i, int value) {
        int k = i >>> SHIFT;
        int[] c = chunks[k];
        if (!owned[k]) {
            if (c == null && value == 0) {
                return;
            }
            c = c == null ? new int[CHUNK] : c.clone();
            chunks[k] = c;
            owned[k] = true;
        }
        c[i & MASK] = value;
    }

    /** The same values over a longer range (the rest 0); chunks stay shared with this array's saved copies. */
    ChunkedInts grownTo(int newLength) {
        int[][] more = Arrays.copyOf(chunks, (newLength + CHUNK - 1) >>> SHIFT);
        Arrays.fill(owned, false);
        return new ChunkedInts(newLength, more);
    }

    ChunkedInts frozenCopy() {
        Arrays.fill(owned, false);
        return new ChunkedInts(length, chunks.clone());
    }

    long chunkBytes() {
        long total = 0;
        for (int[] c : chunks) {
            total += c == null ? 0 : 4L * c.length;
        }
        return total;
    }
}
