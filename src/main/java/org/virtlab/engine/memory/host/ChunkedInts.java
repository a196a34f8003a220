package org.virtlab.engine.memory.host;

import java.util.Arrays;

/**
 * An int per index, in copy-on-write chunks like {@link ChunkedBytes} (1024 ints, 4 KiB): a host's page-sharing
 * counts per page of an OS image.
 */
final class ChunkedInts {
    static final int SHIFT = 10;
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private final int length;
    private final int[][] chunks;
    /** Whether chunk k may be written in place (no saved copy shares it). */
    private final boolean[] owned;
    /** The last {@link #frozenCopy()}, while nothing has been written since: the next save can share it. */
    private ChunkedInts frozen;

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
            frozen = null;
        }
        c[i & MASK] = value;
    }

    /** The same values over a longer range (the rest 0); chunks stay shared with this array's saved copies. */
    ChunkedInts grownTo(int newLength) {
        int[][] more = Arrays.copyOf(chunks, (newLength + CHUNK - 1) >>> SHIFT);
        Arrays.fill(owned, false);
        return new ChunkedInts(newLength, more);
    }

    /**
     * An unchangeable copy for a checkpoint; this array goes on, copying chunks as it writes them. When nothing
     * was written since the last one, that one is returned: an unchanged array costs a checkpoint nothing.
     */
    ChunkedInts frozenCopy() {
        if (frozen == null) {
            Arrays.fill(owned, false);
            frozen = new ChunkedInts(length, chunks.clone());
        }
        return frozen;
    }

    /** A live array with the values of this frozen one (a restore): it copies chunks as it writes them. */
    ChunkedInts thawedCopy() {
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
