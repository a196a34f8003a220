package org.virtlab.engine.memory;

import java.util.Arrays;

/**
 * A set-associative cache with least-recently-used replacement, held in parallel primitive arrays (no
 * object per entry): the store behind the {@link Tlb}. An entry matches on a key and a tag (the address
 * space it belongs to); the set is chosen by the key's low bits (as a TLB indexes by the page number's low
 * bits). Recency is an access stamp per entry; stamp 0 marks an empty entry.
 */
final class LruArray {
    private final int ways;
    private final int setMask;
    private final long[] keys;
    private final int[] tags;
    private final long[] values;
    private final long[] stamps;
    private long clock;

    /** {@code entries / ways} sets; the caller guarantees that is a power of two. */
    LruArray(int entries, int ways) {
        int sets = entries / ways;
        if (ways < 1 || sets * ways != entries || Integer.bitCount(sets) != 1) {
            throw new IllegalArgumentException("entries / ways must be a power of two, was " + entries + " / " + ways);
        }
        this.ways = ways;
        this.setMask = sets - 1;
        this.keys = new long[entries];
        this.tags = new int[entries];
        this.values = new long[entries];
        this.stamps = new long[entries];
    }

    int entries() {
        return keys.length;
    }

    int ways() {
        return ways;
    }

    int sets() {
        return setMask + 1;
    }

    private int base(long key) {
        return (int) (key & setMask) * ways;
    }

    /** The slot holding (key, tag), marked most recently used; -1 if absent. */
    int find(long key, int tag) {
        int base = base(key);
        for (int i = base, end = base + ways; i < end; i++) {
            if (keys[i] == key && tags[i] == tag && stamps[i] != 0) {
                stamps[i] = ++clock;
                return i;
            }
        }
        return -1;
    }

    long value(int slot) {
        return values[slot];
    }

    /** Stores (key, tag) → value in its set, over the least recently used entry (an empty one has stamp 0). */
    void put(long key, int tag, long value) {
        int base = base(key);
        int victim = base;
        long oldest = stamps[base];
        for (int i = base + 1, end = base + ways; i < end; i++) {
            long stamp = stamps[i];
            if (stamp < oldest) {
                oldest = stamp;
                victim = i;
            }
        }
        keys[victim] = key;
        tags[victim] = tag;
        values[victim] = value;
        stamps[victim] = ++clock;
    }

    /** Empties the entry holding (key, tag); true if there was one. */
    boolean remove(long key, int tag) {
        int base = base(key);
        for (int i = base, end = base + ways; i < end; i++) {
            if (keys[i] == key && tags[i] == tag && stamps[i] != 0) {
                stamps[i] = 0;
                return true;
            }
        }
        return false;
    }

    /** Empties every entry with this tag. */
    void removeTag(int tag) {
        for (int i = 0; i < stamps.length; i++) {
            if (tags[i] == tag) {
                stamps[i] = 0;
            }
        }
    }

    void clear() {
        Arrays.fill(stamps, 0);
    }

    int size() {
        int n = 0;
        for (long s : stamps) {
            if (s != 0) {
                n++;
            }
        }
        return n;
    }
}
