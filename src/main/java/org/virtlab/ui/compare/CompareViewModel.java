package org.virtlab.ui.compare;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.virtlab.charts.CompareChart;
import org.virtlab.engine.Input;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.ScenarioException;
import org.virtlab.scenario.ScenarioReader;
import org.virtlab.scenario.ScenarioWriter;
import org.virtlab.scenario.TraceFiles;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.properties.PropertiesViewModel;

/**
 * The Compare window's state. A is the window's scenario when Compare opened, never changed here; B starts as a copy
 * and is edited with the property panel (its own {@link PropertiesViewModel}, fed by a {@link ScenarioEditor} that
 * keeps B), an element of B chosen from a list. One line says what B changes. Run takes A and B in lockstep for the
 * chosen duration (whole seconds, 1–{@value #MAX_SECONDS}) on a background thread ({@link LockstepRun}), growing two
 * overlay charts (CPU GHz and consumed MiB per VM: A solid, B dashed) as it goes, with progress and Stop; at the end
 * (or at Stop) a table of every summary.json number in A and B and B − A, differing rows first, the others
 * hidden with "Only differences". Run is refused, with why, while B is not a valid scenario or while a VM of B
 * reserves more CPU or memory than its host has in all.
 */
public final class CompareViewModel {
    static final long MIN_SECONDS = 1;
    static final long MAX_SECONDS = 3600;

    private final I18n i18n;
    private final Scenario scenarioA;
    private final TraceFiles traces;
    private final Executor fxThread;
    private final Selection selection = new Selection();
    private final PropertiesViewModel properties;
    private final ObservableList<Element> elements = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper changes = new ReadOnlyStringWrapper(this, "changes", "");
    private final ReadOnlyStringWrapper changesDetail = new ReadOnlyStringWrapper(this, "changesDetail", "");
    private final StringProperty seconds = new SimpleStringProperty(this, "seconds", "");
    private final ReadOnlyStringWrapper secondsError = new ReadOnlyStringWrapper(this, "secondsError", "");
    private final ReadOnlyStringWrapper invalidB = new ReadOnlyStringWrapper(this, "invalidB", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final BooleanBinding canRun;
    private final ReadOnlyStringWrapper runBlocked = new ReadOnlyStringWrapper(this, "runBlocked", "");
    private final ObservableList<SummaryDiff.Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty onlyDifferences = new SimpleBooleanProperty(this, "onlyDifferences", false);
    private final FilteredList<SummaryDiff.Row> shownRows = new FilteredList<>(rows);
    private final CompareChart cpuChart;
    private final CompareChart memoryChart;
    private final CompareChart ioChart;
    private final AtomicBoolean stop = new AtomicBoolean();
    private Scenario scenarioB;

    /**
     * An element of B the property panel can show: its id (null: the lesson), its name, and how deep the list
     * indents it (a VM under its host).
     */
    public record Element(String id, String label, int depth) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * @param scenario the window's scenario: A, and B's starting point
     * @param traces   where its trace CSV files are (null: none), for checking B as a file is checked
     * @param fxThread where state changes are made (the FX thread; tests run them at once)
     */
    public CompareViewModel(I18n i18n, Scenario scenario, TraceFiles traces, Executor fxThread) {
        this.i18n = i18n;
        this.scenarioA = scenario;
        this.scenarioB = scenario;
        this.traces = traces;
        this.fxThread = fxThread;
        properties = new PropertiesViewModel(i18n, selection, new EditorOfB());
        cpuChart = new CompareChart(i18n.get("compare.chart.cpu.title"), i18n.get("compare.chart.time"),
                i18n.get("compare.chart.cpu.axis"));
        memoryChart = new CompareChart(i18n.get("compare.chart.memory.title"), i18n.get("compare.chart.time"),
                i18n.get("compare.chart.memory.axis"));
        ioChart = new CompareChart(i18n.get("compare.chart.io.title"), i18n.get("compare.chart.time"),
                i18n.get("compare.chart.io.axis"));
        long defaultSeconds = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, scenario.durationMicros() / 1_000_000));
        seconds.set(Long.toString(defaultSeconds));
        seconds.addListener((obs, was, now) -> checkSeconds());
        onlyDifferences.addListener((obs, was, now) -> filter());
        checkSeconds();
        bChanged();
        properties.reset(scenarioB);
        canRun = Bindings.createBooleanBinding(() -> !running.get() && secondsError.get().isEmpty()
                && invalidB.get().isEmpty(), running, secondsError, invalidB);
        runBlocked.bind(Bindings.createStringBinding(() -> !secondsError.get().isEmpty()
                ? i18n.format("compare.blocked", i18n.format("compare.fieldError", i18n.get("compare.seconds"),
                        secondsError.get()))
                : invalidB.get().isEmpty() ? "" : i18n.format("compare.blocked", invalidB.get()),
                secondsError, invalidB));
        status.set(i18n.get("compare.status.ready"));
    }

    public I18n i18n() {
        return i18n;
    }

    /** A, as Compare opened: never edited here. */
    public Scenario scenarioA() {
        return scenarioA;
    }

    /** B, with every edit so far. */
    public Scenario scenarioB() {
        return scenarioB;
    }

    /** What the property panel shows of B: one element, or the lesson when none. */
    public Selection selection() {
        return selection;
    }

    public PropertiesViewModel properties() {
        return properties;
    }

    /** B's lesson, hosts (each followed by its VMs), networks and switches, to choose one for the property panel. */
    public ObservableList<Element> elements() {
        return elements;
    }

    /** Shows {@code element} of B in the property panel (null or the lesson: the lesson's settings). */
    public void show(Element element) {
        if (element == null || element.id() == null) {
            selection.clear();
        } else {
            selection.select(element.id());
        }
    }

    /** One line: what B changes of A, or that it changes nothing yet. */
    public ReadOnlyStringProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** Every change, one a line. */
    public ReadOnlyStringProperty changesDetailProperty() {
        return changesDetail.getReadOnlyProperty();
    }

    /** The run's simulated length in seconds, as typed. */
    public StringProperty secondsProperty() {
        return seconds;
    }

    /** Why the typed duration is refused, with the allowed range; empty when it is fine. */
    public ReadOnlyStringProperty secondsErrorProperty() {
        return secondsError.getReadOnlyProperty();
    }

    /** Why B cannot run; empty when it can. */
    public ReadOnlyStringProperty invalidBProperty() {
        return invalidB.getReadOnlyProperty();
    }

    /** Why Run is refused now (the duration or B), for beside the button; empty when Run can start. */
    public ReadOnlyStringProperty runBlockedProperty() {
        return runBlocked.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0–1 while running: simulated time run over the duration. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status is an error (the engine refused something). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public CompareChart cpuChart() {
        return cpuChart;
    }

    public CompareChart memoryChart() {
        return memoryChart;
    }

    /** Each I/O device's completed requests per second (thousands); lines only when the lesson has devices. */
    public CompareChart ioChart() {
        return ioChart;
    }

    /** Whether A has I/O devices, so that the I/O chart has something to show. */
    public boolean hasDevices() {
        return !scenarioA.devices().isEmpty();
    }

    /** Every row of the last run's table, differing rows first. */
    public ObservableList<SummaryDiff.Row> rows() {
        return rows;
    }

    /** The rows the table shows: all, or only those that differ. */
    public ObservableList<SummaryDiff.Row> shownRows() {
        return shownRows;
    }

    public BooleanProperty onlyDifferencesProperty() {
        return onlyDifferences;
    }

    /**
     * Starts A and B on a background thread. The returned future completes (on the FX thread, after the table is
     * filled) when the runs end, are stopped or fail; it is already complete when Run is refused.
     */
    public CompletableFuture<Void> run() {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        if (!canRun.get()) {
            finished.complete(null);
            return finished;
        }
        Scenario a = scenarioA;
        Scenario b = scenarioB;
        long endMicros = Long.parseLong(seconds.get().strip()) * 1_000_000;
        cpuChart.reset(seriesNames(a, "compare.a"), seriesNames(b, "compare.b"));
        memoryChart.reset(seriesNames(a, "compare.a"), seriesNames(b, "compare.b"));
        ioChart.reset(deviceSeriesNames(a, "compare.a"), deviceSeriesNames(a, "compare.b"));
        rows.clear();
        stop.set(false);
        running.set(true);
        failed.set(false);
        progress.set(0);
        status.set(i18n.format("compare.status.running", "0", Long.toString(endMicros / 1_000_000)));
        ConcurrentLinkedQueue<LockstepRun.Step> steps = new ConcurrentLinkedQueue<>();
        AtomicBoolean drainQueued = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                LockstepRun run = new LockstepRun(a, b, endMicros);
                while (!run.done() && !stop.get()) {
                    steps.add(run.advance());
                    if (drainQueued.compareAndSet(false, true)) { // one drain queued at a time
                        fxThread.execute(() -> {
                            drainQueued.set(false);
                            drain(steps, endMicros);
                        });
                    }
                }
                String summaryA = run.summaryA();
                String summaryB = run.summaryB();
                boolean complete = run.done();
                long reached = run.nowMicros();
                fxThread.execute(() -> {
                    drain(steps, endMicros);
                    finished(a, summaryA, b, summaryB, complete, reached, endMicros);
                    finished.complete(null);
                });
            } catch (RuntimeException e) {
                fxThread.execute(() -> {
                    drain(steps, endMicros);
                    running.set(false);
                    failed.set(true);
                    status.set(i18n.format("compare.status.failed", String.valueOf(e.getMessage())));
                    finished.complete(null);
                });
            }
        }, "virtlab-compare");
        worker.setDaemon(true);
        worker.start();
        return finished;
    }

    /** Stops both runs where they are; the table then compares them up to there. */
    public void stop() {
        stop.set(true);
    }

    private void drain(ConcurrentLinkedQueue<LockstepRun.Step> steps, long endMicros) {
        List<LockstepRun.Step> taken = new ArrayList<>();
        for (LockstepRun.Step s = steps.poll(); s != null; s = steps.poll()) {
            taken.add(s);
        }
        if (taken.isEmpty()) {
            return;
        }
        for (LockstepRun.Step s : taken) {
            add(cpuChart, s.cpuGhz());
            add(memoryChart, s.consumedMib());
            add(ioChart, s.kiloIops());
        }
        long now = taken.get(taken.size() - 1).nowMicros();
        if (running.get()) {
            progress.set(now / (double) endMicros);
            status.set(i18n.format("compare.status.running", Long.toString(now / 1_000_000),
                    Long.toString(endMicros / 1_000_000)));
        }
    }

    private static void add(CompareChart chart, LockstepRun.Points points) {
        if (!points.isEmpty()) {
            chart.append(points.seconds(), points.a(), points.b());
        }
    }

    private void finished(Scenario a, String summaryA, Scenario b, String summaryB, boolean complete, long reached,
                          long endMicros) {
        rows.setAll(SummaryDiff.rows(i18n, a, summaryA, b, summaryB));
        filter();
        running.set(false);
        progress.set(reached / (double) endMicros);
        status.set(complete ? i18n.format("compare.status.done", Long.toString(endMicros / 1_000_000))
                : i18n.format("compare.status.stopped", seconds(reached),
                        Long.toString(endMicros / 1_000_000)));
    }

    private static String seconds(long micros) {
        return java.math.BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }

    private void filter() {
        boolean only = onlyDifferences.get();
        shownRows.setPredicate(only ? SummaryDiff.Row::differs : r -> true);
    }

    private List<String> seriesNames(Scenario s, String runKey) {
        String run = i18n.get(runKey);
        return s.vms().stream().map(v -> i18n.format("compare.series", v.name(), run)).toList();
    }

    /** A's devices (B has the same: its panel edits them but adds none) as "vda — VM2 (A)". */
    private List<String> deviceSeriesNames(Scenario s, String runKey) {
        String run = i18n.get(runKey);
        return s.devices().stream().map(d -> i18n.format("compare.series",
                i18n.format("compare.device", d.id(), s.vm(d.vmId()).map(v -> v.name()).orElse(d.vmId())), run))
                .toList();
    }

    private void checkSeconds() {
        String text = seconds.get() == null ? "" : seconds.get().strip();
        String refusal = i18n.format("compare.error.seconds", Long.toString(MIN_SECONDS),
                Long.toString(MAX_SECONDS), text);
        try {
            long s = Long.parseLong(text);
            secondsError.set(s >= MIN_SECONDS && s <= MAX_SECONDS ? "" : refusal);
        } catch (NumberFormatException e) {
            secondsError.set(refusal);
        }
    }

    /** B changed (or is new): the list, the line of changes, whether it can run. */
    private void bChanged() {
        List<Element> next = new ArrayList<>();
        next.add(new Element(null, i18n.get("props.heading.lesson"), 0));
        for (HostSpec h : scenarioB.hosts()) {
            next.add(new Element(h.id(), h.name(), 0));
            for (VmSpec v : scenarioB.vmsOn(h.id())) {
                next.add(new Element(v.id(), v.name(), 1));
            }
        }
        for (NetworkSpec n : scenarioB.networks()) {
            next.add(new Element(n.id(), n.name(), 0));
        }
        for (SwitchSpec sw : scenarioB.switches()) {
            next.add(new Element(sw.id(), sw.name(), 0));
        }
        if (!next.equals(elements)) {
            elements.setAll(next);
        }
        List<ScenarioChanges.Change> list = ScenarioChanges.between(i18n, scenarioA, scenarioB);
        changes.set(ScenarioChanges.line(i18n, list));
        changesDetail.set(ScenarioChanges.all(i18n, list));
        invalidB.set(whyBCannotRun());
    }

    /**
     * Empty when B runs: it passes the scenario file checker, and each VM's reservations fit its host's cores ×
     * clock and memory (admission control would refuse its power-on on every run; virtualization.md §1).
     */
    private String whyBCannotRun() {
        String source = i18n.get("compare.b");
        try {
            ScenarioReader.read(new ByteArrayInputStream(ScenarioWriter.toJson(scenarioB).getBytes(
                    StandardCharsets.UTF_8)), source, traces);
        } catch (ScenarioException e) {
            return e.problems().isEmpty() ? source : e.problems().get(0).format(i18n.locale());
        }
        for (VmSpec v : scenarioB.vms()) {
            HostSpec h = scenarioB.host(v.hostId()).orElse(null);
            if (h == null) {
                continue;
            }
            long coresMhz = (long) h.cpu().cores() * h.cpu().mhzPerCore();
            if (v.cpuQos().reservationMhz() > coresMhz) {
                return i18n.format("compare.invalid.cpuReservation", v.name(),
                        Long.toString(v.cpuQos().reservationMhz()), h.name(), Long.toString(coresMhz));
            }
            if (v.memoryQos().reservationMib() > h.memoryMib()) {
                return i18n.format("compare.invalid.memoryReservation", v.name(),
                        Long.toString(v.memoryQos().reservationMib()), h.name(), Long.toString(h.memoryMib()));
            }
        }
        return "";
    }

    /** Where the property panel's edits of B go: B itself; there is no running simulation to tell. */
    private final class EditorOfB implements ScenarioEditor {
        @Override
        public Scenario scenario() {
            return scenarioB;
        }

        @Override
        public void apply(Scenario edited, Input input) {
            take(edited);
        }

        @Override
        public void restructure(Scenario edited) {
            take(edited);
        }

        /** A live migration or other command needs a running simulation; B is a plan, so there is none to tell. */
        @Override
        public void command(Input input) {
        }

        private void take(Scenario edited) {
            scenarioB = edited;
            bChanged();
            properties.reset(edited);
        }
    }
}
