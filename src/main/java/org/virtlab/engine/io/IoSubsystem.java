package org.virtlab.engine.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.virtlab.engine.EventSink;
import org.virtlab.engine.Input;
import org.virtlab.engine.StepContext;
import org.virtlab.engine.Subsystem;
import org.virtlab.engine.SubsystemSnapshot;

/**
 * Plays the I/O devices out tick by tick (the model is in the package comment): each device runs a discrete-event
 * simulation in nanoseconds within the tick, carried over to the next. Publishes an {@link IoSnapshot}.
 *
 * <h2>Inputs</h2>
 * {@link SetRequestBytes}, {@link SetRequestsPerKick} and {@link SetIoWorkload} take effect at once;
 * {@link SetQueueSize}, {@link SetSuppression} and {@link SetIoMode} reset the device (the requests it held are
 * issued again, ahead of those waiting). An input for an unknown device, a virtio setting for a device that is not
 * virtio, or a value out of range is refused with an {@link IllegalArgumentException} and changes nothing.
 *
 * <h2>Order within a tick</h2>
 * The devices depend on no other subsystem and no other subsystem reads them during a tick, so they may be registered
 * anywhere; draws from the generator (open-loop arrivals) follow the registration order, so keep it fixed. Devices
 * are played in the order given.
 *
 * <p>State: each device's whole simulation, copied on save, so rewinding restores it exactly. The large arrays (the
 * virtqueue, the request slots) are saved in chunks: a checkpoint reuses the previous one's chunks that were not
 * written since (a 32768-entry queue's checkpoint adds about 21 KB when its rings repeat, not 1.9 MB).
 */
public final class IoSubsystem implements Subsystem {
    public static final String NAME = IoSnapshot.NAME;
    /** Metrics windows: 100 ms of simulated time (a window closes at the first tick end at or after it). */
    public static final long WINDOW_MICROS = 100_000;
    /** Windows kept in a snapshot's history: 6.4 s at the default window. */
    public static final int HISTORY_WINDOWS = 64;
    /** An open loop's requests wait in the guest up to this many; beyond, arrivals are dropped and counted. */
    public static final int MAX_WAITING_REQUESTS = 4_096;

    private final IoCosts costs;
    private final ToLongFunction<String> clockMhzOfVm;
    private DeviceRun[] runs;

    /**
     * Devices whose VMs may run on hosts of different clocks, and may move: what a step costs in cycles (an exit)
     * takes the time those cycles take on the host the device's VM runs on, asked again at every tick.
     *
     * @param devices      the devices, ids unique
     * @param costs        what each step costs; its {@code clockMhz} is replaced by each device's host's
     * @param clockMhzOfVm the clock of the host a VM runs on now, in MHz ({@code HostSpec.cpu().mhzPerCore()})
     */
    public IoSubsystem(List<IoDeviceSpec> devices, IoCosts costs, ToLongFunction<String> clockMhzOfVm) {
        if (costs == null) {
            throw new IllegalArgumentException("costs are required, e.g. IoCosts.DEFAULT");
        }
        if (clockMhzOfVm == null) {
            throw new IllegalArgumentException("the clock of each VM's host is required");
        }
        this.costs = costs;
        this.clockMhzOfVm = clockMhzOfVm;
        runs = new DeviceRun[devices.size()];
        for (int i = 0; i < runs.length; i++) {
            IoDeviceSpec d = devices.get(i);
            for (int j = 0; j < i; j++) {
                if (runs[j].spec().id().equals(d.id())) {
                    throw new IllegalArgumentException("duplicate I/O device id " + d.id());
                }
            }
            runs[i] = new DeviceRun(d, costsOf(d.vmId(), costs));
        }
    }

    /**
     * @param devices the devices, ids unique, all on hosts of {@code costs.clockMhz()}
     * @param costs   what each step costs (e.g. {@code IoCosts.DEFAULT.withClockMhz(host.cpu().mhzPerCore())})
     */
    public IoSubsystem(List<IoDeviceSpec> devices, IoCosts costs) {
        this(devices, costs, constantClock(costs));
    }

    /** The devices with {@link IoCosts#DEFAULT}. */
    public IoSubsystem(List<IoDeviceSpec> devices) {
        this(devices, IoCosts.DEFAULT);
    }

    private static ToLongFunction<String> constantClock(IoCosts costs) {
        if (costs == null) {
            throw new IllegalArgumentException("costs are required, e.g. IoCosts.DEFAULT");
        }
        long mhz = costs.clockMhz();
        return vmId -> mhz;
    }

    /** The costs at the clock of the host {@code vmId} runs on now: {@code current} itself if that is its clock. */
    private IoCosts costsOf(String vmId, IoCosts current) {
        long mhz = clockMhzOfVm.applyAsLong(vmId);
        return mhz == current.clockMhz() ? current : costs.withClockMhz(mhz);
    }

    /** The costs the subsystem was given; a device's are these at its host's clock ({@link IoSnapshot.Device#costs()}). */
    public IoCosts costs() {
        return costs;
    }

    /** The devices' settings now, in order. */
    public List<IoDeviceSpec> devices() {
        List<IoDeviceSpec> specs = new ArrayList<>(runs.length);
        for (DeviceRun r : runs) {
            specs.add(r.spec());
        }
        return List.copyOf(specs);
    }

    /** The VMs that own a passthrough device now: live migration must refuse them ({@code MigrationReason.PASSTHROUGH}). */
    public List<String> passthroughVmIds() {
        return IoDeviceSpec.passthroughVmIds(devices());
    }

    public boolean ownsPassthrough(String vmId) {
        for (DeviceRun r : runs) {
            if (r.spec().passthrough() && r.spec().vmId().equals(vmId)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void step(StepContext ctx) {
        long start = ctx.nowMicros() * 1_000;
        long end = ctx.endMicros() * 1_000;
        EventSink events = ctx.events();
        for (DeviceRun r : runs) {
            r.useCosts(costsOf(r.spec().vmId(), r.costs()));
            if (events.on()) {
                r.attach(events);
                try {
                    r.advance(start, end, ctx.random());
                } finally {
                    r.detach();
                }
            } else {
                r.advance(start, end, ctx.random());
            }
        }
    }

    /** As {@link #accept(Input)}; a device's reset and the requests it issues again are journaled. */
    @Override
    public boolean accept(Input input, StepContext ctx) {
        if (!ctx.events().on()) {
            return accept(input);
        }
        for (DeviceRun r : runs) {
            r.attach(ctx.events());
        }
        try {
            return accept(input);
        } finally {
            for (DeviceRun r : runs) {
                r.detach();
            }
        }
    }

    @Override
    public boolean accept(Input input) {
        if (input instanceof SetRequestBytes s) {
            DeviceRun r = run(s.deviceId());
            IoWorkload w = r.spec().workload();
            IoWorkload.checkRequestBytes(w.kind(), s.requestBytes());
            r.reconfigure(r.spec().withWorkload(w.withRequestBytes(s.requestBytes())));
        } else if (input instanceof SetRequestsPerKick s) {
            DeviceRun r = run(s.deviceId());
            r.reconfigure(r.spec().withMode(virtio(r, "requests per kick").withRequestsPerKick(s.requestsPerKick())));
        } else if (input instanceof SetQueueSize s) {
            DeviceRun r = run(s.deviceId());
            r.restart(r.spec().withMode(virtio(r, "the queue size").withQueueSize(s.queueSize())));
        } else if (input instanceof SetSuppression s) {
            DeviceRun r = run(s.deviceId());
            r.restart(r.spec().withMode(virtio(r, "notification suppression").withSuppression(s.suppression())));
        } else if (input instanceof SetIoMode s) {
            DeviceRun r = run(s.deviceId());
            IoDeviceSpec next = r.spec().withMode(s.mode());
            if (onlyBatchingDiffers(r.spec().mode(), s.mode())) {
                r.reconfigure(next);
            } else {
                r.restart(next);
            }
        } else if (input instanceof SetIoWorkload s) {
            DeviceRun r = run(s.deviceId());
            IoKind kind = r.spec().workload().kind();
            if (s.workload().kind() != kind) {
                throw new IllegalArgumentException("device " + s.deviceId() + " serves " + kind + " requests, not "
                        + s.workload().kind() + ": give the VM another device for those");
            }
            r.reconfigure(r.spec().withWorkload(s.workload()));
        } else {
            return false;
        }
        return true;
    }

    private static boolean onlyBatchingDiffers(IoMode before, IoMode after) {
        return before instanceof IoMode.Virtio a && after instanceof IoMode.Virtio b
                && a.withRequestsPerKick(b.requestsPerKick()).withBatchWaitMicros(b.batchWaitMicros()).equals(b);
    }

    private DeviceRun run(String id) {
        for (DeviceRun r : runs) {
            if (r.spec().id().equals(id)) {
                return r;
            }
        }
        List<String> ids = new ArrayList<>();
        for (DeviceRun r : runs) {
            ids.add(r.spec().id());
        }
        throw new IllegalArgumentException("no I/O device '" + id + "'; devices: " + String.join(", ", ids));
    }

    private static IoMode.Virtio virtio(DeviceRun r, String what) {
        if (r.spec().mode() instanceof IoMode.Virtio v) {
            return v;
        }
        throw new IllegalArgumentException("device " + r.spec().id() + " is " + modeName(r.spec().mode()) + ": " + what
                + " applies to virtio devices only");
    }

    private static String modeName(IoMode mode) {
        return mode instanceof IoMode.Emulated ? "emulated" : mode instanceof IoMode.Passthrough ? "passthrough" : "virtio";
    }

    @Override
    public SubsystemSnapshot snapshot() {
        List<IoSnapshot.Device> devices = new ArrayList<>(runs.length);
        for (DeviceRun r : runs) {
            devices.add(r.snapshot());
        }
        return new IoSnapshot(costs, devices);
    }

    @Override
    public Object saveState() {
        DeviceRun[] copies = new DeviceRun[runs.length];
        for (int i = 0; i < runs.length; i++) {
            copies[i] = runs[i].copy();
        }
        return new State(List.of(copies));
    }

    @Override
    public void restore(Object savedState) {
        List<DeviceRun> saved = ((State) savedState).runs();
        runs = new DeviceRun[saved.size()];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = saved.get(i).copy();
        }
    }

    /** Saved state: deep copies of the devices' simulations, never touched after saving. */
    private record State(List<DeviceRun> runs) {
    }
}
