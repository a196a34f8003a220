package org.virtlab.ui.io;

import java.util.List;

/**
 * What the virtqueue animator draws for the device in focus: a window of its descriptor table and of its two rings,
 * each entry with the state of the request it belongs to, and the indices with the ring slots they point at. Built
 * by {@link RingLayout}; immutable.
 *
 * @param queueSize      descriptors in the queue (a power of 2)
 * @param eventIdx       whether VIRTIO_F_EVENT_IDX is negotiated (the event fields are then in use)
 * @param descriptors    the descriptor table's rows shown, in index order
 * @param moreAbove      whether the table has rows before the first shown
 * @param moreBelow      whether it has rows after the last shown
 * @param avail          the available ring (driver → device)
 * @param used           the used ring (device → driver)
 * @param numFree        descriptors on the driver's free list
 * @param freeHead       the first of them
 * @param kicksNow       kicks since the previous picture (the animator flashes them)
 * @param interruptsNow  interrupts since the previous picture
 */
public record RingData(int queueSize, boolean eventIdx, List<Descriptor> descriptors, boolean moreAbove,
                       boolean moreBelow, Strip avail, Strip used, int numFree, int freeHead, long kicksNow,
                       long interruptsNow) {
    public RingData {
        descriptors = List.copyOf(descriptors);
    }

    /** Where a descriptor's request is, from the driver's hand to the device and back (the animator's colours). */
    public enum State {
        /** On the free list. */
        FREE,
        /** Published in the available ring by the driver; the device has not taken it yet. */
        AVAILABLE,
        /** Taken by the device, being served. */
        IN_DEVICE,
        /** Returned in the used ring; the driver has not taken it back yet. */
        USED
    }

    /** A row of the descriptor table {addr, len, flags, next} (virtio 1.1 §2.6.5). */
    public record Descriptor(int index, long addr, int lenBytes, int flags, int next, State state, int head,
                             int indirectEntries) {
    }

    /**
     * One ring as drawn: its header fields, its shown slots and three indices, each a free-running 16-bit counter
     * and the slot it maps to (idx mod queue size, virtio 1.1 §2.6.6).
     *
     * @param flags      the ring's flags field
     * @param idx        the ring's idx, written by its producer
     * @param idxSlot    the slot idx points at: where the next entry goes
     * @param event      the event index kept in this ring (used_event in the available ring, avail_event in the used
     *                   ring), meaningful with EVENT_IDX only
     * @param eventSlot  its slot
     * @param consumer   the consumer's private index (the device's last_avail_idx, the driver's last_used_idx)
     * @param consumerSlot its slot
     * @param pending    entries published and not yet consumed: (u16)(idx − consumer)
     * @param slots      the slots shown, in the order drawn (the window may wrap past the ring's end)
     */
    public record Strip(int flags, int idx, int idxSlot, int event, int eventSlot, int consumer, int consumerSlot,
                        int pending, List<Slot> slots) {
        public Strip {
            slots = List.copyOf(slots);
        }
    }

    /**
     * A ring slot: for the available ring {@code id} is a chain's head; for the used ring {@code id} and
     * {@code lenBytes} are the element {id, len}. {@code listed} is false for a slot the snapshot does not list (a
     * queue above 1024 entries).
     */
    public record Slot(int slot, boolean listed, int id, int lenBytes, boolean pending, State state) {
    }

    /**
     * A ring entry to point at (the selected event): the last one published before the ring's idx was {@code idx}
     * (a kick's avail.idx, an interrupt's used.idx) in the used ring if {@code used}, else the available ring.
     */
    public record Mark(boolean used, int idx) {
    }
}
