package org.virtlab.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.cpu.CpuSampler;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.memory.host.MemorySampler;
import org.virtlab.engine.memory.host.MemorySnapshot;

/**
 * Records a whole run headless for its charts, at the cadence the window's charts sample
 * ({@link #SAMPLE_MICROS}, as {@code ui.sim.SimulationRunner.SAMPLE_WINDOW_MICROS}): per 100 ms of simulated time
 * each VM's CPU use, entitlement and demand and the hosts' capacity (the CPU chart), each VM's pages by state and
 * configured size (the memory charts), each device's mean ring occupancy and queue size (the occupancy chart); and at
 * the end each device's totals since its mode last changed (the cost chart). Everything is kept, in plain arrays
 * (a day of 100 ms samples of a few VMs is tens of MB), so the charts can show the whole run.
 *
 * <p>Attach it before the run: {@link #attach(Simulation)}. Not thread-safe: it runs on the simulation's thread.
 */
public final class RunRecorder {
    /** The window's chart cadence: one sample averages (or, for memory, ends) this much simulated time. */
    public static final long SAMPLE_MICROS = 100_000;

    /** Per CPU sample: used, entitlement, demand (MHz) per VM, then the hosts' capacity (MHz). */
    private final Rows cpu = new Rows();
    private List<String> cpuVmIds = List.of();
    /** Per memory sample: private, shared, ballooned, swapped, configured (MiB) per VM. */
    private final Rows memory = new Rows();
    private List<String> memoryVmIds = List.of();
    private List<String> memoryVmHosts = List.of();
    /** Per closed I/O metrics window: mean descriptors in use and the queue size (NaN if none) per device. */
    private final Rows occupancy = new Rows();
    private List<String> deviceIds;
    private long lastWindowStart = -1;
    private IoSnapshot lastIo;
    private final Map<String, IoDeviceSpec> seenSpec = new HashMap<>();
    private final Map<String, IoSnapshot.Totals> baseline = new HashMap<>();

    private RunRecorder() {
    }

    /** A recorder observing {@code simulation} from now on. */
    public static RunRecorder attach(Simulation simulation) {
        RunRecorder r = new RunRecorder();
        simulation.addObserver(new CpuSampler(r::cpu), SAMPLE_MICROS);
        simulation.addObserver(new MemorySampler(r::memory), SAMPLE_MICROS);
        simulation.addObserver(r::io, SAMPLE_MICROS);
        return r;
    }

    private void cpu(CpuSampler.Sample s) {
        int n = s.vmIds().length;
        if (cpu.size() == 0) {
            cpuVmIds = List.of(s.vmIds());
        }
        double[] used = s.usedMhz();
        double[] entitled = s.entitlementMhz();
        double[] demand = s.demandMhz();
        double[] row = new double[3 * cpuVmIds.size() + 1];
        for (int i = 0; i < cpuVmIds.size() && i < n; i++) {
            row[3 * i] = used[i];
            row[3 * i + 1] = entitled[i];
            row[3 * i + 2] = demand[i];
        }
        row[row.length - 1] = s.capacityMhz();
        cpu.add(s.endMicros(), row);
    }

    private void memory(MemorySampler.Sample s) {
        if (memory.size() == 0) {
            memoryVmIds = s.vms().stream().map(MemorySampler.VmSample::vmId).toList();
        }
        memoryVmHosts = s.vms().stream().map(MemorySampler.VmSample::hostId).toList();
        double[] row = new double[5 * memoryVmIds.size()];
        for (int i = 0; i < memoryVmIds.size() && i < s.vms().size(); i++) {
            MemorySampler.VmSample v = s.vms().get(i);
            row[5 * i] = v.privateMib();
            row[5 * i + 1] = v.sharedMib();
            row[5 * i + 2] = v.balloonedMib();
            row[5 * i + 3] = v.swappedMib();
            row[5 * i + 4] = v.configuredMib();
        }
        memory.add(s.endMicros(), row);
    }

    /**
     * As the window's occupancy feed: each metrics window closed since the last call is a point per device (the
     * windows of the first device set the times; a device without a window there gets NaN); a device whose spec
     * changed counts its costs from then on, as the I/O tab's cost chart does.
     */
    private void io(SimulationSnapshot snapshot) {
        Optional<IoSnapshot> found = snapshot.find(IoSnapshot.class);
        if (found.isEmpty() || found.get().devices().isEmpty()) {
            return;
        }
        IoSnapshot io = found.get();
        lastIo = io;
        if (deviceIds == null) {
            deviceIds = io.devices().stream().map(IoSnapshot.Device::id).toList();
        }
        for (IoSnapshot.Device d : io.devices()) {
            IoDeviceSpec was = seenSpec.put(d.id(), d.spec());
            if (was != null && !was.equals(d.spec())) {
                baseline.put(d.id(), d.totals());
            }
        }
        for (IoSnapshot.Window w : io.devices().get(0).history()) {
            if (w.lengthMicros() == 0 || w.startMicros() <= lastWindowStart) {
                continue;
            }
            double[] row = new double[2 * deviceIds.size()];
            for (int k = 0; k < deviceIds.size(); k++) {
                Optional<IoSnapshot.Device> d = io.device(deviceIds.get(k));
                row[2 * k] = d.flatMap(x -> windowAt(x, w.startMicros()))
                        .map(IoSnapshot.Window::meanDescriptorsInUse).orElse(Double.NaN);
                row[2 * k + 1] = d.map(x -> x.mode() instanceof IoMode.Virtio v ? (double) v.queueSize() : Double.NaN)
                        .orElse(Double.NaN);
            }
            occupancy.add(w.startMicros() + w.lengthMicros(), row);
            lastWindowStart = w.startMicros();
        }
    }

    private static Optional<IoSnapshot.Window> windowAt(IoSnapshot.Device d, long startMicros) {
        List<IoSnapshot.Window> h = d.history();
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i).startMicros() == startMicros) {
                return Optional.of(h.get(i));
            }
        }
        return Optional.empty();
    }

    // ---- what was recorded ------------------------------------------------------------------------------

    /** CPU samples: the VMs in scenario order and per sample {@code 3·vms + 1} values (see {@link #cpuRows()}). */
    public List<String> cpuVmIds() {
        return cpuVmIds;
    }

    /** Per sample: used, entitlement, demand (MHz) for each VM in turn, then the hosts' capacity (MHz). */
    public Rows cpuRows() {
        return cpu;
    }

    public List<String> memoryVmIds() {
        return memoryVmIds;
    }

    /** Each VM's host at the last memory sample (a live migration may have moved it). */
    public List<String> memoryVmHosts() {
        return memoryVmHosts;
    }

    /** Per sample: private, shared, ballooned, swapped, configured (MiB) for each VM in turn. */
    public Rows memoryRows() {
        return memory;
    }

    /** The devices in scenario order; empty when the scenario has none. */
    public List<String> deviceIds() {
        return deviceIds == null ? List.of() : deviceIds;
    }

    /** Per closed metrics window: mean entries in use and queue size (NaN: not virtio) for each device in turn. */
    public Rows occupancyRows() {
        return occupancy;
    }

    /** The devices at the last sample; empty when the scenario has none. */
    public Optional<IoSnapshot> lastIo() {
        return Optional.ofNullable(lastIo);
    }

    /** Whether the run had host memory (the scenario's memory subsystem produced samples). */
    public boolean hasMemory() {
        return memory.size() > 0;
    }

    /** A device's totals since its spec last changed (all of the run if it never did). */
    public IoSnapshot.Totals totalsSinceChange(IoSnapshot.Device d) {
        IoSnapshot.Totals base = baseline.get(d.id());
        return base == null ? d.totals() : d.totals().since(base);
    }

    /** A growing table of rows of equal width, each at a simulated time; stored flat. */
    public static final class Rows {
        private long[] micros = new long[256];
        private double[] values = new double[0];
        private int width = -1;
        private int size;

        void add(long atMicros, double[] row) {
            if (width < 0) {
                width = row.length;
                values = new double[256 * Math.max(1, width)];
            }
            if (size == micros.length) {
                micros = java.util.Arrays.copyOf(micros, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2 * Math.max(1, width));
            }
            micros[size] = atMicros;
            System.arraycopy(row, 0, values, size * width, width);
            size++;
        }

        public int size() {
            return size;
        }

        /** Values per row (0 before the first). */
        public int width() {
            return Math.max(width, 0);
        }

        public long micros(int row) {
            return micros[row];
        }

        public double value(int row, int column) {
            return values[row * width + column];
        }

        /** Row {@code row}'s values, a copy. */
        public double[] row(int row) {
            return java.util.Arrays.copyOfRange(values, row * width, row * width + width);
        }
    }
}
