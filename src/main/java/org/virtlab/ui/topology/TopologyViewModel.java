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
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.Formats;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;

/**
 * The Topology tab's state: hosts with the VMs on them, each VM with its live CPU demand. Read-only in
 * this version; the editor (drag and drop, wiring, undo) builds on it.
 */
public final class TopologyViewModel {
    private final I18n i18n;
    private final Selection selection;
    private final ObservableList<HostItem> hosts = FXCollections.observableArrayList();
    private final Map<String, VmItem> vmsById = new LinkedHashMap<>();

    public TopologyViewModel(I18n i18n, Selection selection) {
        this.i18n = i18n;
        this.selection = selection;
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
            items.add(new HostItem(h.id(), h.name(), summary, h.x(), h.y(), List.copyOf(vms)));
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

    /** A host card: its VMs in scenario order. */
    public record HostItem(String id, String name, String summary, double x, double y, List<VmItem> vms) {
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
