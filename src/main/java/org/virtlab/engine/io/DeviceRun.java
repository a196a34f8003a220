package org.virtlab.engine.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.virtlab.engine.SimRandom;

/**
 * One device played out in simulated time (the model is in the package comment): a discrete-event simulation in
 * nanoseconds, carried from tick to tick. Three actors share it: the guest's vCPU running the driver (one job at a
 * time: add requests, kick, take completions), the back-end (QEMU's device model or a vhost worker, one request at a
 * time) and the physical device (transfers one after the other at its bandwidth, latencies overlapped).
 *
 * <p>A job's effects (requests added, completions taken) apply when it ends; what it decides (how many, whether to
 * kick) is decided when it starts, since nothing else can change the driver's side meanwhile.
 */
final class DeviceRun {
    /** Guest-physical layout of the request buffers: per slot a header, a 1 MiB data area, a status byte. */
    static final long HEADER_BASE = 0x1000_0000L;
    static final long STATUS_BASE = 0x2000_0000L;
    static final long QUEUE_BASE = 0x3000_0000L;
    static final long DATA_BASE = 0x1_0000_0000L;
    /** Bytes of a passthrough device's queue entry (an NVMe submission entry). */
    static final int QUEUE_ENTRY_BYTES = 64;
    /** Buffers an indirect table holds when a virtio device uses them: a request has at most 3. */
    static final int INDIRECT_TABLE_ENTRIES = 4;

    private static final long NEVER = Long.MAX_VALUE;
    private static final long WINDOW_NANOS = IoSubsystem.WINDOW_MICROS * 1_000;

    // event kinds, numbered in their tie-break order: the device's side settles before the guest's
    private static final int EV_PHYS_DONE = 0;
    private static final int EV_BACKEND_DONE = 1;
    private static final int EV_DEVICE_WAKE = 2;
    private static final int EV_POLL_END = 3;
    private static final int EV_COALESCE = 4;
    private static final int EV_INTERRUPT = 5;
    private static final int EV_GUEST_DONE = 6;
    private static final int EV_BATCH_TIMER = 7;

    private static final int JOB_ADD = 1;
    private static final int JOB_KICK = 2;
    private static final int JOB_COMPLETE = 3;
    private static final int JOB_EMULATED_SUBMIT = 4;
    private static final int JOB_PASSTHROUGH_SUBMIT = 5;

    private final IoCosts costs;
    private IoDeviceSpec spec;

    private long nowNanos;
    private EventHeap events;
    private long nextArrivalNanos = NEVER;
    private boolean drawArrival;
    private long nextSerial;
    private RequestQueue waiting;

    /** Per slot (virtio: per head descriptor), the request it holds. */
    private long[] slotArrival;
    private long[] slotSerial;
    private int[] slotBytes;
    private boolean[] slotBusy;
    /** Emulated and passthrough: free slots, a stack. */
    private int[] freeSlots;
    private int freeSlotCount;
    private int inFlight;

    private boolean guestBusy;
    private int jobCount;
    private boolean interruptPending;
    /** vCPU time taken by remapped interrupts' exits, charged to the next interrupt's handling. */
    private long stolenNanos;
    private boolean handlerActive;
    private boolean flushWanted;
    private int addedSinceKick;
    private boolean batchTimerArmed;
    private int batchSerial;

    private SplitVirtqueue vq;
    private IoSnapshot.BackendState backendState;
    private long pollStartNanos;
    private int pollSerial;
    private IntFifo backendFifo;
    private IntFifo completedFifo;
    private boolean backendBusy;
    private boolean deviceMasked;
    private long physFreeAtNanos;
    private int unsignalled;
    private boolean coalesceArmed;
    private int coalesceSerial;
    private Iotlb iotlb;

    private IoCounters c;
    private IoCounters windowBase;
    private LatencyHistogram allLatencies;
    private LatencyHistogram windowLatencies;
    private long windowStartNanos;
    private IoSnapshot.Window lastWindow;
    private List<IoSnapshot.Window> history;
    private EventLog log;
    private long integratedToNanos;

    // scratch for the device's walk of a chain and the driver's building of one: not state
    private final long[] addrs = new long[INDIRECT_TABLE_ENTRIES];
    private final int[] lens = new int[INDIRECT_TABLE_ENTRIES];
    private final int[] flags = new int[INDIRECT_TABLE_ENTRIES];

    DeviceRun(IoDeviceSpec spec, IoCosts costs) {
        this.costs = costs;
        this.spec = spec;
        events = new EventHeap(16);
        waiting = new RequestQueue(16);
        c = new IoCounters();
        windowBase = new IoCounters();
        allLatencies = new LatencyHistogram();
        windowLatencies = new LatencyHistogram();
        lastWindow = IoSnapshot.Window.EMPTY;
        history = List.of();
        log = new EventLog();
        build();
        drawArrival = true;
        topUp();
        runGuest();
    }

    private DeviceRun(DeviceRun o) {
        costs = o.costs;
        spec = o.spec;
        nowNanos = o.nowNanos;
        events = o.events.copy();
        nextArrivalNanos = o.nextArrivalNanos;
        drawArrival = o.drawArrival;
        nextSerial = o.nextSerial;
        waiting = o.waiting.copy();
        slotArrival = o.slotArrival.clone();
        slotSerial = o.slotSerial.clone();
        slotBytes = o.slotBytes.clone();
        slotBusy = o.slotBusy.clone();
        freeSlots = o.freeSlots.clone();
        freeSlotCount = o.freeSlotCount;
        inFlight = o.inFlight;
        guestBusy = o.guestBusy;
        jobCount = o.jobCount;
        interruptPending = o.interruptPending;
        stolenNanos = o.stolenNanos;
        handlerActive = o.handlerActive;
        flushWanted = o.flushWanted;
        addedSinceKick = o.addedSinceKick;
        batchTimerArmed = o.batchTimerArmed;
        batchSerial = o.batchSerial;
        vq = o.vq == null ? null : o.vq.copy();
        backendState = o.backendState;
        pollStartNanos = o.pollStartNanos;
        pollSerial = o.pollSerial;
        backendFifo = o.backendFifo.copy();
        completedFifo = o.completedFifo.copy();
        backendBusy = o.backendBusy;
        deviceMasked = o.deviceMasked;
        physFreeAtNanos = o.physFreeAtNanos;
        unsignalled = o.unsignalled;
        coalesceArmed = o.coalesceArmed;
        coalesceSerial = o.coalesceSerial;
        iotlb = o.iotlb == null ? null : o.iotlb.copy();
        c = o.c.copy();
        windowBase = o.windowBase.copy();
        allLatencies = o.allLatencies.copy();
        windowLatencies = o.windowLatencies.copy();
        windowStartNanos = o.windowStartNanos;
        lastWindow = o.lastWindow;
        history = o.history;
        log = o.log.copy();
        integratedToNanos = o.integratedToNanos;
    }

    /** A deep copy: restoring it continues exactly. */
    DeviceRun copy() {
        return new DeviceRun(this);
    }

    IoDeviceSpec spec() {
        return spec;
    }

    // ------------------------------------------------------------------ configuration

    /** Builds the device for the spec's mode: slots, virtqueue, IOTLB; everything in flight is forgotten. */
    private void build() {
        IoMode mode = spec.mode();
        int slots;
        if (mode instanceof IoMode.Virtio v) {
            vq = new SplitVirtqueue(v.queueSize(), v.suppression() == Suppression.EVENT_IDX,
                    v.indirect() ? INDIRECT_TABLE_ENTRIES : 0);
            slots = v.queueSize();
            backendState = IoSnapshot.BackendState.IDLE;
        } else if (mode instanceof IoMode.Emulated e) {
            vq = null;
            slots = e.model().maxInFlight();
            backendState = IoSnapshot.BackendState.IDLE;
        } else {
            vq = null;
            slots = ((IoMode.Passthrough) mode).queueEntries();
            backendState = IoSnapshot.BackendState.NONE;
        }
        iotlb = mode instanceof IoMode.Passthrough p ? new Iotlb(p.iotlbEntries()) : null;
        slotArrival = new long[slots];
        slotSerial = new long[slots];
        slotBytes = new int[slots];
        slotBusy = new boolean[slots];
        freeSlots = new int[slots];
        for (int i = 0; i < slots; i++) {
            freeSlots[i] = slots - 1 - i; // slot 0 on top
        }
        freeSlotCount = slots;
        inFlight = 0;
        events.clear();
        guestBusy = false;
        jobCount = 0;
        interruptPending = false;
        stolenNanos = 0;
        handlerActive = false;
        flushWanted = false;
        addedSinceKick = 0;
        batchTimerArmed = false;
        backendFifo = new IntFifo(16);
        completedFifo = new IntFifo(16);
        backendBusy = false;
        deviceMasked = false;
        physFreeAtNanos = nowNanos;
        unsignalled = 0;
        coalesceArmed = false;
    }

    /**
     * Resets the device with new settings (a new queue size or suppression renegotiates the features: virtio 1.1
     * §3.1.1): the requests it held are issued again ahead of those waiting, oldest first, with their issue times.
     */
    void restart(IoDeviceSpec newSpec) {
        integrate(nowNanos);
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < slotBusy.length; i++) {
            if (slotBusy[i]) {
                held.add(i);
            }
        }
        held.sort(Comparator.comparingLong(i -> slotSerial[i]));
        for (int k = held.size() - 1; k >= 0; k--) {
            int i = held.get(k);
            waiting.addFirst(slotArrival[i], slotSerial[i], slotBytes[i]);
        }
        spec = newSpec;
        build();
        c.resets++;
        log.add(nowNanos, IoEventKind.RESET, -1, -1);
        topUp();
        runGuest();
    }

    /** New settings that need no reset (batch, request size, workload). */
    void reconfigure(IoDeviceSpec newSpec) {
        IoWorkload before = spec.workload();
        boolean arrivalsChanged = !newSpec.workload().withRequestBytes(before.requestBytes()).equals(before);
        spec = newSpec;
        if (arrivalsChanged) { // a new rate or shape: the next arrival is drawn anew (a size alone changes nothing)
            nextArrivalNanos = NEVER;
            drawArrival = true;
        }
        if (spec.mode() instanceof IoMode.Virtio v && addedSinceKick >= v.requestsPerKick()) {
            flushWanted = true;
        }
        topUp();
        runGuest();
    }

    // ------------------------------------------------------------------ time

    /** Plays the device from {@code startNanos} to {@code endNanos}. */
    void advance(long startNanos, long endNanos, SimRandom random) {
        nowNanos = startNanos;
        if (drawArrival) {
            drawArrival = false;
            nextArrivalNanos = spec.workload() instanceof IoWorkload.OpenLoop && !limitReached()
                    ? startNanos + interArrival(random) : NEVER;
        }
        while (true) {
            long tEvent = events.isEmpty() ? NEVER : events.peekTime();
            if (nextArrivalNanos < tEvent) {
                if (nextArrivalNanos >= endNanos) {
                    break;
                }
                nowNanos = nextArrivalNanos;
                integrate(nowNanos);
                arrival(random);
            } else {
                if (tEvent >= endNanos) {
                    break;
                }
                nowNanos = tEvent;
                integrate(nowNanos);
                events.pop();
                dispatch(events.poppedKind, events.poppedArg);
            }
        }
        nowNanos = endNanos;
        integrate(endNanos);
        if (endNanos - windowStartNanos >= WINDOW_NANOS) {
            closeWindow(endNanos);
        }
    }

    private long interArrival(SimRandom random) {
        double meanNanos = 1e9 / ((IoWorkload.OpenLoop) spec.workload()).requestsPerSecond();
        return Math.round(random.nextExponential(meanNanos));
    }

    private void dispatch(int kind, int arg) {
        switch (kind) {
            case EV_PHYS_DONE -> physicalDone(arg);
            case EV_BACKEND_DONE -> backendDone(arg);
            case EV_DEVICE_WAKE -> deviceWake();
            case EV_POLL_END -> pollEnd(arg);
            case EV_COALESCE -> {
                if (coalesceArmed && arg == coalesceSerial) {
                    signal();
                }
            }
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

    private void integrate(long t) {
        long dt = t - integratedToNanos;
        if (dt > 0) {
            c.occupancyRequestNanos += inFlight * dt;
            c.occupancyDescriptorNanos += descriptorsInUse() * dt;
            integratedToNanos = t;
        }
    }

    private int descriptorsInUse() {
        return vq == null ? inFlight : vq.descriptorsInUse();
    }

    private void closeWindow(long endNanos) {
        IoSnapshot.Window w = c.windowSince(windowBase, windowStartNanos / 1_000, (endNanos - windowStartNanos) / 1_000,
                windowLatencies.percentile(0.99));
        lastWindow = w;
        List<IoSnapshot.Window> h = new ArrayList<>(Math.min(history.size() + 1, IoSubsystem.HISTORY_WINDOWS));
        h.addAll(history.size() < IoSubsystem.HISTORY_WINDOWS ? history : history.subList(1, history.size()));
        h.add(w);
        history = List.copyOf(h);
        windowBase = c.copy();
        windowLatencies.clear();
        windowStartNanos = endNanos;
    }

    // ------------------------------------------------------------------ the workload

    private boolean limitReached() {
        long limit = spec.workload().requestLimit();
        return limit != IoWorkload.UNLIMITED && c.issued >= limit;
    }

    private void arrival(SimRandom random) {
        issue(true);
        nextArrivalNanos = limitReached() ? NEVER : nowNanos + interArrival(random);
        runGuest();
    }

    /** The guest issues one request; an open loop's is dropped if too many are waiting. */
    private void issue(boolean mayDrop) {
        c.issued++;
        if (mayDrop && waiting.size() >= IoSubsystem.MAX_WAITING_REQUESTS) {
            c.dropped++;
            log.add(nowNanos, IoEventKind.DROP, -1, -1);
            return;
        }
        waiting.addLast(nowNanos, nextSerial++, spec.workload().requestBytes());
    }

    /** A closed loop issues requests until its queue depth is outstanding. */
    private void topUp() {
        if (spec.workload() instanceof IoWorkload.ClosedLoop closed) {
            while (waiting.size() + inFlight < closed.queueDepth() && !limitReached()) {
                issue(false);
            }
        }
    }

    // ------------------------------------------------------------------ the guest's vCPU

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
        IoMode mode = spec.mode();
        if (mode instanceof IoMode.Virtio v) {
            int n = Math.min(waiting.size(), Math.min(v.requestsPerKick() - addedSinceKick, virtioRoom()));
            if (n > 0) {
                startJob(JOB_ADD, n, n * costs.guestSubmitNanos());
            }
        } else if (mode instanceof IoMode.Emulated e) {
            if (freeSlotCount > 0) {
                startEmulatedSubmit(e);
            }
        } else if (freeSlotCount > 0) {
            int n = Math.min(waiting.size(), freeSlotCount);
            startJob(JOB_PASSTHROUGH_SUBMIT, n, n * costs.guestSubmitNanos());
        }
    }

    private void startJob(int job, int count, long nanos) {
        guestBusy = true;
        jobCount = count;
        if (job == JOB_ADD || job == JOB_PASSTHROUGH_SUBMIT) {
            c.guestDriverNanos += nanos;
        }
        events.add(nowNanos + nanos, EV_GUEST_DONE, job);
    }

    private void jobDone(int job) {
        guestBusy = false;
        switch (job) {
            case JOB_ADD -> addDone();
            case JOB_KICK -> deviceKicked();
            case JOB_COMPLETE -> completionsDone();
            case JOB_EMULATED_SUBMIT -> emulatedSubmitDone();
            case JOB_PASSTHROUGH_SUBMIT -> passthroughSubmitDone();
            default -> throw new IllegalStateException("unknown job " + job);
        }
        runGuest();
    }

    /** Requests that fit in the virtqueue now: one descriptor each with indirect tables, else a chain each. */
    private int virtioRoom() {
        IoMode.Virtio v = (IoMode.Virtio) spec.mode();
        return v.indirect() ? vq.numFree() : vq.numFree() / spec.workload().kind().buffersPerRequest();
    }

    private void addDone() {
        IoMode.Virtio v = (IoMode.Virtio) spec.mode();
        IoKind kind = spec.workload().kind();
        int buffers = kind.buffersPerRequest();
        for (int k = 0; k < jobCount; k++) {
            waiting.pollFirst();
            int head = vq.freeHead();
            for (int b = 0; b < buffers; b++) {
                addrs[b] = bufferAddress(kind, b, head);
                lens[b] = kind.bufferBytes(b, waiting.polledBytes);
            }
            int added = vq.addChain(addrs, lens, kind.readableBuffers(), buffers - kind.readableBuffers());
            if (added != head) {
                throw new IllegalStateException("the driver counted room for a request the queue refused");
            }
            hold(head);
            log.add(nowNanos, IoEventKind.SUBMIT, head, vq.availIdx());
        }
        addedSinceKick += jobCount;
        backendSeesNewWork();
        boolean noMoreComing = waiting.isEmpty() && (v.batchWaitMicros() == 0 || limitReached());
        if (addedSinceKick >= v.requestsPerKick() || virtioRoom() == 0 || noMoreComing) {
            flushWanted = true;
        } else if (waiting.isEmpty() && !batchTimerArmed) {
            batchTimerArmed = true;
            batchSerial++;
            events.add(nowNanos + v.batchWaitMicros() * 1_000, EV_BATCH_TIMER, batchSerial);
        }
    }

    private static long bufferAddress(IoKind kind, int buffer, int slot) {
        if (buffer == 0) {
            return HEADER_BASE + (long) slot * 64;
        }
        if (buffer == 1) {
            return DATA_BASE + (long) slot * IoWorkload.MAX_BLOCK_BYTES;
        }
        return STATUS_BASE + slot;
    }

    /** Puts the request just polled from the waiting queue in {@code slot}. */
    private void hold(int slot) {
        slotArrival[slot] = waiting.polledArrivalNanos;
        slotSerial[slot] = waiting.polledSerial;
        slotBytes[slot] = waiting.polledBytes;
        slotBusy[slot] = true;
        inFlight++;
        c.submitted++;
    }

    /** The driver decides whether to notify (virtio 1.1 §2.6.13.4) and, if so, kicks: an MMIO write that exits. */
    private void startKick() {
        addedSinceKick = 0;
        batchTimerArmed = false;
        batchSerial++;
        if (!vq.kickPrepare()) {
            c.kicksSuppressed++;
            log.add(nowNanos, IoEventKind.KICK_SUPPRESSED, -1, vq.availIdx());
            return;
        }
        boolean vhost = ((IoMode.Virtio) spec.mode()).backend() == VirtioBackend.VHOST;
        long nanos = vhost ? costs.exitNanos() : costs.userSpaceExitNanos();
        c.kicks++;
        log.add(nowNanos, IoEventKind.KICK, -1, vq.availIdx());
        c.exit(ExitReason.EPT_VIOLATION, true, nanos);
        log.exit(nowNanos, ExitReason.EPT_VIOLATION);
        guestBusy = true;
        jobCount = 0;
        events.add(nowNanos + nanos, EV_GUEST_DONE, JOB_KICK);
    }

    /** Emulated: one request, its register accesses each an exit to QEMU plus the device model's work. */
    private void startEmulatedSubmit(IoMode.Emulated e) {
        long nanos = costs.guestSubmitNanos();
        c.guestDriverNanos += nanos;
        nanos += accesses(e, e.accessesPerRequest(), true, nanos);
        guestBusy = true;
        jobCount = 1;
        events.add(nowNanos + nanos, EV_GUEST_DONE, JOB_EMULATED_SUBMIT);
    }

    /** Counts {@code count} trapped register accesses starting {@code offsetNanos} from now; returns their time. */
    private long accesses(IoMode.Emulated e, int count, boolean dataPath, long offsetNanos) {
        long exit = costs.userSpaceExitNanos();
        long emulation = costs.emulationNanosPerAccess();
        ExitReason reason = e.model().access().exitReason();
        for (int k = 0; k < count; k++) {
            c.exit(reason, dataPath, exit);
            c.guestExitNanos += emulation;
            c.hostEmulationNanos += emulation;
            log.exit(nowNanos + offsetNanos + k * (exit + emulation), reason);
        }
        return count * (exit + emulation);
    }

    private void emulatedSubmitDone() {
        waiting.pollFirst();
        int slot = freeSlots[--freeSlotCount];
        hold(slot);
        log.add(nowNanos, IoEventKind.SUBMIT, slot, -1);
        backendFifo.add(slot);
        if (!backendBusy) {
            emulatedServeNext();
        }
    }

    private void passthroughSubmitDone() {
        for (int k = 0; k < jobCount; k++) {
            waiting.pollFirst();
            int slot = freeSlots[--freeSlotCount];
            hold(slot);
            log.add(nowNanos, IoEventKind.SUBMIT, slot, -1);
            toDevice(slot);
        }
        log.add(nowNanos, IoEventKind.DOORBELL, -1, -1); // a write to the device's own register: no exit
    }

    private int completionsAvailable() {
        return vq == null ? completedFifo.size() : (vq.usedIdx() - vq.lastUsedIdx()) & 0xFFFF;
    }

    /**
     * Takes the completions there are now; with {@code interrupt}, first the interrupt itself: its entry into the
     * guest, an emulated device's acknowledging accesses, a remapped interrupt's exit. While the driver works,
     * interrupts are off: a virtio driver asks for none (unless suppression is off), another driver masks its
     * device, as NAPI does.
     */
    private void startCompletions(boolean interrupt) {
        long nanos = 0;
        if (interrupt) {
            interruptPending = false;
            nanos += costs.guestInterruptNanos();
            c.guestDriverNanos += costs.guestInterruptNanos();
            c.interruptsHandled++;
            nanos += stolenNanos; // remapped interrupts' exits took the vCPU away meanwhile
            stolenNanos = 0;
            if (spec.mode() instanceof IoMode.Emulated e) {
                nanos += accesses(e, e.accessesPerInterrupt(), false, nanos);
            }
        }
        if (!handlerActive) {
            handlerActive = true;
            if (vq == null) {
                deviceMasked = true;
            } else if (suppression() != Suppression.NONE) {
                vq.disableInterrupts();
            }
        }
        int n = completionsAvailable();
        nanos += n * costs.guestCompleteNanos();
        c.guestDriverNanos += n * costs.guestCompleteNanos();
        guestBusy = true;
        jobCount = n;
        events.add(nowNanos + nanos, EV_GUEST_DONE, JOB_COMPLETE);
    }

    private void completionsDone() {
        for (int k = 0; k < jobCount; k++) {
            int slot;
            if (vq == null) {
                slot = completedFifo.poll();
                freeSlots[freeSlotCount++] = slot;
            } else {
                slot = vq.getUsed();
            }
            finish(slot);
        }
        topUp();
        if (completionsAvailable() > 0) {
            startCompletions(false);
            return;
        }
        if (vq == null) {
            deviceMasked = false;
        } else if (suppression() != Suppression.NONE && !vq.enableInterrupts()) {
            startCompletions(false); // more arrived as interrupts came back on: take them first
            return;
        }
        handlerActive = false;
    }

    private void finish(int slot) {
        long latency = nowNanos - slotArrival[slot];
        allLatencies.record(latency);
        windowLatencies.record(latency);
        c.latencySumNanos += latency;
        c.completed++;
        c.bytesCompleted += slotBytes[slot];
        slotBusy[slot] = false;
        inFlight--;
        log.add(nowNanos, IoEventKind.COMPLETE, slot, vq == null ? -1 : vq.lastUsedIdx());
    }

    private Suppression suppression() {
        return ((IoMode.Virtio) spec.mode()).suppression();
    }

    // ------------------------------------------------------------------ the back-end

    private void deviceKicked() {
        if (backendState != IoSnapshot.BackendState.IDLE) {
            return; // already awake
        }
        boolean vhost = ((IoMode.Virtio) spec.mode()).backend() == VirtioBackend.VHOST;
        backendState = IoSnapshot.BackendState.WAKING;
        c.deviceWakeups++;
        events.add(nowNanos + (vhost ? costs.vhostWakeupNanos() : 0), EV_DEVICE_WAKE, 0);
    }

    private void deviceWake() {
        backendState = IoSnapshot.BackendState.BUSY;
        log.add(nowNanos, IoEventKind.DEVICE_WAKE, -1, vq.availIdx());
        if (suppression() != Suppression.NONE) {
            vq.disableNotifications();
        }
        serveNext();
    }

    /** virtio: takes the next chain, or, if there is none, polls or goes back to sleep. */
    private void serveNext() {
        int head = vq.pop();
        if (head < 0) {
            drained();
            return;
        }
        vq.readChain(head, addrs, lens, flags);
        IoMode.Virtio v = (IoMode.Virtio) spec.mode();
        long nanos = v.backend() == VirtioBackend.VHOST ? costs.vhostNanosPerRequest() : costs.qemuNanosPerRequest();
        c.hostBackendNanos += nanos;
        log.add(nowNanos, IoEventKind.DEVICE_TAKE, head, vq.lastAvailIdx());
        events.add(nowNanos + nanos, EV_BACKEND_DONE, head);
    }

    private void drained() {
        IoMode.Virtio v = (IoMode.Virtio) spec.mode();
        if (v.pollMicros() > 0 && backendState == IoSnapshot.BackendState.BUSY) {
            backendState = IoSnapshot.BackendState.POLLING;
            pollStartNanos = nowNanos;
            pollSerial++;
            log.add(nowNanos, IoEventKind.DEVICE_POLL, -1, vq.availIdx());
            events.add(nowNanos + v.pollMicros() * 1_000, EV_POLL_END, pollSerial);
            return;
        }
        rearm();
    }

    /** Asks for kicks again (vhost_enable_notify) and re-checks: the driver may have added one meanwhile. */
    private void rearm() {
        if (suppression() != Suppression.NONE && vq.enableNotifications()) {
            vq.disableNotifications();
            backendState = IoSnapshot.BackendState.BUSY;
            serveNext();
            return;
        }
        backendState = IoSnapshot.BackendState.IDLE;
        log.add(nowNanos, IoEventKind.DEVICE_SLEEP, -1, vq.availEvent());
    }

    private void pollEnd(int serial) {
        if (backendState == IoSnapshot.BackendState.POLLING && serial == pollSerial) {
            c.hostPollNanos += nowNanos - pollStartNanos;
            backendState = IoSnapshot.BackendState.BUSY;
            rearm();
        }
    }

    /** The driver published chains: a polling back-end sees them without a kick. */
    private void backendSeesNewWork() {
        if (backendState == IoSnapshot.BackendState.POLLING) {
            c.hostPollNanos += nowNanos - pollStartNanos;
            pollSerial++;
            backendState = IoSnapshot.BackendState.BUSY;
            serveNext();
        }
    }

    private void emulatedServeNext() {
        if (backendFifo.isEmpty()) {
            backendBusy = false;
            backendState = IoSnapshot.BackendState.IDLE;
            return;
        }
        int slot = backendFifo.poll();
        backendBusy = true;
        backendState = IoSnapshot.BackendState.BUSY;
        c.hostBackendNanos += costs.qemuNanosPerRequest();
        events.add(nowNanos + costs.qemuNanosPerRequest(), EV_BACKEND_DONE, slot);
    }

    private void backendDone(int slot) {
        toDevice(slot);
        if (vq != null) {
            serveNext();
        } else {
            emulatedServeNext();
        }
    }

    // ------------------------------------------------------------------ the physical device

    /** Hands a request to the physical device: the transfer waits for the bandwidth, then the latency overlaps. */
    private void toDevice(int slot) {
        int bytes = slotBytes[slot];
        long dma = 0;
        if (iotlb != null) {
            int misses = 0;
            long first = (DATA_BASE + (long) slot * IoWorkload.MAX_BLOCK_BYTES) / IoCosts.PAGE_BYTES;
            long pages = (bytes + IoCosts.PAGE_BYTES - 1L) / IoCosts.PAGE_BYTES;
            for (long p = 0; p <= pages; p++) { // the data pages, then the page of the queue entry
                long page = p < pages ? first + p : (QUEUE_BASE + (long) slot * QUEUE_ENTRY_BYTES) / IoCosts.PAGE_BYTES;
                if (iotlb.access(page)) {
                    c.iotlbHits++;
                    dma += costs.iotlbHitNanos();
                } else {
                    c.iotlbMisses++;
                    misses++;
                    dma += costs.iotlbMissNanos();
                }
            }
            c.iotlbNanos += dma;
            if (misses > 0) {
                log.add(nowNanos, IoEventKind.IOTLB_MISS, slot, misses);
            }
        }
        long transfer = spec.physical().transferNanos(bytes);
        c.transferNanos += transfer;
        physFreeAtNanos = Math.max(nowNanos, physFreeAtNanos) + transfer + dma;
        events.add(physFreeAtNanos + spec.physical().latencyNanos(), EV_PHYS_DONE, slot);
    }

    private void physicalDone(int slot) {
        if (vq != null) {
            vq.pushUsed(slot, spec.workload().kind().deviceWrittenBytes(slotBytes[slot]));
            log.add(nowNanos, IoEventKind.USED, slot, vq.usedIdx());
        } else {
            completedFifo.add(slot);
            log.add(nowNanos, IoEventKind.USED, slot, -1);
        }
        unsignalled++;
        Coalescing coalescing = spec.coalescing();
        if (unsignalled >= coalescing.maxCompletions()) {
            signal();
        } else if (!coalesceArmed) {
            coalesceArmed = true;
            coalesceSerial++;
            events.add(nowNanos + coalescing.maxDelayMicros() * 1_000, EV_COALESCE, coalesceSerial);
        }
    }

    /** Decides whether to interrupt for the completions since the last decision, and does. */
    private void signal() {
        unsignalled = 0;
        coalesceArmed = false;
        coalesceSerial++;
        boolean send = vq != null ? vq.needsInterrupt() : !deviceMasked;
        if (!send) {
            c.interruptsSuppressed++;
            log.add(nowNanos, IoEventKind.INTERRUPT_SUPPRESSED, -1, vq == null ? -1 : vq.usedIdx());
            return;
        }
        c.interrupts++;
        log.add(nowNanos, IoEventKind.INTERRUPT, -1, vq == null ? -1 : vq.usedIdx());
        long delay = 0;
        boolean passthrough = spec.mode() instanceof IoMode.Passthrough;
        boolean remapped = passthrough && !((IoMode.Passthrough) spec.mode()).postedInterrupts();
        if (remapped) {
            // remapped: the physical interrupt reaches the host while the vCPU runs, an exit, then an injection
            c.exit(ExitReason.EXTERNAL_INTERRUPT, false, costs.exitNanos());
            log.exit(nowNanos, ExitReason.EXTERNAL_INTERRUPT);
            stolenNanos += costs.exitNanos();
        }
        if (!passthrough || remapped) {
            c.hostInjectionNanos += costs.injectionNanos();
            delay = costs.injectionNanos();
        }
        events.add(nowNanos + delay, EV_INTERRUPT, 0);
    }

    // ------------------------------------------------------------------ snapshot

    IoSnapshot.Device snapshot() {
        IoSnapshot.Totals totals = c.toTotals(nowNanos, allLatencies.percentile(0.99), waiting.size(), inFlight,
                descriptorsInUse());
        return new IoSnapshot.Device(spec, totals, lastWindow, history, vq == null ? null : IoSnapshot.Ring.of(vq),
                backendState, log.toList());
    }

    /** A FIFO of ints on a growable ring. */
    static final class IntFifo {
        private int[] items;
        private int head;
        private int size;

        IntFifo(int capacity) {
            items = new int[Math.max(1, capacity)];
        }

        IntFifo copy() {
            IntFifo f = new IntFifo(size);
            for (int k = 0; k < size; k++) {
                f.items[k] = items[(head + k) % items.length];
            }
            f.size = size;
            return f;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        void add(int v) {
            if (size == items.length) {
                int[] bigger = new int[items.length * 2];
                for (int k = 0; k < size; k++) {
                    bigger[k] = items[(head + k) % items.length];
                }
                items = bigger;
                head = 0;
            }
            items[(head + size) % items.length] = v;
            size++;
        }

        int poll() {
            int v = items[head];
            head = (head + 1) % items.length;
            size--;
            return v;
        }
    }
}
