package org.virtlab.ui.io;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.io.SplitVirtqueue;

/**
 * Lays a virtqueue out for the animator: which table rows and ring slots fit, and where each free-running index
 * points. The arithmetic is the spec's: a ring index is a 16-bit counter that wraps at 65536 and selects slot
 * {@code idx mod queue size} (virtio 1.1 §2.6.6, §2.6.8); what one side has published and the other not yet consumed
 * is {@code (u16)(idx − consumer's idx)}.
 */
public final class RingLayout {
    private static final int U16 = 0xFFFF;

    private RingLayout() {
    }

    /** The ring slot a free-running index selects: idx mod the queue size, a power of 2 (§2.6.6). */
    public static int slot(int idx, int queueSize) {
        return (idx & U16) & (queueSize - 1);
    }

    /** How far a 16-bit counter {@code newer} is ahead of {@code older}, across the wrap at 65536. */
    public static int ahead(int newer, int older) {
        return (newer - older) & U16;
    }

    /**
     * The first of {@code visible} ring slots to show so that {@code focus} is in the middle; a ring has no ends, so
     * the window may run past the last slot into slot 0. The whole ring from 0 when it fits.
     */
    public static int ringWindowStart(int queueSize, int visible, int focus) {
        return queueSize <= visible ? 0 : Math.floorMod(focus - visible / 2, queueSize);
    }

    /** The first of {@code visible} rows of a table of {@code size} rows, with {@code focus} a third down, inside it. */
    public static int tableWindowStart(int size, int visible, int focus) {
        return size <= visible ? 0 : Math.max(0, Math.min(size - visible, focus - visible / 3));
    }

    /**
     * The picture of {@code ring} with at most {@code tableRows} descriptors and {@code ringSlots} slots per ring.
     *
     * @param kicksNow      kicks since the previous picture
     * @param interruptsNow interrupts since the previous picture
     */
    public static RingData of(IoSnapshot.Ring ring, int tableRows, int ringSlots, long kicksNow, long interruptsNow) {
        int size = ring.queueSize();
        int slots = Math.max(1, Math.min(ringSlots, size));
        int rows = Math.max(1, Math.min(tableRows, size));

        int availSlot = slot(ring.availIdx(), size);
        int availPending = ahead(ring.availIdx(), ring.lastAvailIdx());
        int availStart = ringWindowStart(size, slots, availSlot);
        List<RingData.Slot> avail = new ArrayList<>(slots);
        for (int k = 0; k < slots; k++) {
            int s = (availStart + k) % size;
            int listed = s - ring.firstSlot();
            boolean in = listed >= 0 && listed < ring.availRing().size();
            boolean pending = isPending(availSlot, s, availPending, size);
            avail.add(new RingData.Slot(s, in, in ? ring.availRing().get(listed) : -1, 0, pending,
                    pending ? RingData.State.AVAILABLE : RingData.State.FREE));
        }
        RingData.Strip availStrip = new RingData.Strip(ring.availFlags(), ring.availIdx(), availSlot, ring.usedEvent(),
                slot(ring.usedEvent(), size), ring.lastAvailIdx(), slot(ring.lastAvailIdx(), size), availPending, avail);

        int usedSlot = slot(ring.usedIdx(), size);
        int usedPending = ahead(ring.usedIdx(), ring.lastUsedIdx());
        int usedStart = ringWindowStart(size, slots, usedSlot);
        List<RingData.Slot> used = new ArrayList<>(slots);
        for (int k = 0; k < slots; k++) {
            int s = (usedStart + k) % size;
            int listed = s - ring.firstSlot();
            boolean in = listed >= 0 && listed < ring.usedRing().size();
            boolean pending = isPending(usedSlot, s, usedPending, size);
            IoSnapshot.UsedElement e = in ? ring.usedRing().get(listed) : null;
            used.add(new RingData.Slot(s, in, e == null ? -1 : e.id(), e == null ? 0 : e.lenBytes(), pending,
                    pending ? RingData.State.USED : RingData.State.FREE));
        }
        RingData.Strip usedStrip = new RingData.Strip(ring.usedFlags(), ring.usedIdx(), usedSlot, ring.availEvent(),
                slot(ring.availEvent(), size), ring.lastUsedIdx(), slot(ring.lastUsedIdx(), size), usedPending, used);

        List<IoSnapshot.Descriptor> listedTable = ring.descriptors();
        int first = listedTable.isEmpty() ? 0 : listedTable.get(0).index();
        int newest = newestHead(ring, availSlot, size);
        int focus = newest >= first && newest < first + listedTable.size() ? newest - first : 0;
        int start = tableWindowStart(listedTable.size(), rows, focus);
        int end = Math.min(listedTable.size(), start + rows);
        List<RingData.Descriptor> table = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            IoSnapshot.Descriptor d = listedTable.get(i);
            table.add(new RingData.Descriptor(d.index(), d.addr(), d.lenBytes(), d.flags(), d.next(), state(d.state()),
                    d.head(), d.indirectTable().size()));
        }
        boolean above = first + start > 0;
        boolean below = first + end < size;
        return new RingData(size, ring.eventIdx(), table, above, below, availStrip, usedStrip, ring.numFree(),
                ring.freeHead(), kicksNow, interruptsNow);
    }

    /** Whether slot {@code s} holds one of the {@code pending} entries just before {@code idxSlot}. */
    private static boolean isPending(int idxSlot, int s, int pending, int size) {
        int back = Math.floorMod(idxSlot - s, size); // 1 for the entry published last
        return back >= 1 && back <= Math.min(pending, size);
    }

    /** The head of the chain published last (the available ring's entry before idx), or −1 if not listed. */
    private static int newestHead(IoSnapshot.Ring ring, int availSlot, int size) {
        int listed = Math.floorMod(availSlot - 1, size) - ring.firstSlot();
        return listed >= 0 && listed < ring.availRing().size() ? ring.availRing().get(listed) : -1;
    }

    private static RingData.State state(SplitVirtqueue.HeadState s) {
        return switch (s) {
            case FREE -> RingData.State.FREE;
            case AVAILABLE -> RingData.State.AVAILABLE;
            case IN_DEVICE -> RingData.State.IN_DEVICE;
            case USED -> RingData.State.USED;
        };
    }
}
