package org.virtlab.experiment;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.virtlab.charts.ChartExport;
import org.virtlab.charts.CpuUsageChart;
import org.virtlab.charts.IoCostChart;
import org.virtlab.charts.IoOccupancyChart;
import org.virtlab.charts.MemoryStateChart;
import org.virtlab.engine.cpu.CpuSampler;
import org.virtlab.engine.io.CostStep;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.memory.host.MemorySampler;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * Writes the charts of a recorded run into a folder, the charts the window shows: {@code cpu} (CPU use by VM),
 * {@code memory-HOST} per host with VMs (each VM's pages by state), and when the scenario has I/O devices
 * {@code io-cost} (where a request's time goes) and {@code io-occupancy} (ring occupancy over time); each as PNG
 * ({@value #WIDTH} × {@value #HEIGHT}), SVG and CSV, as asked.
 *
 * <p>The CSV holds every sample. A drawing holds at most {@value #MAX_DRAWN_POINTS} points per line: beyond that,
 * each drawn point is the mean of {@code k} consecutive samples (exact for the CPU averages and ring occupancy, which
 * are themselves means over equal windows; for memory levels, their mean over the span). More points than pixels
 * would only cost time and make an SVG heavy.
 */
public final class RunArtifacts {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    public static final int MAX_DRAWN_POINTS = 1200;

    /** The file formats of the charts. */
    public enum Format {
        PNG, SVG, CSV;

        /** The file extension and the name on the command line: {@code png}, {@code svg}, {@code csv}. */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format named {@code name} (case-insensitive), if any. */
        public static Optional<Format> named(String name) {
            for (Format f : values()) {
                if (f.extension().equalsIgnoreCase(name.strip())) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The charts' texts, translated by the caller (the same the window's charts use).
     *
     * @param memoryHostTitle a memory chart's title from the host's name
     * @param ioCostParties   the {@link IoCostChart#PARTIES} parties' names
     * @param deviceLabel     a device's name in the I/O charts from its id and its VM's name
     */
    public record Labels(CpuUsageChart.Labels cpu, MemoryStateChart.Labels memory,
                         Function<String, String> memoryHostTitle, String ioCostTitle, String ioCostAxis,
                         List<String> ioCostParties, IoOccupancyChart.Labels occupancy,
                         BiFunction<String, String, String> deviceLabel) {
    }

    private final Scenario scenario;
    private final RunRecorder recorder;
    private final Labels labels;

    public RunArtifacts(Scenario scenario, RunRecorder recorder, Labels labels) {
        this.scenario = scenario;
        this.recorder = recorder;
        this.labels = labels;
    }

    /**
     * Writes every chart in each of {@code formats} into {@code folder}; returns the files, in a fixed order. The
     * charts are independent, so they are drawn on as many threads as there are cores (at most one per chart); the
     * files are the same whatever the order they are finished in.
     */
    public List<Path> write(Path folder, Set<Format> formats) throws IOException {
        List<Job> jobs = jobs(folder, formats);
        if (jobs.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(jobs.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "virtlab-chart-export");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Path>>> done = new ArrayList<>();
            for (Job job : jobs) {
                done.add(pool.submit(job::write));
            }
            List<Path> written = new ArrayList<>();
            for (Future<List<Path>> f : done) {
                written.addAll(get(f));
            }
            return written;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Path> get(Future<List<Path>> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing the charts");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The charts of this run, each to be written in the formats asked for. */
    private List<Job> jobs(Path folder, Set<Format> formats) {
        List<Job> jobs = new ArrayList<>();
        if (formats.isEmpty()) {
            return jobs;
        }
        jobs.add(new Job(folder, "cpu", this::cpuChart, recorder.cpuRows().size(), formats));
        if (recorder.hasMemory()) {
            Set<String> taken = new HashSet<>();
            for (int h = 0; h < scenario.hosts().size(); h++) {
                HostSpec host = scenario.hosts().get(h);
                List<Integer> here = new ArrayList<>();
                for (int i = 0; i < recorder.memoryVmHosts().size(); i++) {
                    if (recorder.memoryVmHosts().get(i).equals(host.id())) {
                        here.add(i);
                    }
                }
                if (here.isEmpty()) {
                    continue; // the window would show an empty chart; a file of nothing helps nobody
                }
                String name = "memory-" + safe(host.id());
                if (!taken.add(name)) {
                    name = name + "-" + (h + 1);
                    taken.add(name);
                }
                String title = labels.memoryHostTitle().apply(host.name());
                jobs.add(new Job(folder, name, stride -> memoryChart(stride, title, here),
                        recorder.memoryRows().size(), formats));
            }
        }
        if (!recorder.deviceIds().isEmpty() && recorder.lastIo().isPresent()) {
            jobs.add(new Job(folder, "io-cost", stride -> costChart(), 1, formats));
            jobs.add(new Job(folder, "io-occupancy", this::occupancyChart, recorder.occupancyRows().size(), formats));
        }
        return jobs;
    }

    /** One chart built from every {@code stride}-th group of samples. */
    private interface Build {
        JFreeChart chart(int stride);
    }

    /** One chart's files: its CSV from every sample, its drawings from at most {@link #MAX_DRAWN_POINTS}. */
    private record Job(Path folder, String name, Build build, int samples, Set<Format> formats) {
        List<Path> write() throws IOException {
            List<Path> written = new ArrayList<>();
            JFreeChart full = null;
            if (formats.contains(Format.CSV)) {
                full = build.chart(1);
                Path csv = folder.resolve(name + ".csv");
                ChartExport.csv(full, csv);
                written.add(csv);
            }
            if (!formats.contains(Format.PNG) && !formats.contains(Format.SVG)) {
                return written;
            }
            int stride = stride(samples);
            JFreeChart drawn = stride == 1 && full != null ? full : build.chart(stride);
            if (formats.contains(Format.PNG)) {
                Path png = folder.resolve(name + ".png");
                ChartExport.png(drawn, png, WIDTH, HEIGHT);
                written.add(png);
            }
            if (formats.contains(Format.SVG)) {
                Path svg = folder.resolve(name + ".svg");
                ChartExport.svg(drawn, svg, WIDTH, HEIGHT);
                written.add(svg);
            }
            return written;
        }
    }

    /** How many samples one drawn point stands for, so that at most {@link #MAX_DRAWN_POINTS} are drawn. */
    static int stride(int samples) {
        return Math.max(1, (samples + MAX_DRAWN_POINTS - 1) / MAX_DRAWN_POINTS);
    }

    /** Means of each group of {@code stride} consecutive rows (NaNs left out; NaN if all are), at the group's end. */
    private static List<double[]> grouped(RunRecorder.Rows rows, int stride, List<Long> ends) {
        List<double[]> out = new ArrayList<>();
        int width = rows.width();
        for (int start = 0; start < rows.size(); start += stride) {
            int end = Math.min(rows.size(), start + stride);
            double[] mean = new double[width];
            for (int c = 0; c < width; c++) {
                double sum = 0;
                int n = 0;
                for (int r = start; r < end; r++) {
                    double v = rows.value(r, c);
                    if (!Double.isNaN(v)) {
                        sum += v;
                        n++;
                    }
                }
                mean[c] = n == 0 ? Double.NaN : sum / n;
            }
            out.add(mean);
            ends.add(rows.micros(end - 1));
        }
        return out;
    }

    private List<String> vmNames(List<String> ids) {
        return ids.stream().map(id -> scenario.vm(id).map(VmSpec::name).orElse(id)).toList();
    }

    private JFreeChart cpuChart(int stride) {
        RunRecorder.Rows rows = recorder.cpuRows();
        CpuUsageChart chart = new CpuUsageChart(labels.cpu(), Math.max(1, (rows.size() + stride - 1) / stride));
        chart.setLive(false);
        List<String> ids = recorder.cpuVmIds();
        chart.reset(vmNames(ids));
        String[] idArray = ids.toArray(String[]::new);
        int n = ids.size();
        List<Long> ends = new ArrayList<>();
        List<CpuSampler.Sample> samples = new ArrayList<>();
        for (double[] row : grouped(rows, stride, ends)) {
            double[] used = new double[n];
            double[] entitled = new double[n];
            double[] demand = new double[n];
            for (int i = 0; i < n; i++) {
                used[i] = row[3 * i];
                entitled[i] = row[3 * i + 1];
                demand[i] = row[3 * i + 2];
            }
            double[] none = new double[n];
            samples.add(new CpuSampler.Sample(ends.get(samples.size()), idArray, demand, entitled, used, none, none,
                    none, row[3 * n]));
        }
        chart.append(samples);
        return chart.chart();
    }

    private JFreeChart memoryChart(int stride, String title, List<Integer> shown) {
        RunRecorder.Rows rows = recorder.memoryRows();
        MemoryStateChart chart = new MemoryStateChart(labels.memory(), Math.max(1, (rows.size() + stride - 1) / stride));
        chart.setLive(false);
        List<String> ids = recorder.memoryVmIds();
        chart.reset(vmNames(ids));
        List<Long> ends = new ArrayList<>();
        List<MemorySampler.Sample> samples = new ArrayList<>();
        for (double[] row : grouped(rows, stride, ends)) {
            List<MemorySampler.VmSample> vms = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                double configured = row[5 * i + 4];
                // the chart reads private, shared, ballooned, swapped and configured; the rest is not drawn
                vms.add(new MemorySampler.VmSample(ids.get(i), recorder.memoryVmHosts().get(i), true, configured, 0,
                        0, row[5 * i], row[5 * i + 1], row[5 * i + 2], row[5 * i + 3], 0, 0, 0, 0, 0, 0));
            }
            samples.add(new MemorySampler.Sample(ends.get(samples.size()), vms, List.of()));
        }
        chart.append(samples);
        chart.setTitle(title);
        chart.show(shown);
        return chart.chart();
    }

    /** Each device's cost per request over the run (since its mode last changed), by party, as the I/O tab. */
    private JFreeChart costChart() {
        IoCostChart chart = new IoCostChart(labels.ioCostTitle(), labels.ioCostAxis(), labels.ioCostParties());
        chart.setLive(false);
        IoSnapshot io = recorder.lastIo().orElseThrow();
        int n = io.devices().size();
        List<String> names = new ArrayList<>(n);
        double[][] micros = new double[IoCostChart.PARTIES][n];
        for (int k = 0; k < n; k++) {
            IoSnapshot.Device d = io.devices().get(k);
            names.add(deviceLabel(d.id()));
            for (CostStep step : CostStep.perRequest(d.spec(), d.costs(), recorder.totalsSinceChange(d))) {
                micros[step.where().ordinal()][k] += step.nanosPerRequest() / 1_000.0;
            }
        }
        chart.update(names, micros, new String[IoCostChart.PARTIES][n]);
        return chart.chart();
    }

    private JFreeChart occupancyChart(int stride) {
        RunRecorder.Rows rows = recorder.occupancyRows();
        IoOccupancyChart chart = new IoOccupancyChart(labels.occupancy(),
                Math.max(1, (rows.size() + stride - 1) / stride));
        chart.setLive(false);
        List<IoOccupancyChart.Line> lines = new ArrayList<>();
        Map<Kind, Integer> seen = new EnumMap<>(Kind.class);
        for (String id : recorder.deviceIds()) {
            Kind kind = scenario.device(id).map(d -> Kind.of(d.mode())).orElse(Kind.VIRTIO);
            int nth = seen.merge(kind, 1, Integer::sum) - 1;
            lines.add(new IoOccupancyChart.Line(deviceLabel(id), id, kind.shade(nth)));
        }
        chart.reset(lines);
        int n = lines.size();
        List<Long> ends = new ArrayList<>();
        List<double[]> points = grouped(rows, stride, ends);
        for (int p = 0; p < points.size(); p++) {
            double[] inUse = new double[n];
            double[] ceiling = new double[n];
            for (int k = 0; k < n; k++) {
                inUse[k] = points.get(p)[2 * k];
                ceiling[k] = points.get(p)[2 * k + 1];
            }
            chart.append(ends.get(p) / 1e6, inUse, ceiling);
        }
        chart.changed();
        return chart.chart();
    }

    private String deviceLabel(String id) {
        Optional<IoDeviceSpec> d = scenario.device(id);
        String vm = d.flatMap(x -> scenario.vm(x.vmId())).map(VmSpec::name).orElse(id);
        return labels.deviceLabel().apply(id, vm);
    }

    /** An id as a file name: letters, digits, dot, dash and underscore kept, anything else an underscore. */
    static String safe(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    /**
     * The three ways of I/O and their colours as the I/O tab draws them (ui.io.IoColours: Okabe–Ito vermillion, blue,
     * bluish green; the nth device of a mode darker, then lighter by turns).
     */
    private enum Kind {
        EMULATED(0xD55E00), VIRTIO(0x0072B2), PASSTHROUGH(0x009E73);

        private final int rgb;

        Kind(int rgb) {
            this.rgb = rgb;
        }

        static Kind of(IoMode mode) {
            if (mode instanceof IoMode.Emulated) {
                return EMULATED;
            }
            return mode instanceof IoMode.Virtio ? VIRTIO : PASSTHROUGH;
        }

        /** As IoColours.modeShade: towards black for odd n, towards white for even, by min(0.6, 0.3·⌊(n+1)/2⌋). */
        int shade(int nth) {
            if (nth == 0) {
                return rgb;
            }
            double step = Math.min(0.6, 0.3 * ((nth + 1) / 2));
            int towards = nth % 2 == 1 ? 0 : 255;
            Color c = new Color(rgb);
            return (mix(c.getRed(), towards, step) << 16) | (mix(c.getGreen(), towards, step) << 8)
                    | mix(c.getBlue(), towards, step);
        }

        private static int mix(int from, int to, double t) {
            return (int) Math.round(from + (to - from) * t);
        }
    }
}
