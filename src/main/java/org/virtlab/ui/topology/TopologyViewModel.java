package org.virtlab.ui.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.cpu.CpuDemandSnapshot;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.cpu.Workload;
import java.util.Optional;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.Formats;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;

/**
 * The Topology tab's state: hosts with the VMs on them, each VM with its live CPU demand. Read-only in
 * this version; the editor (drag and drop, wiring, undo) builds on it.
 */
public final class TopologyViewModel {
    private final I18n i18n;
    private final Selection selection;
    private final ScenarioEditor editor;
    /** What a new host from the palette is: one socket of 8 cores × 2 threads at 2 GHz, 32 GiB. */
    static final CpuTopology NEW_HOST_CPU = new CpuTopology(1, 8, 2, 2_000);
    static final long NEW_HOST_MEMORY_MIB = 32_768;
    /** What a new VM from the palette is: 2 vCPUs, 2 GiB, a steady 50 % load, default QoS. */
    static final int NEW_VM_VCPUS = 2;
    static final long NEW_VM_MEMORY_MIB = 2_048;
    static final Workload NEW_VM_WORKLOAD = new Workload.Constant(50);
    private final ObservableList<HostItem> hosts = FXCollections.observableArrayList();
    private final Map<String, VmItem> vmsById = new LinkedHashMap<>();

    public TopologyViewModel(I18n i18n, Selection selection, ScenarioEditor editor) {
        this.i18n = i18n;
        this.selection = selection;
        this.editor = editor;
    }

    /** What the palette offers to drag. */
    public enum PaletteItem { HOST, VM }

    /**
     * Whether a palette item may be dropped on a host ({@code hostId}) or on the empty canvas (null): a
     * VM only on a host, a host only on the canvas.
     */
    public boolean accepts(PaletteItem item, String hostId) {
        return item == PaletteItem.VM ? hostId != null && editor.scenario().host(hostId).isPresent() : hostId == null;
    }

    /**
     * Drops a palette item: a new VM on the host {@code hostId}, or a new host at (x, y) on the canvas.
     * Returns the new element's id, or empty when the drop is refused (a VM not on a host).
     */
    public Optional<String> drop(PaletteItem item, String hostId, double x, double y) {
        if (!accepts(item, hostId)) {
            return Optional.empty();
        }
        Scenario s = editor.scenario();
        List<HostSpec> hosts = new ArrayList<>(s.hosts());
        List<VmSpec> vms = new ArrayList<>(s.vms());
        String id;
        if (item == PaletteItem.HOST) {
            id = freeId(s, "host");
            hosts.add(new HostSpec(id, i18n.format("new.hostName", hosts.size() + 1), NEW_HOST_CPU, NEW_HOST_MEMORY_MIB,
                    Math.max(0, x), Math.max(0, y)));
        } else {
            id = freeId(s, "vm");
            HostSpec host = s.host(hostId).orElseThrow();
            int vcpus = Math.min(NEW_VM_VCPUS, host.cpu().logicalCpus());
            vms.add(new VmSpec(id, i18n.format("new.vmName", vms.size() + 1), hostId, vcpus, NEW_VM_MEMORY_MIB,
                    NEW_VM_WORKLOAD, host.x() + 30, host.y() + 80));
        }
        editor.restructure(new Scenario(s.title(), s.goal(), s.seed(), s.tickMicros(), hosts, vms));
        selection.select(id);
        return Optional.of(id);
    }

    /**
     * Moves a host card to (x, y) on the canvas (not below 0): one undoable edit, kept in the file; the
     * simulation runs on, since positions are only layout.
     */
    public void moveHost(String hostId, double x, double y) {
        Scenario s = editor.scenario();
        HostSpec host = s.host(hostId).orElseThrow();
        double nx = Math.max(0, Math.round(x));
        double ny = Math.max(0, Math.round(y));
        if (nx == host.x() && ny == host.y()) {
            return;
        }
        List<HostSpec> hosts = s.hosts().stream().map(h -> h.id().equals(hostId) ? h.at(nx, ny) : h).toList();
        editor.restructure(new Scenario(s.title(), s.goal(), s.seed(), s.tickMicros(), hosts, s.vms()));
    }

    /** Deletes the selected VM, or the selected host with its VMs. Returns whether something was deleted. */
    public boolean deleteSelection() {
        Optional<String> id = selection.selectedId();
        Scenario s = editor.scenario();
        if (id.isEmpty()) {
            return false;
        }
        List<HostSpec> hosts = s.hosts().stream().filter(h -> !h.id().equals(id.get())).toList();
        List<VmSpec> vms = s.vms().stream()
                .filter(v -> !v.id().equals(id.get()) && !v.hostId().equals(id.get())).toList();
        if (hosts.size() == s.hosts().size() && vms.size() == s.vms().size()) {
            return false;
        }
        selection.clear();
        editor.restructure(new Scenario(s.title(), s.goal(), s.seed(), s.tickMicros(), hosts, vms));
        return true;
    }

    /** "vm4": the prefix and the smallest number not taken by any host or VM. */
    private static String freeId(Scenario s, String prefix) {
        for (int n = 1; ; n++) {
            String id = prefix + n;
            if (s.host(id).isEmpty() && s.vm(id).isEmpty()) {
                return id;
            }
        }
    }

    public ObservableList<HostItem> hosts() {
        return hosts;
    }

    public Selection selection() {
        return selection;
    }

    /** Rebuilds the items for a (new) scenario. */
    public void reset(Scenario scenario) {
        vmsById.clear();
        List<HostItem> items = new ArrayList<>();
        for (HostSpec h : scenario.hosts()) {
            List<VmItem> vms = new ArrayList<>();
            for (VmSpec v : scenario.vmsOn(h.id())) {
                VmItem item = new VmItem(v.id(), v.name(),
                        i18n.format("topology.vm.summary", v.vcpus(), Formats.memory(v.memoryMib())),
                        workloadName(v.workload()), scenario.vms().indexOf(v),
                        (double) v.vcpus() * h.cpu().mhzPerCore());
                vms.add(item);
                vmsById.put(v.id(), item);
            }
            String summary = i18n.format("topology.host.summary", h.cpu().sockets(), h.cpu().coresPerSocket(),
                    h.cpu().threadsPerCore(), h.cpu().logicalCpus(), Formats.ghz(h.cpu().mhzPerCore()),
                    Formats.memory(h.memoryMib()));
            items.add(new HostItem(h.id(), h.name(), summary, h.x(), h.y(), List.copyOf(vms), badges(scenario, h)));
        }
        hosts.setAll(items);
    }

    /** Shows the latest tick: what each VM asks for and what it gets. */
    public void update(SimulationSnapshot snapshot) {
        snapshot.find(CpuDemandSnapshot.class).ifPresent(d -> {
            for (CpuDemandSnapshot.VmDemand vm : d.vms()) {
                VmItem item = vmsById.get(vm.vmId());
                if (item != null) {
                    item.demandText.set(i18n.format("topology.vm.demand", Formats.ghz(vm.demandMhz()),
                            Formats.percent(vm.percentPerVcpu())));
                }
            }
        });
        snapshot.find(CpuSnapshot.class).ifPresent(cpu -> {
            for (CpuSnapshot.VmCpu vm : cpu.vms()) {
                VmItem item = vmsById.get(vm.vmId());
                if (item != null) {
                    item.demand.set(item.maxMhz == 0 ? 0 : vm.usedMhz() / item.maxMhz);
                    item.usedText.set(vm.poweredOn() ? i18n.format("topology.vm.used", Formats.ghz(vm.usedMhz()))
                            : i18n.get("topology.vm.off"));
                }
            }
        });
    }

    private String workloadName(Workload w) {
        String kind = w.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return i18n.get("workload." + kind);
    }

    /** A host card: its VMs in scenario order, and its capacity badges. */
    public record HostItem(String id, String name, String summary, double x, double y, List<VmItem> vms,
                           List<Badge> badges) {
    }

    /** A capacity badge on a host card: its text, what it means, and whether it warns. */
    public record Badge(String text, String tooltip, boolean warning) {
    }

    /**
     * vCPUs per logical CPU, memory configured per memory installed (overcommit), CPU reserved per
     * reservable capacity (cores × clock, as admission control counts it): red when above 1.
     */
    private List<Badge> badges(Scenario scenario, HostSpec h) {
        List<VmSpec> on = scenario.vmsOn(h.id());
        int vcpus = on.stream().mapToInt(VmSpec::vcpus).sum();
        long memory = on.stream().mapToLong(VmSpec::memoryMib).sum();
        long reserved = on.stream().mapToLong(v -> v.cpuQos().reservationMhz()).sum();
        long reservable = (long) h.cpu().cores() * h.cpu().mhzPerCore();
        String cpuRatio = ratio(vcpus, h.cpu().logicalCpus());
        String memRatio = ratio(memory, h.memoryMib());
        return List.of(
                new Badge(i18n.format("badge.vcpu", cpuRatio), i18n.format("badge.vcpu.tip", vcpus, h.cpu().logicalCpus()),
                        false),
                new Badge(i18n.format("badge.memory", memRatio),
                        i18n.format("badge.memory.tip", Formats.memory(memory), Formats.memory(h.memoryMib())),
                        memory > h.memoryMib()),
                new Badge(i18n.format("badge.reserved", Formats.ghz(reserved), Formats.ghz(reservable)),
                        i18n.get("badge.reserved.tip"), reserved > reservable));
    }

    private static String ratio(long a, long b) {
        return b == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.2f:1", (double) a / b);
    }

    /** A VM card with live use (fraction of what its vCPUs could do, 0–1), its demand and use in words. */
    public static final class VmItem {
        private final String id;
        private final String name;
        private final String summary;
        private final String workload;
        private final int colourIndex;
        private final ReadOnlyDoubleWrapper demand = new ReadOnlyDoubleWrapper(0);
        private final ReadOnlyStringWrapper demandText = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper usedText = new ReadOnlyStringWrapper("");
        private final double maxMhz;

        VmItem(String id, String name, String summary, String workload, int colourIndex, double maxMhz) {
            this.maxMhz = maxMhz;
            this.id = id;
            this.name = name;
            this.summary = summary;
            this.workload = workload;
            this.colourIndex = colourIndex;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        public String summary() {
            return summary;
        }

        /** The kind of workload, e.g. "Bursty". */
        public String workload() {
            return workload;
        }

        /** Index of the VM in the scenario, which picks its colour in every chart. */
        public int colourIndex() {
            return colourIndex;
        }

        public ReadOnlyDoubleProperty demandProperty() {
            return demand.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty demandTextProperty() {
            return demandText.getReadOnlyProperty();
        }

        /** "Gets 8.00 GHz", or why it is off. */
        public ReadOnlyStringProperty usedTextProperty() {
            return usedText.getReadOnlyProperty();
        }
    }
}
