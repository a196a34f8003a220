package org.virtlab.engine.io;

import java.util.List;

/**
 * A split virtqueue, laid out as the virtio 1.1 specification §2.6 lays it out in guest memory, with the
 * driver's and the device's operations on it. Stand-alone and pure: a lesson can step it by hand, and
 * {@link IoSubsystem} drives one per virtio device.
 *
 * <h2>The shared layout (virtio 1.1 §2.6; linux include/uapi/linux/virtio_ring.h)</h2>
 * <ul>
 *   <li>Descriptor table: {@code size} entries of 16 bytes {addr u64, len u32, flags u16, next u16}, flags
 *   {@link #DESC_F_NEXT}, {@link #DESC_F_WRITE}, {@link #DESC_F_INDIRECT}; one array per field.</li>
 *   <li>Available ring, written by the driver: flags ({@link #AVAIL_F_NO_INTERRUPT}), idx, ring[size] of
 *   descriptor heads, used_event.</li>
 *   <li>Used ring, written by the device: flags ({@link #USED_F_NO_NOTIFY}), idx, ring[size] of {id u32, len u32},
 *   avail_event.</li>
 * </ul>
 * The indices are free-running 16-bit counters: entry {@code idx} lives in slot {@code idx mod size}, and the
 * counters wrap from 65535 to 0; since the size is a power of 2 it divides 65536, so the slots stay in step.
 * Each field of the layout has a getter, for views and for tests.
 *
 * <h2>The private sides</h2>
 * The driver side follows Linux drivers/virtio/virtio_ring.c (split ring): free descriptors are chained through
 * their {@code next} fields, {@link #addChain} takes them from the free list and publishes the head in the
 * available ring (writing avail.idx at each addition, as Linux does), {@link #kickPrepare} decides whether to
 * notify, {@link #getUsed} takes back completed chains. The device side follows vhost (linux drivers/vhost):
 * {@link #pop} takes the next available chain, {@link #readChain} walks it, {@link #pushUsed} returns it,
 * {@link #needsInterrupt} decides whether to interrupt; {@link #disableNotifications} and
 * {@link #enableNotifications} bracket a busy period.
 *
 * <h2>Notification suppression (virtio 1.1 §2.6.7 and §2.6.10; §2.7.7 and §2.7.10 in virtio 1.2)</h2>
 * Without {@code VIRTIO_F_EVENT_IDX} each side reads the other's flags. With it the flags are ignored and each
 * side publishes the index it wants to be notified at: the device's avail_event, the driver's used_event. The
 * notifier then applies {@link #needEvent}: notify iff {@code (u16)(new − event − 1) < (u16)(new − old)}, i.e.
 * iff the event index is one of the entries published since the last check.
 *
 * <h2>Indirect descriptors (§2.6.5.3)</h2>
 * When {@code VIRTIO_F_INDIRECT_DESC} is negotiated ({@code maxIndirect > 0}) a chain of 2 to {@code maxIndirect}
 * buffers takes a single descriptor of the table, flagged INDIRECT, whose addr and len point at a table of
 * 16-byte descriptors elsewhere in guest memory. The model gives every head its own table slot at
 * {@link #INDIRECT_TABLE_BASE} + head × maxIndirect × 16, kept in arrays like the main table.
 *
 * <h2>Errors</h2>
 * A wrong argument ({@link IllegalArgumentException}) or an operation out of order ({@link IllegalStateException},
 * e.g. returning a chain the device never took) is refused with a message that says which rule it breaks; the
 * queue is unchanged then. Each head's state ({@link HeadState}) is tracked, so no descriptor can be lost or
 * reused while it is in flight.
 *
 * <p>Not thread-safe, as nothing in the engine is. Hot state lives in primitive arrays ({@code CowInts}): a round
 * trip allocates nothing, and {@link #copy()} reuses the previous copy's chunks where nothing was written since.
 */
public final class SplitVirtqueue {
    /** Largest queue size (virtio 1.1 §2.6: "The maximum Queue Size value is 32768"). */
    public static final int MAX_SIZE = 32_768;
    /** Size of one descriptor (struct virtq_desc). */
    public static final int DESCRIPTOR_BYTES = 16;
    /** The buffer continues via the next field. */
    public static final int DESC_F_NEXT = 1;
    /** The buffer is device write-only (otherwise device read-only). */
    public static final int DESC_F_WRITE = 2;
    /** The buffer holds a table of descriptors. */
    public static final int DESC_F_INDIRECT = 4;
    /** Available ring flag: the driver asks for no interrupts (used buffer notifications). */
    public static final int AVAIL_F_NO_INTERRUPT = 1;
    /** Used ring flag: the device asks for no kicks (available buffer notifications). */
    public static final int USED_F_NO_NOTIFY = 1;
    /** Feature bit numbers (virtio 1.1 §6). */
    public static final int F_INDIRECT_DESC = 28;
    public static final int F_EVENT_IDX = 29;
    /** Guest-physical address where the model keeps the indirect tables, one slot per head. */
    public static final long INDIRECT_TABLE_BASE = 0x4000_0000L;
    /** Kicks must be checked at least this often: Linux kicks by itself after 65535 additions. */
    public static final int MAX_ADDED_BETWEEN_KICKS = 0xFFFF;

    private static final int U16 = 0xFFFF;

    /** Where a chain is, told by the state of its head descriptor. */
    public enum HeadState {
        /** On the driver's free list (or a non-head descriptor of a chain). */
        FREE,
        /** Added by the driver and published in the available ring; the device has not taken it yet. */
        AVAILABLE,
        /** Taken by the device ({@link #pop}), being processed. */
        IN_DEVICE,
        /** Returned in the used ring; the driver has not taken it back yet. */
        USED
    }

    private static final HeadState[] STATES = HeadState.values();

    private final int size;
    private final int mask;
    private final boolean eventIdx;
    private final int maxIndirect;

    private final CowLongs descAddr;
    private final CowInts descLen;
    private final CowInts descFlags;
    private final CowInts descNext;
    private final CowLongs indAddr;
    private final CowInts indLen;
    private final CowInts indFlags;
    private final CowInts indNext;

    private int availFlags;
    private int availIdx;
    private final CowInts availRing;
    private int usedEvent;

    private int usedFlags;
    private int usedIdx;
    private final CowInts usedId;
    private final CowInts usedLen;
    private int availEvent;

    /** Per descriptor, the state of the chain it heads ({@link HeadState} ordinal). */
    private final CowInts headState;
    private int freeHead;
    private int numFree;
    private int numAdded;
    private int lastUsedIdx;
    private int lastUsedLen;
    private boolean interruptsDisabled;

    private int lastAvailIdx;
    private int signalledUsed;
    private boolean signalledUsedValid;

    /**
     * An empty queue, all descriptors free, as after the device was set up.
     *
     * @param size        a power of 2 from 1 to {@value #MAX_SIZE}
     * @param eventIdx    whether VIRTIO_F_EVENT_IDX was negotiated
     * @param maxIndirect 0 without VIRTIO_F_INDIRECT_DESC; otherwise the most buffers an indirect table holds
     *                    (2 to {@value #MAX_SIZE})
     */
    public SplitVirtqueue(int size, boolean eventIdx, int maxIndirect) {
        checkSize(size);
        if (maxIndirect != 0 && (maxIndirect < 2 || maxIndirect > MAX_SIZE)) {
            throw new IllegalArgumentException("maxIndirect must be 0 (no indirect descriptors) or between 2 and "
                    + MAX_SIZE + ", was " + maxIndirect);
        }
        this.size = size;
        this.mask = size - 1;
        this.eventIdx = eventIdx;
        this.maxIndirect = maxIndirect;
        descAddr = new CowLongs(size);
        descLen = new CowInts(size);
        descFlags = new CowInts(size);
        descNext = new CowInts(size);
        int tables = maxIndirect == 0 ? 0 : size * maxIndirect;
        indAddr = new CowLongs(tables);
        indLen = new CowInts(tables);
        indFlags = new CowInts(tables);
        indNext = new CowInts(tables);
        availRing = new CowInts(size);
        usedId = new CowInts(size);
        usedLen = new CowInts(size);
        headState = new CowInts(size);
        for (int i = 0; i < size; i++) {
            descNext.set(i, (i + 1) & U16); // the free list, as Linux links it: 0 → 1 → … → size − 1
        }
        numFree = size;
    }

    /** A queue without indirect descriptors. */
    public SplitVirtqueue(int size, boolean eventIdx) {
        this(size, eventIdx, 0);
    }

    private SplitVirtqueue(SplitVirtqueue o) {
        size = o.size;
        mask = o.mask;
        eventIdx = o.eventIdx;
        maxIndirect = o.maxIndirect;
        descAddr = o.descAddr.copy();
        descLen = o.descLen.copy();
        descFlags = o.descFlags.copy();
        descNext = o.descNext.copy();
        indAddr = o.indAddr.copy();
        indLen = o.indLen.copy();
        indFlags = o.indFlags.copy();
        indNext = o.indNext.copy();
        availFlags = o.availFlags;
        availIdx = o.availIdx;
        availRing = o.availRing.copy();
        usedEvent = o.usedEvent;
        usedFlags = o.usedFlags;
        usedIdx = o.usedIdx;
        usedId = o.usedId.copy();
        usedLen = o.usedLen.copy();
        availEvent = o.availEvent;
        headState = o.headState.copy();
        freeHead = o.freeHead;
        numFree = o.numFree;
        numAdded = o.numAdded;
        lastUsedIdx = o.lastUsedIdx;
        lastUsedLen = o.lastUsedLen;
        interruptsDisabled = o.interruptsDisabled;
        lastAvailIdx = o.lastAvailIdx;
        signalledUsed = o.signalledUsed;
        signalledUsedValid = o.signalledUsedValid;
    }

    /**
     * An independent copy: both sides' state and the shared layout. It is frozen: it shares with this queue's
     * previous copy the chunks of the arrays not written since, so a checkpoint of a large queue costs only what
     * changed; it turns into a working queue of its own when it is used.
     */
    public SplitVirtqueue copy() {
        return new SplitVirtqueue(this);
    }

    /** Checks a queue size: a power of 2, at most 32768 (virtio 1.1 §2.6). Returns it. */
    public static int checkSize(int size) {
        if (size < 1 || size > MAX_SIZE || (size & (size - 1)) != 0) {
            throw new IllegalArgumentException("queue size must be a power of 2 from 1 to " + MAX_SIZE
                    + " (1, 2, 4, …, 16384, 32768), was " + size);
        }
        return size;
    }

    /**
     * The event index rule of virtio 1.1 §2.6.7.2 (device) and §2.6.10.1 (driver) (virtio 1.2 §2.7.7.2 and
     * §2.7.10.1), as linux include/uapi/linux/virtio_ring.h writes {@code vring_need_event}: having moved an index
     * from {@code oldIdx} to {@code newIdx}, notify iff {@code (u16)(new − event − 1) < (u16)(new − old)}, i.e. iff
     * {@code eventIdx} is one of old, old+1, …, new−1 modulo 2^16.
     */
    public static boolean needEvent(int eventIdx, int newIdx, int oldIdx) {
        return ((newIdx - eventIdx - 1) & U16) < ((newIdx - oldIdx) & U16);
    }

    // ---------------------------------------------------------------- driver side

    /**
     * Adds a chain of buffers and publishes it in the available ring (virtio 1.1 §2.6.13; Linux
     * {@code virtqueue_add_split}). The first {@code outCount} buffers are device-readable, the next
     * {@code inCount} device-writable, as the spec requires (§2.6.4.2: writable after readable). With indirect
     * descriptors negotiated a chain of 2 or more buffers that fits a table takes one descriptor.
     *
     * @return the head descriptor's index, or −1 if there are not enough free descriptors (Linux: -ENOSPC)
     */
    public int addChain(long[] addrs, int[] lensBytes, int outCount, int inCount) {
        int total = outCount + inCount;
        if (outCount < 0 || inCount < 0 || total < 1) {
            throw new IllegalArgumentException("a chain needs at least one buffer, was " + outCount
                    + " readable + " + inCount + " writable");
        }
        if (addrs.length < total || lensBytes.length < total) {
            throw new IllegalArgumentException("expected " + total + " addresses and lengths, got " + addrs.length
                    + " and " + lensBytes.length);
        }
        for (int k = 0; k < total; k++) {
            if (lensBytes[k] < 0) {
                throw new IllegalArgumentException("buffer " + k + ": len is a u32 of at most 2^31 − 1 here, was "
                        + lensBytes[k]);
            }
        }
        if (numAdded == MAX_ADDED_BETWEEN_KICKS) {
            throw new IllegalStateException("65535 chains added since the last kickPrepare: the 16-bit old/new "
                    + "comparison would wrap (Linux kicks by itself at this point)");
        }
        boolean indirect = maxIndirect > 0 && total > 1 && total <= maxIndirect;
        int needed = indirect ? 1 : total;
        if (numFree < needed) {
            return -1;
        }
        int head = freeHead;
        if (indirect) {
            int base = head * maxIndirect;
            for (int k = 0; k < total; k++) {
                indAddr.set(base + k, addrs[k]);
                indLen.set(base + k, lensBytes[k]);
                indFlags.set(base + k, (k < total - 1 ? DESC_F_NEXT : 0) | (k >= outCount ? DESC_F_WRITE : 0));
                indNext.set(base + k, k < total - 1 ? k + 1 : 0);
            }
            descAddr.set(head, INDIRECT_TABLE_BASE + (long) base * DESCRIPTOR_BYTES);
            descLen.set(head, total * DESCRIPTOR_BYTES);
            descFlags.set(head, DESC_F_INDIRECT);
            freeHead = descNext.get(head);
        } else {
            int i = head;
            int last = head;
            for (int k = 0; k < total; k++) {
                descAddr.set(i, addrs[k]);
                descLen.set(i, lensBytes[k]);
                descFlags.set(i, (k < total - 1 ? DESC_F_NEXT : 0) | (k >= outCount ? DESC_F_WRITE : 0));
                last = i;
                i = descNext.get(i);
            }
            freeHead = descNext.get(last);
        }
        numFree -= needed;
        headState.set(head, HeadState.AVAILABLE.ordinal());
        availRing.set(availIdx & mask, head);
        availIdx = (availIdx + 1) & U16; // Linux publishes idx at each addition
        numAdded++;
        return head;
    }

    /** One buffer of a chain for {@link #addChain(List)}: where, how long, and whether the device writes it. */
    public record Buffer(long addr, int lenBytes, boolean deviceWritable) {
    }

    /** {@link #addChain(long[], int[], int, int)} for hand stepping: readable buffers must come first. */
    public int addChain(List<Buffer> buffers) {
        int n = buffers.size();
        long[] addrs = new long[n];
        int[] lens = new int[n];
        int out = 0;
        for (int k = 0; k < n; k++) {
            Buffer b = buffers.get(k);
            if (!b.deviceWritable()) {
                if (out != k) {
                    throw new IllegalArgumentException("buffer " + k + " is device-readable after a writable one: "
                            + "readable buffers come first (virtio 1.1 §2.6.4.2)");
                }
                out++;
            }
            addrs[k] = b.addr();
            lens[k] = b.lenBytes();
        }
        return addChain(addrs, lens, out, n - out);
    }

    /**
     * Whether to notify the device of the chains added since the last call (Linux
     * {@code virtqueue_kick_prepare_split}): with EVENT_IDX, {@code needEvent(avail_event, new, old)} where old is
     * avail.idx at the last call and new is avail.idx now; without, unless the device set
     * {@link #USED_F_NO_NOTIFY}.
     */
    public boolean kickPrepare() {
        int newIdx = availIdx;
        int oldIdx = (newIdx - numAdded) & U16;
        numAdded = 0;
        if (eventIdx) {
            return needEvent(availEvent, newIdx, oldIdx);
        }
        return (usedFlags & USED_F_NO_NOTIFY) == 0;
    }

    /**
     * Takes back the next completed chain (Linux {@code virtqueue_get_buf}): its descriptors return to the free
     * list. Unless interrupts are disabled, with EVENT_IDX it then asks for an interrupt at the next entry by
     * writing used_event = last_used_idx.
     *
     * @return the chain's head, or −1 if the device has returned nothing new; its length in
     *         {@link #lastUsedLenBytes()}
     */
    public int getUsed() {
        if (lastUsedIdx == usedIdx) {
            return -1;
        }
        int slot = lastUsedIdx & mask;
        int id = usedId.get(slot);
        if (id < 0 || id >= size) {
            throw new IllegalStateException("used ring entry " + lastUsedIdx + " holds id " + (id & 0xFFFFFFFFL)
                    + ", beyond the " + size + "-entry descriptor table");
        }
        if (headState.get(id) != HeadState.USED.ordinal()) {
            throw new IllegalStateException("used ring entry " + lastUsedIdx + " returns descriptor " + id
                    + ", which is " + STATES[headState.get(id)] + ", not a chain the device took");
        }
        lastUsedLen = usedLen.get(slot);
        detach(id);
        lastUsedIdx = (lastUsedIdx + 1) & U16;
        if (eventIdx && !interruptsDisabled) {
            usedEvent = lastUsedIdx;
        }
        return id;
    }

    private void detach(int head) {
        int i = head;
        int count = 1;
        while ((descFlags.get(i) & DESC_F_NEXT) != 0) {
            i = descNext.get(i);
            count++;
        }
        descNext.set(i, freeHead);
        freeHead = head;
        numFree += count;
        headState.set(head, HeadState.FREE.ordinal());
    }

    /** Bytes the device wrote into the chain last taken by {@link #getUsed()}. */
    public int lastUsedLenBytes() {
        return lastUsedLen;
    }

    /**
     * Asks for no interrupts while the driver processes completions (Linux {@code virtqueue_disable_cb}): sets
     * {@link #AVAIL_F_NO_INTERRUPT} without EVENT_IDX; with it the device ignores the flag (§2.6.7.2) and the
     * driver suppresses interrupts by no longer moving used_event.
     */
    public void disableInterrupts() {
        interruptsDisabled = true;
        if (!eventIdx) {
            availFlags |= AVAIL_F_NO_INTERRUPT;
        }
    }

    /**
     * Asks for interrupts again (Linux {@code virtqueue_enable_cb}): clears the flag, or with EVENT_IDX writes
     * used_event = last_used_idx. Returns true if nothing is waiting in the used ring; false if the device
     * returned more meanwhile, which the driver must take before it waits for an interrupt.
     */
    public boolean enableInterrupts() {
        interruptsDisabled = false;
        if (eventIdx) {
            usedEvent = lastUsedIdx;
        } else {
            availFlags &= ~AVAIL_F_NO_INTERRUPT;
        }
        return lastUsedIdx == usedIdx;
    }

    // ---------------------------------------------------------------- device side

    /** Chains published and not yet taken by the device: (u16)(avail.idx − last_avail_idx). */
    public int availableCount() {
        return (availIdx - lastAvailIdx) & U16;
    }

    /**
     * Takes the next available chain (vhost {@code vhost_get_vq_desc}, QEMU {@code virtqueue_pop}).
     *
     * @return its head descriptor, or −1 if none is available
     */
    public int pop() {
        if (lastAvailIdx == availIdx) {
            return -1;
        }
        int head = availRing.get(lastAvailIdx & mask);
        if (head < 0 || head >= size) {
            throw new IllegalStateException("available ring entry " + lastAvailIdx + " holds head " + head
                    + ", beyond the " + size + "-entry descriptor table");
        }
        if (headState.get(head) != HeadState.AVAILABLE.ordinal()) {
            throw new IllegalStateException("available ring entry " + lastAvailIdx + " names descriptor " + head
                    + ", which is " + STATES[headState.get(head)] + ": a chain published twice");
        }
        headState.set(head, HeadState.IN_DEVICE.ordinal());
        lastAvailIdx = (lastAvailIdx + 1) & U16;
        return head;
    }

    /**
     * Walks the chain at {@code head} as the device reads it, following an indirect table if there is one, and
     * copies each buffer's address, length and flags into the arrays given.
     *
     * @return the number of buffers
     * @throws IllegalStateException if the chain is malformed: a loop, a next beyond the table, INDIRECT with NEXT,
     *                               an indirect table inside an indirect table (§2.6.5.3.1)
     */
    public int readChain(int head, long[] addrsOut, int[] lensOut, int[] flagsOut) {
        if (head < 0 || head >= size) {
            throw new IllegalArgumentException("head must be between 0 and " + (size - 1) + ", was " + head);
        }
        int flags = descFlags.get(head);
        if ((flags & DESC_F_INDIRECT) != 0) {
            if ((flags & DESC_F_NEXT) != 0) {
                throw new IllegalStateException("descriptor " + head + " has both INDIRECT and NEXT");
            }
            int n = descLen.get(head) / DESCRIPTOR_BYTES;
            if (descLen.get(head) % DESCRIPTOR_BYTES != 0 || n < 1 || n > maxIndirect) {
                throw new IllegalStateException("descriptor " + head + ": an indirect table of " + descLen.get(head)
                        + " bytes is not 1 to " + maxIndirect + " descriptors of 16 bytes");
            }
            int base = (int) ((descAddr.get(head) - INDIRECT_TABLE_BASE) / DESCRIPTOR_BYTES);
            int k = 0;
            int count = 0;
            while (true) {
                int f = indFlags.get(base + k);
                if ((f & DESC_F_INDIRECT) != 0) {
                    throw new IllegalStateException("indirect table of " + head + ": entry " + k
                            + " is itself INDIRECT");
                }
                put(count++, indAddr.get(base + k), indLen.get(base + k), f, addrsOut, lensOut, flagsOut);
                if ((f & DESC_F_NEXT) == 0) {
                    return count;
                }
                k = indNext.get(base + k);
                if (k >= n || count >= n) {
                    throw new IllegalStateException("indirect table of " + head + " loops or runs past its "
                            + n + " entries");
                }
            }
        }
        int i = head;
        int count = 0;
        while (true) {
            put(count++, descAddr.get(i), descLen.get(i), descFlags.get(i), addrsOut, lensOut, flagsOut);
            if ((descFlags.get(i) & DESC_F_NEXT) == 0) {
                return count;
            }
            i = descNext.get(i);
            if (i >= size || count >= size) {
                throw new IllegalStateException("the chain at " + head + " loops or leaves the table");
            }
            if ((descFlags.get(i) & DESC_F_INDIRECT) != 0) {
                throw new IllegalStateException("the chain at " + head + " has an INDIRECT descriptor after the head");
            }
        }
    }

    private static void put(int k, long addr, int len, int flags, long[] addrs, int[] lens, int[] flagsOut) {
        if (k >= addrs.length || k >= lens.length || k >= flagsOut.length) {
            throw new IllegalArgumentException("the chain has more than " + k + " buffers, more than the arrays hold");
        }
        addrs[k] = addr;
        lens[k] = len;
        flagsOut[k] = flags;
    }

    /**
     * Returns a chain the device took, with the number of bytes it wrote into it, in the next used ring entry
     * (vhost {@code vhost_add_used}, QEMU {@code virtqueue_push}).
     */
    public void pushUsed(int head, int writtenBytes) {
        if (head < 0 || head >= size) {
            throw new IllegalArgumentException("head must be between 0 and " + (size - 1) + ", was " + head);
        }
        if (headState.get(head) != HeadState.IN_DEVICE.ordinal()) {
            throw new IllegalStateException("descriptor " + head + " is " + STATES[headState.get(head)]
                    + ": the device can only return a chain it took");
        }
        if (writtenBytes < 0) {
            throw new IllegalArgumentException("written bytes must be ≥ 0, was " + writtenBytes);
        }
        int slot = usedIdx & mask;
        usedId.set(slot, head);
        usedLen.set(slot, writtenBytes);
        usedIdx = (usedIdx + 1) & U16;
        headState.set(head, HeadState.USED.ordinal());
    }

    /**
     * Whether to interrupt the driver for the entries returned since the last call (vhost {@code vhost_notify}):
     * with EVENT_IDX, {@code needEvent(used_event, new, old)} with old = used.idx at the last call (the first call
     * always interrupts); without, unless the driver set {@link #AVAIL_F_NO_INTERRUPT}.
     */
    public boolean needsInterrupt() {
        int oldIdx = signalledUsed;
        boolean valid = signalledUsedValid;
        signalledUsed = usedIdx;
        signalledUsedValid = true;
        if (eventIdx) {
            return !valid || needEvent(usedEvent, usedIdx, oldIdx);
        }
        return (availFlags & AVAIL_F_NO_INTERRUPT) == 0;
    }

    /**
     * The device is busy and needs no kicks (vhost {@code vhost_disable_notify}): sets {@link #USED_F_NO_NOTIFY}
     * without EVENT_IDX; with it, nothing is written: avail_event stays where it was, behind the driver.
     */
    public void disableNotifications() {
        if (!eventIdx) {
            usedFlags |= USED_F_NO_NOTIFY;
        }
    }

    /**
     * The device is about to wait for a kick (vhost {@code vhost_enable_notify}): clears the flag, or with
     * EVENT_IDX writes avail_event = last_avail_idx, "notify me when you add the next one". Returns true if the
     * driver added more meanwhile, which the device must take before it waits.
     */
    public boolean enableNotifications() {
        if (eventIdx) {
            availEvent = lastAvailIdx;
        } else {
            usedFlags &= ~USED_F_NO_NOTIFY;
        }
        return lastAvailIdx != availIdx;
    }

    // ---------------------------------------------------------------- the layout, read-only

    public int size() {
        return size;
    }

    /** Whether VIRTIO_F_EVENT_IDX was negotiated. */
    public boolean eventIdx() {
        return eventIdx;
    }

    /** 0 without VIRTIO_F_INDIRECT_DESC, else the most buffers one indirect table holds. */
    public int maxIndirect() {
        return maxIndirect;
    }

    public long descAddr(int i) {
        return descAddr.get(i);
    }

    public int descLenBytes(int i) {
        return descLen.get(i);
    }

    public int descFlags(int i) {
        return descFlags.get(i);
    }

    public int descNext(int i) {
        return descNext.get(i);
    }

    /** Entry {@code k} of the indirect table that head {@code head} points at (if it has one). */
    public long indirectAddr(int head, int k) {
        return indAddr.get(head * maxIndirect + k);
    }

    public int indirectLenBytes(int head, int k) {
        return indLen.get(head * maxIndirect + k);
    }

    public int indirectFlags(int head, int k) {
        return indFlags.get(head * maxIndirect + k);
    }

    public int indirectNext(int head, int k) {
        return indNext.get(head * maxIndirect + k);
    }

    public int availFlags() {
        return availFlags;
    }

    /** avail.idx: where the driver will put the next head (free-running, 16 bits). */
    public int availIdx() {
        return availIdx;
    }

    /** avail.ring[slot]. */
    public int availRing(int slot) {
        return availRing.get(slot);
    }

    /** used_event, at the end of the available ring. */
    public int usedEvent() {
        return usedEvent;
    }

    public int usedFlags() {
        return usedFlags;
    }

    /** used.idx: where the device will put the next used element (free-running, 16 bits). */
    public int usedIdx() {
        return usedIdx;
    }

    /** used.ring[slot].id. */
    public int usedId(int slot) {
        return usedId.get(slot);
    }

    /** used.ring[slot].len. */
    public int usedLenBytes(int slot) {
        return usedLen.get(slot);
    }

    /** avail_event, at the end of the used ring. */
    public int availEvent() {
        return availEvent;
    }

    // ---------------------------------------------------------------- the sides' private state, read-only

    /** The state of the chain headed by descriptor {@code i} ({@link HeadState#FREE} for a non-head). */
    public HeadState headState(int i) {
        return STATES[headState.get(i)];
    }

    /** Driver: descriptors on the free list. */
    public int numFree() {
        return numFree;
    }

    /** Driver: the first descriptor of the free list (meaningless when {@code numFree() == 0}). */
    public int freeHead() {
        return freeHead;
    }

    /** Driver: chains added since the last {@link #kickPrepare()}. */
    public int numAdded() {
        return numAdded;
    }

    /** Driver: the used ring entry it will take next. */
    public int lastUsedIdx() {
        return lastUsedIdx;
    }

    /** Driver: whether it has asked for no interrupts. */
    public boolean interruptsDisabled() {
        return interruptsDisabled;
    }

    /** Device: the available ring entry it will take next. */
    public int lastAvailIdx() {
        return lastAvailIdx;
    }

    /** Device: used.idx when it last decided whether to interrupt. */
    public int signalledUsed() {
        return signalledUsed;
    }

    /** Descriptors in use: taken from the free list and not yet given back. */
    public int descriptorsInUse() {
        return size - numFree;
    }

    /** Chains the driver has added and not yet taken back: available, in the device, or used. */
    public int chainsInFlight() {
        return (availIdx - lastUsedIdx) & U16;
    }
}
