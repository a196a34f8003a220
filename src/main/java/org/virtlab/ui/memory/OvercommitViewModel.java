package org.virtlab.ui.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.charts.MemoryStateChart;
import org.virtlab.engine.Input;
import org.virtlab.engine.memory.host.FreeMemory;
import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.MemorySampler;
import org.virtlab.engine.memory.host.MemorySnapshot;
import org.virtlab.engine.memory.host.MemoryState;
import org.virtlab.engine.memory.host.Reclamation;
import org.virtlab.engine.memory.host.TouchMemory;
import org.virtlab.engine.memory.host.WriteMemory;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.Formats;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.SimulationRunner;

/**
 * The Memory tab's overcommit view: for the host in focus (the selected host, or the selected VM's host, or the
 * first host) a chart per VM of where its pages are over time, a gauge of the host's memory with its state, a
 * table of its VMs, and what the selected VM can be made to do live: touch, write or free memory. Every number
 * comes from the engine's {@link MemorySnapshot} (the table, the gauge) and {@link MemorySampler} (the chart).
 *
 * <p>The table, gauge and texts are worked out only while the view is showing ({@link #setShowing}); the chart
 * keeps its data either way and redraws only then.
 */
public final class OvercommitViewModel {
    /** What the selected VM can be made to do. */
    public enum Action { TOUCH, WRITE, FREE }

    /** 4 KiB pages (the engine's page size). */
    private static final long PAGES_PER_MIB = 256;
    /** What the amount field holds at first: enough to see on a 2 GiB VM's plot. */
    static final String DEFAULT_AMOUNT_MIB = "256";

    private final I18n i18n;
    private final Selection selection;
    private final ScenarioEditor editor;
    private final MemoryStateChart chart;
    private final ObservableList<VmMemoryRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper focusHost = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<HostGaugeData> gauge = new ReadOnlyObjectWrapper<>(HostGaugeData.EMPTY);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stateHelp = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper usedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ratioText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper savedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reclamationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final StringProperty amountText = new SimpleStringProperty(DEFAULT_AMOUNT_MIB);
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper targetText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastAction = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<Action>> enabledActions = new ReadOnlyObjectWrapper<>(List.of());
    private final BooleanProperty overcommitChosen = new SimpleBooleanProperty(false);

    private Scenario scenario;
    /** The latest memory snapshot; null before the first or when the simulation has no host memory. */
    private MemorySnapshot latest;
    private long nowMicros;
    private boolean showing;

    public OvercommitViewModel(I18n i18n, Selection selection, ScenarioEditor editor) {
        this.i18n = i18n;
        this.selection = selection;
        this.editor = editor;
        chart = new MemoryStateChart(new MemoryStateChart.Labels(i18n.get("overcommit.chart.title"),
                name -> i18n.format("overcommit.chart.time", name), i18n.get("overcommit.chart.mib"),
                List.of(i18n.get("overcommit.private"), i18n.get("overcommit.shared"),
                        i18n.get("overcommit.ballooned"), i18n.get("overcommit.swapped")),
                i18n.get("overcommit.chart.configured")));
        chart.setLive(false);
        selection.selectedIdProperty().addListener((obs, was, now) -> {
            refreshActions();
            if (showing) {
                refreshFocus();
            }
        });
    }

    // ---- state ----------------------------------------------------------------------------------------

    public MemoryStateChart chart() {
        return chart;
    }

    /** The VMs on the host in focus, in scenario order. */
    public ObservableList<VmMemoryRow> rows() {
        return rows;
    }

    /** "Host 1": whose memory is shown. */
    public ReadOnlyStringProperty focusHostProperty() {
        return focusHost.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HostGaugeData> gaugeProperty() {
        return gauge.getReadOnlyProperty();
    }

    /** "Soft: reclaiming by ballooning". */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** What the state means, with the host's thresholds. */
    public ReadOnlyStringProperty stateHelpProperty() {
        return stateHelp.getReadOnlyProperty();
    }

    /** "Used 3072 of 4096 MiB, 25 % free". */
    public ReadOnlyStringProperty usedTextProperty() {
        return usedText.getReadOnlyProperty();
    }

    /** "Overcommit 1.50 : 1 (6144 MiB configured)". */
    public ReadOnlyStringProperty ratioTextProperty() {
        return ratioText.getReadOnlyProperty();
    }

    /** What page sharing saves, with KSM's counters. */
    public ReadOnlyStringProperty savedTextProperty() {
        return savedText.getReadOnlyProperty();
    }

    /** The host's latest reclamation in words: when, in which state, from whom, by which technique. */
    public ReadOnlyStringProperty reclamationTextProperty() {
        return reclamationText.getReadOnlyProperty();
    }

    /** A hint when nothing on the host uses memory yet; else empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Whether the user chose this view over address translation (kept across a language switch). */
    public BooleanProperty overcommitChosenProperty() {
        return overcommitChosen;
    }

    // ---- actions --------------------------------------------------------------------------------------

    /** How many MiB to touch, write or free, as typed. */
    public StringProperty amountTextProperty() {
        return amountText;
    }

    /** Why the amount was refused, with the range allowed; empty after an action was taken. */
    public ReadOnlyStringProperty amountErrorProperty() {
        return amountError.getReadOnlyProperty();
    }

    /** "Web server (1024 of 2048 MiB wanted):" the VM the actions apply to; empty when none. */
    public ReadOnlyStringProperty targetTextProperty() {
        return targetText.getReadOnlyProperty();
    }

    /** Why some or all actions are unavailable now; empty when all are. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** What was last asked of the engine, for the teacher to read back. */
    public ReadOnlyStringProperty lastActionProperty() {
        return lastAction.getReadOnlyProperty();
    }

    /** The actions available now. */
    public ReadOnlyObjectProperty<List<Action>> enabledActionsProperty() {
        return enabledActions.getReadOnlyProperty();
    }

    /** The allowed amounts of an action on the selected VM, in MiB: [1, max]; empty when it cannot be done. */
    public Optional<long[]> range(Action action) {
        Optional<MemorySnapshot.VmMemory> vm = target();
        if (vm.isEmpty() || !vm.get().poweredOn()) {
            return Optional.empty();
        }
        long configured = vm.get().configuredPages() / PAGES_PER_MIB;
        long demand = vm.get().demandPages() / PAGES_PER_MIB;
        long max = switch (action) {
            case TOUCH -> configured - demand;
            case WRITE -> vm.get().touchedPages() > 0 ? configured : 0;
            case FREE -> demand;
        };
        return max >= 1 ? Optional.of(new long[] {1, max}) : Optional.empty();
    }

    /**
     * Asks the engine to make the selected VM do {@code action} with the typed amount, from the next tick. A wrong
     * amount is refused here, with the range, and never reaches the engine. Returns whether it was submitted.
     */
    public boolean submit(Action action) {
        Optional<MemorySnapshot.VmMemory> vm = target();
        Optional<long[]> allowed = range(action);
        if (vm.isEmpty() || allowed.isEmpty()) {
            amountError.set(reason.get());
            return false;
        }
        String typed = amountText.get() == null ? "" : amountText.get().strip();
        long min = allowed.get()[0];
        long max = allowed.get()[1];
        String rangeText = String.format(Locale.ROOT, "%d–%d", min, max);
        String name = actionName(action);
        long mib;
        try {
            mib = Long.parseLong(typed);
        } catch (NumberFormatException e) {
            amountError.set(i18n.format("overcommit.error.number", name, rangeText, typed));
            return false;
        }
        if (mib < min || mib > max) {
            amountError.set(i18n.format("overcommit.error.range", name, rangeText, typed));
            return false;
        }
        String vmId = vm.get().vmId();
        Input input = switch (action) {
            case TOUCH -> TouchMemory.mib(vmId, mib);
            case WRITE -> WriteMemory.mib(vmId, mib);
            case FREE -> FreeMemory.mib(vmId, mib);
        };
        editor.command(input);
        amountError.set("");
        lastAction.set(i18n.format("overcommit.action.done", vmName(vmId), name, mib, Formats.seconds(nowMicros)));
        return true;
    }

    /** Selects a VM, as clicking it on the topology does (a row of the table). */
    public void selectVm(String vmId) {
        if (scenario != null && scenario.vm(vmId).isPresent() && !vmId.equals(selection.selectedIdProperty().get())) {
            selection.selectedIdProperty().set(vmId);
        }
    }

    // ---- fed by the shell ------------------------------------------------------------------------------

    /** Whether the overcommit view is on screen: the chart redraws and the table and gauge follow only then. */
    public void setShowing(boolean showing) {
        this.showing = showing;
        chart.setLive(showing);
        if (showing) {
            refreshFocus();
        }
    }

    /** Starts over for a scenario: a plot per VM, no data yet. */
    public void reset(Scenario newScenario) {
        scenario = newScenario;
        latest = null;
        nowMicros = 0;
        chart.reset(newScenario.vms().stream().map(VmSpec::name).toList());
        rows.clear();
        lastAction.set("");
        amountError.set("");
        refreshActions();
        if (showing) {
            refreshFocus();
        }
    }

    /** The edited scenario (names, policies) without starting over. */
    public void edited(Scenario edited) {
        boolean renamed = scenario == null || !edited.vms().stream().map(VmSpec::name).toList()
                .equals(scenario.vms().stream().map(VmSpec::name).toList());
        scenario = edited;
        if (renamed) {
            chart.rename(edited.vms().stream().map(VmSpec::name).toList());
            rows.clear();
        }
        refreshActions();
        if (showing) {
            refreshFocus();
        }
    }

    /** New chart samples. */
    public void append(List<MemorySampler.Sample> samples) {
        chart.append(samples);
    }

    /** The latest moment: the table, the gauge and what the actions allow. */
    public void update(SimulationRunner.State state) {
        latest = state.snapshot().find(MemorySnapshot.class).orElse(null);
        nowMicros = state.snapshot().nowMicros();
        refreshActions();
        if (showing) {
            refreshFocus();
        }
    }

    /** Takes over what the user typed and chose in the view model this one replaces (a language switch). */
    public void carryOverFrom(OvercommitViewModel previous) {
        amountText.set(previous.amountText.get());
        overcommitChosen.set(previous.overcommitChosen.get());
    }

    // ---- the work ---------------------------------------------------------------------------------------

    private void refreshActions() {
        Optional<String> selectedVm = selectedVm();
        List<Action> enabled = new ArrayList<>();
        String why;
        if (scenario == null || latest == null) {
            why = i18n.get("overcommit.reason.noMemory");
            targetText.set("");
        } else if (selectedVm.isEmpty()) {
            why = i18n.get("overcommit.reason.noVm");
            targetText.set("");
        } else if (target().isEmpty()) {
            why = i18n.get("overcommit.reason.noMemory");
            targetText.set("");
        } else {
            MemorySnapshot.VmMemory vm = target().get();
            targetText.set(i18n.format("overcommit.target", vmName(vm.vmId()), mib0(vm.demandPages()),
                    mib0(vm.configuredPages())));
            if (!vm.poweredOn()) {
                why = i18n.format("overcommit.reason.off", vmName(vm.vmId()));
            } else {
                List<String> reasons = new ArrayList<>();
                for (Action a : Action.values()) {
                    if (range(a).isPresent()) {
                        enabled.add(a);
                    } else {
                        reasons.add(i18n.get("overcommit.reason." + a.name()));
                    }
                }
                why = String.join(" ", reasons);
            }
        }
        reason.set(why);
        if (!enabled.equals(enabledActions.get())) {
            enabledActions.set(List.copyOf(enabled));
        }
    }

    private void refreshFocus() {
        if (scenario == null || scenario.hosts().isEmpty()) {
            return;
        }
        HostSpec host = scenario.hosts().get(focusIndex());
        focusHost.set(host.name());
        chart.setTitle(i18n.format("overcommit.chart.hostTitle", host.name()));
        List<Integer> here = new ArrayList<>();
        for (int i = 0; i < scenario.vms().size(); i++) {
            if (hostOf(i).equals(host.id())) {
                here.add(i);
            }
        }
        chart.show(here);
        if (rows.size() != here.size() || !sameVms(here)) {
            List<VmMemoryRow> list = new ArrayList<>();
            for (int i : here) {
                VmSpec vm = scenario.vms().get(i);
                list.add(new VmMemoryRow(vm.id(), vm.name(), i));
            }
            rows.setAll(list);
        }
        if (latest == null) {
            gauge.set(HostGaugeData.EMPTY);
            stateText.set("");
            stateHelp.set("");
            usedText.set("");
            ratioText.set("");
            savedText.set("");
            reclamationText.set("");
            note.set(i18n.get("overcommit.reason.noMemory"));
            return;
        }
        boolean anyInUse = false;
        for (VmMemoryRow row : rows) {
            Optional<MemorySnapshot.VmMemory> found = vmMemory(row.vmId());
            if (found.isEmpty()) {
                continue; // an edit the simulation has not caught up with yet
            }
            MemorySnapshot.VmMemory v = found.get();
            anyInUse |= v.demandPages() > 0 || v.touchedPages() > 0;
            row.set(mib0(v.configuredPages()), mib0(v.touchedPages()), mib0(v.consumedPages()),
                    mib0(v.sharedPages()), mib0(v.balloonedPages()), mib0(v.swappedPages()), mib0(v.grantedPages()),
                    count(v.cowFaults()), count(v.swapIns()));
        }
        note.set(anyInUse ? "" : i18n.format("overcommit.note.idle", host.name()));
        Optional<MemorySnapshot.HostMemory> foundHost = latest.hosts().stream()
                .filter(x -> x.hostId().equals(host.id())).findFirst();
        if (foundHost.isEmpty()) {
            return;
        }
        MemorySnapshot.HostMemory h = foundHost.get();
        HostMemoryPolicy p = host.memoryPolicy();
        gauge.set(new HostGaugeData(host.name(), h.capacityMib(), h.usedMib(), h.state(), p.highPercent(),
                p.softPercent(), p.hardPercent(), p.lowPercent()));
        stateText.set(i18n.format("overcommit.gauge.state", stateName(h.state()),
                i18n.get("overcommit.state." + h.state().name() + ".does")));
        stateHelp.set(i18n.format("overcommit.state." + h.state().name() + ".help", percent(p.highPercent()),
                percent(p.softPercent()), percent(p.hardPercent()), percent(p.lowPercent())));
        usedText.set(i18n.format("overcommit.gauge.used", mib0(h.usedPages()), mib0(h.capacityPages()),
                String.format(Locale.ROOT, "%.1f", h.freePercent())));
        ratioText.set(i18n.format("overcommit.gauge.ratio", String.format(Locale.ROOT, "%.2f", h.overcommitRatio()),
                mib0(h.configuredPages()), mib0(h.capacityPages())));
        savedText.set(i18n.format("overcommit.gauge.saved", mib0(h.pagesSharing()), count(h.pagesShared()),
                count(h.pagesSharing())));
        reclamationText.set(reclamation(h.lastReclamation()));
    }

    private String reclamation(Reclamation r) {
        if (r.atMicros() < 0) {
            return i18n.get("overcommit.reclaim.none");
        }
        List<String> parts = new ArrayList<>();
        for (Reclamation.Action a : r.actions()) {
            parts.add(i18n.format("overcommit.reclaim." + a.technique().name(), vmName(a.vmId()), mib1(a.pages())));
        }
        return i18n.format("overcommit.reclaim", Formats.seconds(r.atMicros()), stateName(r.state()),
                mib0(r.freePages()), mib0(r.highFreePages()), String.join(i18n.get("overcommit.reclaim.sep"), parts));
    }

    private boolean sameVms(List<Integer> here) {
        for (int k = 0; k < here.size(); k++) {
            if (!rows.get(k).vmId().equals(scenario.vms().get(here.get(k)).id())
                    || !rows.get(k).nameProperty().get().equals(scenario.vms().get(here.get(k)).name())) {
                return false;
            }
        }
        return true;
    }

    /** Where VM i runs now: by the engine (a live migration moves it before the scenario says), else the scenario. */
    private String hostOf(int i) {
        VmSpec vm = scenario.vms().get(i);
        if (latest != null && i < latest.vms().size() && latest.vms().get(i).vmId().equals(vm.id())) {
            return latest.vms().get(i).hostId();
        }
        return vm.hostId();
    }

    private int focusIndex() {
        Optional<String> id = selection.selectedId();
        if (id.isPresent()) {
            for (int h = 0; h < scenario.hosts().size(); h++) {
                if (scenario.hosts().get(h).id().equals(id.get())) {
                    return h;
                }
            }
            for (int i = 0; i < scenario.vms().size(); i++) {
                if (scenario.vms().get(i).id().equals(id.get())) {
                    String hostId = hostOf(i);
                    for (int h = 0; h < scenario.hosts().size(); h++) {
                        if (scenario.hosts().get(h).id().equals(hostId)) {
                            return h;
                        }
                    }
                }
            }
        }
        return 0;
    }

    private Optional<String> selectedVm() {
        return selection.selectedId().filter(id -> scenario != null && scenario.vm(id).isPresent());
    }

    private Optional<MemorySnapshot.VmMemory> target() {
        return selectedVm().flatMap(this::vmMemory);
    }

    private Optional<MemorySnapshot.VmMemory> vmMemory(String vmId) {
        return latest == null ? Optional.empty()
                : latest.vms().stream().filter(v -> v.vmId().equals(vmId)).findFirst();
    }

    private String vmName(String vmId) {
        return scenario == null ? vmId : scenario.vm(vmId).map(VmSpec::name).orElse(vmId);
    }

    private String actionName(Action action) {
        return i18n.get("overcommit.action." + action.name());
    }

    private String stateName(MemoryState state) {
        return i18n.get("overcommit.state." + state.name());
    }

    /** Pages as whole MiB: "1024". */
    private static String mib0(double pages) {
        return String.format(Locale.ROOT, "%.0f", pages / PAGES_PER_MIB);
    }

    private static String mib1(double pages) {
        return String.format(Locale.ROOT, "%.1f", pages / PAGES_PER_MIB);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    /** "6", "2.5": a threshold as the policy says it. */
    private static String percent(double p) {
        return java.math.BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }
}
