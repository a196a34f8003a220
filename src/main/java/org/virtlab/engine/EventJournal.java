package org.virtlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simulation's event journal: a ring of the newest {@link #capacity()} events in {@link SimEvent#ORDER}, kept
 * in primitive columns (no object per event; {@link SimEvent} records are built when read). Turned on with
 * {@link Simulation#enableJournal(int)}; read it between ticks, on the thread that runs the simulation.
 *
 * <p>The journal holds every event from {@link #startMicros()} on except the {@link #dropped()} oldest, which the
 * ring let go. A tick's events are gathered while it runs and put in order when it ends; a rewind removes the
 * events after the checkpoint it restores and the replay emits the rest again (see {@link Simulation#rewindTo}).
 */
public final class EventJournal implements EventSink {
    private static final EventKind[] KINDS = EventKind.values();

    private final int capacity;
    // the ring: slot (first + k) % capacity holds the k-th oldest event
    private final long[] at;
    private final byte[] sub;
    private final int[] serial;
    private final byte[] kind;
    private final String[] host;
    private final String[] vm;
    private final String[] device;
    private final String[] peer;
    private final Enum<?>[] cause;
    private final long[] a0;
    private final long[] a1;
    private final long[] a2;
    private int first;
    private int size;
    private long dropped;
    private long newestDroppedMicros = Long.MIN_VALUE;
    private long startMicros;

    // the tick being computed: its events in emission order
    private final Staged staged = new Staged();
    private long tickStart;
    private long tickLast;
    private int subsystem;

    EventJournal(int capacity, long startMicros) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a journal holds at least one event, capacity was " + capacity);
        }
        this.capacity = capacity;
        this.startMicros = startMicros;
        at = new long[capacity];
        sub = new byte[capacity];
        serial = new int[capacity];
        kind = new byte[capacity];
        host = new String[capacity];
        vm = new String[capacity];
        device = new String[capacity];
        peer = new String[capacity];
        cause = new Enum<?>[capacity];
        a0 = new long[capacity];
        a1 = new long[capacity];
        a2 = new long[capacity];
    }

    // ---- reading ----

    /** The most events held; older ones are dropped. */
    public int capacity() {
        return capacity;
    }

    /** Events held now. */
    public int size() {
        return size;
    }

    /** Events since {@link #startMicros()} that the ring let go to make room (the oldest). */
    public long dropped() {
        return dropped;
    }

    /** From when the journal is complete (but for the dropped): when it was turned on, or an earlier rewind target. */
    public long startMicros() {
        return startMicros;
    }

    /** The {@code i}-th oldest event held (0 ≤ i < size). */
    public SimEvent get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("event " + i + " of " + size);
        }
        int s = (first + i) % capacity;
        EventKind k = KINDS[kind[s]];
        Long[] args = new Long[k.arity()];
        for (int j = 0; j < args.length; j++) {
            args[j] = j == 0 ? a0[s] : j == 1 ? a1[s] : a2[s];
        }
        return new SimEvent(at[s], sub[s], serial[s], k, host[s], vm[s], device[s], peer[s], cause[s],
                Arrays.asList(args));
    }

    /** All events held, oldest first. */
    public List<SimEvent> events() {
        return events(0, size);
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive) of those held, oldest first. */
    public List<SimEvent> events(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("events " + from + " to " + to + " of " + size);
        }
        List<SimEvent> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(get(i));
        }
        return List.copyOf(out);
    }

    /** Index of the first event held at or after {@code micros} ({@link #size()} if none): for stepping and filters. */
    public int indexAt(long micros) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at[(first + mid) % capacity] < micros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---- emitting (the kernel and the subsystems) ----

    @Override
    public boolean on() {
        return true;
    }

    @Override
    public void emit(EventKind k, long atMicros, String hostId, String vmId, String deviceId, String peerId,
                     Enum<?> why, long x0, long x1, long x2) {
        long t = atMicros < tickStart ? tickStart : atMicros > tickLast ? tickLast : atMicros;
        staged.add(t, (byte) subsystem, k, hostId, vmId, deviceId, peerId, why, x0, x1, x2);
    }

    /** The tick {@code [startMicros, endMicros)} begins: inputs are delivered, then the subsystems step. */
    void beginTick(long startMicros, long endMicros) {
        if (staged.n > 0 && startMicros != tickStart) {
            throw new IllegalStateException("events of another tick were not put in the journal");
        }
        tickStart = startMicros;
        tickLast = endMicros - 1;
    }

    /** Events emitted from now on come from subsystem {@code index}. */
    void subsystem(int index) {
        subsystem = index;
    }

    /** How many events the tick has so far: {@link #rollBack} to it forgets those emitted after. */
    int mark() {
        return staged.n;
    }

    void rollBack(int mark) {
        staged.truncate(mark);
    }

    /** The tick ended: its events, in order, go into the ring. */
    void endTick() {
        int n = staged.n;
        if (n == 0) {
            return;
        }
        int[] order = staged.sorted();
        for (int k = 0; k < n; k++) {
            int i = order == null ? k : order[k];
            int s;
            if (size == capacity) {
                s = first;
                first = (first + 1) % capacity;
                dropped++;
                newestDroppedMicros = at[s];
            } else {
                s = (first + size) % capacity;
                size++;
            }
            at[s] = staged.at[i];
            sub[s] = staged.sub[i];
            serial[s] = i;
            kind[s] = staged.kind[i];
            host[s] = staged.host[i];
            vm[s] = staged.vm[i];
            device[s] = staged.device[i];
            peer[s] = staged.peer[i];
            cause[s] = staged.cause[i];
            a0[s] = staged.a0[i];
            a1[s] = staged.a1[i];
            a2[s] = staged.a2[i];
        }
        staged.truncate(0);
    }

    /**
     * The simulation went back to {@code micros} (a checkpoint's time): forgets the events at or after it and those
     * of an unfinished tick. If events the ring dropped may lie after it, or the journal started after it, the
     * journal starts there anew (the replay that follows emits everything from then on).
     */
    void truncateFrom(long micros) {
        staged.truncate(0);
        while (size > 0 && at[(first + size - 1) % capacity] >= micros) {
            int s = (first + size - 1) % capacity;
            host[s] = vm[s] = device[s] = peer[s] = null;
            cause[s] = null;
            size--;
        }
        if (startMicros > micros || dropped > 0 && newestDroppedMicros >= micros) {
            startMicros = micros;
            dropped = 0;
            newestDroppedMicros = Long.MIN_VALUE;
        }
    }

    /** A tick's events in emission order, in growable columns. */
    private static final class Staged {
        int n;
        long[] at = new long[64];
        byte[] sub = new byte[64];
        byte[] kind = new byte[64];
        String[] host = new String[64];
        String[] vm = new String[64];
        String[] device = new String[64];
        String[] peer = new String[64];
        Enum<?>[] cause = new Enum<?>[64];
        long[] a0 = new long[64];
        long[] a1 = new long[64];
        long[] a2 = new long[64];
        int[] order = new int[64];
        int[] scratch = new int[64];

        void add(long t, byte s, EventKind k, String h, String v, String d, String p, Enum<?> c,
                 long x0, long x1, long x2) {
            if (n == at.length) {
                grow();
            }
            at[n] = t;
            sub[n] = s;
            kind[n] = (byte) k.ordinal();
            host[n] = h;
            vm[n] = v;
            device[n] = d;
            peer[n] = p;
            cause[n] = c;
            a0[n] = x0;
            a1[n] = x1;
            a2[n] = x2;
            n++;
        }

        private void grow() {
            int m = at.length * 2;
            at = Arrays.copyOf(at, m);
            sub = Arrays.copyOf(sub, m);
            kind = Arrays.copyOf(kind, m);
            host = Arrays.copyOf(host, m);
            vm = Arrays.copyOf(vm, m);
            device = Arrays.copyOf(device, m);
            peer = Arrays.copyOf(peer, m);
            cause = Arrays.copyOf(cause, m);
            a0 = Arrays.copyOf(a0, m);
            a1 = Arrays.copyOf(a1, m);
            a2 = Arrays.copyOf(a2, m);
            order = new int[m];
            scratch = new int[m];
        }

        void truncate(int mark) {
            for (int i = mark; i < n; i++) {
                host[i] = vm[i] = device[i] = peer[i] = null;
                cause[i] = null;
            }
            n = mark;
        }

        private boolean before(int i, int j) {
            return at[i] < at[j] || at[i] == at[j] && sub[i] < sub[j];
        }

        /** Emission indices by (time, subsystem), stable so the serial breaks ties; null when already in order. */
        int[] sorted() {
            boolean inOrder = true;
            for (int i = 1; i < n && inOrder; i++) {
                inOrder = !before(i, i - 1);
            }
            if (inOrder) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // bottom-up merge sort: stable, no allocation
            int[] src = order;
            int[] dst = scratch;
            for (int width = 1; width < n; width *= 2) {
                for (int lo = 0; lo < n; lo += 2 * width) {
                    int mid = Math.min(lo + width, n);
                    int hi = Math.min(lo + 2 * width, n);
                    int i = lo;
                    int j = mid;
                    for (int k = lo; k < hi; k++) {
                        if (i < mid && (j >= hi || !before(src[j], src[i]))) {
                            dst[k] = src[i++];
                        } else {
                            dst[k] = src[j++];
                        }
                    }
                }
                int[] t = src;
                src = dst;
                dst = t;
            }
            return src;
        }
    }
}
