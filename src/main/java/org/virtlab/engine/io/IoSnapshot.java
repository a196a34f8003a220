package org.virtlab.engine.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.virtlab.engine.SubsystemSnapshot;
import org.virtlab.engine.io.SplitVirtqueue.HeadState;

/**
 * The I/O devices after a tick: per device its settings, cumulative totals, the last complete metrics window and a
 * short history of windows, the virtqueue's layout (virtio only), the back-end's state and the most recent events.
 * Immutable; bounded whatever the run's length.
 *
 * @param costs   the costs the subsystem was given; each device's, at the clock of the host its VM runs on, are
 *                {@link Device#costs()}
 * @param devices in the order the subsystem was given them
 */
public record IoSnapshot(IoCosts costs, List<Device> devices) implements SubsystemSnapshot {
    public static final String NAME = "io";

    public IoSnapshot {
        devices = List.copyOf(devices);
    }

    @Override
    public String subsystem() {
        return NAME;
    }

    public Optional<Device> device(String id) {
        for (Device d : devices) {
            if (d.spec().id().equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * What one request of that device cost on average so far, step by step, at the clock of its VM's host; empty if
     * no such device.
     */
    public List<CostStep> costPerRequest(String deviceId) {
        return device(deviceId).map(Device::costPerRequest).orElse(List.of());
    }

    /** The VMs that own a passthrough device now, each once: live migration must refuse them. */
    public List<String> passthroughVmIds() {
        List<IoDeviceSpec> specs = new ArrayList<>(devices.size());
        for (Device d : devices) {
            specs.add(d.spec());
        }
        return IoDeviceSpec.passthroughVmIds(specs);
    }

    /** What the back-end (QEMU's device model, a vhost worker) is doing. */
    public enum BackendState {
        /** Waiting: for a kick (virtio, notifications enabled) or for work (an emulated device's QEMU thread). */
        IDLE,
        /** Kicked; the vhost worker is being woken up. */
        WAKING,
        /** Serving requests. */
        BUSY,
        /** The ring is empty; polling it for a while before asking for kicks again. */
        POLLING,
        /** Passthrough: no software back-end, the hardware serves the guest. */
        NONE
    }

    /**
     * One device.
     *
     * @param spec         its settings now (inputs change them)
     * @param totals       counters since time zero
     * @param lastWindow   the last complete window of {@link IoSubsystem#WINDOW_MICROS} (all zeros before the first)
     * @param history      the last {@link IoSubsystem#HISTORY_WINDOWS} windows, oldest first
     * @param ring         the virtqueue as it is now; null unless the device is virtio
     * @param backendState what the back-end is doing
     * @param events       the most recent events (at most 256), in time order
     * @param costs        what each step costs it: the subsystem's costs at the clock of the host its VM runs on now
     */
    public record Device(IoDeviceSpec spec, Totals totals, Window lastWindow, List<Window> history, Ring ring,
                         BackendState backendState, List<Event> events, IoCosts costs) {
        public Device {
            history = List.copyOf(history);
            events = List.copyOf(events);
            if (costs == null) {
                throw new IllegalArgumentException("costs are required, e.g. IoCosts.DEFAULT");
            }
        }

        /** A device at {@link IoCosts#DEFAULT} (a 3 GHz host). */
        public Device(IoDeviceSpec spec, Totals totals, Window lastWindow, List<Window> history, Ring ring,
                      BackendState backendState, List<Event> events) {
            this(spec, totals, lastWindow, history, ring, backendState, events, IoCosts.DEFAULT);
        }

        public String id() {
            return spec.id();
        }

        public String vmId() {
            return spec.vmId();
        }

        public IoMode mode() {
            return spec.mode();
        }

        /** What one request cost on average so far, step by step (an explanation the UI and the CLI can render). */
        public List<CostStep> costPerRequest(IoCosts costs) {
            return CostStep.perRequest(spec, costs, totals);
        }

        /** {@link #costPerRequest(IoCosts)} at the device's own {@link #costs()}. */
        public List<CostStep> costPerRequest() {
            return costPerRequest(costs);
        }
    }

    /**
     * Counters since time zero. Times in nanoseconds of simulated time.
     *
     * @param elapsedNanos             simulated time covered
     * @param issued                   requests the guest issued (including dropped ones)
     * @param dropped                  requests dropped because the guest's queue of waiting requests was full
     * @param submitted                requests the driver handed to the device
     * @param completed                requests the driver took back completed
     * @param bytesCompleted           data bytes of the completed requests
     * @param exits                    VM exits on the I/O path, all reasons
     * @param ioInstructionExits       of which I/O-instruction exits (port I/O)
     * @param eptViolationExits        of which EPT violations (MMIO: register accesses, kicks)
     * @param externalInterruptExits   of which external-interrupt exits (remapped interrupts)
     * @param dataPathExits            of which on the way to the device: register accesses, kicks
     * @param kicks                    virtio notifications sent (each one exit)
     * @param kicksSuppressed          kick decisions that said no
     * @param deviceWakeups            times a sleeping back-end was woken by a kick
     * @param iotlbHits                passthrough DMA page translations found in the IOTLB
     * @param iotlbMisses              and those that walked the I/O page tables
     * @param interrupts               interrupts raised by the device
     * @param interruptsSuppressed     interrupt decisions that said no (suppression or masking)
     * @param interruptsHandled        interrupts the guest took: fewer than raised when one came while another was
     *                                 still pending
     * @param hostExitNanos            host time serving exits
     * @param hostEmulationNanos       host time in the device model (emulated register accesses)
     * @param hostBackendNanos         host time in the back-end serving requests (QEMU or vhost)
     * @param hostInjectionNanos       host time injecting interrupts
     * @param hostPollNanos            host time polling an empty ring
     * @param guestDriverNanos         vCPU time in the guest's driver and stack (exits not counted)
     * @param guestExitNanos           vCPU time lost to exits
     * @param transferNanos            device time moving data at its bandwidth
     * @param iotlbNanos               DMA time spent in IOMMU translations
     * @param latencySumNanos          the sum of completed requests' latencies, from issue to completion in the driver
     * @param latencyP99Nanos          their 99th percentile (within 3.1 %, see the histogram's buckets)
     * @param occupancyRequestNanos    requests in flight integrated over time (mean = this / elapsed)
     * @param occupancyDescriptorNanos descriptors in use integrated over time (virtio; else requests in flight)
     * @param requestsWaiting          requests issued and not yet submitted, now
     * @param requestsInFlight         requests submitted and not yet taken back completed, now
     * @param descriptorsInUse         virtqueue descriptors off the free list now (else requests in flight)
     * @param resets                   times the device was reset by an input (requests it held were submitted again)
     */
    public record Totals(long elapsedNanos, long issued, long dropped, long submitted, long completed,
                         long bytesCompleted, long exits, long ioInstructionExits, long eptViolationExits,
                         long externalInterruptExits, long dataPathExits, long kicks, long kicksSuppressed,
                         long deviceWakeups, long interrupts, long interruptsSuppressed, long interruptsHandled, long iotlbHits,
                         long iotlbMisses, long hostExitNanos, long hostEmulationNanos, long hostBackendNanos,
                         long hostInjectionNanos, long hostPollNanos, long guestDriverNanos, long guestExitNanos,
                         long transferNanos, long iotlbNanos, long latencySumNanos, long latencyP99Nanos,
                         long occupancyRequestNanos, long occupancyDescriptorNanos, long requestsWaiting,
                         long requestsInFlight, long descriptorsInUse, long resets) {

        /**
         * The counters from {@code earlier} (totals of the same device at an earlier moment) to these: what happened
         * in between, e.g. since a live change of mode. Cumulative counters and times are differences; what is a
         * state now ({@code requestsWaiting}, {@code requestsInFlight}, {@code descriptorsInUse}) is kept as it is, and
         * so is {@code latencyP99Nanos}, a percentile since time zero that no difference gives back.
         */
        public Totals since(Totals earlier) {
            Totals e = earlier;
            return new Totals(elapsedNanos - e.elapsedNanos, issued - e.issued, dropped - e.dropped,
                    submitted - e.submitted, completed - e.completed, bytesCompleted - e.bytesCompleted,
                    exits - e.exits, ioInstructionExits - e.ioInstructionExits, eptViolationExits - e.eptViolationExits,
                    externalInterruptExits - e.externalInterruptExits, dataPathExits - e.dataPathExits,
                    kicks - e.kicks, kicksSuppressed - e.kicksSuppressed, deviceWakeups - e.deviceWakeups,
                    interrupts - e.interrupts, interruptsSuppressed - e.interruptsSuppressed,
                    interruptsHandled - e.interruptsHandled, iotlbHits - e.iotlbHits, iotlbMisses - e.iotlbMisses,
                    hostExitNanos - e.hostExitNanos, hostEmulationNanos - e.hostEmulationNanos,
                    hostBackendNanos - e.hostBackendNanos, hostInjectionNanos - e.hostInjectionNanos,
                    hostPollNanos - e.hostPollNanos, guestDriverNanos - e.guestDriverNanos,
                    guestExitNanos - e.guestExitNanos, transferNanos - e.transferNanos, iotlbNanos - e.iotlbNanos,
                    latencySumNanos - e.latencySumNanos, latencyP99Nanos,
                    occupancyRequestNanos - e.occupancyRequestNanos,
                    occupancyDescriptorNanos - e.occupancyDescriptorNanos, requestsWaiting, requestsInFlight,
                    descriptorsInUse, resets - e.resets);
        }

        /** Exits on the interrupt path: acknowledgements of an emulated device, remapped interrupts. */
        public long interruptPathExits() {
            return exits - dataPathExits;
        }

        public double exitsPerRequest() {
            return completed == 0 ? 0 : (double) exits / completed;
        }

        /** Host CPU time spent on I/O: exits, emulation, back-end, injection, polling. */
        public long hostIoNanos() {
            return hostExitNanos + hostEmulationNanos + hostBackendNanos + hostInjectionNanos + hostPollNanos;
        }

        public double meanLatencyNanos() {
            return completed == 0 ? 0 : (double) latencySumNanos / completed;
        }

        /** Completed requests per second of simulated time. */
        public double iops() {
            return elapsedNanos == 0 ? 0 : completed * 1e9 / elapsedNanos;
        }

        /** Completed data in gigabits per second. */
        public double gbitPerSecond() {
            return elapsedNanos == 0 ? 0 : bytesCompleted * 8.0 / elapsedNanos;
        }

        public double meanRequestsInFlight() {
            return elapsedNanos == 0 ? 0 : (double) occupancyRequestNanos / elapsedNanos;
        }

        public double meanDescriptorsInUse() {
            return elapsedNanos == 0 ? 0 : (double) occupancyDescriptorNanos / elapsedNanos;
        }
    }

    /**
     * One window of simulated time: the differences of the totals over it, and the latency percentile within it.
     */
    public record Window(long startMicros, long lengthMicros, long completed, long bytes, long exits,
                         long dataPathExits, long kicks, long interrupts, long hostIoNanos, long latencySumNanos,
                         long latencyP99Nanos, long occupancyRequestNanos, long occupancyDescriptorNanos) {
        public static final Window EMPTY = new Window(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public double iops() {
            return lengthMicros == 0 ? 0 : completed * 1e6 / lengthMicros;
        }

        public double gbitPerSecond() {
            return lengthMicros == 0 ? 0 : bytes * 8.0 / (lengthMicros * 1_000.0);
        }

        public double exitsPerRequest() {
            return completed == 0 ? 0 : (double) exits / completed;
        }

        public double meanLatencyNanos() {
            return completed == 0 ? 0 : (double) latencySumNanos / completed;
        }

        /** Host CPU time on I/O as a percentage of one core over the window. */
        public double hostCpuPercent() {
            return lengthMicros == 0 ? 0 : hostIoNanos / (lengthMicros * 10.0);
        }

        public double meanRequestsInFlight() {
            return lengthMicros == 0 ? 0 : occupancyRequestNanos / (lengthMicros * 1_000.0);
        }

        public double meanDescriptorsInUse() {
            return lengthMicros == 0 ? 0 : occupancyDescriptorNanos / (lengthMicros * 1_000.0);
        }
    }

    /**
     * A virtqueue as both sides see it: the shared layout (descriptor table, available and used rings, the event
     * indices) and each side's private indices. For queues above {@link #MAX_ENTRIES} entries ({@code truncated})
     * only a window of {@value #MAX_ENTRIES} is listed, where things move: the rings' slots from {@code firstSlot}
     * on (the slot of {@code availIdx} in the middle, as far as the queue allows), the descriptors around the head
     * of the chain published last (each {@link Descriptor} carries its index). Otherwise everything, from 0.
     *
     * @param firstSlot the ring slot {@code availRing.get(0)} and {@code usedRing.get(0)} stand for
     */
    public record Ring(int queueSize, boolean eventIdx, int maxIndirect, int availFlags, int availIdx, int usedEvent,
                       int usedFlags, int usedIdx, int availEvent, int lastAvailIdx, int lastUsedIdx, int numFree,
                       int freeHead, int numAdded, boolean interruptsDisabled, int signalledUsed,
                       List<Descriptor> descriptors, List<Integer> availRing, List<UsedElement> usedRing,
                       boolean truncated, int firstSlot) {
        public static final int MAX_ENTRIES = 1_024;

        public Ring {
            descriptors = List.copyOf(descriptors);
            availRing = List.copyOf(availRing);
            usedRing = List.copyOf(usedRing);
        }

        /** The layout of {@code q} now. */
        public static Ring of(SplitVirtqueue q) {
            int n = Math.min(q.size(), MAX_ENTRIES);
            HeadState[] state = new HeadState[q.size()];
            int[] headOf = new int[q.size()];
            java.util.Arrays.fill(state, HeadState.FREE);
            java.util.Arrays.fill(headOf, -1);
            for (int h = 0; h < q.size(); h++) {
                HeadState s = q.headState(h);
                if (s == HeadState.FREE) {
                    continue;
                }
                int i = h;
                for (int k = 0; k < q.size(); k++) { // the chain's members share its head's state
                    state[i] = s;
                    headOf[i] = h;
                    if ((q.descFlags(i) & SplitVirtqueue.DESC_F_NEXT) == 0) {
                        break;
                    }
                    i = q.descNext(i);
                }
            }
            int mask = q.size() - 1;
            int firstSlot = windowStart(q.size(), q.availIdx() & mask);
            int firstDescriptor = windowStart(q.size(), q.availRing((q.availIdx() - 1) & mask));
            List<Descriptor> descriptors = new ArrayList<>(n);
            List<Integer> avail = new ArrayList<>(n);
            List<UsedElement> used = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int slot = firstSlot + k;
                avail.add(q.availRing(slot));
                used.add(new UsedElement(q.usedId(slot), q.usedLenBytes(slot)));
            }
            for (int d = 0; d < n; d++) {
                int i = firstDescriptor + d;
                List<Descriptor> table = List.of();
                if (state[i] != HeadState.FREE && (q.descFlags(i) & SplitVirtqueue.DESC_F_INDIRECT) != 0) {
                    int count = q.descLenBytes(i) / SplitVirtqueue.DESCRIPTOR_BYTES;
                    List<Descriptor> t = new ArrayList<>(count);
                    for (int k = 0; k < count; k++) {
                        t.add(new Descriptor(k, q.indirectAddr(i, k), q.indirectLenBytes(i, k), q.indirectFlags(i, k),
                                q.indirectNext(i, k), state[i], i, List.of()));
                    }
                    table = t;
                }
                descriptors.add(new Descriptor(i, q.descAddr(i), q.descLenBytes(i), q.descFlags(i), q.descNext(i),
                        state[i], headOf[i], table));
            }
            return new Ring(q.size(), q.eventIdx(), q.maxIndirect(), q.availFlags(), q.availIdx(), q.usedEvent(),
                    q.usedFlags(), q.usedIdx(), q.availEvent(), q.lastAvailIdx(), q.lastUsedIdx(), q.numFree(),
                    q.freeHead(), q.numAdded(), q.interruptsDisabled(), q.signalledUsed(), descriptors, avail, used,
                    q.size() > MAX_ENTRIES, firstSlot);
        }

        /**
         * The first entry of a window of {@link #MAX_ENTRIES} entries of a queue of {@code size} with {@code centre}
         * in its middle, kept inside the queue; 0 when the queue is no larger than the window.
         */
        static int windowStart(int size, int centre) {
            if (size <= MAX_ENTRIES) {
                return 0;
            }
            return Math.max(0, Math.min(size - MAX_ENTRIES, centre - MAX_ENTRIES / 2));
        }
    }

    /**
     * A descriptor table entry {addr, len, flags, next}, with the state of the chain it belongs to and that chain's
     * head (−1 when free); an INDIRECT head lists its table's entries.
     */
    public record Descriptor(int index, long addr, int lenBytes, int flags, int next, HeadState state, int head,
                             List<Descriptor> indirectTable) {
        public Descriptor {
            indirectTable = List.copyOf(indirectTable);
        }
    }

    /** A used ring element {id, len}. */
    public record UsedElement(int id, int lenBytes) {
    }

    /**
     * An event of the I/O path.
     *
     * @param exitReason for {@link IoEventKind#VM_EXIT}, why; null otherwise
     * @param head       the request's head descriptor (virtio) or slot, −1 when none
     * @param idx        a ring index the event moved (see {@link IoEventKind}), −1 when none
     */
    public record Event(long atNanos, IoEventKind kind, ExitReason exitReason, int head, int idx) {
    }
}
