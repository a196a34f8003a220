package org.virtlab.engine.io;

import java.util.Arrays;

/**
 * An int array that copies share until one of them writes: split into chunks of {@value #CHUNK} entries, a copy
 * takes the chunks by reference, and whichever side first writes to a shared chunk copies that chunk alone. So a
 * checkpoint of a 32768-entry virtqueue costs the chunks written since the one before, not the whole ring. A write of
 * the value already there copies nothing. Not thread-safe, as nothing in the engine is.
 */
final class CowInts {
    static final int SHIFT = 8;
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private final int length;
    private final int[][] chunks;
    /** Per chunk, whether this array is its only holder (may write it in place). */
    private final boolean[] owned;

    /** {@code length} zeros. */
    CowInts(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be ≥ 0, was " + length);
        }
        this.length = length;
        int n = (length + MASK) >>> SHIFT;
        chunks = new int[n][];
        owned = new boolean[n];
        for (int c = 0; c < n; c++) {
            chunks[c] = new int[Math.min(CHUNK, length - (c << SHIFT))];
            owned[c] = true;
        }
    }

    private CowInts(CowInts o) {
        length = o.length;
        chunks = o.chunks.clone();
        owned = new boolean[chunks.length];
    }

    /** An equal array sharing every chunk with this one; from now on each side copies a chunk before writing it. */
    CowInts copy() {
        Arrays.fill(owned, false);
        return new CowInts(this);
    }

    int length() {
        return length;
    }

    int get(int i) {
        return chunks[i >>> SHIFT][i & MASK];
    }

    void set(int i, int value) {
        int c = i >>> SHIFT;
        int[] chunk = chunks[c];
        int k = i & MASK;
        if (chunk[k] == value) {
            return;
        }
        if (!owned[c]) {
            chunk = chunk.clone();
            chunks[c] = chunk;
            owned[c] = true;
        }
        chunk[k] = value;
    }
}
