package org.virtlab.engine.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.EventSink;

/**
 * The most recent events of a device: a ring of {@value #CAPACITY} on primitive arrays. While the device plays a
 * tick (or takes an input) the simulation's journal is attached: the events a person steps through
 * ({@link #JOURNALED}) go there too. The attachment is not state: copies have none.
 */
final class EventLog {
    static final int CAPACITY = 256;
    private static final IoEventKind[] KINDS = IoEventKind.values();
    private static final ExitReason[] REASONS = ExitReason.values();
    /** Each kind's journal kind; null for the back-end's own steps, which the device's timeline shows. */
    private static final EventKind[] JOURNALED = new EventKind[KINDS.length];

    static {
        JOURNALED[IoEventKind.SUBMIT.ordinal()] = EventKind.REQUEST_SUBMIT;
        JOURNALED[IoEventKind.DOORBELL.ordinal()] = EventKind.DOORBELL;
        JOURNALED[IoEventKind.KICK.ordinal()] = EventKind.VIRTQUEUE_KICK;
        JOURNALED[IoEventKind.KICK_SUPPRESSED.ordinal()] = EventKind.KICK_SUPPRESSED;
        JOURNALED[IoEventKind.VM_EXIT.ordinal()] = EventKind.VM_EXIT;
        JOURNALED[IoEventKind.INTERRUPT.ordinal()] = EventKind.INTERRUPT;
        JOURNALED[IoEventKind.INTERRUPT_SUPPRESSED.ordinal()] = EventKind.INTERRUPT_SUPPRESSED;
        JOURNALED[IoEventKind.COMPLETE.ordinal()] = EventKind.REQUEST_COMPLETE;
        JOURNALED[IoEventKind.IOTLB_MISS.ordinal()] = EventKind.IOTLB_MISS;
        JOURNALED[IoEventKind.DROP.ordinal()] = EventKind.REQUEST_DROPPED;
        JOURNALED[IoEventKind.RESET.ordinal()] = EventKind.DEVICE_RESET;
    }

    private final long[] at;
    private final byte[] kind;
    private final byte[] reason;
    private final int[] head;
    private final int[] idx;
    private int next;
    private int count;
    private EventSink sink = EventSink.OFF;
    private String vmId;
    private String deviceId;

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

    /** Also emits to {@code events} until {@link #detach}, as the device's events of VM {@code vm}. */
    void attach(EventSink events, String vm, String device) {
        sink = events;
        vmId = vm;
        deviceId = device;
    }

    void detach() {
        sink = EventSink.OFF;
    }

    void add(long atNanos, IoEventKind k, int h, int i) {
        add(atNanos, k, -1, h, i);
    }

    void exit(long atNanos, ExitReason r) {
        add(atNanos, IoEventKind.VM_EXIT, r.ordinal(), -1, -1);
    }

    private void add(long atNanos, IoEventKind k, int r, int h, int i) {
        if (sink.on()) {
            journal(atNanos, k, r, h, i);
        }
        at[next] = atNanos;
        kind[next] = (byte) k.ordinal();
        reason[next] = (byte) r;
        head[next] = h;
        idx[next] = i;
        next = (next + 1) % CAPACITY;
        count = Math.min(CAPACITY, count + 1);
    }

    private void journal(long atNanos, IoEventKind k, int r, int h, int i) {
        EventKind kind = JOURNALED[k.ordinal()];
        if (kind == null) {
            return;
        }
        long atMicros = Math.floorDiv(atNanos, 1_000);
        // the kinds' numbers (EventKind): a head or slot, then an index; or the index alone
        long first = kind.arity() == 1 ? i : h;
        sink.emit(kind, atMicros, null, vmId, deviceId, null, r < 0 ? null : REASONS[r], first, i, 0);
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
