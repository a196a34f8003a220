package org.virtlab.ui.shell;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.engine.Input;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.migration.MigrationPhase;
import org.virtlab.engine.migration.MigrationSnapshot;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.ViewState;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lesson;
import org.virtlab.scenario.Lessons;
import org.virtlab.scenario.ScenarioException;
import org.virtlab.scenario.ScenarioReader;
import org.virtlab.scenario.ScenarioWriter;
import org.virtlab.ui.common.ChartMenus;
import org.virtlab.ui.common.Formats;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.cpu.CpuViewModel;
import org.virtlab.ui.cpu.GanttData;
import org.virtlab.ui.events.EventsViewModel;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.io.IoViewModel;
import org.virtlab.ui.memory.MemoryViewModel;
import org.virtlab.ui.memory.OvercommitViewModel;
import org.virtlab.ui.network.NetworkViewModel;
import org.virtlab.ui.properties.PropertiesViewModel;
import org.virtlab.ui.sim.SimulationRunner;
import org.virtlab.ui.sim.Speed;
import org.virtlab.ui.topology.TopologyViewModel;

/**
 * The main window's state and commands: the lesson being simulated, its file, play/pause/step/reset and
 * speed, the simulated time, and the feature view models it feeds once per frame from the simulation
 * runner. Knows no view; dialogs are the view's business, so commands that can fail return the problem.
 */
public final class ShellViewModel implements ScenarioEditor {
    private final I18n i18n;
    private final SimulationRunner runner;
    private final Selection selection = new Selection();
    private final TopologyViewModel topology;
    private final CpuViewModel cpu;
    private final MemoryViewModel memory;
    private final IoViewModel io;
    private final NetworkViewModel network;
    private final OvercommitViewModel overcommit;
    private final PropertiesViewModel properties;
    private final EventsViewModel events;
    /** Whether the Events panel is docked under the tabs: view state of this session. */
    private final javafx.beans.property.BooleanProperty eventsShown = new javafx.beans.property.SimpleBooleanProperty();

    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper(Formats.seconds(0));
    private final ReadOnlyLongWrapper nowMicros = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Optional<Path>> file = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(Speed.X1);
    /** The tab on screen, one of {@link ViewState#TABS}: view state, kept in the file but never an edit. */
    private final StringProperty tab = new SimpleStringProperty(ViewState.DEFAULT.tab());
    /** The folder a file was last exported to in this session (file choosers open there). */
    private final ObjectProperty<Path> exportFolder = new SimpleObjectProperty<>();

    private final FrameTimes frameTimes = new FrameTimes(600);
    private final UserFiles userFiles;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private EditHistory history = new EditHistory();
    private long shownGeneration = -1;
    /** The serial of the last finished migration taken into the scenario, in the shown generation. */
    private long adoptedMigration = -1;
    /** The scenario with every edit so far; the runner learns of edits a moment later. */
    private Scenario scenario;
    /** The scenario as last opened or saved: edits that come back to it leave nothing unsaved. */
    private Scenario saved;
    /** Set when a structural edit restarted the simulation; the status bar says so once. */
    private boolean restarted;
    private SimulationRunner.State shownState;
    private final ReadOnlyObjectWrapper<Scenario> lesson = new ReadOnlyObjectWrapper<>();

    public ShellViewModel(I18n i18n, SimulationRunner runner) {
        this(i18n, runner, UserFiles.standard());
    }

    public ShellViewModel(I18n i18n, SimulationRunner runner, UserFiles userFiles) {
        this.i18n = i18n;
        this.runner = runner;
        this.userFiles = userFiles;
        recent.setAll(userFiles.recent());
        topology = new TopologyViewModel(i18n, selection, this);
        cpu = new CpuViewModel(i18n, selection);
        memory = new MemoryViewModel(i18n);
        memory.setSubmitter(runner::submitShown); // a walk asked for is a moment of the run, its references events
        io = new IoViewModel(i18n, selection, this);
        network = new NetworkViewModel(i18n);
        network.setSubmitter(runner::submitShown);
        overcommit = new OvercommitViewModel(i18n, selection, this);
        properties = new PropertiesViewModel(i18n, selection, this);
        events = new EventsViewModel(i18n, this::nameOf, runner::seekAfterEvent);
        events.selectedProperty().addListener((obs, was, now) -> {
            if (now != null && now.kind() == org.virtlab.engine.EventKind.VCPU_SWITCH) {
                selection.select(now.vmId()); // the Gantt shows the slices of the selected VM's host
                cpu.highlight(now.hostId(), new GanttData.Mark((int) now.arg(0), now.atMicros()));
            } else {
                cpu.highlight(null, null);
            }
            io.highlight(now == null ? null : now.deviceId(), ringMark(now));
            network.highlight(now); // a packet's hop, rewrite or verdict: its trace at that hop, on the wire too
            memory.highlight(now); // a page-walk reference: the animator's step goes to it
            topology.markMigration(now != null && now.kind() != org.virtlab.engine.EventKind.MIGRATION_REFUSED
                    && org.virtlab.ui.events.EventTopic.of(now.kind()) == org.virtlab.ui.events.EventTopic.MIGRATION
                    ? now.vmId() : null);
        });
        speed.set(runner.state().speed());
        speed.addListener((obs, was, now) -> runner.setSpeed(now));
        refresh();
    }

    public I18n i18n() {
        return i18n;
    }

    /** The scenario on screen, as of the last edit or opened file: the help panel reads its lesson texts. */
    public ReadOnlyObjectProperty<Scenario> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public TopologyViewModel topology() {
        return topology;
    }

    public CpuViewModel cpu() {
        return cpu;
    }

    /** The ring entry a selected virtio event points at: a kick's or interrupt's last entry; null for others. */
    private static org.virtlab.ui.io.RingData.Mark ringMark(org.virtlab.engine.SimEvent e) {
        if (e == null || e.deviceId() == null) {
            return null;
        }
        switch (e.kind()) {
            case VIRTQUEUE_KICK:
            case KICK_SUPPRESSED:
                return new org.virtlab.ui.io.RingData.Mark(false, (int) e.arg(0));
            case INTERRUPT:
            case INTERRUPT_SUPPRESSED:
                return e.arg(0) < 0 ? null : new org.virtlab.ui.io.RingData.Mark(true, (int) e.arg(0));
            default:
                return null;
        }
    }

    /** A VM's or host's name in the scenario shown, or the id itself. */
    private String nameOf(String id) {
        Scenario s = scenario;
        if (s == null) {
            return id;
        }
        return s.vm(id).map(VmSpec::name).or(() -> s.hosts().stream().filter(h -> h.id().equals(id))
                .map(h -> h.name()).findFirst()).orElseGet(() -> network.deviceName(id));
    }

    /** The Events panel's state. */
    public EventsViewModel events() {
        return events;
    }

    /** Whether the Events panel is shown (View › Events panel, the tool bar's toggle). */
    public javafx.beans.property.BooleanProperty eventsShownProperty() {
        return eventsShown;
    }

    /** Back to the previous event of the shown kinds (Simulation › Back). */
    public void backToEvent() {
        events.back();
    }

    /** Forward to the next event of the shown kinds (Simulation › Forward). */
    public void forwardToEvent() {
        events.forward();
    }

    public MemoryViewModel memory() {
        return memory;
    }

    public IoViewModel io() {
        return io;
    }

    /** The Network tab: packets sent hop by hop through the scenario's networks. */
    public NetworkViewModel network() {
        return network;
    }

    /** The Memory tab's overcommit view: host memory under pressure, live. */
    public OvercommitViewModel overcommit() {
        return overcommit;
    }

    public PropertiesViewModel properties() {
        return properties;
    }

    public Selection selection() {
        return selection;
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeTextProperty() {
        return timeText.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty nowMicrosProperty() {
        return nowMicros.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Optional<Path>> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    /**
     * The id of the tab on screen ({@link ViewState#TABS}); the view keeps it in step with its tab pane.
     * Opening a scenario selects the tab it was saved on; saving writes the tab on screen. Choosing a tab
     * is not an edit: it leaves nothing unsaved and nothing to undo.
     */
    public StringProperty tabProperty() {
        return tab;
    }

    /** The scenario being simulated, with every edit so far. */
    @Override
    public Scenario scenario() {
        return scenario != null ? scenario : runner.state().scenario();
    }

    @Override
    public void apply(Scenario edited, Input input) {
        history.record(scenario(), edited);
        change(edited, List.of(input));
    }

    /** Recently opened or saved files, newest first (File › Open Recent). */
    public ObservableList<Path> recentFiles() {
        return recent;
    }

    /** Writes unsaved work to the recovery copy (the window calls this every minute). */
    public void autosave() {
        if (dirty.get()) {
            try {
                userFiles.saveRecovery(withShownView(scenario()), file.get());
            } catch (IOException e) {
                statusText.set(i18n.format("error.autosave", e.getMessage()));
            }
        }
    }

    /** The window closes after the user saved or gave up the edits: no recovery copy is needed. */
    public void closedCleanly() {
        userFiles.clearRecovery();
    }

    /** Unsaved work left by a run that did not end cleanly, if any. */
    public Optional<UserFiles.Recovery> recovery() {
        return userFiles.recovery();
    }

    /** Continues the recovered work: its scenario, as unsaved edits of the file it belonged to. */
    public void restore(UserFiles.Recovery recovered) {
        show(recovered.scenario(), recovered.original());
        saved = null;
        dirty.set(true);
        updateTitle(recovered.scenario());
    }

    /**
     * Continues the work of the view model this one replaces (the window is rebuilt in another language):
     * the same file, saved state and undo history.
     */
    public void carryOverFrom(ShellViewModel previous) {
        file.set(previous.file.get());
        tab.set(previous.tab.get());
        memory.carryOverFrom(previous.memory);
        network.carryOverFrom(previous.network);
        overcommit.carryOverFrom(previous.overcommit);
        events.carryOverFrom(previous.events);
        eventsShown.set(previous.eventsShown.get());
        saved = previous.saved;
        history = previous.history;
        exportFolder.set(previous.exportFolder.get());
        dirty.set(previous.dirty.get());
        updateTitle(scenario());
    }

    @Override
    public void command(Input input) {
        runner.edit(scenario(), List.of(input));
    }

    /**
     * Takes into the scenario what the simulation did by itself: a live migration that finished moved its VM
     * to the target host. One undoable edit (undo restarts the simulation with the VM on its old host); the
     * running simulation already is where the edit says, so it gets no input.
     */
    private void adoptMigrations(SimulationSnapshot snapshot) {
        snapshot.find(MigrationSnapshot.class).ifPresent(m -> {
            for (MigrationSnapshot.Migration done : m.migrations()) {
                if (done.phase() != MigrationPhase.DONE || done.serial() <= adoptedMigration) {
                    continue;
                }
                adoptedMigration = done.serial();
                Scenario before = scenario();
                Scenario after = TopologyViewModel.placed(before, done.vmId(), done.targetHostId());
                if (!after.equals(before)) {
                    history.record(before, after);
                    scenario = after;
                    runner.edit(after, List.of()); // the engine's network follows the move by itself
                    properties.reset(after);
                    topology.reset(after);
                    cpu.edited(after);
                    overcommit.edited(after);
                    network.edited(after); // the moved VM's NICs announce themselves
                    dirty.set(!after.equals(saved));
                    updateTitle(after);
                }
            }
        });
    }

    @Override
    public void restructure(Scenario edited) {
        history.record(scenario(), edited);
        move(scenario(), edited);
    }

    /** Takes back the last edit, in the scenario and in the running simulation (from the next tick). */
    public void undo() {
        history.undo().ifPresent(e -> move(e.after(), e.before()));
    }

    /** Makes the last undone edit again. */
    public void redo() {
        history.redo().ifPresent(e -> move(e.before(), e.after()));
    }

    /** From one version of the scenario to another: by inputs when the engine can follow, else a restart. */
    private void move(Scenario from, Scenario to) {
        if (ScenarioDiff.runtimeOnly(from, to)) {
            change(to, ScenarioDiff.inputs(from, to));
            return;
        }
        scenario = to;
        restarted = true;
        runner.restart(to);
        dirty.set(!to.equals(saved));
        updateTitle(to);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    private void change(Scenario edited, List<Input> inputs) {
        scenario = edited;
        runner.edit(edited, inputs);
        properties.reset(edited);
        topology.reset(edited); // names, workloads and badges may have changed
        cpu.edited(edited);
        io.edited(edited);
        overcommit.edited(edited);
        network.edited(edited);
        dirty.set(!edited.equals(saved));
        updateTitle(edited);
    }

    /** True when there are edits not saved yet. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public List<Lesson> lessons() {
        return Lessons.all();
    }

    // ---- commands ------------------------------------------------------------------------------

    public void togglePlay() {
        if (runner.state().playing()) {
            runner.pause();
        } else {
            runner.play();
        }
    }

    public void play() {
        runner.play();
    }

    public void pause() {
        runner.pause();
    }

    public void step() {
        runner.step();
    }

    public void reset() {
        runner.reset();
    }

    /** Starts a new lesson with one empty host. */
    public void newScenario() {
        show(NewScenario.create(i18n), Optional.empty());
    }

    /** Opens a lesson that ships with VirtLab. */
    public void openLesson(Lesson lesson) {
        show(lesson.scenario(), Optional.empty());
    }

    /**
     * Opens a scenario file. On any problem the current scenario stays and the problems come back, one
     * line each ({@code FILE: /pointer: line L, column C: message}).
     */
    public List<String> open(Path path) {
        try {
            show(ScenarioReader.read(path), Optional.of(path));
            remember(path);
            return List.of();
        } catch (ScenarioException e) {
            return e.problems().stream().map(p -> p.format(i18n.locale())).toList();
        }
    }

    /** Saves to the current file; returns the error, if any. Requires a file ({@link #fileProperty()}). */
    public Optional<String> save() {
        return file.get().map(this::saveAs).orElseThrow(() -> new IllegalStateException("no file yet: use Save As"));
    }

    /** Saves atomically to {@code path} and makes it the current file; returns the error, if any. */
    public Optional<String> saveAs(Path path) {
        try {
            Scenario shown = withShownView(scenario());
            Scenario toWrite = shown;
            Optional<Path> from = file.get().map(f -> f.toAbsolutePath().getParent());
            if (from.isEmpty() || !from.get().equals(path.toAbsolutePath().getParent())) {
                // A trace read from a CSV file is written as a reference relative to its scenario file:
                // elsewhere that reference would point at nothing, so the points go into the file itself.
                toWrite = inlineTraces(toWrite);
            }
            ScenarioWriter.write(toWrite, path);
            if (!shown.equals(scenario())) {
                scenario = shown;
                runner.edit(shown, List.of()); // what a reset restarts from
            }
            file.set(Optional.of(path));
            saved = shown;
            dirty.set(false);
            remember(path);
            userFiles.clearRecovery();
            updateTitle(scenario());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(i18n.format("error.save", path, e.getMessage()));
        }
    }

    /** Shows a line in the status bar until the simulation's state next changes. */
    public void showStatus(String text) {
        statusText.set(text);
    }

    /** The folder of the last export in this session; the export dialogs read and set it. */
    public ObjectProperty<Path> exportFolderProperty() {
        return exportFolder;
    }

    /**
     * File › Export › This run: pauses, then writes a folder in {@code parent} with every chart of the run (PNG,
     * SVG, CSV), {@code summary.json} as {@code virtlab run} writes it for the same scenario, seed and simulated
     * time, the topology picture and the scenario. Call on the FX thread: the charts are drawn here, the files
     * written on another thread.
     *
     * @param topology draws the topology as the window shows it once the run is paused and shown (null: none)
     * @return the folder written, or the failure
     */
    public CompletableFuture<Path> exportRun(Path parent, java.util.function.Supplier<BufferedImage> topology) {
        String summary;
        try {
            runner.pause();
            summary = runner.summaryJson().get(10, TimeUnit.SECONDS); // after the pause: a burst's wait at most
        } catch (ExecutionException | TimeoutException e) {
            return CompletableFuture.failedFuture(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        refresh(); // the charts take every sample up to the pause
        Scenario s = scenario();
        RunExport.Contents contents;
        String name;
        try {
            Map<String, String> vmHost = new HashMap<>();
            runner.state().snapshot().find(CpuSnapshot.class)
                    .ifPresent(cpuNow -> cpuNow.vms().forEach(v -> vmHost.put(v.vmId(), v.hostId())));
            contents = new RunExport.Contents(RunExport.charts(s, cpu.chart().chart(), overcommit.chart(), vmHost,
                    host -> i18n.format("overcommit.chart.hostTitle", host), io.costChart(), io.occupancyChart()),
                    summary, topology.get(), ScenarioWriter.toJson(inlineTraces(withShownView(s))),
                    events.eventsBefore(runner.state().snapshot().nowMicros()), new org.virtlab.text.EventText(
                            i18n.locale(), id -> s.vm(id).map(VmSpec::name).or(() -> s.hosts().stream()
                                    .filter(h -> h.id().equals(id)).map(h -> h.name()).findFirst()).orElse(id)));
            String run = file.get().map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .orElse(s.title().in(i18n.locale()));
            String seconds = String.format(java.util.Locale.ROOT, "%.3f", runner.state().snapshot().nowMicros() / 1e6);
            name = ChartMenus.safeName(i18n.format("export.run.folder", run, seconds));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return RunExport.write(parent, name, contents);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, work -> {
            Thread t = new Thread(work, "virtlab-export");
            t.setDaemon(true);
            t.start();
        });
    }

    private void remember(Path path) {
        userFiles.remember(path);
        recent.setAll(userFiles.recent());
    }

    /** The scenario with the tab (and the Memory tab's part) on screen and the topology's zoom as its view. */
    private Scenario withShownView(Scenario s) {
        ViewState view = s.view().withZoom(Math.max(ViewState.MIN_ZOOM, Math.min(ViewState.MAX_ZOOM,
                topology.zoomProperty().get())));
        view = view.withMemoryView(ViewState.MEMORY_VIEWS.get(overcommit.overcommitChosenProperty().get() ? 1 : 0));
        return s.withView(ViewState.TABS.contains(tab.get()) ? view.withTab(tab.get()) : view);
    }

    private static Scenario inlineTraces(Scenario s) {
        Scenario out = s;
        for (VmSpec vm : s.vms()) {
            if (vm.workload() instanceof Workload.Trace t && t.source() != null) {
                out = out.withVm(vm.withWorkload(new Workload.Trace(t.points(), t.loop())));
            }
        }
        return out;
    }

    // ---- per frame -----------------------------------------------------------------------------

    /** Pulls the latest state from the simulation; the view calls this once per frame. */
    public void refresh() {
        long start = System.nanoTime();
        pull();
        frameTimes.record(System.nanoTime() - start);
    }

    /** How long the frames' work on the FX thread took (refresh: view models, chart redraws). */
    public FrameTimes frameTimes() {
        return frameTimes;
    }

    private void pull() {
        SimulationRunner.State state = runner.state();
        if (state.generation() != shownGeneration) {
            shownGeneration = state.generation();
            adoptedMigration = -1;
            scenario = state.scenario();
            if (saved == null) {
                saved = scenario; // the lesson the window opened on
                tab.set(scenario.view().tab());
                showMemoryView(scenario.view());
                topology.setZoom(scenario.view().zoom());
            }
            topology.reset(scenario);
            cpu.reset(scenario);
            memory.reset(scenario);
            io.reset(scenario);
            network.reset(scenario);
            overcommit.reset(scenario);
            properties.reset(scenario);
            updateTitle(scenario);
        }
        List<SimulationRunner.ChartSample> samples = runner.drainSamples();
        cpu.append(samples.stream().filter(s -> s.generation() == shownGeneration)
                .map(SimulationRunner.ChartSample::sample).toList());
        overcommit.append(runner.drainMemorySamples().stream().filter(s -> s.generation() == shownGeneration)
                .map(SimulationRunner.MemoryChartSample::sample).toList());
        events.update(runner.drainEvents(), state.snapshot().nowMicros());
        if (state != shownState) {
            shownState = state;
            adoptMigrations(state.snapshot());
            topology.update(state.snapshot());
            cpu.update(state);
            io.update(state);
            memory.update(state.snapshot());
            network.update(state.snapshot());
            overcommit.update(state);
            nowMicros.set(state.snapshot().nowMicros());
            timeText.set(Formats.seconds(state.snapshot().nowMicros()));
            playing.set(state.playing());
            String speedText = state.speed().label(i18n);
            if (restarted && state.snapshot().nowMicros() > 3_000_000) {
                restarted = false; // said for three simulated seconds: enough
            }
            String status = state.failure() != null ? i18n.format("status.failed", state.failure())
                    : state.playing() ? i18n.format("status.running", speedText) : i18n.get("status.paused");
            statusText.set(restarted ? status + " — " + i18n.get("status.restarted") : status);
        }
    }

    private void show(Scenario next, Optional<Path> from) {
        userFiles.clearRecovery(); // the work before was saved or given up when this was asked for
        history.clear();
        selection.clear();
        file.set(from);
        dirty.set(false);
        scenario = next;
        saved = next;
        tab.set(next.view().tab());
        showMemoryView(next.view());
        topology.setZoom(next.view().zoom());
        runner.load(next);
    }

    private void showMemoryView(ViewState view) {
        overcommit.overcommitChosenProperty().set(view.memoryView().equals(ViewState.MEMORY_VIEWS.get(1)));
    }

    private void updateTitle(Scenario scenario) {
        lesson.set(scenario);
        String lesson = scenario.title().in(i18n.locale());
        String name = file.get().map(p -> p.getFileName().toString()).orElse(lesson.isEmpty() ? i18n.get("title.untitled") : lesson);
        windowTitle.set((dirty.get() ? "*" : "") + name + " — VirtLab");
    }
}
