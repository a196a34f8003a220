package org.virtlab.engine.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The most recent events of a device: a ring of {@value #CAPACITY} on primitive arrays. */
final class EventLog {
    static final int CAPACITY = 256;
    private static final IoEventKind[] KINDS = IoEventKind.values();
    private static final ExitReason[] REASONS = ExitReason.values();

    private final long[] at;
    private final byte[] kind;
    private final byte[] reason;
    private final int[] head;
    private final int[] idx;
    private int next;
    private int count;

    EventLog() {
        at = new long[CAPACITY];
        kind = new byte[CAPACITY];
        reason = new byte[CAPACITY];
        head = new int[CAPACITY];
        idx = new int[CAPACITY];
    }

    private EventLog(EventLog o) {
        at = o.at.clone();
        kind = o.kind.clone();
        reason = o.reason.clone();
        head = o.head.clone();
        idx = o.idx.clone();
        next = o.next;
        count = o.count;
    }

    EventLog copy() {
        return new EventLog(this);
    }

    void add(long atNanos, IoEventKind k, int h, int i) {
        add(atNanos, k, -1, h, i);
    }

    void exit(long atNanos, ExitReason r) {
        add(atNanos, IoEventKind.VM_EXIT, r.ordinal(), -1, -1);
    }

    private void add(long atNanos, IoEventKind k, int r, int h, int i) {
        at[next] = atNanos;
        kind[next] = (byte) k.ordinal();
        reason[next] = (byte) r;
        head[next] = h;
        idx[next] = i;
        next = (next + 1) % CAPACITY;
        count = Math.min(CAPACITY, count + 1);
    }

    /** The events kept, oldest first, sorted by time (stable: events of one instant stay in the order logged). */
    List<IoSnapshot.Event> toList() {
        List<IoSnapshot.Event> list = new ArrayList<>(count);
        int first = (next - count + CAPACITY) % CAPACITY;
        for (int k = 0; k < count; k++) {
            int i = (first + k) % CAPACITY;
            list.add(new IoSnapshot.Event(at[i], KINDS[kind[i]], reason[i] < 0 ? null : REASONS[reason[i]], head[i],
                    idx[i]));
        }
        list.sort(Comparator.comparingLong(IoSnapshot.Event::atNanos));
        return List.copyOf(list);
    }
}
