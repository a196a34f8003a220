package org.virtlab.engine.io;

import java.util.Arrays;

/**
 * The pending events of one device: a binary min-heap on primitive arrays, ordered totally by time, then by kind
 * (kinds are numbered in their tie-break priority), then by insertion serial, so ties never depend on anything
 * but the order of insertion.
 */
final class EventHeap {
    private long[] time;
    private int[] kind;
    private int[] arg;
    private long[] serial;
    private int size;
    private long nextSerial;
    /** The event {@link #pop()} took last. */
    long poppedTime;
    int poppedKind;
    int poppedArg;

    EventHeap(int capacity) {
        time = new long[capacity];
        kind = new int[capacity];
        arg = new int[capacity];
        serial = new long[capacity];
    }

    EventHeap copy() {
        EventHeap c = new EventHeap(0);
        c.time = Arrays.copyOf(time, Math.max(size, 1));
        c.kind = Arrays.copyOf(kind, Math.max(size, 1));
        c.arg = Arrays.copyOf(arg, Math.max(size, 1));
        c.serial = Arrays.copyOf(serial, Math.max(size, 1));
        c.size = size;
        c.nextSerial = nextSerial;
        return c;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long peekTime() {
        return time[0];
    }

    void clear() {
        size = 0;
    }

    void add(long t, int k, int a) {
        if (size == time.length) {
            int cap = Math.max(16, size * 2);
            time = Arrays.copyOf(time, cap);
            kind = Arrays.copyOf(kind, cap);
            arg = Arrays.copyOf(arg, cap);
            serial = Arrays.copyOf(serial, cap);
        }
        int i = size++;
        long s = nextSerial++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(t, k, s, parent)) {
                break;
            }
            set(i, time[parent], kind[parent], arg[parent], serial[parent]);
            i = parent;
        }
        set(i, t, k, a, s);
    }

    /** Removes the first event into {@link #poppedTime}, {@link #poppedKind}, {@link #poppedArg}. */
    void pop() {
        poppedTime = time[0];
        poppedKind = kind[0];
        poppedArg = arg[0];
        int last = --size;
        if (last == 0) {
            return;
        }
        long t = time[last];
        int k = kind[last];
        int a = arg[last];
        long s = serial[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            int right = child + 1;
            if (right < size && before(time[right], kind[right], serial[right], child)) {
                child = right;
            }
            if (!before(time[child], kind[child], serial[child], t, k, s)) {
                break;
            }
            set(i, time[child], kind[child], arg[child], serial[child]);
            i = child;
        }
        set(i, t, k, a, s);
    }

    private boolean before(long t, int k, long s, int j) {
        return before(t, k, s, time[j], kind[j], serial[j]);
    }

    private static boolean before(long t1, int k1, long s1, long t2, int k2, long s2) {
        if (t1 != t2) {
            return t1 < t2;
        }
        if (k1 != k2) {
            return k1 < k2;
        }
        return s1 < s2;
    }

    private void set(int i, long t, int k, int a, long s) {
        time[i] = t;
        kind[i] = k;
        arg[i] = a;
        serial[i] = s;
    }
}
