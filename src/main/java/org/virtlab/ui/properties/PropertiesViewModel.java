package org.virtlab.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.Formats;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;

/**
 * The property panel's state: the rows describing the selected host or VM, or the lesson when nothing is
 * selected, and the editors of the selection: what can change while the simulation runs (a VM's CPU QoS
 * and workload, a host's reservation mode) and what restarts it (a VM's name, size and pinning, a host's
 * name and hardware).
 */
public final class PropertiesViewModel {
    private final I18n i18n;
    private final ObservableList<PropertyRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final Selection selection;
    private final ScenarioEditor editor;
    private final ReadOnlyObjectWrapper<VmQosEditorModel> qosEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WorkloadEditorModel> workloadEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<VmSizeEditorModel> sizeEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HostCpuPolicyEditorModel> hostPolicyEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PinningEditorModel> pinningEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HostHardwareEditorModel> hardwareEditor = new ReadOnlyObjectWrapper<>();
    private Scenario scenario;

    public PropertiesViewModel(I18n i18n, Selection selection, ScenarioEditor editor) {
        this.i18n = i18n;
        this.editor = editor;
        this.selection = selection;
        selection.selectedIdProperty().addListener((obs, was, now) -> show(now));
    }

    public ObservableList<PropertyRow> rows() {
        return rows;
    }

    /** The QoS editor of the selected VM, or null when no VM is selected. */
    public ReadOnlyObjectProperty<VmQosEditorModel> qosEditorProperty() {
        return qosEditor.getReadOnlyProperty();
    }

    /** The name and size editor (name, vCPUs, memory) of the selected VM, or null. */
    public ReadOnlyObjectProperty<VmSizeEditorModel> sizeEditorProperty() {
        return sizeEditor.getReadOnlyProperty();
    }

    /** The pinning editor of the selected VM, or null; kept across its own edit like the others. */
    public ReadOnlyObjectProperty<PinningEditorModel> pinningEditorProperty() {
        return pinningEditor.getReadOnlyProperty();
    }

    /** The name and hardware editor of the selected host, or null. */
    public ReadOnlyObjectProperty<HostHardwareEditorModel> hardwareEditorProperty() {
        return hardwareEditor.getReadOnlyProperty();
    }

    /**
     * The workload editor of the selected VM, or null when no VM is selected. Kept across an edit that
     * leaves its VM's workload as it shows it, so a commit doesn't rebuild the form being typed in.
     */
    public ReadOnlyObjectProperty<WorkloadEditorModel> workloadEditorProperty() {
        return workloadEditor.getReadOnlyProperty();
    }

    /** The CPU policy editor of the selected host, or null when no host is selected; kept like the workload editor. */
    public ReadOnlyObjectProperty<HostCpuPolicyEditorModel> hostPolicyEditorProperty() {
        return hostPolicyEditor.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public void reset(Scenario newScenario) {
        this.scenario = newScenario;
        show(selection.selectedIdProperty().get());
    }

    private void show(String id) {
        if (scenario == null) {
            return;
        }
        List<PropertyRow> out = new ArrayList<>();
        VmQosEditorModel qos = null;
        WorkloadEditorModel workload = null;
        VmSizeEditorModel size = null;
        HostCpuPolicyEditorModel hostPolicy = null;
        PinningEditorModel pinning = null;
        HostHardwareEditorModel hardware = null;
        String general = i18n.get("props.category.general");
        if (id != null && scenario.host(id).isPresent()) {
            HostSpec h = scenario.host(id).get();
            CpuTopology c = h.cpu();
            String cpu = i18n.get("props.category.cpu");
            heading.set(i18n.format("props.heading.host", h.name()));
            out.add(row(general, "props.id", h.id()));
            out.add(row(general, "props.name", h.name()));
            out.add(row(cpu, "props.sockets", Integer.toString(c.sockets())));
            out.add(row(cpu, "props.coresPerSocket", Integer.toString(c.coresPerSocket())));
            out.add(row(cpu, "props.threadsPerCore", Integer.toString(c.threadsPerCore())));
            out.add(row(cpu, "props.logicalCpus", Integer.toString(c.logicalCpus())));
            out.add(row(cpu, "props.clock", Formats.ghz(c.mhzPerCore())));
            out.add(row(cpu, "props.logicalCapacity", Formats.ghz(c.logicalCapacityMhz())));
            out.add(row(cpu, "props.reservationMode", i18n.get("reservationMode." + h.cpuPolicy().reservationMode()
                    .name().toLowerCase(Locale.ROOT))));
            if (c.threadsPerCore() > 1) {
                out.add(fixedRow(cpu, "props.htFactor", String.format(Locale.ROOT, "%.2f", h.cpuPolicy().htFactor())));
            }
            out.add(fixedRow(cpu, "props.quantum",
                    String.format(Locale.ROOT, "%.1f ms", h.cpuPolicy().quantumMicros() / 1000.0)));
            HostCpuPolicyEditorModel shown = hostPolicyEditor.get();
            hostPolicy = shown != null && shown.isFor(h) ? shown : new HostCpuPolicyEditorModel(i18n, editor, h);
            HostHardwareEditorModel shownHardware = hardwareEditor.get();
            hardware = shownHardware != null && shownHardware.isFor(h) ? shownHardware
                    : new HostHardwareEditorModel(i18n, editor, h);
            out.add(row(i18n.get("props.category.memory"), "props.memory", Formats.memory(h.memoryMib())));
        } else if (id != null && scenario.vm(id).isPresent()) {
            VmSpec v = scenario.vm(id).get();
            HostSpec h = scenario.host(v.hostId()).orElseThrow();
            String cpu = i18n.get("props.category.cpu");
            heading.set(i18n.format("props.heading.vm", v.name()));
            out.add(row(general, "props.id", v.id()));
            out.add(row(general, "props.name", v.name()));
            out.add(row(general, "props.host", h.name()));
            out.add(row(cpu, "props.vcpus", Integer.toString(v.vcpus())));
            out.add(row(cpu, "props.workload", describe(v.workload())));
            out.add(row(cpu, "props.pinning", describe(v.pinning())));
            VmQosEditorModel shownQos = qosEditor.get();
            qos = shownQos != null && shownQos.isFor(v) ? shownQos : new VmQosEditorModel(i18n, editor, v);
            WorkloadEditorModel shown = workloadEditor.get();
            workload = shown != null && shown.isFor(v) ? shown : new WorkloadEditorModel(i18n, editor, v);
            VmSizeEditorModel shownSize = sizeEditor.get();
            size = shownSize != null && shownSize.isFor(v) ? shownSize : new VmSizeEditorModel(i18n, editor, v);
            PinningEditorModel shownPinning = pinningEditor.get();
            pinning = shownPinning != null && shownPinning.isFor(v, h) ? shownPinning
                    : new PinningEditorModel(i18n, editor, v, h);
            out.add(row(i18n.get("props.category.memory"), "props.memory", Formats.memory(v.memoryMib())));
        } else {
            heading.set(i18n.get("props.heading.lesson"));
            Locale locale = i18n.locale();
            out.add(row(general, "props.title", scenario.title().in(locale)));
            out.add(row(general, "props.goal", scenario.goal().in(locale)));
            out.add(row(general, "props.hosts", Integer.toString(scenario.hosts().size())));
            out.add(row(general, "props.vms", Integer.toString(scenario.vms().size())));
            out.add(row(i18n.get("props.category.simulation"), "props.seed", Long.toString(scenario.seed())));
            out.add(row(i18n.get("props.category.simulation"), "props.tick",
                    String.format(Locale.ROOT, "%d µs", scenario.tickMicros())));
        }
        rows.setAll(out);
        qosEditor.set(qos);
        workloadEditor.set(workload);
        sizeEditor.set(size);
        hostPolicyEditor.set(hostPolicy);
        pinningEditor.set(pinning);
        hardwareEditor.set(hardware);
    }

    private PropertyRow row(String category, String key, String value) {
        return new PropertyRow(category, i18n.get(key), value, i18n.get(key + ".help"));
    }

    /** A row the simulation cannot change while it runs: its tooltip says so after the usual help. */
    private PropertyRow fixedRow(String category, String key, String value) {
        return new PropertyRow(category, i18n.get(key), value,
                i18n.format("props.fixedAtRunTime", i18n.get(key + ".help")));
    }

    /** A pinning in words: "Not pinned", "All vCPUs: 0-3" or "vCPU 0: 0-1; vCPU 1: 2-3". */
    String describe(Pinning p) {
        if (!p.pinned()) {
            return i18n.get("props.pinning.none");
        }
        if (p.perVcpu().stream().distinct().count() == 1) {
            return i18n.format("props.pinning.all", CpuList.format(p.perVcpu().get(0)));
        }
        List<String> each = new ArrayList<>();
        for (int i = 0; i < p.perVcpu().size(); i++) {
            each.add(i18n.format("props.pinning.vcpu", Integer.toString(i), CpuList.format(p.perVcpu().get(i))));
        }
        return String.join(i18n.get("pinning.hint.separator"), each);
    }

    /** A workload in words, e.g. "Bursty: 90 % for ~800 ms, 10 % for ~1200 ms". */
    String describe(Workload w) {
        if (w instanceof Workload.Idle i) {
            return i18n.format("workload.idle.describe", Formats.percent(i.percent()));
        }
        if (w instanceof Workload.Constant c) {
            return i18n.format("workload.constant.describe", Formats.percent(c.percent()));
        }
        if (w instanceof Workload.Bursty b) {
            return i18n.format("workload.bursty.describe", Formats.percent(b.onPercent()), b.meanOnMillis(),
                    Formats.percent(b.offPercent()), b.meanOffMillis());
        }
        if (w instanceof Workload.Periodic p) {
            return i18n.format("workload.periodic.describe", Formats.percent(p.minPercent()),
                    Formats.percent(p.maxPercent()), p.periodMillis() / 1000.0);
        }
        if (w instanceof Workload.Trace t) {
            return WorkloadEditorModel.describeTrace(i18n, t);
        }
        Workload.Ramp r = (Workload.Ramp) w;
        return i18n.format("workload.ramp.describe", Formats.percent(r.fromPercent()), Formats.percent(r.toPercent()),
                r.durationMillis() / 1000.0);
    }
}
