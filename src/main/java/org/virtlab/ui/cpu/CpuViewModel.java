package org.virtlab.ui.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.charts.CpuUsageChart;
import org.virtlab.engine.alloc.Admission;
import org.virtlab.engine.cpu.CpuDerivation;
import org.virtlab.engine.cpu.CpuSampler;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.cpu.Slice;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.text.CpuDerivationText;
import org.virtlab.ui.common.Formats;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.SimulationRunner;

/**
 * The CPU tab's state: the usage chart (use stacked, entitlement and demand as lines), a table of every
 * VM's averages over the last 100 ms of simulated time, the time slices of the host in focus, and how
 * that host's CPU is shared right now, in words. The host in focus is the selected host, or the host of
 * the selected VM, or the first host.
 */
public final class CpuViewModel {
    private final I18n i18n;
    private final Selection selection;
    private final CpuUsageChart chart;
    private final ObservableList<VmCpuRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper derivation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper focusHost = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<GanttData> gantt = new ReadOnlyObjectWrapper<>(GanttData.EMPTY);
    private final ReadOnlyObjectWrapper<GanttData.Mark> ganttMark = new ReadOnlyObjectWrapper<>();
    /** The host and slice the selected event points at (the Events panel), or null. */
    private String markHostId;
    private GanttData.Mark mark;
    /** The host whose slices are shown. */
    private String ganttHostId;
    private final CpuDerivationText derivationText;
    private Scenario scenario;
    private SimulationRunner.State shown;
    private CpuDerivation shownDerivation;
    /** Whether the CPU tab is on screen: the slices and the derivation are only worked out then. */
    private boolean showing = true;

    public CpuViewModel(I18n i18n, Selection selection) {
        this.i18n = i18n;
        this.selection = selection;
        chart = new CpuUsageChart(new CpuUsageChart.Labels(i18n.get("cpu.chart.title"), i18n.get("cpu.chart.time"),
                i18n.get("cpu.chart.ghz"), i18n.get("cpu.chart.entitlement"), i18n.get("cpu.chart.demand"),
                i18n.get("cpu.chart.capacity")));
        derivationText = new CpuDerivationText(i18n.locale(),
                id -> scenario == null ? id : scenario.vm(id).map(VmSpec::name).orElse(id));
        selection.selectedIdProperty().addListener((obs, was, now) -> {
            shownDerivation = null;
            if (shown != null) {
                showFocus(shown);
            }
        });
    }

    public CpuUsageChart chart() {
        return chart;
    }

    public ObservableList<VmCpuRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty derivationProperty() {
        return derivation.getReadOnlyProperty();
    }

    /** "Host 1": whose slices and derivation are shown. */
    public ReadOnlyStringProperty focusHostProperty() {
        return focusHost.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GanttData> ganttProperty() {
        return gantt.getReadOnlyProperty();
    }

    /** The slice to point at in the Gantt when it shows {@code markHostId}'s slices, or null. */
    public ReadOnlyObjectProperty<GanttData.Mark> ganttMarkProperty() {
        return ganttMark.getReadOnlyProperty();
    }

    /** Points at the slice on {@code hostId}'s logical CPU at that moment (a selected vCPU switch); null: none. */
    public void highlight(String hostId, GanttData.Mark at) {
        markHostId = hostId;
        mark = at;
        ganttMark.set(at != null && hostId != null && hostId.equals(ganttHostId) ? at : null);
    }

    /** Whether the CPU tab is showing: the chart redraws only then. */
    public void setShowing(boolean showing) {
        this.showing = showing;
        chart.setLive(showing);
        if (showing && shown != null) {
            showFocus(shown);
        }
    }

    /** Starts over for a scenario: one series and one table row per VM. */
    public void reset(Scenario newScenario) {
        this.scenario = newScenario;
        this.shown = null;
        chart.reset(newScenario.vms().stream().map(VmSpec::name).toList());
        List<VmCpuRow> list = new ArrayList<>();
        for (int i = 0; i < newScenario.vms().size(); i++) {
            VmSpec vm = newScenario.vms().get(i);
            list.add(new VmCpuRow(vm.id(), vm.name(), i));
        }
        rows.setAll(list);
        derivation.set("");
        shownDerivation = null;
        gantt.set(GanttData.EMPTY);
    }

    /** The edited scenario (names, QoS) without starting over. */
    public void edited(Scenario edited) {
        this.scenario = edited;
        this.shownDerivation = null;
    }

    /** New chart samples: the chart grows, the table shows the newest. */
    public void append(List<CpuSampler.Sample> samples) {
        chart.append(samples);
        if (samples.isEmpty()) {
            return;
        }
        CpuSampler.Sample last = samples.get(samples.size() - 1);
        double[] demand = last.demandMhz();
        double[] entitlement = last.entitlementMhz();
        double[] used = last.usedMhz();
        double[] ready = last.readyPct();
        double[] steal = last.stealPct();
        double[] limited = last.limitedPct();
        for (int i = 0; i < rows.size() && i < used.length; i++) {
            VmCpuRow row = rows.get(i);
            row.set(Formats.ghz(demand[i]), Formats.ghz(entitlement[i]), Formats.ghz(used[i]),
                    percent1(ready[i]), percent1(steal[i]), percent1(limited[i]), row.stateProperty().get());
        }
    }

    /** The latest moment: power states, slices and the derivation of the host in focus. */
    public void update(SimulationRunner.State state) {
        shown = state;
        state.snapshot().find(CpuSnapshot.class).ifPresent(cpu -> {
            for (int i = 0; i < rows.size() && i < cpu.vms().size(); i++) {
                CpuSnapshot.VmCpu vm = cpu.vms().get(i);
                VmCpuRow row = rows.get(i);
                String st = vm.poweredOn() ? i18n.get("cpu.state.on") : refusal(cpu, vm.vmId());
                if (!st.equals(row.stateProperty().get())) {
                    row.set(row.demandProperty().get(), row.entitlementProperty().get(), row.usedProperty().get(),
                            row.readyProperty().get(), row.stealProperty().get(), row.limitedProperty().get(), st);
                }
            }
        });
        showFocus(state);
    }

    private void showFocus(SimulationRunner.State state) {
        if (!showing || scenario == null || scenario.hosts().isEmpty()) {
            return;
        }
        int h = focusIndex();
        HostSpec host = scenario.hosts().get(h);
        focusHost.set(host.name());
        ganttHostId = host.id();
        ganttMark.set(mark != null && host.id().equals(markHostId) ? mark : null);
        if (h < state.derivations().size()) {
            CpuDerivation d = state.derivations().get(h);
            if (!d.equals(shownDerivation)) {
                shownDerivation = d;
                derivation.set(derivationText.text(d, host.name()));
            }
        }
        state.snapshot().find(CpuSnapshot.class).ifPresent(cpu -> {
            if (h < cpu.hosts().size()) {
                gantt.set(ganttOf(host, cpu.hosts().get(h), state.snapshot().nowMicros()));
            }
        });
    }

    private GanttData ganttOf(HostSpec host, CpuSnapshot.HostCpu cpu, long nowMicros) {
        List<String> ids = cpu.vmIds();
        int[] colour = new int[ids.size()];
        List<String> names = new ArrayList<>();
        for (int l = 0; l < ids.size(); l++) {
            String id = ids.get(l);
            colour[l] = indexOfVm(id);
            names.add(scenario.vm(id).map(VmSpec::name).orElse(id));
        }
        List<GanttData.Bar> bars = new ArrayList<>(cpu.recentSlices().size());
        for (Slice s : cpu.recentSlices()) {
            bars.add(new GanttData.Bar(s.logicalCpu(), colour[s.vm()], s.vcpu(), s.startMicros(), s.endMicros()));
        }
        return new GanttData(host.name(), host.cpu().logicalCpus(), host.cpu().threadsPerCore(), 500_000,
                Math.max(500_000, nowMicros), bars, names);
    }

    private int focusIndex() {
        Optional<String> id = selection.selectedId();
        if (id.isPresent()) {
            for (int h = 0; h < scenario.hosts().size(); h++) {
                String hostId = scenario.hosts().get(h).id();
                if (hostId.equals(id.get()) || scenario.vm(id.get()).map(v -> v.hostId().equals(hostId)).orElse(false)) {
                    return h;
                }
            }
        }
        return 0;
    }

    private int indexOfVm(String id) {
        for (int i = 0; i < scenario.vms().size(); i++) {
            if (scenario.vms().get(i).id().equals(id)) {
                return i;
            }
        }
        return 0;
    }

    private String refusal(CpuSnapshot cpu, String vmId) {
        for (CpuSnapshot.HostCpu h : cpu.hosts()) {
            for (CpuSnapshot.Refusal r : h.refusals()) {
                if (r.vmId().equals(vmId) && r.resource() == Admission.Resource.MEMORY) {
                    return i18n.format("cpu.state.refusedMemory", Formats.memory(r.reservationMib()),
                            Formats.memory(Math.max(0, r.unreservedMib())));
                }
                if (r.vmId().equals(vmId)) {
                    return i18n.format("cpu.state.refused", Formats.ghz(r.reservationMhz()), Formats.ghz(r.unreservedMhz()));
                }
            }
        }
        return i18n.get("cpu.state.off");
    }

    private static String percent1(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v);
    }
}
