package org.virtlab.ui.sweep;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.charts.ChartExport;
import org.virtlab.charts.SweepChart;
import org.virtlab.experiment.Sweep;
import org.virtlab.experiment.SweepCsv;
import org.virtlab.experiment.SweepException;
import org.virtlab.experiment.SweepPoint;
import org.virtlab.experiment.SweepPointer;
import org.virtlab.experiment.SweepScenario;
import org.virtlab.experiment.SweepValues;
import org.virtlab.ui.i18n.I18n;

/**
 * The Sweep dialog's state: the parameter (a numeric field of the selected element or of the lesson), its range
 * (each end checked as typed, by the scenario's own checker, with the allowed range), the metric and the run
 * length; the sweep running in the background with its progress, Cancel, and its points on a {@link SweepChart}.
 * The sweep works on a copy of the scenario taken when the dialog opened; the window's simulation is untouched.
 */
public final class SweepViewModel {
    static final double MAX_SECONDS = 86_400;
    static final int CHART_WIDTH = 1280;
    static final int CHART_HEIGHT = 720;

    private final I18n i18n;
    private final SweepScenario scenario;
    private final Executor fxThread;
    private final ObservableList<SweepChoice> parameters = FXCollections.observableArrayList();
    private final ObservableList<SweepChoice> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<SweepChoice> parameter = new SimpleObjectProperty<>(this, "parameter");
    private final ObjectProperty<SweepChoice> metric = new SimpleObjectProperty<>(this, "metric");
    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final StringProperty step = new SimpleStringProperty(this, "step", "");
    private final StringProperty seconds = new SimpleStringProperty(this, "seconds", "");
    private final ReadOnlyStringWrapper fromError = new ReadOnlyStringWrapper(this, "fromError", "");
    private final ReadOnlyStringWrapper toError = new ReadOnlyStringWrapper(this, "toError", "");
    private final ReadOnlyStringWrapper stepError = new ReadOnlyStringWrapper(this, "stepError", "");
    private final ReadOnlyStringWrapper secondsError = new ReadOnlyStringWrapper(this, "secondsError", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper hasPoints = new ReadOnlyBooleanWrapper(this, "hasPoints");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final BooleanBinding canRun;
    private final SweepChart chart;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private List<SweepPoint> points = List.of();
    private String sweptParam = "";
    private String sweptMetric = "";

    /**
     * @param scenarioJson the scenario as its file would hold it
     * @param scenario     the same, to run ({@link SweepScenario#of})
     * @param selectedId   the element the property panel shows, or null
     * @param fxThread     where state changes are made (the FX thread; tests run them at once)
     */
    public SweepViewModel(I18n i18n, String scenarioJson, SweepScenario scenario, String selectedId,
                          Executor fxThread) {
        this.i18n = i18n;
        this.scenario = scenario;
        this.fxThread = fxThread;
        parameters.setAll(SweepChoices.parameters(i18n, scenarioJson, selectedId));
        metrics.setAll(SweepChoices.metrics(i18n, scenarioJson, scenario.metrics()));
        chart = new SweepChart("", "", "");
        parameter.addListener((obs, was, now) -> suggestRange());
        parameter.set(parameters.isEmpty() ? null : parameters.get(0));
        String preferred = selectedId == null ? null : "/vms/" + SweepPointer.escape(selectedId) + "/cpu/avgGhz";
        metric.set(metrics.stream().filter(m -> m.pointer().equals(preferred)).findFirst()
                .orElse(metrics.isEmpty() ? null : metrics.get(0)));
        seconds.set(BigDecimal.valueOf(scenario.scenario().durationMicros()).movePointLeft(6).stripTrailingZeros()
                .toPlainString());
        from.addListener((obs, was, now) -> checkEnds());
        to.addListener((obs, was, now) -> checkEnds());
        step.addListener((obs, was, now) -> checkEnds());
        parameter.addListener((obs, was, now) -> checkEnds());
        seconds.addListener((obs, was, now) -> checkSeconds());
        checkEnds();
        checkSeconds();
        canRun = Bindings.createBooleanBinding(() -> !running.get() && parameter.get() != null
                        && metric.get() != null && fromError.get().isEmpty() && toError.get().isEmpty()
                        && stepError.get().isEmpty() && secondsError.get().isEmpty(),
                running, parameter, metric, fromError, toError, stepError, secondsError);
    }

    public ObservableList<SweepChoice> parameters() {
        return parameters;
    }

    public ObservableList<SweepChoice> metrics() {
        return metrics;
    }

    public ObjectProperty<SweepChoice> parameterProperty() {
        return parameter;
    }

    public ObjectProperty<SweepChoice> metricProperty() {
        return metric;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty stepProperty() {
        return step;
    }

    public StringProperty secondsProperty() {
        return seconds;
    }

    public ReadOnlyStringProperty fromErrorProperty() {
        return fromError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty toErrorProperty() {
        return toError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepErrorProperty() {
        return stepError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secondsErrorProperty() {
        return secondsError.getReadOnlyProperty();
    }

    /** What the sweep is doing or did; {@link #failedProperty()} tells whether it is an error. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPointsProperty() {
        return hasPoints.getReadOnlyProperty();
    }

    /** 0–1 while running: simulated time run over all the runs' time. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public SweepChart chart() {
        return chart;
    }

    /** The points of the last finished sweep. */
    public List<SweepPoint> points() {
        return points;
    }

    /** Starts the sweep on a background thread; its points replace the chart's when it is done. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        List<BigDecimal> values;
        try {
            values = SweepValues.range(SweepValues.number(from.get()), SweepValues.number(to.get()),
                    SweepValues.number(step.get()));
        } catch (SweepException e) {
            fail(e);
            return;
        }
        String param = parameter.get().pointer();
        String measured = metric.get().pointer();
        String paramLabel = parameter.get().label();
        String metricLabel = metric.get().label();
        long micros = Math.round(Double.parseDouble(seconds.get().strip()) * 1e6);
        cancel.set(false);
        running.set(true);
        failed.set(false);
        progress.set(0);
        status.set(i18n.format("sweep.status.running", values.size()));
        AtomicReference<double[]> latest = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                Sweep sweep = Sweep.prepare(scenario, param, values, measured, micros, null);
                List<SweepPoint> result = sweep.run(Runtime.getRuntime().availableProcessors(), (done, runs, x) -> {
                    if (latest.getAndSet(new double[] {done, runs, x}) == null) { // one update queued at a time
                        fxThread.execute(() -> {
                            double[] now = latest.getAndSet(null);
                            if (running.get() && now != null) {
                                progress.set(now[2]);
                                status.set(i18n.format("sweep.status.progress", (int) now[0], (int) now[1]));
                            }
                        });
                    }
                }, cancel::get);
                fxThread.execute(() -> finished(result, param, measured, paramLabel, metricLabel));
            } catch (CancellationException e) {
                fxThread.execute(() -> stopped(i18n.get("sweep.status.cancelled"), false));
            } catch (SweepException e) {
                fxThread.execute(() -> fail(e));
            } catch (RuntimeException e) {
                fxThread.execute(() -> stopped(String.valueOf(e.getMessage()), true));
            }
        }, "virtlab-sweep");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops the runs; the dialog stays with the last finished sweep's points. */
    public void cancel() {
        cancel.set(true);
    }

    /** Writes the chart as PNG (2×, for print); an error message if it could not. */
    public Optional<String> savePng(Path target) {
        return saved(target, () -> ChartExport.png(chart.chart(), target, CHART_WIDTH, CHART_HEIGHT, 2));
    }

    public Optional<String> saveSvg(Path target) {
        return saved(target, () -> ChartExport.svg(chart.chart(), target, CHART_WIDTH, CHART_HEIGHT));
    }

    /** The table as {@code virtlab sweep} writes it: the pointers as headers, one row per value. */
    public Optional<String> saveCsv(Path target) {
        return saved(target, () -> SweepCsv.write(target, sweptParam, sweptMetric, points));
    }

    private interface Write {
        void write() throws IOException;
    }

    private Optional<String> saved(Path target, Write write) {
        try {
            write.write();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(i18n.format("error.export", target, String.valueOf(e.getMessage())));
        }
    }

    private void finished(List<SweepPoint> result, String param, String measured, String paramLabel,
                          String metricLabel) {
        points = result;
        sweptParam = param;
        sweptMetric = measured;
        chart.relabel(i18n.format("sweep.chart.title", metricLabel, paramLabel), paramLabel, metricLabel);
        chart.clear();
        for (SweepPoint p : result) {
            chart.add(p.value().doubleValue(), p.metric());
        }
        hasPoints.set(!result.isEmpty());
        progress.set(1);
        stopped(i18n.format("sweep.status.done", result.size()), false);
    }

    private void fail(SweepException e) {
        stopped(message(e), true);
    }

    private void stopped(String text, boolean error) {
        running.set(false);
        failed.set(error);
        status.set(text);
    }

    private String message(SweepException e) {
        return i18n.format("sweep.error." + e.kind().key(), e.args(i18n.locale()).toArray());
    }

    /** Fills the range around the parameter's current value: half of it to twice it, in four steps. */
    private void suggestRange() {
        SweepChoice p = parameter.get();
        if (p == null) {
            return;
        }
        BigDecimal current;
        try {
            current = scenario.valueAt(SweepPointer.parse(p.pointer())).orElse(BigDecimal.ZERO);
        } catch (SweepException e) {
            current = BigDecimal.ZERO;
        }
        if (current.signum() <= 0) {
            from.set("0");
            to.set("10");
            step.set("1");
            return;
        }
        BigDecimal half = current.divide(BigDecimal.valueOf(2)).stripTrailingZeros();
        from.set(half.toPlainString());
        to.set(current.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().toPlainString());
        step.set(half.toPlainString());
    }

    private void checkEnds() {
        SweepChoice p = parameter.get();
        fromError.set(p == null ? "" : endError(p, from.get()));
        toError.set(p == null ? "" : endError(p, to.get()));
        String stepText = "";
        if (fromError.get().isEmpty() && toError.get().isEmpty()) {
            try {
                SweepValues.range(SweepValues.number(from.get()), SweepValues.number(to.get()),
                        SweepValues.number(step.get()));
            } catch (SweepException e) {
                stepText = message(e);
            }
        }
        stepError.set(stepText);
    }

    /** Empty when {@code text} is a value the scenario's checker takes at the parameter; else why not. */
    private String endError(SweepChoice p, String text) {
        try {
            scenario.with(SweepPointer.parse(p.pointer()), SweepValues.number(text));
            return "";
        } catch (SweepException e) {
            if (e.kind() == SweepException.Kind.VALUE_INVALID) {
                return invalid(p, e);
            }
            return message(e);
        }
    }

    /** The checker's message; prefixed with its place when that is another field (a limit below a reservation). */
    private String invalid(SweepChoice p, SweepException e) {
        List<String> args = e.args(i18n.locale());
        try {
            return args.get(2).equals(scenario.canonical(SweepPointer.parse(p.pointer()))) ? args.get(3)
                    : args.get(2) + ": " + args.get(3);
        } catch (SweepException bad) {
            return message(bad);
        }
    }

    private void checkSeconds() {
        String text = seconds.get() == null ? "" : seconds.get().strip();
        try {
            double s = Double.parseDouble(text);
            secondsError.set(s > 0 && s <= MAX_SECONDS ? ""
                    : i18n.format("sweep.error.seconds", text, (long) MAX_SECONDS));
        } catch (NumberFormatException e) {
            secondsError.set(i18n.format("sweep.error.seconds", text, (long) MAX_SECONDS));
        }
    }
}
