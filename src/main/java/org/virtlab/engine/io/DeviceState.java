package org.virtlab.engine.io;

/**
 * What the guest's driver ({@link DeviceRun}) and the device's side ({@link DeviceSide}) of one simulated device
 * share: the settings, the clock and the pending events, the requests in flight by slot (virtio: by head
 * descriptor), the virtqueue (virtio only) and the metrics.
 */
final class DeviceState {
    // event kinds, numbered in their tie-break order: the device's side settles before the guest's
    static final int EV_PHYS_DONE = 0;
    static final int EV_BACKEND_DONE = 1;
    static final int EV_DEVICE_WAKE = 2;
    static final int EV_POLL_END = 3;
    static final int EV_COALESCE = 4;
    static final int EV_INTERRUPT = 5;
    static final int EV_GUEST_DONE = 6;
    static final int EV_BATCH_TIMER = 7;

    /** What each step costs, at the clock of the host the device's VM runs on now (the subsystem keeps it so). */
    IoCosts costs;
    IoDeviceSpec spec;
    long nowNanos;
    final EventHeap events;
    final DeviceMetrics metrics;
    final IoCounters c;
    final EventLog log;

    // per slot; a copy shares the chunks unchanged since the last one, so a large queue's checkpoint stays small
    CowLongs slotArrival;
    CowLongs slotSerial;
    CowInts slotBytes;
    /** 1 while the slot holds a request, else 0. */
    CowInts slotBusy;
    int inFlight;
    /** The virtqueue, for a virtio device; null otherwise. */
    SplitVirtqueue vq;

    DeviceState(IoDeviceSpec spec, IoCosts costs) {
        this.costs = costs;
        this.spec = spec;
        events = new EventHeap(16);
        metrics = new DeviceMetrics();
        c = metrics.counters;
        log = metrics.log;
    }

    private DeviceState(DeviceState o) {
        costs = o.costs;
        spec = o.spec;
        nowNanos = o.nowNanos;
        events = o.events.copy();
        metrics = o.metrics.copy();
        c = metrics.counters;
        log = metrics.log;
        slotArrival = o.slotArrival.copy();
        slotSerial = o.slotSerial.copy();
        slotBytes = o.slotBytes.copy();
        slotBusy = o.slotBusy.copy();
        inFlight = o.inFlight;
        vq = o.vq == null ? null : o.vq.copy();
    }

    DeviceState copy() {
        return new DeviceState(this);
    }

    /** Empty slots for {@code n} requests in flight. */
    void newSlots(int n) {
        slotArrival = new CowLongs(n);
        slotSerial = new CowLongs(n);
        slotBytes = new CowInts(n);
        slotBusy = new CowInts(n);
        inFlight = 0;
    }

    int descriptorsInUse() {
        return vq == null ? inFlight : vq.descriptorsInUse();
    }

    IoMode.Virtio virtio() {
        return (IoMode.Virtio) spec.mode();
    }

    Suppression suppression() {
        return virtio().suppression();
    }

    boolean vhost() {
        return virtio().backend() == VirtioBackend.VHOST;
    }
}
