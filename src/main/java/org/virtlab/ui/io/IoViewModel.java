package org.virtlab.ui.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.charts.IoCostChart;
import org.virtlab.charts.IoOccupancyChart;
import org.virtlab.engine.io.CostStep;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.SimulationRunner;

/**
 * The I/O tab's state, from the simulation's published {@link IoSnapshot}: the device in focus (the selected VM's
 * first device, or the one picked in the tab) with its virtqueue laid out for the animator and its counters; the
 * exit timeline of every device; the devices side by side over the last metrics window; and where a request's time
 * goes per device, since its mode last changed; how full each device's ring is over time. The live controls are {@link #controls()}.
 *
 * <p>Like the CPU tab it works only while showing ({@link #setShowing}); the cost chart and the comparison follow the
 * 100 ms metrics windows, the ring and the timeline every frame.
 */
public final class IoViewModel {
    private final I18n i18n;
    private final Selection selection;
    private final IoControlsModel controls;
    private final IoCostChart costChart;
    private final IoOccupancyChart occupancyChart;
    private final OccupancyFeed occupancy;
    private final ObservableList<String> devices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> focus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RingData> ring = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RingData.Mark> ringMark = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper ringNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper counters = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TimelineData> timeline = new ReadOnlyObjectWrapper<>(TimelineData.EMPTY);
    private final ReadOnlyObjectWrapper<List<ComparisonBar>> comparison = new ReadOnlyObjectWrapper<>(List.of());
    /** Per device, the spec it had when last seen and its totals then: the cost counts from a change on. */
    private final Map<String, IoDeviceSpec> seenSpec = new HashMap<>();
    private final Map<String, IoSnapshot.Totals> baseline = new HashMap<>();
    private Scenario scenario;
    private SimulationRunner.State shown;
    private boolean showing = true;
    private int tableRows = 12;
    private int ringSlots = 16;
    private String flashDevice;
    private long lastKicks;
    private long lastInterrupts;
    private long lastWindowStart = -1;

    public IoViewModel(I18n i18n, Selection selection, ScenarioEditor editor) {
        this.i18n = i18n;
        this.selection = selection;
        this.controls = new IoControlsModel(i18n, editor);
        costChart = new IoCostChart(i18n.get("io.cost.title"), i18n.get("io.cost.axis"), List.of(
                i18n.get("io.where.guest"), i18n.get("io.where.exit"), i18n.get("io.where.host"),
                i18n.get("io.where.device"), i18n.get("io.where.wait")));
        occupancyChart = new IoOccupancyChart(new IoOccupancyChart.Labels(i18n.get("io.occupancy.title"),
                i18n.get("io.occupancy.time"), i18n.get("io.occupancy.axis"),
                (name, size) -> i18n.format("io.occupancy.ceiling", name, size),
                (name, size) -> i18n.format("io.occupancy.ceiling.off", name, size)));
        occupancy = new OccupancyFeed(occupancyChart);
        selection.selectedIdProperty().addListener((obs, was, now) -> followSelection(now));
    }

    public IoControlsModel controls() {
        return controls;
    }

    public IoCostChart costChart() {
        return costChart;
    }

    /** How full each device's ring is over simulated time, from every metrics window since the start. */
    public IoOccupancyChart occupancyChart() {
        return occupancyChart;
    }

    /** The devices' ids, in scenario order: what the tab's device box offers. */
    public ObservableList<String> devices() {
        return devices;
    }

    /** "vda — virtio VM". */
    public String deviceLabel(String id) {
        if (scenario == null || id == null) {
            return "";
        }
        return scenario.device(id).map(d -> i18n.format("io.device.label", d.id(),
                scenario.vm(d.vmId()).map(VmSpec::name).orElse(d.vmId()))).orElse(id);
    }

    /** The device in focus; null when the lesson has none. */
    public ReadOnlyObjectProperty<String> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    /** Puts a device in focus (the tab's device box). */
    public void focus(String id) {
        if (scenario == null || id == null || scenario.device(id).isEmpty() || id.equals(focus.get())) {
            return;
        }
        focus.set(id);
        controls.show(scenario, id);
        flashDevice = null;
        if (shown != null) {
            showFocus(shown);
        }
    }

    /** The ring entry the selected event points at, in the focus device's virtqueue; null: none. */
    public ReadOnlyObjectProperty<RingData.Mark> ringMarkProperty() {
        return ringMark.getReadOnlyProperty();
    }

    /** Puts {@code deviceId} in focus and points at a ring entry of it (a selected kick or interrupt); null: none. */
    public void highlight(String deviceId, RingData.Mark mark) {
        if (mark != null) {
            focus(deviceId);
        }
        ringMark.set(mark != null && deviceId.equals(focus.get()) ? mark : null);
    }

    /** The focus device's virtqueue, laid out; null when it has none (not virtio). */
    public ReadOnlyObjectProperty<RingData> ringProperty() {
        return ring.getReadOnlyProperty();
    }

    /** Why there is no virtqueue to show, when there is none. */
    public ReadOnlyStringProperty ringNoteProperty() {
        return ringNote.getReadOnlyProperty();
    }

    /** The focus device's counters since time zero, in one line. */
    public ReadOnlyStringProperty countersProperty() {
        return counters.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimelineData> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ComparisonBar>> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** How many descriptor rows and ring slots the animator has room for; it says so when resized. */
    public void setRingCapacity(int rows, int slots) {
        if (rows == tableRows && slots == ringSlots) {
            return;
        }
        tableRows = Math.max(1, rows);
        ringSlots = Math.max(1, slots);
        if (shown != null && showing) {
            showFocus(shown);
        }
    }

    /** Whether the I/O tab is showing: the pictures are worked out only then. */
    public void setShowing(boolean showing) {
        this.showing = showing;
        costChart.setLive(showing);
        occupancyChart.setLive(showing);
        if (showing && shown != null) {
            lastWindowStart = -1;
            draw(shown);
        }
    }

    /** Starts over for a scenario (loaded, or restarted after an edit). */
    public void reset(Scenario newScenario) {
        scenario = newScenario;
        shown = null;
        seenSpec.clear();
        baseline.clear();
        flashDevice = null;
        lastWindowStart = -1;
        String keep = focus.get();
        // no focus while the list changes: a device box that loses its value with the old list gets it back
        focus.set(null);
        devices.setAll(newScenario.devices().stream().map(IoDeviceSpec::id).toList());
        focus.set(keep != null && newScenario.device(keep).isPresent() ? keep : defaultFocus(newScenario));
        controls.show(newScenario, focus.get());
        ring.set(null);
        ringNote.set("");
        counters.set("");
        timeline.set(TimelineData.EMPTY);
        comparison.set(List.of());
        costChart.update(List.of(), new double[IoCostChart.PARTIES][0], new String[IoCostChart.PARTIES][0]);
        occupancy.reset(newScenario, this::deviceLabel);
    }

    /** The scenario after an edit the simulation follows without starting over. */
    public void edited(Scenario edited) {
        scenario = edited;
        controls.show(edited, focus.get());
    }

    /** The latest moment of the simulation. */
    public void update(SimulationRunner.State state) {
        shown = state;
        Optional<IoSnapshot> io = state.snapshot().find(IoSnapshot.class);
        io.ifPresent(this::trackChanges);
        io.ifPresent(occupancy::feed); // every window, shown or not: the chart keeps a minute
        if (showing) {
            draw(state);
        }
    }

    private void draw(SimulationRunner.State state) {
        showFocus(state);
        state.snapshot().find(IoSnapshot.class).ifPresent(io -> {
            List<TimelineLayout.Source> sources = new ArrayList<>();
            for (IoSnapshot.Device d : io.devices()) {
                sources.add(new TimelineLayout.Source(deviceLabel(d.id()), d));
            }
            timeline.set(TimelineLayout.of(sources, state.snapshot().nowMicros() * 1_000));
            long windowStart = io.devices().isEmpty() ? -1 : io.devices().get(0).lastWindow().startMicros();
            if (windowStart != lastWindowStart || comparison.get().size() != io.devices().size()) {
                lastWindowStart = windowStart;
                showComparison(io);
                showCosts(io);
            }
        });
    }

    /** A device whose spec changed (by an input) counts its costs from now on. */
    private void trackChanges(IoSnapshot io) {
        for (IoSnapshot.Device d : io.devices()) {
            IoDeviceSpec was = seenSpec.put(d.id(), d.spec());
            if (was != null && !was.equals(d.spec())) {
                baseline.put(d.id(), d.totals());
                lastWindowStart = -1;
            }
        }
    }

    private void showFocus(SimulationRunner.State state) {
        String id = focus.get();
        Optional<IoSnapshot.Device> device = id == null ? Optional.empty()
                : state.snapshot().find(IoSnapshot.class).flatMap(io -> io.device(id));
        if (device.isEmpty()) {
            ring.set(null);
            ringNote.set(scenario == null || scenario.devices().isEmpty() ? i18n.get("io.none") : "");
            counters.set("");
            return;
        }
        IoSnapshot.Device d = device.get();
        IoSnapshot.Totals t = d.totals();
        long kicks = 0;
        long interrupts = 0;
        if (d.id().equals(flashDevice)) {
            kicks = Math.max(0, t.kicks() - lastKicks);
            interrupts = Math.max(0, t.interrupts() - lastInterrupts);
        }
        flashDevice = d.id();
        lastKicks = t.kicks();
        lastInterrupts = t.interrupts();
        counters.set(i18n.format("io.counters", Long.toString(t.completed()), Long.toString(t.exits()),
                String.format(Locale.ROOT, "%.2f", t.exitsPerRequest()), Long.toString(t.kicks()),
                Long.toString(t.interrupts())));
        if (d.ring() != null) {
            ring.set(RingLayout.of(d.ring(), tableRows, ringSlots, kicks, interrupts));
            ringNote.set("");
        } else {
            ring.set(null);
            IoMode mode = d.mode();
            ringNote.set(mode instanceof IoMode.Emulated e
                    ? i18n.format("io.ring.emulated", deviceLabel(d.id()), e.model().name(),
                            Integer.toString(e.accessesPerRequest()), Integer.toString(e.accessesPerInterrupt()))
                    : i18n.format("io.ring.passthrough", deviceLabel(d.id())));
        }
    }

    private void showComparison(IoSnapshot io) {
        List<ComparisonBar> bars = new ArrayList<>(io.devices().size());
        for (IoSnapshot.Device d : io.devices()) {
            IoSnapshot.Window w = d.lastWindow();
            bars.add(new ComparisonBar(deviceLabel(d.id()), ModeKind.of(d.mode()), w.exitsPerRequest(), w.iops(),
                    w.gbitPerSecond(), w.meanLatencyNanos() / 1_000.0, w.latencyP99Nanos() / 1_000.0,
                    w.hostCpuPercent()));
        }
        comparison.set(List.copyOf(bars));
    }

    private void showCosts(IoSnapshot io) {
        int n = io.devices().size();
        List<String> names = new ArrayList<>(n);
        double[][] micros = new double[IoCostChart.PARTIES][n];
        String[][] tips = new String[IoCostChart.PARTIES][n];
        for (int k = 0; k < n; k++) {
            IoSnapshot.Device d = io.devices().get(k);
            names.add(deviceLabel(d.id()));
            IoSnapshot.Totals base = baseline.get(d.id());
            IoSnapshot.Totals since = base == null ? d.totals() : d.totals().since(base);
            StringBuilder[] lines = new StringBuilder[IoCostChart.PARTIES];
            for (CostStep step : CostStep.perRequest(d.spec(), d.costs(), since)) {
                int party = step.where().ordinal();
                micros[party][k] += step.nanosPerRequest() / 1_000.0;
                if (lines[party] == null) {
                    lines[party] = new StringBuilder(deviceLabel(d.id()));
                }
                lines[party].append('\n').append(i18n.format("io.cost.step",
                        i18n.get("io.stage." + step.stage().name().toLowerCase(Locale.ROOT)),
                        String.format(Locale.ROOT, "%.2f", step.perRequest()),
                        String.format(Locale.ROOT, "%.2f", step.nanosEach() / 1_000.0),
                        String.format(Locale.ROOT, "%.2f", step.nanosPerRequest() / 1_000.0)));
            }
            for (int p = 0; p < IoCostChart.PARTIES; p++) {
                tips[p][k] = lines[p] == null ? null : lines[p].toString();
            }
        }
        costChart.update(names, micros, tips);
    }

    private void followSelection(String id) {
        if (scenario == null || id == null) {
            return;
        }
        List<IoDeviceSpec> own = scenario.devicesOf(id);
        if (!own.isEmpty() && own.stream().noneMatch(d -> d.id().equals(focus.get()))) {
            focus(own.get(0).id());
        }
    }

    /** The first virtio device (it has a virtqueue to show), else the first device, else none. */
    private static String defaultFocus(Scenario s) {
        return s.devices().stream().filter(d -> d.mode() instanceof IoMode.Virtio).findFirst()
                .or(() -> s.devices().stream().findFirst()).map(IoDeviceSpec::id).orElse(null);
    }
}
