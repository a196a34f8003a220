package org.virtlab.engine.io;

import java.util.Arrays;

/**
 * An int array whose copies share what did not change: the array a simulation works on is a plain array, with a
 * flag per chunk of {@value #CHUNK} entries written since its last copy; a copy is frozen, a list of chunks that
 * reuses the previous copy's chunk wherever nothing was written since. So a checkpoint of a 32768-entry virtqueue
 * costs the chunks written since the checkpoint before, not the whole ring, and reading or writing costs what a
 * plain array costs (plus a flag on a write). A write of the value already there marks nothing.
 *
 * <p>A frozen copy's chunks are never written. Copying a frozen array gives a working one; using a frozen one
 * (get, set) first turns it into a working one, with an array of its own. Not thread-safe, as nothing in the engine
 * is.
 *
 * <p>{@link CowLongs} is this class again for another primitive type, on purpose: get and set are the virtqueue's
 * per-request hot path, and Java has no generics over primitives, so a shared version must either box, reach the
 * values through an abstract accessor or a cast, or leave the typed accessors in each class anyway (a base class
 * {@code CowArray<A, S>} holding only copy and thaw was tried: it kept 58 lines a class and added a third file, and
 * VirtqueueBenchmark on the shared 2 cores at load 8-12 could not show it to be as fast). A change to one is a
 * change to both; CowArraysTest covers both.
 */
final class CowInts {
    static final int SHIFT = 8;
    static final int CHUNK = 1 << SHIFT;

    private final int length;
    /** The values, when working; null while frozen. */
    private int[] values;
    /** Working: per chunk, whether it was written since {@link #frozen} was taken from it. */
    private boolean[] dirty;
    /** The chunks of the last frozen copy (working), or of this copy (frozen); null before the first copy. */
    private int[][] frozen;

    /** {@code length} zeros. */
    CowInts(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be ≥ 0, was " + length);
        }
        this.length = length;
        values = new int[length];
        dirty = new boolean[chunks(length)];
    }

    private CowInts(int length, int[][] frozen) {
        this.length = length;
        this.frozen = frozen;
    }

    private static int chunks(int length) {
        return (length + CHUNK - 1) >>> SHIFT;
    }

    /**
     * An equal, independent array. Of a working array: a frozen copy that reuses the last copy's unchanged chunks.
     * Of a frozen one: a working array.
     */
    CowInts copy() {
        if (values == null) {
            return new CowInts(length, frozen).thaw();
        }
        int n = dirty.length;
        int[][] chunks = new int[n][];
        for (int c = 0; c < n; c++) {
            chunks[c] = frozen != null && !dirty[c] ? frozen[c]
                    : Arrays.copyOfRange(values, c << SHIFT, Math.min(length, (c + 1) << SHIFT));
        }
        frozen = chunks;
        Arrays.fill(dirty, false);
        return new CowInts(length, chunks);
    }

    private CowInts thaw() {
        int[] v = new int[length];
        for (int c = 0; c < frozen.length; c++) {
            System.arraycopy(frozen[c], 0, v, c << SHIFT, frozen[c].length);
        }
        dirty = new boolean[frozen.length];
        values = v;
        return this;
    }

    int length() {
        return length;
    }

    int get(int i) {
        int[] v = values;
        return (v != null ? v : thaw().values)[i];
    }

    void set(int i, int value) {
        int[] v = values;
        if (v == null) {
            v = thaw().values;
        }
        if (v[i] != value) {
            v[i] = value;
            dirty[i >>> SHIFT] = true;
        }
    }
}
