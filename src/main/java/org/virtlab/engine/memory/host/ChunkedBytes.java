package org.virtlab.engine.memory.host;

import java.util.Arrays;

/**
 * A byte per index in chunks of {@value #CHUNK} (8 KiB), allocated on the first write that is not 0 and
 * shared copy-on-write with saved copies: {@link #frozenCopy()} costs one reference per chunk, and afterwards
 * each side copies a chunk the first time it writes it. So a checkpoint of a guest's page states costs what
 * changed since the last one, not the guest's size, and a guest's untouched memory costs nothing.
 */
final class ChunkedBytes {
    static final int SHIFT = 13;
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private final int length;
    private final byte[][] chunks;
    /** Whether chunk k may be written in place (no saved copy shares it). */
    private final boolean[] owned;
    /** The last {@link #frozenCopy()}, while nothing has been written since: the next save can share it. */
    private ChunkedBytes frozen;

    ChunkedBytes(int length) {
        this(length, new byte[chunkCount(length)][]);
    }

    private ChunkedBytes(int length, byte[][] chunks) {
        this.length = length;
        this.chunks = chunks;
        this.owned = new boolean[chunks.length];
    }

    static int chunkCount(int length) {
        return (length + CHUNK - 1) >>> SHIFT;
    }

    int length() {
        return length;
    }

    byte get(int i) {
        byte[] c = chunks[i >>> SHIFT];
        return c == null ? 0 : c[i & MASK];
    }

    void set(int i, byte value) {
        int k = i >>> SHIFT;
        byte[] c = chunks[k];
        if (!owned[k]) {
            if (c == null && value == 0) {
                return;
            }
            c = c == null ? new byte[CHUNK] : c.clone();
            chunks[k] = c;
            owned[k] = true;
            frozen = null;
        }
        c[i & MASK] = value;
    }

    /** Whether chunk k has never held anything but zeros (so every index in it reads 0). */
    boolean chunkEmpty(int k) {
        return chunks[k] == null;
    }

    /**
     * An unchangeable copy for a checkpoint; this array goes on, copying chunks as it writes them. When nothing
     * was written since the last one, that one is returned: an unchanged array costs a checkpoint nothing.
     */
    ChunkedBytes frozenCopy() {
        if (frozen == null) {
            Arrays.fill(owned, false);
            frozen = new ChunkedBytes(length, chunks.clone());
        }
        return frozen;
    }

    /** A live array with the values of this frozen one (a restore): it copies chunks as it writes them. */
    ChunkedBytes thawedCopy() {
        return new ChunkedBytes(length, chunks.clone());
    }

    /** Bytes held, for the heap estimate in tests and benchmarks. */
    long chunkBytes() {
        long total = 0;
        for (byte[] c : chunks) {
            total += c == null ? 0 : c.length;
        }
        return total;
    }
}
