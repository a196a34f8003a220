package org.virtlab.engine.io;

import static org.virtlab.engine.io.DeviceState.EV_BACKEND_DONE;
import static org.virtlab.engine.io.DeviceState.EV_BATCH_TIMER;
import static org.virtlab.engine.io.DeviceState.EV_COALESCE;
import static org.virtlab.engine.io.DeviceState.EV_DEVICE_WAKE;
import static org.virtlab.engine.io.DeviceState.EV_GUEST_DONE;
import static org.virtlab.engine.io.DeviceState.EV_INTERRUPT;
import static org.virtlab.engine.io.DeviceState.EV_PHYS_DONE;
import static org.virtlab.engine.io.DeviceState.EV_POLL_END;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.virtlab.engine.EventSink;
import org.virtlab.engine.SimRandom;

/**
 * One device played out in simulated time (the model is in the package comment): a discrete-event simulation in
 * nanoseconds, carried from tick to tick. This class plays the guest (its workload and its driver on one vCPU, one
 * job at a time: add requests, kick, take completions) and runs the clock; {@link DeviceSide} plays the back-end and
 * the physical device; {@link DeviceState} is what they share.
 *
 * <p>A job's effects (requests added, completions taken) apply when it ends; what it does (how many, whether to kick)
 * is decided when it starts, since nothing else changes the driver's side meanwhile.
 */
final class DeviceRun {
    /** Buffers an indirect table holds when a virtio device uses them: a request has at most 3. */
    static final int INDIRECT_TABLE_ENTRIES = 4;

    private static final long NEVER = Long.MAX_VALUE;
    private static final int JOB_ADD = 1;
    private static final int JOB_KICK = 2;
    private static final int JOB_COMPLETE = 3;
    private static final int JOB_EMULATED_SUBMIT = 4;
    private static final int JOB_PASSTHROUGH_SUBMIT = 5;

    private final DeviceState s;
    private DeviceSide device;

    private long nextArrivalNanos = NEVER;
    private boolean drawArrival;
    private long nextSerial;
    private final RequestQueue waiting;
    /** Emulated and passthrough: free slots, a stack (virtio's slots are its free descriptors). */
    private CowInts freeSlots;
    private int freeSlotCount;

    private boolean guestBusy;
    private int jobCount;
    private boolean interruptPending;
    private boolean handlerActive;
    private boolean flushWanted;
    private int addedSinceKick;
    private boolean batchTimerArmed;
    private int batchSerial;

    // scratch for building a chain: not state
    private final long[] addrs = new long[INDIRECT_TABLE_ENTRIES];
    private final int[] lens = new int[INDIRECT_TABLE_ENTRIES];

    DeviceRun(IoDeviceSpec spec, IoCosts costs) {
        s = new DeviceState(spec, costs);
        waiting = new RequestQueue(16);
        build();
        drawArrival = true;
        topUp();
        runGuest();
    }

    private DeviceRun(DeviceRun o) {
        s = o.s.copy();
        device = o.device.copy(s);
        nextArrivalNanos = o.nextArrivalNanos;
        drawArrival = o.drawArrival;
        nextSerial = o.nextSerial;
        waiting = o.waiting.copy();
        freeSlots = o.freeSlots.copy();
        freeSlotCount = o.freeSlotCount;
        guestBusy = o.guestBusy;
        jobCount = o.jobCount;
        interruptPending = o.interruptPending;
        handlerActive = o.handlerActive;
        flushWanted = o.flushWanted;
        addedSinceKick = o.addedSinceKick;
        batchTimerArmed = o.batchTimerArmed;
        batchSerial = o.batchSerial;
    }

    /** A deep copy: restoring it continues exactly. */
    DeviceRun copy() {
        return new DeviceRun(this);
    }

    IoDeviceSpec spec() {
        return s.spec;
    }

    IoCosts costs() {
        return s.costs;
    }

    /**
     * From now on, steps cost this (the VM's host has another clock: it was live-migrated). Work already under way
     * keeps the time it was given.
     */
    void useCosts(IoCosts costs) {
        s.costs = costs;
    }

    /** The device's journaled events go to {@code events} too until {@link #detach()} (see {@link EventLog}). */
    void attach(EventSink events) {
        s.log.attach(events, s.spec.vmId(), s.spec.id());
    }

    void detach() {
        s.log.detach();
    }

    // ------------------------------------------------------------------ configuration

    /** Sets the device up for the spec's mode: slots, virtqueue, a fresh device side; nothing in flight. */
    private void build() {
        IoMode mode = s.spec.mode();
        int slots;
        if (mode instanceof IoMode.Virtio v) {
            s.vq = new SplitVirtqueue(v.queueSize(), v.suppression() == Suppression.EVENT_IDX,
                    v.indirect() ? INDIRECT_TABLE_ENTRIES : 0);
            slots = v.queueSize();
        } else {
            s.vq = null;
            slots = mode instanceof IoMode.Emulated e ? e.model().maxInFlight() : ((IoMode.Passthrough) mode).queueEntries();
        }
        s.newSlots(slots);
        freeSlots = new CowInts(slots);
        for (int i = 0; i < slots; i++) {
            freeSlots.set(i, slots - 1 - i); // slot 0 on top
        }
        freeSlotCount = slots;
        s.events.clear();
        device = new DeviceSide(s);
        guestBusy = false;
        jobCount = 0;
        interruptPending = false;
        handlerActive = false;
        flushWanted = false;
        addedSinceKick = 0;
        batchTimerArmed = false;
    }

    /**
     * Resets the device with new settings (a new queue size or suppression renegotiates the features: virtio 1.1
     * §3.1.1): the requests it held are issued again ahead of those waiting, oldest first, with their issue times.
     */
    void restart(IoDeviceSpec newSpec) {
        s.metrics.integrate(s.nowNanos, s.inFlight, s.descriptorsInUse());
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < s.slotBusy.length(); i++) {
            if (s.slotBusy.get(i) != 0) {
                held.add(i);
            }
        }
        held.sort(Comparator.comparingLong(i -> s.slotSerial.get(i)));
        for (int k = held.size() - 1; k >= 0; k--) {
            int i = held.get(k);
            waiting.addFirst(s.slotArrival.get(i), s.slotSerial.get(i), s.slotBytes.get(i));
        }
        s.spec = newSpec;
        build();
        s.c.resets++;
        s.log.add(s.nowNanos, IoEventKind.RESET, -1, -1);
        topUp();
        runGuest();
    }

    /** New settings that need no reset (batch, request size, workload). */
    void reconfigure(IoDeviceSpec newSpec) {
        IoWorkload before = s.spec.workload();
        boolean arrivalsChanged = !newSpec.workload().withRequestBytes(before.requestBytes()).equals(before);
        s.spec = newSpec;
        if (arrivalsChanged) { // a new rate or shape: the next arrival is drawn anew (a size alone changes nothing)
            nextArrivalNanos = NEVER;
            drawArrival = true;
        }
        if (newSpec.mode() instanceof IoMode.Virtio v && addedSinceKick >= v.requestsPerKick()) {
            flushWanted = true;
        }
        topUp();
        runGuest();
    }

    // ------------------------------------------------------------------ time

    /** Plays the device from {@code startNanos} to {@code endNanos}. */
    void advance(long startNanos, long endNanos, SimRandom random) {
        s.nowNanos = startNanos;
        if (drawArrival) {
            drawArrival = false;
            nextArrivalNanos = s.spec.workload() instanceof IoWorkload.OpenLoop && !limitReached()
                    ? startNanos + interArrival(random) : NEVER;
        }
        while (true) {
            long tEvent = s.events.isEmpty() ? NEVER : s.events.peekTime();
            if (nextArrivalNanos < tEvent) { // an arrival at the same time as an event comes after it
                if (nextArrivalNanos >= endNanos) {
                    break;
                }
                moveTo(nextArrivalNanos);
                arrival(random);
            } else {
                if (tEvent >= endNanos) {
                    break;
                }
                moveTo(tEvent);
                s.events.pop();
                dispatch(s.events.poppedKind, s.events.poppedArg);
            }
        }
        moveTo(endNanos);
        s.metrics.closeWindowIfDue(endNanos);
    }

    private void moveTo(long t) {
        s.metrics.integrate(t, s.inFlight, s.descriptorsInUse());
        s.nowNanos = t;
    }

    private long interArrival(SimRandom random) {
        double meanNanos = 1e9 / ((IoWorkload.OpenLoop) s.spec.workload()).requestsPerSecond();
        return Math.round(random.nextExponential(meanNanos));
    }

    private void dispatch(int kind, int arg) {
        switch (kind) {
            case EV_PHYS_DONE -> device.physicalDone(arg);
            case EV_BACKEND_DONE -> device.backendDone(arg);
            case EV_DEVICE_WAKE -> device.wake();
            case EV_POLL_END -> device.pollEnd(arg);
            case EV_COALESCE -> device.coalesceTimer(arg);
            case EV_INTERRUPT -> {
                interruptPending = true;
                runGuest();
            }
            case EV_GUEST_DONE -> jobDone(arg);
            case EV_BATCH_TIMER -> {
                if (batchTimerArmed && arg == batchSerial) {
                    batchTimerArmed = false;
                    flushWanted = addedSinceKick > 0;
                    runGuest();
                }
            }
            default -> throw new IllegalStateException("unknown event " + kind);
        }
    }

    // ------------------------------------------------------------------ the workload

    private boolean limitReached() {
        long limit = s.spec.workload().requestLimit();
        return limit != IoWorkload.UNLIMITED && s.c.issued >= limit;
    }

    private void arrival(SimRandom random) {
        issue(true);
        nextArrivalNanos = limitReached() ? NEVER : s.nowNanos + interArrival(random);
        runGuest();
    }

    /** The guest issues one request; an open loop's is dropped if too many are waiting. */
    private void issue(boolean mayDrop) {
        s.c.issued++;
        if (mayDrop && waiting.size() >= IoSubsystem.MAX_WAITING_REQUESTS) {
            s.c.dropped++;
            s.log.add(s.nowNanos, IoEventKind.DROP, -1, -1);
            return;
        }
        waiting.addLast(s.nowNanos, nextSerial++, s.spec.workload().requestBytes());
    }

    /** A closed loop issues requests until its queue depth is outstanding. */
    private void topUp() {
        if (s.spec.workload() instanceof IoWorkload.ClosedLoop closed) {
            while (waiting.size() + s.inFlight < closed.queueDepth() && !limitReached()) {
                issue(false);
            }
        }
    }

    // ------------------------------------------------------------------ the guest's vCPU

    /** Starts the vCPU's next job if it is free: a due kick, then an interrupt, then more requests. */
    private void runGuest() {
        if (guestBusy) {
            return;
        }
        if (flushWanted) {
            flushWanted = false;
            if (addedSinceKick > 0) {
                startKick();
                if (guestBusy) {
                    return;
                }
            }
        }
        if (interruptPending) {
            startCompletions(true);
            return;
        }
        if (waiting.isEmpty()) {
            return;
        }
        IoMode mode = s.spec.mode();
        if (mode instanceof IoMode.Virtio v) {
            int n = Math.min(waiting.size(), Math.min(v.requestsPerKick() - addedSinceKick, virtioRoom()));
            if (n > 0) {
                startSubmit(JOB_ADD, n);
            }
        } else if (mode instanceof IoMode.Emulated e) {
            if (freeSlotCount > 0) {
                startEmulatedSubmit(e);
            }
        } else if (freeSlotCount > 0) {
            startSubmit(JOB_PASSTHROUGH_SUBMIT, Math.min(waiting.size(), freeSlotCount));
        }
    }

    private void startSubmit(int job, int count) {
        long nanos = count * s.costs.guestSubmitNanos();
        s.c.guestDriverNanos += nanos;
        startJob(job, count, nanos);
    }

    private void startJob(int job, int count, long nanos) {
        guestBusy = true;
        jobCount = count;
        s.events.add(s.nowNanos + nanos, EV_GUEST_DONE, job);
    }

    private void jobDone(int job) {
        guestBusy = false;
        switch (job) {
            case JOB_ADD -> addDone();
            case JOB_KICK -> device.kicked();
            case JOB_COMPLETE -> completionsDone();
            case JOB_EMULATED_SUBMIT -> emulatedSubmitDone();
            case JOB_PASSTHROUGH_SUBMIT -> passthroughSubmitDone();
            default -> throw new IllegalStateException("unknown job " + job);
        }
        runGuest();
    }

    /** Requests that fit in the virtqueue now: one descriptor each with indirect tables, else a chain each. */
    private int virtioRoom() {
        return s.virtio().indirect() ? s.vq.numFree() : s.vq.numFree() / s.spec.workload().kind().buffersPerRequest();
    }

    private void addDone() {
        IoMode.Virtio v = s.virtio();
        IoKind kind = s.spec.workload().kind();
        int buffers = kind.buffersPerRequest();
        for (int k = 0; k < jobCount; k++) {
            waiting.pollFirst();
            int head = s.vq.freeHead();
            for (int b = 0; b < buffers; b++) {
                addrs[b] = bufferAddress(b, head);
                lens[b] = kind.bufferBytes(b, waiting.polledBytes);
            }
            int added = s.vq.addChain(addrs, lens, kind.readableBuffers(), buffers - kind.readableBuffers());
            if (added != head) {
                throw new IllegalStateException("the driver counted room for a request the queue refused");
            }
            hold(head);
            s.log.add(s.nowNanos, IoEventKind.SUBMIT, head, s.vq.availIdx());
        }
        addedSinceKick += jobCount;
        device.seesNewWork();
        boolean noMoreComing = waiting.isEmpty() && (v.batchWaitMicros() == 0 || limitReached());
        if (addedSinceKick >= v.requestsPerKick() || virtioRoom() == 0 || noMoreComing) {
            flushWanted = true;
        } else if (waiting.isEmpty() && !batchTimerArmed) {
            batchTimerArmed = true;
            batchSerial++;
            s.events.add(s.nowNanos + v.batchWaitMicros() * 1_000, EV_BATCH_TIMER, batchSerial);
        }
    }

    private static long bufferAddress(int buffer, int slot) {
        return switch (buffer) {
            case 0 -> DeviceSide.HEADER_BASE + (long) slot * 64;
            case 1 -> DeviceSide.DATA_BASE + (long) slot * IoWorkload.MAX_BLOCK_BYTES;
            default -> DeviceSide.STATUS_BASE + slot;
        };
    }

    /** Puts the request just polled from the waiting queue in {@code slot}. */
    private void hold(int slot) {
        s.slotArrival.set(slot, waiting.polledArrivalNanos);
        s.slotSerial.set(slot, waiting.polledSerial);
        s.slotBytes.set(slot, waiting.polledBytes);
        s.slotBusy.set(slot, 1);
        s.inFlight++;
        s.c.submitted++;
    }

    /** The driver decides whether to notify (virtio 1.1 §2.6.13.4) and, if so, kicks: an MMIO write that exits. */
    private void startKick() {
        addedSinceKick = 0;
        batchTimerArmed = false;
        batchSerial++;
        if (!s.vq.kickPrepare()) {
            s.c.kicksSuppressed++;
            s.log.add(s.nowNanos, IoEventKind.KICK_SUPPRESSED, -1, s.vq.availIdx());
            return;
        }
        long nanos = s.vhost() ? s.costs.exitNanos() : s.costs.userSpaceExitNanos();
        s.c.kicks++;
        s.log.add(s.nowNanos, IoEventKind.KICK, -1, s.vq.availIdx());
        s.c.exit(ExitReason.EPT_VIOLATION, true, nanos);
        s.log.exit(s.nowNanos, ExitReason.EPT_VIOLATION);
        startJob(JOB_KICK, 0, nanos);
    }

    /** Emulated: one request, its register accesses each an exit to QEMU plus the device model's work. */
    private void startEmulatedSubmit(IoMode.Emulated e) {
        long nanos = s.costs.guestSubmitNanos();
        s.c.guestDriverNanos += nanos;
        nanos += accesses(e, e.accessesPerRequest(), true, nanos);
        startJob(JOB_EMULATED_SUBMIT, 1, nanos);
    }

    /** Counts {@code count} trapped register accesses starting {@code offsetNanos} from now; returns their time. */
    private long accesses(IoMode.Emulated e, int count, boolean dataPath, long offsetNanos) {
        long exit = s.costs.userSpaceExitNanos();
        long emulation = s.costs.emulationNanosPerAccess();
        ExitReason reason = e.model().access().exitReason();
        for (int k = 0; k < count; k++) {
            s.c.exit(reason, dataPath, exit);
            s.c.guestExitNanos += emulation;
            s.c.hostEmulationNanos += emulation;
            s.log.exit(s.nowNanos + offsetNanos + k * (exit + emulation), reason);
        }
        return count * (exit + emulation);
    }

    private void emulatedSubmitDone() {
        waiting.pollFirst();
        int slot = freeSlots.get(--freeSlotCount);
        hold(slot);
        s.log.add(s.nowNanos, IoEventKind.SUBMIT, slot, -1);
        device.submitEmulated(slot);
    }

    private void passthroughSubmitDone() {
        for (int k = 0; k < jobCount; k++) {
            waiting.pollFirst();
            int slot = freeSlots.get(--freeSlotCount);
            hold(slot);
            s.log.add(s.nowNanos, IoEventKind.SUBMIT, slot, -1);
            device.toDevice(slot);
        }
        s.log.add(s.nowNanos, IoEventKind.DOORBELL, -1, -1); // a write to the device's own register: no exit
    }

    /**
     * Takes the completions there are now; with {@code interrupt}, first the interrupt itself: its entry into the
     * guest, an emulated device's acknowledging accesses, the vCPU time remapped interrupts took. While the driver
     * works, interrupts are off: a virtio driver asks for none (unless suppression is off), another driver masks its
     * device, as NAPI does.
     */
    private void startCompletions(boolean interrupt) {
        long nanos = 0;
        if (interrupt) {
            interruptPending = false;
            s.c.interruptsHandled++;
            nanos += s.costs.guestInterruptNanos();
            s.c.guestDriverNanos += s.costs.guestInterruptNanos();
            nanos += device.takeStolenNanos();
            if (s.spec.mode() instanceof IoMode.Emulated e) {
                nanos += accesses(e, e.accessesPerInterrupt(), false, nanos);
            }
        }
        if (!handlerActive) {
            handlerActive = true;
            if (s.vq == null) {
                device.mask(true);
            } else if (s.suppression() != Suppression.NONE) {
                s.vq.disableInterrupts();
            }
        }
        int n = device.completionsAvailable();
        nanos += n * s.costs.guestCompleteNanos();
        s.c.guestDriverNanos += n * s.costs.guestCompleteNanos();
        startJob(JOB_COMPLETE, n, nanos);
    }

    private void completionsDone() {
        for (int k = 0; k < jobCount; k++) {
            int slot;
            if (s.vq == null) {
                slot = device.takeCompleted();
                freeSlots.set(freeSlotCount++, slot);
            } else {
                slot = s.vq.getUsed();
            }
            s.metrics.completed(s.nowNanos - s.slotArrival.get(slot), s.slotBytes.get(slot));
            s.slotBusy.set(slot, 0);
            s.inFlight--;
            s.log.add(s.nowNanos, IoEventKind.COMPLETE, slot, s.vq == null ? -1 : s.vq.lastUsedIdx());
        }
        topUp();
        if (device.completionsAvailable() > 0) {
            startCompletions(false);
            return;
        }
        if (s.vq == null) {
            device.mask(false);
        } else if (s.suppression() != Suppression.NONE && !s.vq.enableInterrupts()) {
            startCompletions(false); // more arrived as interrupts came back on: take them first
            return;
        }
        handlerActive = false;
    }

    // ------------------------------------------------------------------ snapshot

    IoSnapshot.Device snapshot() {
        IoSnapshot.Totals totals = s.metrics.totals(s.nowNanos, waiting.size(), s.inFlight, s.descriptorsInUse());
        return new IoSnapshot.Device(s.spec, totals, s.metrics.lastWindow(), s.metrics.history(),
                s.vq == null ? null : IoSnapshot.Ring.of(s.vq), device.backendState(), s.log.toList(), s.costs);
    }
}
