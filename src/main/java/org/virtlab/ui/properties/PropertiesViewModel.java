package org.virtlab.ui.properties;

import org.virtlab.ui.common.WireId;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;

/**
 * The property panel's state: the rows describing the selection (a host, VM, network, switch, port group or
 * wire; the kind and name of each element when several are selected; the lesson when nothing is), and the
 * editors of a single selected element. Each editor is kept across its own edit, so a commit doesn't
 * rebuild the form being typed in. Which edits restart the simulation is for the shell to tell
 * ({@link org.virtlab.ui.common.ScenarioDiff}): here, every editor hands its edit to the {@link ScenarioEditor}.
 */
public final class PropertiesViewModel {
    private final I18n i18n;
    private final PropertyRows describe;
    private final ObservableList<PropertyRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final Selection selection;
    private final ScenarioEditor editor;
    private final ReadOnlyObjectWrapper<VmQosEditorModel> qosEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<VmMemoryQosEditorModel> memoryQosEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MemoryActivityEditorModel> memoryActivityEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HostMemoryPolicyEditorModel> hostMemoryEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WorkloadEditorModel> workloadEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<VmSizeEditorModel> sizeEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HostCpuPolicyEditorModel> hostPolicyEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PinningEditorModel> pinningEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HostHardwareEditorModel> hardwareEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<NicListEditorModel> nicEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DirtyRateEditorModel> dirtyRateEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DeviceEditorModel> deviceEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<NetworkEditorModel> networkEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SwitchEditorModel> switchEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PortGroupEditorModel> portGroupEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WireEditorModel> wireEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MigrationSettingsEditorModel> migrationEditor = new ReadOnlyObjectWrapper<>();
    private final List<ReadOnlyObjectWrapper<?>> editors = List.of(qosEditor, workloadEditor, sizeEditor,
            memoryQosEditor, memoryActivityEditor, hostMemoryEditor,
            hostPolicyEditor, pinningEditor, hardwareEditor, nicEditor, dirtyRateEditor, networkEditor, switchEditor,
            portGroupEditor, wireEditor, migrationEditor, deviceEditor);
    /** The editors {@link #show()} chooses, by slot; the slots not in it show none. */
    private final Map<ReadOnlyObjectWrapper<?>, Object> next = new IdentityHashMap<>();
    private Scenario scenario;

    public PropertiesViewModel(I18n i18n, Selection selection, ScenarioEditor editor) {
        this.i18n = i18n;
        this.describe = new PropertyRows(i18n);
        this.editor = editor;
        this.selection = selection;
        // every change of the set, including one between several elements, where the single id stays null
        selection.versionProperty().addListener((obs, was, now) -> show());
    }

    public ObservableList<PropertyRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The QoS editor of the selected VM, or null when no VM is selected. */
    public ReadOnlyObjectProperty<VmQosEditorModel> qosEditorProperty() {
        return qosEditor.getReadOnlyProperty();
    }

    /** The memory QoS editor (shares, limit, reservation) of the selected VM, or null. */
    public ReadOnlyObjectProperty<VmMemoryQosEditorModel> memoryQosEditorProperty() {
        return memoryQosEditor.getReadOnlyProperty();
    }

    /** The memory activity editor (demand, rates, content) of the selected VM, or null. */
    public ReadOnlyObjectProperty<MemoryActivityEditorModel> memoryActivityEditorProperty() {
        return memoryActivityEditor.getReadOnlyProperty();
    }

    /** The memory policy editor of the selected host, or null. */
    public ReadOnlyObjectProperty<HostMemoryPolicyEditorModel> hostMemoryEditorProperty() {
        return hostMemoryEditor.getReadOnlyProperty();
    }

    /** The workload editor of the selected VM, or null when no VM is selected. */
    public ReadOnlyObjectProperty<WorkloadEditorModel> workloadEditorProperty() {
        return workloadEditor.getReadOnlyProperty();
    }

    /** The name and size editor (name, vCPUs, memory) of the selected VM, or null. */
    public ReadOnlyObjectProperty<VmSizeEditorModel> sizeEditorProperty() {
        return sizeEditor.getReadOnlyProperty();
    }

    /** The pinning editor of the selected VM, or null. */
    public ReadOnlyObjectProperty<PinningEditorModel> pinningEditorProperty() {
        return pinningEditor.getReadOnlyProperty();
    }

    /** The network adapters of the selected VM, or null. */
    public ReadOnlyObjectProperty<NicListEditorModel> nicEditorProperty() {
        return nicEditor.getReadOnlyProperty();
    }

    /** The live-migration section (dirty rate) of the selected VM, or null. */
    public ReadOnlyObjectProperty<DirtyRateEditorModel> dirtyRateEditorProperty() {
        return dirtyRateEditor.getReadOnlyProperty();
    }

    /** The I/O devices editor of the selected VM (with Add device, also for a VM without one), or null. */
    public ReadOnlyObjectProperty<DeviceEditorModel> deviceEditorProperty() {
        return deviceEditor.getReadOnlyProperty();
    }

    /** The CPU policy editor of the selected host, or null when no host is selected. */
    public ReadOnlyObjectProperty<HostCpuPolicyEditorModel> hostPolicyEditorProperty() {
        return hostPolicyEditor.getReadOnlyProperty();
    }

    /** The name and hardware editor of the selected host, or null. */
    public ReadOnlyObjectProperty<HostHardwareEditorModel> hardwareEditorProperty() {
        return hardwareEditor.getReadOnlyProperty();
    }

    /** The editor of the selected network, or null. */
    public ReadOnlyObjectProperty<NetworkEditorModel> networkEditorProperty() {
        return networkEditor.getReadOnlyProperty();
    }

    /** The editor of the selected distributed switch, or null. */
    public ReadOnlyObjectProperty<SwitchEditorModel> switchEditorProperty() {
        return switchEditor.getReadOnlyProperty();
    }

    /** The editor of the selected port group, or null. */
    public ReadOnlyObjectProperty<PortGroupEditorModel> portGroupEditorProperty() {
        return portGroupEditor.getReadOnlyProperty();
    }

    /** The selected wire's Disconnect, or null. */
    public ReadOnlyObjectProperty<WireEditorModel> wireEditorProperty() {
        return wireEditor.getReadOnlyProperty();
    }

    /** The lesson's migration settings, shown when nothing is selected; else null. */
    public ReadOnlyObjectProperty<MigrationSettingsEditorModel> migrationEditorProperty() {
        return migrationEditor.getReadOnlyProperty();
    }

    public void reset(Scenario newScenario) {
        this.scenario = newScenario;
        show();
    }

    private void show() {
        if (scenario == null) {
            return;
        }
        next.clear();
        showSelection();
        for (ReadOnlyObjectWrapper<?> slot : editors) {
            put(slot, next.get(slot)); // the same editor again is no change: its form stays, with the focus
        }
        next.clear();
    }

    private void showSelection() {
        List<String> ids = selection.ids();
        if (ids.size() > 1) {
            heading.set(i18n.format("props.heading.several", Integer.toString(ids.size())));
            rows.setAll(describe.several(scenario, ids));
            return;
        }
        String id = ids.isEmpty() ? null : ids.get(0);
        Optional<WireId> wire = WireId.parse(id);
        if (id != null && scenario.host(id).isPresent()) {
            showHost(scenario.host(id).get());
        } else if (id != null && scenario.vm(id).isPresent()) {
            showVm(scenario.vm(id).get());
        } else if (id != null && scenario.network(id).isPresent()) {
            NetworkSpec n = scenario.network(id).get();
            heading.set(i18n.format("props.heading.network", n.name()));
            rows.setAll(describe.network(scenario, n));
            keep(networkEditor, e -> e.isFor(n), () -> new NetworkEditorModel(i18n, editor, n));
        } else if (id != null && scenario.switchSpec(id).isPresent()) {
            SwitchSpec sw = scenario.switchSpec(id).get();
            heading.set(i18n.format("props.heading.switch", sw.name()));
            rows.setAll(describe.switchRows(scenario, sw));
            keep(switchEditor, e -> e.isFor(sw, scenario.hosts()), () -> new SwitchEditorModel(i18n, editor, sw));
        } else if (id != null && scenario.portGroup(id).isPresent()) {
            PortGroupSpec g = scenario.portGroup(id).get();
            heading.set(i18n.format("props.heading.portGroup", g.name()));
            rows.setAll(describe.portGroup(scenario, scenario.switchOf(id).orElseThrow(), g));
            keep(portGroupEditor, e -> e.isFor(g), () -> new PortGroupEditorModel(i18n, editor, g));
        } else if (wire.isPresent() && scenario.vm(wire.get().vmId())
                .filter(vm -> wire.get().nicIndex() < vm.nics().size()).isPresent()) {
            VmSpec vm = scenario.vm(wire.get().vmId()).get();
            int index = wire.get().nicIndex();
            heading.set(i18n.format("props.heading.wire", vm.name(), NicSpec.name(index)));
            rows.setAll(describe.wire(scenario, vm, index));
            // nothing is typed in it, so it is built anew: its button follows the NIC through undo and redo
            next.put(wireEditor, new WireEditorModel(editor, wire.get(), () -> selection.select(vm.id())));
        } else {
            heading.set(i18n.get("props.heading.lesson"));
            rows.setAll(describe.lesson(scenario));
            keep(migrationEditor, e -> e.isFor(scenario.migration()),
                    () -> new MigrationSettingsEditorModel(i18n, editor, scenario.migration()));
        }
    }

    private void showHost(HostSpec h) {
        heading.set(i18n.format("props.heading.host", h.name()));
        rows.setAll(describe.host(h));
        keep(hostPolicyEditor, e -> e.isFor(h), () -> new HostCpuPolicyEditorModel(i18n, editor, h));
        keep(hardwareEditor, e -> e.isFor(h), () -> new HostHardwareEditorModel(i18n, editor, h));
        keep(hostMemoryEditor, e -> e.isFor(h), () -> new HostMemoryPolicyEditorModel(i18n, editor, h));
    }

    private void showVm(VmSpec v) {
        HostSpec h = scenario.host(v.hostId()).orElseThrow();
        heading.set(i18n.format("props.heading.vm", v.name()));
        rows.setAll(describe.vm(v, h));
        keep(qosEditor, e -> e.isFor(v), () -> new VmQosEditorModel(i18n, editor, v));
        keep(memoryQosEditor, e -> e.isFor(v), () -> new VmMemoryQosEditorModel(i18n, editor, v));
        keep(memoryActivityEditor, e -> e.isFor(v), () -> new MemoryActivityEditorModel(i18n, editor, v));
        keep(workloadEditor, e -> e.isFor(v), () -> new WorkloadEditorModel(i18n, editor, v));
        keep(sizeEditor, e -> e.isFor(v), () -> new VmSizeEditorModel(i18n, editor, v));
        keep(pinningEditor, e -> e.isFor(v, h), () -> new PinningEditorModel(i18n, editor, v, h));
        List<NicListEditorModel.Choice> offered = NicListEditorModel.choices(i18n, scenario, v);
        keep(nicEditor, e -> e.isFor(v, offered), () -> new NicListEditorModel(i18n, editor, v));
        long bandwidth = scenario.migration().bandwidthMibPerSecond();
        keep(dirtyRateEditor, e -> e.isFor(v, bandwidth), () -> new DirtyRateEditorModel(i18n, editor, v));
        keep(deviceEditor, e -> e.isFor(v, scenario), () -> new DeviceEditorModel(i18n, editor, v));
    }

    /** Shows the editor the slot has if it still shows the element as it is, otherwise a new one. */
    private <T> void keep(ReadOnlyObjectWrapper<T> slot, Predicate<T> stillFor, Supplier<T> fresh) {
        T was = slot.get();
        next.put(slot, was != null && stillFor.test(was) ? was : fresh.get());
    }

    @SuppressWarnings("unchecked") // each slot's value was put by keep() for that slot, so it is a T
    private static <T> void put(ReadOnlyObjectWrapper<T> slot, Object value) {
        slot.set((T) value);
    }
}
