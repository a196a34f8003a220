package org.virtlab.engine.io;

import static org.virtlab.engine.io.DeviceState.EV_BACKEND_DONE;
import static org.virtlab.engine.io.DeviceState.EV_COALESCE;
import static org.virtlab.engine.io.DeviceState.EV_DEVICE_WAKE;
import static org.virtlab.engine.io.DeviceState.EV_INTERRUPT;
import static org.virtlab.engine.io.DeviceState.EV_PHYS_DONE;
import static org.virtlab.engine.io.DeviceState.EV_POLL_END;

/**
 * The device's side of one simulated device: the back-end (a vhost worker or QEMU's device model, one request at a
 * time), the physical device (transfers one after the other at its bandwidth, then its latency, overlapped) with the
 * IOMMU's IOTLB for passthrough, and the interrupt decisions (coalescing, then suppression or masking). It reaches the
 * guest only through events ({@code EV_INTERRUPT}).
 */
final class DeviceSide {
    /** Guest-physical layout of the request buffers: per slot a header, a 1 MiB data area, a status byte. */
    static final long HEADER_BASE = 0x1000_0000L;
    static final long STATUS_BASE = 0x2000_0000L;
    static final long QUEUE_BASE = 0x3000_0000L;
    static final long DATA_BASE = 0x1_0000_0000L;
    /** Bytes of a passthrough device's queue entry (an NVMe submission entry). */
    static final int QUEUE_ENTRY_BYTES = 64;

    private final DeviceState s;
    private IoSnapshot.BackendState backendState;
    private long pollStartNanos;
    private int pollSerial;
    /** Emulated: requests waiting for QEMU. */
    private final IntFifo backendFifo;
    /** Emulated and passthrough: completed requests waiting for the driver. */
    private final IntFifo completedFifo;
    private boolean masked;
    private long physFreeAtNanos;
    private int unsignalled;
    private boolean coalesceArmed;
    private int coalesceSerial;
    private final Iotlb iotlb;
    /** vCPU time taken by remapped interrupts' exits, charged to the next interrupt's handling. */
    private long stolenNanos;

    // scratch for the back-end's walk of a chain: not state
    private final long[] addrs = new long[DeviceRun.INDIRECT_TABLE_ENTRIES];
    private final int[] lens = new int[DeviceRun.INDIRECT_TABLE_ENTRIES];
    private final int[] flags = new int[DeviceRun.INDIRECT_TABLE_ENTRIES];

    /** A device just set up for the state's mode, idle. */
    DeviceSide(DeviceState s) {
        this.s = s;
        IoMode mode = s.spec.mode();
        backendState = mode instanceof IoMode.Passthrough ? IoSnapshot.BackendState.NONE : IoSnapshot.BackendState.IDLE;
        backendFifo = new IntFifo(16);
        completedFifo = new IntFifo(16);
        physFreeAtNanos = s.nowNanos;
        iotlb = mode instanceof IoMode.Passthrough p ? new Iotlb(p.iotlbEntries()) : null;
    }

    private DeviceSide(DeviceSide o, DeviceState s) {
        this.s = s;
        backendState = o.backendState;
        pollStartNanos = o.pollStartNanos;
        pollSerial = o.pollSerial;
        backendFifo = o.backendFifo.copy();
        completedFifo = o.completedFifo.copy();
        masked = o.masked;
        physFreeAtNanos = o.physFreeAtNanos;
        unsignalled = o.unsignalled;
        coalesceArmed = o.coalesceArmed;
        coalesceSerial = o.coalesceSerial;
        iotlb = o.iotlb == null ? null : o.iotlb.copy();
        stolenNanos = o.stolenNanos;
    }

    /** A deep copy working on {@code state} (the copy of this one's state). */
    DeviceSide copy(DeviceState state) {
        return new DeviceSide(this, state);
    }

    IoSnapshot.BackendState backendState() {
        return backendState;
    }

    // ------------------------------------------------------------------ virtio back-end

    /** The driver's kick arrived (an ioeventfd, or QEMU returning from the exit). */
    void kicked() {
        if (backendState != IoSnapshot.BackendState.IDLE) {
            return; // already awake
        }
        backendState = IoSnapshot.BackendState.WAKING;
        s.c.deviceWakeups++;
        s.events.add(s.nowNanos + (s.vhost() ? s.costs.vhostWakeupNanos() : 0), EV_DEVICE_WAKE, 0);
    }

    void wake() {
        backendState = IoSnapshot.BackendState.BUSY;
        s.log.add(s.nowNanos, IoEventKind.DEVICE_WAKE, -1, s.vq.availIdx());
        if (s.suppression() != Suppression.NONE) {
            s.vq.disableNotifications();
        }
        serveNext();
    }

    /** Takes the next chain, or, if there is none, polls or goes back to sleep. */
    private void serveNext() {
        int head = s.vq.pop();
        if (head < 0) {
            drained();
            return;
        }
        s.vq.readChain(head, addrs, lens, flags);
        long nanos = s.vhost() ? s.costs.vhostNanosPerRequest() : s.costs.qemuNanosPerRequest();
        s.c.hostBackendNanos += nanos;
        s.log.add(s.nowNanos, IoEventKind.DEVICE_TAKE, head, s.vq.lastAvailIdx());
        s.events.add(s.nowNanos + nanos, EV_BACKEND_DONE, head);
    }

    private void drained() {
        long pollMicros = s.virtio().pollMicros();
        if (pollMicros > 0 && backendState == IoSnapshot.BackendState.BUSY) {
            backendState = IoSnapshot.BackendState.POLLING;
            pollStartNanos = s.nowNanos;
            pollSerial++;
            s.log.add(s.nowNanos, IoEventKind.DEVICE_POLL, -1, s.vq.availIdx());
            s.events.add(s.nowNanos + pollMicros * 1_000, EV_POLL_END, pollSerial);
            return;
        }
        rearm();
    }

    /** Asks for kicks again (vhost_enable_notify) and re-checks: the driver may have added one meanwhile. */
    private void rearm() {
        if (s.suppression() != Suppression.NONE && s.vq.enableNotifications()) {
            s.vq.disableNotifications();
            backendState = IoSnapshot.BackendState.BUSY;
            serveNext();
            return;
        }
        backendState = IoSnapshot.BackendState.IDLE;
        s.log.add(s.nowNanos, IoEventKind.DEVICE_SLEEP, -1, s.vq.availEvent());
    }

    void pollEnd(int serial) {
        if (backendState == IoSnapshot.BackendState.POLLING && serial == pollSerial) {
            s.c.hostPollNanos += s.nowNanos - pollStartNanos;
            backendState = IoSnapshot.BackendState.BUSY;
            rearm();
        }
    }

    /** The driver published chains: a polling back-end sees them without a kick. */
    void seesNewWork() {
        if (backendState == IoSnapshot.BackendState.POLLING) {
            s.c.hostPollNanos += s.nowNanos - pollStartNanos;
            pollSerial++;
            backendState = IoSnapshot.BackendState.BUSY;
            serveNext();
        }
    }

    // ------------------------------------------------------------------ emulated back-end

    /** The emulated device's last register access of a request: QEMU serves it once free. */
    void submitEmulated(int slot) {
        backendFifo.add(slot);
        if (backendState == IoSnapshot.BackendState.IDLE) {
            emulatedServeNext();
        }
    }

    private void emulatedServeNext() {
        if (backendFifo.isEmpty()) {
            backendState = IoSnapshot.BackendState.IDLE;
            return;
        }
        int slot = backendFifo.poll();
        backendState = IoSnapshot.BackendState.BUSY;
        s.c.hostBackendNanos += s.costs.qemuNanosPerRequest();
        s.events.add(s.nowNanos + s.costs.qemuNanosPerRequest(), EV_BACKEND_DONE, slot);
    }

    void backendDone(int slot) {
        toDevice(slot);
        if (s.vq != null) {
            serveNext();
        } else {
            emulatedServeNext();
        }
    }

    // ------------------------------------------------------------------ the physical device

    /** Hands a request to the physical device: the transfer waits for the bandwidth, then the latency overlaps. */
    void toDevice(int slot) {
        int bytes = s.slotBytes.get(slot);
        long dma = iotlb == null ? 0 : translate(slot, bytes);
        long transfer = s.spec.physical().transferNanos(bytes);
        s.c.transferNanos += transfer;
        physFreeAtNanos = Math.max(s.nowNanos, physFreeAtNanos) + transfer + dma;
        s.events.add(physFreeAtNanos + s.spec.physical().latencyNanos(), EV_PHYS_DONE, slot);
    }

    /** The IOMMU translates the request's DMA: its data pages, then its queue entry's page. Returns the time. */
    private long translate(int slot, int bytes) {
        long dma = 0;
        int misses = 0;
        long first = (DATA_BASE + (long) slot * IoWorkload.MAX_BLOCK_BYTES) / IoCosts.PAGE_BYTES;
        long pages = (bytes + IoCosts.PAGE_BYTES - 1L) / IoCosts.PAGE_BYTES;
        for (long p = 0; p <= pages; p++) {
            long page = p < pages ? first + p : (QUEUE_BASE + (long) slot * QUEUE_ENTRY_BYTES) / IoCosts.PAGE_BYTES;
            if (iotlb.access(page)) {
                s.c.iotlbHits++;
                dma += s.costs.iotlbHitNanos();
            } else {
                s.c.iotlbMisses++;
                misses++;
                dma += s.costs.iotlbMissNanos();
            }
        }
        s.c.iotlbNanos += dma;
        if (misses > 0) {
            s.log.add(s.nowNanos, IoEventKind.IOTLB_MISS, slot, misses);
        }
        return dma;
    }

    void physicalDone(int slot) {
        if (s.vq != null) {
            s.vq.pushUsed(slot, s.spec.workload().kind().deviceWrittenBytes(s.slotBytes.get(slot)));
            s.log.add(s.nowNanos, IoEventKind.USED, slot, s.vq.usedIdx());
        } else {
            completedFifo.add(slot);
            s.log.add(s.nowNanos, IoEventKind.USED, slot, -1);
        }
        unsignalled++;
        Coalescing coalescing = s.spec.coalescing();
        if (unsignalled >= coalescing.maxCompletions()) {
            signal();
        } else if (!coalesceArmed) {
            coalesceArmed = true;
            coalesceSerial++;
            s.events.add(s.nowNanos + coalescing.maxDelayMicros() * 1_000, EV_COALESCE, coalesceSerial);
        }
    }

    void coalesceTimer(int serial) {
        if (coalesceArmed && serial == coalesceSerial) {
            signal();
        }
    }

    /** Decides whether to interrupt for the completions since the last decision, and does. */
    private void signal() {
        unsignalled = 0;
        coalesceArmed = false;
        coalesceSerial++;
        boolean send = s.vq != null ? s.vq.needsInterrupt() : !masked;
        int idx = s.vq == null ? -1 : s.vq.usedIdx();
        if (!send) {
            s.c.interruptsSuppressed++;
            s.log.add(s.nowNanos, IoEventKind.INTERRUPT_SUPPRESSED, -1, idx);
            return;
        }
        s.c.interrupts++;
        s.log.add(s.nowNanos, IoEventKind.INTERRUPT, -1, idx);
        boolean passthrough = s.spec.mode() instanceof IoMode.Passthrough;
        boolean remapped = passthrough && !((IoMode.Passthrough) s.spec.mode()).postedInterrupts();
        if (remapped) {
            // the physical interrupt reaches the host while the vCPU runs: an exit, then an injection
            s.c.exit(ExitReason.EXTERNAL_INTERRUPT, false, s.costs.exitNanos());
            s.log.exit(s.nowNanos, ExitReason.EXTERNAL_INTERRUPT);
            stolenNanos += s.costs.exitNanos();
        }
        long delay = 0;
        if (!passthrough || remapped) {
            s.c.hostInjectionNanos += s.costs.injectionNanos();
            delay = s.costs.injectionNanos();
        }
        s.events.add(s.nowNanos + delay, EV_INTERRUPT, 0);
    }

    // ------------------------------------------------------------------ what the driver sees

    /** Completed requests the driver has not taken yet. */
    int completionsAvailable() {
        return s.vq == null ? completedFifo.size() : (s.vq.usedIdx() - s.vq.lastUsedIdx()) & 0xFFFF;
    }

    /** Emulated and passthrough: the next completed request's slot. */
    int takeCompleted() {
        return completedFifo.poll();
    }

    /** Emulated and passthrough: the driver masks or unmasks the device's interrupts (NAPI-style). */
    void mask(boolean on) {
        masked = on;
    }

    /** The vCPU time remapped interrupts took since the last call. */
    long takeStolenNanos() {
        long n = stolenNanos;
        stolenNanos = 0;
        return n;
    }
}
