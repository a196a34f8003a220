package org.virtlab.ui.topology;

import org.virtlab.ui.common.WireId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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
import org.virtlab.engine.alloc.Admission;
import org.virtlab.engine.cpu.CpuDemandSnapshot;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.migration.CancelMigration;
import org.virtlab.engine.migration.MigrationSnapshot;
import org.virtlab.engine.migration.StartMigration;
import java.util.Optional;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Ipv4Cidr;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.NetException;
import org.virtlab.engine.net.NetIface;
import org.virtlab.engine.net.NetNode;
import org.virtlab.engine.net.NetSwitch;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PhysicalLan;
import org.virtlab.engine.net.SwitchPort;
import org.virtlab.ui.common.Formats;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;

/**
 * The Topology tab's state and commands: hosts with the VMs on them, each VM with its live CPU demand;
 * drops from the palette, moving hosts and VMs, deleting, copying and pasting the selection. Every command
 * is one edit through the {@link ScenarioEditor}, so it is undoable and reaches the running simulation.
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
    private final ObservableList<SwitchItem> switches = FXCollections.observableArrayList();
    private final Map<String, VmItem> vmsById = new LinkedHashMap<>();
    /** Which VMs the running simulation has powered on, and its time, from the latest snapshot. */
    private final Map<String, Boolean> poweredOn = new HashMap<>();
    private long nowMicros;
    private Clipboard clipboard;
    /** VMs with a live migration under way, from the latest snapshot. */
    private final Set<String> migrating = new HashSet<>();
    private final ObservableList<MigrationItem> migrations = FXCollections.observableArrayList();
    /** The VM whose migration the selected event (Events panel) is about, or null. */
    private final javafx.beans.property.ReadOnlyStringWrapper markedMigration =
            new javafx.beans.property.ReadOnlyStringWrapper();
    private final MigrationText migrationText;
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
    /** How far below and right of the original a pasted host lands. */
    static final double PASTE_OFFSET = 40;

    public TopologyViewModel(I18n i18n, Selection selection, ScenarioEditor editor) {
        this.i18n = i18n;
        this.selection = selection;
        this.editor = editor;
        this.migrationText = new MigrationText(i18n);
    }

    /** What the palette offers to drag. */
    public enum PaletteItem {
        HOST, VM, NET_ISOLATED, NET_NAT, NET_ROUTED, NET_BRIDGED, SWITCH, PORT_GROUP;

        /** The network mode a network item creates, or null for other items. */
        public NetworkMode networkMode() {
            switch (this) {
                case NET_ISOLATED: return NetworkMode.ISOLATED;
                case NET_NAT: return NetworkMode.NAT;
                case NET_ROUTED: return NetworkMode.ROUTED;
                case NET_BRIDGED: return NetworkMode.BRIDGED;
                default: return null;
            }
        }
    }

    /**
     * Whether a palette item may be dropped on {@code targetId} (a host or a switch) or on the empty canvas
     * (null): a host or a switch on the canvas, a VM or a network on a host, a port group on a switch.
     */
    public boolean accepts(PaletteItem item, String targetId) {
        Scenario s = editor.scenario();
        switch (item) {
            case HOST:
            case SWITCH:
                return targetId == null;
            case PORT_GROUP:
                return targetId != null && s.switchSpec(targetId).isPresent();
            default:
                return targetId != null && s.host(targetId).isPresent();
        }
    }

    /**
     * Drops a palette item: a new host or switch at (x, y) on the canvas, a new VM or network on the host
     * {@code targetId}, a new port group on the switch {@code targetId}. Returns the new element's id, or
     * empty when the drop is refused.
     */
    public Optional<String> drop(PaletteItem item, String targetId, double x, double y) {
        if (!accepts(item, targetId)) {
            return Optional.empty();
        }
        Scenario s = editor.scenario();
        Scenario next;
        String id;
        switch (item) {
            case HOST:
                id = s.freeId("host");
                next = s.withHosts(append(s.hosts(), new HostSpec(id, i18n.format("new.hostName", s.hosts().size() + 1),
                        NEW_HOST_CPU, NEW_HOST_MEMORY_MIB, Math.max(0, x), Math.max(0, y))));
                break;
            case VM: {
                id = s.freeId("vm");
                HostSpec host = s.host(targetId).orElseThrow();
                int vcpus = Math.min(NEW_VM_VCPUS, host.cpu().logicalCpus());
                // One NIC, plugged into the host's first network if it has one (as virt-install does with
                // libvirt's default network).
                List<NetworkSpec> nets = s.networksOn(targetId);
                NicSpec nic = nets.isEmpty() ? NicSpec.UNWIRED : NicSpec.toNetwork(nets.get(0).id());
                VmSpec vm = new VmSpec(id, i18n.format("new.vmName", s.vms().size() + 1), targetId, vcpus,
                        NEW_VM_MEMORY_MIB, NEW_VM_WORKLOAD, CpuQos.DEFAULT, Pinning.NONE, List.of(nic),
                        VmSpec.DEFAULT_DIRTY_MIB_PER_SECOND, host.x() + 30, host.y() + 80);
                next = s.withVms(append(s.vms(), vm));
                break;
            }
            case SWITCH:
                id = s.freeId("dvs");
                next = s.withSwitches(append(s.switches(), new SwitchSpec(id,
                        i18n.format("new.switchName", s.switches().size() + 1),
                        s.hosts().stream().map(HostSpec::id).toList(), List.of(), Math.max(0, x), Math.max(0, y))));
                break;
            case PORT_GROUP: {
                id = s.freeId("pg");
                SwitchSpec sw = s.switchSpec(targetId).orElseThrow();
                int vlan = freeVlan(sw);
                next = s.withSwitch(sw.withPortGroups(append(sw.portGroups(),
                        new PortGroupSpec(id, i18n.format("new.portGroupName", vlan), vlan))));
                break;
            }
            default: {
                NetworkMode mode = item.networkMode();
                id = s.freeId("net");
                String subnet = mode.hasSubnet() ? freeSubnet(s, targetId, mode) : null;
                String name = mode == NetworkMode.NAT && s.network("default").isEmpty() ? "default"
                        : i18n.format("new.networkName." + mode.name().toLowerCase(java.util.Locale.ROOT),
                        s.networks().size() + 1);
                next = s.withNetworks(append(s.networks(), new NetworkSpec(id, name, targetId, mode, subnet,
                        freeBridge(s, targetId, id, mode), 0, 0)));
                break;
            }
        }
        editor.restructure(next);
        selection.select(id);
        return Optional.of(id);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> out = new ArrayList<>(list);
        out.add(element);
        return out;
    }

    /** VLAN 10, 20, 30…: the first multiple of ten no port group of the switch uses. */
    private static int freeVlan(SwitchSpec sw) {
        for (int vlan = 10; ; vlan += 10) {
            int v = vlan;
            if (sw.portGroups().stream().noneMatch(g -> g.vlanId() == v) && vlan <= PortGroupSpec.MAX_VLAN_ID) {
                return vlan;
            }
        }
    }

    /**
     * A /24 no network of the host overlaps: 192.168.122.0/24 first for NAT (libvirt's default network),
     * then 192.168.100.0/24, .101… (libvirt's examples for isolated and routed networks use 192.168.100+).
     */
    private static String freeSubnet(Scenario s, String hostId, NetworkMode mode) {
        List<Ipv4Cidr> used = s.networksOn(hostId).stream().flatMap(n -> n.subnetCidr().stream()).toList();
        List<Integer> thirds = new ArrayList<>();
        if (mode == NetworkMode.NAT) {
            thirds.add(122);
        }
        for (int i = 100; i < 255; i++) {
            thirds.add(i);
        }
        for (int third : thirds) {
            String text = "192.168." + third + ".0/24";
            Ipv4Cidr cidr = Ipv4Cidr.parse(text).orElseThrow();
            if (used.stream().noneMatch(cidr::overlaps)) {
                return text;
            }
        }
        return "10.0.0.0/24";
    }

    /** virbr0, virbr1… (br0… for bridged) that no other network of the host uses, as libvirt numbers them. */
    private static String freeBridge(Scenario s, String hostId, String id, NetworkMode mode) {
        String prefix = mode.hasSubnet() ? "virbr" : "br";
        for (int n = 0; n < 100; n++) {
            String name = prefix + n;
            if (s.networksOn(hostId).stream().noneMatch(net -> name.equals(net.bridge()))) {
                return name;
            }
        }
        return NetworkSpec.defaultBridge(id, mode);
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
        if (nx != host.x() || ny != host.y()) {
            editor.restructure(s.withHost(host.at(nx, ny)));
        }
    }

    /** Moves a switch card, as {@link #moveHost} moves a host. */
    public void moveSwitch(String switchId, double x, double y) {
        Scenario s = editor.scenario();
        SwitchSpec sw = s.switchSpec(switchId).orElseThrow();
        double nx = Math.max(0, Math.round(x));
        double ny = Math.max(0, Math.round(y));
        if (nx != sw.x() || ny != sw.y()) {
            editor.restructure(s.withSwitch(sw.at(nx, ny)));
        }
    }

    /**
     * Deletes everything selected: VMs; hosts with their VMs and networks; networks, switches and port
     * groups (the NICs plugged into them are unplugged); wires (their NIC is unplugged). One edit however
     * many there are. Returns whether something was deleted.
     */
    public boolean deleteSelection() {
        Scenario s = editor.scenario();
        Scenario next = s;
        for (String id : selection.ids()) {
            Optional<WireId> wire = WireId.parse(id);
            if (wire.isPresent()) {
                Optional<VmSpec> vm = next.vm(wire.get().vmId());
                if (vm.isPresent() && wire.get().nicIndex() < vm.get().nics().size()) {
                    next = next.withVm(vm.get().withNic(wire.get().nicIndex(), NicSpec.UNWIRED));
                }
            } else {
                next = next.without(id);
            }
        }
        if (next.equals(s)) {
            return false;
        }
        selection.clear();
        editor.restructure(next);
        return true;
    }

    /** Selects every host, VM, network and switch. */
    public void selectAll() {
        Scenario s = editor.scenario();
        List<String> all = new ArrayList<>();
        s.hosts().forEach(h -> all.add(h.id()));
        s.vms().forEach(v -> all.add(v.id()));
        s.networks().forEach(n -> all.add(n.id()));
        s.switches().forEach(w -> all.add(w.id()));
        selection.setAll(all);
    }

    /**
     * Remembers the selected hosts (with their VMs and networks) and VMs for {@link #paste()}. Returns how
     * many elements were copied; 0 leaves the clipboard as it was.
     */
    public int copySelection() {
        Scenario s = editor.scenario();
        Set<String> ids = new HashSet<>(selection.ids());
        List<HostSpec> hosts = s.hosts().stream().filter(h -> ids.contains(h.id())).toList();
        Set<String> hostIds = new HashSet<>();
        hosts.forEach(h -> hostIds.add(h.id()));
        List<VmSpec> vms = s.vms().stream().filter(v -> ids.contains(v.id()) || hostIds.contains(v.hostId())).toList();
        List<NetworkSpec> nets = s.networks().stream().filter(n -> hostIds.contains(n.hostId())).toList();
        if (hosts.isEmpty() && vms.isEmpty()) {
            return 0;
        }
        clipboard = new Clipboard(hosts, vms, nets);
        return hosts.size() + vms.size();
    }

    public boolean canPaste() {
        return clipboard != null;
    }

    /**
     * Pastes what was copied, as new elements with fresh ids and names: copied hosts (with their VMs and
     * networks) 40 px below and right of the originals; copied VMs on the selected host, or else on the
     * host they came from (if it still exists). A pasted VM keeps its pinning only where the host has those
     * logical CPUs, and its NICs only where they can plug in on its new host. One edit; the pasted elements
     * end up selected. Returns the new ids (empty when there is nowhere to paste).
     */
    public List<String> paste() {
        if (clipboard == null) {
            return List.of();
        }
        Scenario s = editor.scenario();
        Scenario next = s;
        Map<String, String> renamed = new LinkedHashMap<>();
        List<String> pasted = new ArrayList<>();
        for (HostSpec h : clipboard.hosts()) {
            String id = next.freeId("host");
            renamed.put(h.id(), id);
            next = next.withHosts(append(next.hosts(), h.copy(id, i18n.format("copy.name", h.name()),
                    h.x() + PASTE_OFFSET, h.y() + PASTE_OFFSET)));
            pasted.add(id);
        }
        for (NetworkSpec n : clipboard.networks()) {
            String id = next.freeId("net");
            renamed.put(n.id(), id);
            next = next.withNetworks(append(next.networks(), new NetworkSpec(id, n.name(), renamed.get(n.hostId()),
                    n.mode(), n.subnet(), n.bridge(), n.x(), n.y())));
        }
        String selectedHost = selection.selectedId().filter(id -> s.host(id).isPresent()).orElse(null);
        for (VmSpec v : clipboard.vms()) {
            String hostId = renamed.containsKey(v.hostId()) ? renamed.get(v.hostId())
                    : selectedHost != null ? selectedHost : v.hostId();
            Optional<HostSpec> host = next.host(hostId);
            if (host.isEmpty() || v.vcpus() > host.get().cpu().logicalCpus()) {
                continue; // its host is gone, or too small for it
            }
            String id = next.freeId("vm");
            VmSpec copy = v.copy(id, i18n.format("copy.name", v.name()))
                    .onHost(hostId, host.get().x() + 30, host.get().y() + 80);
            if (copy.pinning().highestCpu() >= host.get().cpu().logicalCpus()) {
                copy = copy.withPinning(Pinning.NONE);
            }
            List<NicSpec> nics = new ArrayList<>();
            for (NicSpec nic : copy.nics()) {
                nics.add(nic.networkId() != null && renamed.containsKey(nic.networkId())
                        ? NicSpec.toNetwork(renamed.get(nic.networkId())) : nic);
            }
            next = next.withVms(append(next.vms(), copy.withNics(pluggable(next, hostId, nics))));
            pasted.add(id);
        }
        if (pasted.isEmpty()) {
            return List.of();
        }
        editor.restructure(next);
        selection.setAll(pasted);
        return pasted;
    }

    /** The NICs as they can plug in on {@code hostId}: a network elsewhere or a switch not spanning it unplugs. */
    private static List<NicSpec> pluggable(Scenario s, String hostId, List<NicSpec> nics) {
        List<NicSpec> out = new ArrayList<>();
        for (NicSpec nic : nics) {
            boolean ok = nic.networkId() != null
                    ? s.network(nic.networkId()).filter(n -> n.hostId().equals(hostId)).isPresent()
                    : nic.portGroupId() == null || s.switchOf(nic.portGroupId()).filter(w -> w.spans(hostId)).isPresent();
            out.add(ok ? nic : NicSpec.UNWIRED);
        }
        return out;
    }

    /**
     * Whether a NIC of VM {@code vmId} may plug into {@code targetId}: a network on the VM's own host, or a
     * port group of a switch that spans it (a vNIC reaches a bridge of its host, or the host's uplink of a
     * distributed switch). {@code live} is false here; the message says what a drop would do, or why not.
     */
    public MoveCheck checkWire(String vmId, int nic, String targetId) {
        Scenario s = editor.scenario();
        Optional<VmSpec> found = s.vm(vmId);
        if (found.isEmpty() || targetId == null) {
            return new MoveCheck(false, false, "");
        }
        VmSpec vm = found.get();
        String hostName = s.host(vm.hostId()).map(HostSpec::name).orElse(vm.hostId());
        if (nic >= vm.nics().size() && vm.nics().size() >= VmSpec.MAX_NICS) {
            return new MoveCheck(false, false, i18n.format("wire.tooMany", vm.name(), VmSpec.MAX_NICS));
        }
        String nicName = NicSpec.name(Math.min(nic, vm.nics().size()));
        Optional<NetworkSpec> net = s.network(targetId);
        if (net.isPresent()) {
            if (!net.get().hostId().equals(vm.hostId())) {
                return new MoveCheck(false, false, i18n.format("wire.otherHost", vm.name(), net.get().name(),
                        s.host(net.get().hostId()).map(HostSpec::name).orElse(""), hostName));
            }
            return new MoveCheck(true, false, i18n.format("wire.ok", vm.name(), nicName, net.get().name()));
        }
        Optional<SwitchSpec> sw = s.switchOf(targetId);
        if (sw.isPresent()) {
            PortGroupSpec pg = sw.get().portGroup(targetId).orElseThrow();
            if (!sw.get().spans(vm.hostId())) {
                return new MoveCheck(false, false, i18n.format("wire.notSpanned", vm.name(), pg.name(),
                        sw.get().name(), hostName));
            }
            return new MoveCheck(true, false, i18n.format("wire.ok", vm.name(), nicName, pg.name()));
        }
        return new MoveCheck(false, false, "");
    }

    /**
     * Plugs NIC number {@code nic} of a VM (a new NIC when {@code nic} is the VM's NIC count) into a network or
     * port group, if {@link #checkWire} allows it: one edit; the wire ends up selected.
     */
    public MoveCheck wire(String vmId, int nic, String targetId) {
        MoveCheck check = checkWire(vmId, nic, targetId);
        if (!check.allowed()) {
            return check;
        }
        Scenario s = editor.scenario();
        VmSpec vm = s.vm(vmId).orElseThrow();
        NicSpec plug = s.network(targetId).isPresent() ? NicSpec.toNetwork(targetId) : NicSpec.toPortGroup(targetId);
        int index = Math.min(nic, vm.nics().size());
        List<NicSpec> nics = new ArrayList<>(vm.nics());
        if (index == nics.size()) {
            nics.add(plug);
        } else {
            nics.set(index, plug);
        }
        editor.restructure(s.withVm(vm.withNics(nics)));
        selection.select(new WireId(vmId, index).id());
        return check;
    }

    /** Whether a dragged VM may go to a host, whether that would be a live migration, and why not if not. */
    public record MoveCheck(boolean allowed, boolean live, String message) {
    }

    /**
     * What dropping VM {@code vmId} on host {@code hostId} would do. A VM that is running (the simulation has
     * started and the VM is powered on) migrates live; a stopped one just moves. Either way the target's
     * admission control applies ({@link Admission}, the engine's rule): the VM's CPU reservation must fit in
     * what the target has unreserved (cores × clock minus the reservations of the VMs on it), its memory
     * reservation in the target's memory minus theirs, and the target must have enough logical CPUs;
     * a VM pinned to logical CPUs stays where its CPUs are.
     */
    public MoveCheck checkMove(String vmId, String hostId) {
        Scenario s = editor.scenario();
        Optional<VmSpec> found = s.vm(vmId);
        Optional<HostSpec> target = s.host(hostId);
        if (found.isEmpty() || target.isEmpty()) {
            return new MoveCheck(false, false, "");
        }
        VmSpec vm = found.get();
        HostSpec host = target.get();
        boolean live = nowMicros > 0 && poweredOn.getOrDefault(vmId, false);
        if (migrating.contains(vmId)) {
            return new MoveCheck(false, true, i18n.format("move.migrating", vm.name()));
        }
        if (vm.hostId().equals(hostId)) {
            return new MoveCheck(false, live, i18n.format("move.sameHost", vm.name(), host.name()));
        }
        if (vm.vcpus() > host.cpu().logicalCpus()) {
            return new MoveCheck(false, live, i18n.format("move.tooManyVcpus", vm.name(), vm.vcpus(), host.name(),
                    host.cpu().logicalCpus()));
        }
        if (vm.pinning().pinned()) {
            return new MoveCheck(false, live, i18n.format("move.pinned", vm.name()));
        }
        if (live && s.devicesOf(vmId).stream().anyMatch(d -> d.passthrough())) {
            // what live migration would refuse (MigrationReason.PASSTHROUGH, virtualization.md §5)
            return new MoveCheck(false, true, i18n.format("move.passthrough", vm.name()));
        }
        List<VmSpec> holding = s.vmsOn(hostId).stream()
                .filter(v -> !live || poweredOn.getOrDefault(v.id(), true))
                .toList();
        long reservableMhz = (long) host.cpu().cores() * host.cpu().mhzPerCore();
        long reservedMhz = holding.stream().mapToLong(v -> v.cpuQos().reservationMhz()).sum();
        long reservedMib = holding.stream().mapToLong(v -> v.memoryQos().reservationMib()).sum();
        // the engine's rule, as at power-on and for a live migration's arrival (CpuSubsystem.admission)
        Admission admission = new Admission(vm.cpuQos().reservationMhz(), reservableMhz - reservedMhz,
                vm.memoryQos().reservationMib(), host.memoryMib() - reservedMib);
        switch (admission.refused()) {
            case CPU:
                return new MoveCheck(false, live, i18n.format("move.admission", vm.name(),
                        Formats.ghz(admission.reservationMhz()), host.name(),
                        Formats.ghz(Math.max(0, admission.unreservedMhz()))));
            case MEMORY:
                return new MoveCheck(false, live, i18n.format("move.admissionMemory", vm.name(),
                        Formats.memory(admission.reservationMib()), host.name(),
                        Formats.memory(Math.max(0, admission.unreservedMib()))));
            default:
                break;
        }
        return new MoveCheck(true, live, i18n.format(live ? "move.live" : "move.cold", vm.name(), host.name()));
    }

    /**
     * Moves a VM to another host if {@link #checkMove} allows it. A running VM migrates live: the simulation
     * plays the pre-copy rounds out and, once the VM runs on the target, the move becomes an edit of the
     * scenario. A stopped one just moves: one edit, which restarts the simulation with the VM on its new
     * host. Returns the check, so the caller can say why not.
     */
    public MoveCheck moveVm(String vmId, String hostId) {
        MoveCheck check = checkMove(vmId, hostId);
        if (!check.allowed()) {
            return check;
        }
        Scenario s = editor.scenario();
        if (check.live()) {
            editor.command(new StartMigration(vmId, hostId));
            return new MoveCheck(true, true, i18n.format("move.started", s.vm(vmId).orElseThrow().name(),
                    s.host(hostId).orElseThrow().name()));
        }
        editor.restructure(placed(s, vmId, hostId));
        selection.select(vmId);
        return check;
    }

    /** Stops a live migration under way; the VM goes on running on its source host. */
    public void cancelMigration(String vmId) {
        editor.command(new CancelMigration(vmId));
    }

    /**
     * The scenario with a VM on another host, placed on its card. A NIC on a network of the old host moves to
     * the target's network of the same name if it has one (as vSphere matches port groups by name), else it
     * is unplugged; a NIC on a port group stays if the switch spans the target.
     */
    public static Scenario placed(Scenario s, String vmId, String hostId) {
        HostSpec host = s.host(hostId).orElseThrow();
        return s.withVmMoved(vmId, hostId, host.x() + 30, host.y() + 80);
    }

    /** What Copy took: hosts (with their VMs and networks) and VMs, as they were then. */
    private record Clipboard(List<HostSpec> hosts, List<VmSpec> vms, List<NetworkSpec> networks) {
    }

    /** The canvas's zoom (1 = 100 %), kept while the window is open. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public void setZoom(double value) {
        zoom.set(value);
    }

    /** A VM's name, for the ghost that follows a dragged card. */
    public String vmName(String vmId) {
        return editor.scenario().vm(vmId).map(VmSpec::name).orElse(vmId);
    }

    public ObservableList<HostItem> hosts() {
        return hosts;
    }

    public Selection selection() {
        return selection;
    }

    /** The Network tab's trace as this canvas draws it (one per view; the state stays {@code network}'s). */
    public PacketTrail trail(org.virtlab.ui.network.NetworkViewModel network) {
        return new PacketTrail(network, editor::scenario, i18n);
    }

    /** Rebuilds the items for a (new) scenario. */
    public void reset(Scenario scenario) {
        Map<String, VmItem> previous = new HashMap<>(vmsById);
        vmsById.clear();
        poweredOn.keySet().retainAll(scenario.vms().stream().map(VmSpec::id).toList());
        Map<String, List<VmSpec>> byHost = new HashMap<>();
        Map<String, Integer> colour = new HashMap<>();
        for (int i = 0; i < scenario.vms().size(); i++) {
            VmSpec v = scenario.vms().get(i);
            byHost.computeIfAbsent(v.hostId(), k -> new ArrayList<>()).add(v);
            colour.put(v.id(), i);
        }
        List<HostItem> items = new ArrayList<>();
        for (HostSpec h : scenario.hosts()) {
            List<VmItem> vms = new ArrayList<>();
            List<VmSpec> on = byHost.getOrDefault(h.id(), List.of());
            for (VmSpec v : on) {
                VmItem item = new VmItem(v.id(), v.name(),
                        i18n.format("topology.vm.summary", v.vcpus(), Formats.memory(v.memoryMib()),
                                workloadName(v.workload())),
                        colour.get(v.id()), (double) v.vcpus() * h.cpu().mhzPerCore(), nicItems(scenario, v));
                VmItem old = previous.get(v.id());
                // The same card with the same live values when nothing it shows has changed.
                item = old != null && old.sameAs(item) ? old : item;
                vms.add(item);
                vmsById.put(v.id(), item);
            }
            String summary = i18n.format("topology.host.summary", h.cpu().sockets(), h.cpu().coresPerSocket(),
                    h.cpu().threadsPerCore(), h.cpu().logicalCpus(), Formats.ghz(h.cpu().mhzPerCore()),
                    Formats.memory(h.memoryMib()));
            List<NetworkItem> nets = scenario.networksOn(h.id()).stream().map(this::networkItem).toList();
            items.add(new HostItem(h.id(), h.name(), summary, h.x(), h.y(), List.copyOf(vms), nets, badges(h, on)));
        }
        hosts.setAll(items);
        List<SwitchItem> sws = new ArrayList<>();
        for (SwitchSpec sw : scenario.switches()) {
            List<PortGroupItem> groups = sw.portGroups().stream()
                    .map(g -> new PortGroupItem(g.id(), g.name(), i18n.format("topology.vlan", g.vlanId()))).toList();
            sws.add(new SwitchItem(sw.id(), sw.name(), sw.x(), sw.y(), sw.hostIds(), groups));
        }
        if (!sws.equals(switches)) {
            switches.setAll(sws);
        }
        PhysicalItem next = physicalItem(scenario);
        if (!next.equals(physical.get())) {
            physical.set(next);
        }
    }

    /**
     * The physical side every scenario shares ({@link PhysicalLan}): the LAN segment, its router to the WAN, the
     * LAN machine and the Internet server, and each host's uplink (its physical NICs on the LAN switch and its
     * LAN address), as the network engine wires them.
     */
    public record PhysicalItem(String lan, String wan, String lanPc, String router, String internet,
                               Map<String, String> uplinks) {
        public PhysicalItem {
            uplinks = Map.copyOf(uplinks);
        }
    }

    private final javafx.beans.property.ReadOnlyObjectWrapper<PhysicalItem> physical =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    /** The physical side, drawn below the hosts; {@code null} before a scenario is shown. */
    public javafx.beans.property.ReadOnlyObjectProperty<PhysicalItem> physicalProperty() {
        return physical.getReadOnlyProperty();
    }

    private PhysicalItem physicalItem(Scenario scenario) {
        Map<String, String> uplinks = new HashMap<>();
        try {
            NetTopology net = NetTopology.of(scenario);
            NetSwitch lan = net.switches().get(net.switchIndex(PhysicalLan.LAN_SWITCH));
            for (HostSpec h : scenario.hosts()) {
                List<String> nics = lan.ports().stream().map(SwitchPort::name)
                        .filter(n -> n.startsWith(h.id() + "-eth")).map(n -> n.substring(h.id().length() + 1)).toList();
                NetNode node = net.nodes().get(net.nodeIndex(h.id()));
                String ip = node.ifaces().stream().filter(i -> i.role() == NetIface.Role.HOST_LAN)
                        .map(i -> Ip.format(i.ip())).findFirst().orElse("");
                uplinks.put(h.id(), i18n.format("topology.phys.uplink", String.join(", ", nics), ip));
            }
        } catch (NetException e) {
            // The Network tab says why; the canvas still draws the LAN, with no addresses on the uplinks.
        }
        return new PhysicalItem(
                i18n.format("topology.phys.lan", Ip.format(PhysicalLan.LAN_NETWORK) + "/" + PhysicalLan.LAN_PREFIX),
                i18n.format("topology.phys.wan", Ip.format(PhysicalLan.WAN_NETWORK) + "/" + PhysicalLan.WAN_PREFIX),
                i18n.format("topology.phys.lanPc", PhysicalLan.LAN_PC, Ip.format(PhysicalLan.LAN_PC_IP)),
                i18n.format("topology.phys.router", Ip.format(PhysicalLan.ROUTER_LAN_IP), Ip.format(PhysicalLan.ROUTER_WAN_IP)),
                i18n.format("topology.phys.internet", Ip.format(PhysicalLan.INTERNET_IP)), uplinks);
    }

    /** Shows the latest tick: what each VM asks for and what it gets. */
    public void update(SimulationSnapshot snapshot) {
        nowMicros = snapshot.nowMicros();
        snapshot.find(MigrationSnapshot.class).ifPresent(this::showMigrations);
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
                poweredOn.put(vm.vmId(), vm.poweredOn());
                VmItem item = vmsById.get(vm.vmId());
                if (item != null) {
                    item.demand.set(item.maxMhz == 0 ? 0 : vm.usedMhz() / item.maxMhz);
                    item.usedText.set(!vm.poweredOn() ? i18n.get("topology.vm.off")
                            : vm.paused() ? i18n.get("topology.vm.paused")
                            : i18n.format("topology.vm.used", Formats.ghz(vm.usedMhz())));
                }
            }
        });
    }

    private NetworkItem networkItem(NetworkSpec n) {
        String mode = n.mode().name().toLowerCase(java.util.Locale.ROOT);
        String detail = n.subnet() == null ? i18n.format("topology.net.bridgedDetail", n.bridge())
                : i18n.format("topology.net.detail", n.subnet(), n.bridge());
        return new NetworkItem(n.id(), n.name(), mode, i18n.get("topology.net.mode." + mode), detail);
    }

    /** Each NIC: where it is plugged (a network or port group id, or null) and its tooltip. */
    private List<NicItem> nicItems(Scenario scenario, VmSpec v) {
        List<NicItem> out = new ArrayList<>();
        for (int i = 0; i < v.nics().size(); i++) {
            NicSpec nic = v.nics().get(i);
            String target = nic.networkId() != null ? nic.networkId() : nic.portGroupId();
            String targetName = nic.networkId() != null ? scenario.network(target).map(NetworkSpec::name).orElse(target)
                    : nic.portGroupId() != null ? scenario.portGroup(target).map(PortGroupSpec::name).orElse(target) : null;
            String mode = nic.networkId() != null
                    ? scenario.network(target).map(n -> n.mode().name().toLowerCase(java.util.Locale.ROOT)).orElse("")
                    : nic.portGroupId() != null ? "portgroup" : "";
            out.add(new NicItem(i, target, mode, targetName == null ? i18n.format("topology.nic.unwired", NicSpec.name(i))
                    : i18n.format("topology.nic.wired", NicSpec.name(i), targetName)));
        }
        return List.copyOf(out);
    }

    /** Live migrations: on the VM cards (progress), and the latest few with their numbers in the panel. */
    private void showMigrations(MigrationSnapshot m) {
        Scenario s = editor.scenario();
        migrating.clear();
        vmsById.values().forEach(item -> {
            item.migrationProgress.set(-1);
            item.migrationText.set("");
        });
        for (MigrationSnapshot.Migration mig : m.underWay()) {
            migrating.add(mig.vmId());
            VmItem item = vmsById.get(mig.vmId());
            if (item != null) {
                item.migrationProgress.set(mig.progress());
                item.migrationText.set(i18n.format("migration.card",
                        s.host(mig.targetHostId()).map(HostSpec::name).orElse(mig.targetHostId()),
                        Formats.percent(100 * mig.progress())));
            }
        }
        List<MigrationItem> items = migrationText.latest(s, m, SHOWN_MIGRATIONS);
        if (!items.equals(migrations)) {
            migrations.setAll(items);
        }
    }

    private String workloadName(Workload w) {
        String kind = w.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return i18n.get("workload." + kind);
    }

    /** How many migrations the panel lists, newest first. */
    static final int SHOWN_MIGRATIONS = 4;

    /** The migrations the panel lists, newest first. */
    /** The VM whose migration card is marked for the selected event, or null. */
    public javafx.beans.property.ReadOnlyStringProperty markedMigrationProperty() {
        return markedMigration.getReadOnlyProperty();
    }

    /** Marks the migration card of {@code vmId} (a selected migration event); null: none. */
    public void markMigration(String vmId) {
        markedMigration.set(vmId);
    }

    public ObservableList<MigrationItem> migrations() {
        return migrations;
    }

    /**
     * A live migration as the panel shows it: "Web server: Host 1 → Host 2", its phase with the numbers,
     * and its rounds.
     */
    public record MigrationItem(long serial, String vmId, String title, String status, String rounds, boolean underWay,
                                double progress, boolean failed) {
    }

    /** A host card: its VMs in scenario order, its networks, and its capacity badges. */
    public record HostItem(String id, String name, String summary, double x, double y, List<VmItem> vms,
                           List<NetworkItem> networks, List<Badge> badges) {
        /** Whether the card shows the same things, wherever it stands. */
        public boolean sameContent(HostItem other) {
            return other != null && id.equals(other.id) && name.equals(other.name) && summary.equals(other.summary)
                    && vms.equals(other.vms) && networks.equals(other.networks) && badges.equals(other.badges);
        }
    }

    /**
     * A virtual network on a host card: its name, its mode (a CSS-friendly key such as "nat" and its name in
     * words) and its subnet and bridge.
     */
    public record NetworkItem(String id, String name, String modeKey, String mode, String detail) {
    }

    /**
     * A VM's NIC: its number, what it is plugged into (a network or port group id, or null), the kind of that
     * ("nat", "isolated", "routed", "bridged", "portgroup", or "" when unplugged) and its tooltip.
     */
    public record NicItem(int index, String targetId, String kind, String tooltip) {
    }

    /** A distributed switch card: the hosts it spans (its uplinks) and its port groups. */
    public record SwitchItem(String id, String name, double x, double y, List<String> hostIds,
                             List<PortGroupItem> portGroups) {
    }

    /** A port group row on a switch card: "Web" and "VLAN 10". */
    public record PortGroupItem(String id, String name, String vlan) {
    }

    /** The distributed switches, in scenario order. */
    public ObservableList<SwitchItem> switches() {
        return switches;
    }

    /** A capacity badge on a host card: its text, what it means, and whether it warns. */
    public record Badge(String text, String tooltip, boolean warning) {
    }

    /**
     * vCPUs per logical CPU, memory configured per memory installed (overcommit), CPU reserved per
     * reservable capacity (cores × clock, as admission control counts it): red when above 1.
     */
    private List<Badge> badges(HostSpec h, List<VmSpec> on) {
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
        private final int colourIndex;
        private final ReadOnlyDoubleWrapper demand = new ReadOnlyDoubleWrapper(0);
        private final ReadOnlyStringWrapper demandText = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper usedText = new ReadOnlyStringWrapper("");
        final ReadOnlyDoubleWrapper migrationProgress = new ReadOnlyDoubleWrapper(-1);
        final ReadOnlyStringWrapper migrationText = new ReadOnlyStringWrapper("");
        private final double maxMhz;

        private final List<NicItem> nics;

        VmItem(String id, String name, String summary, int colourIndex, double maxMhz, List<NicItem> nics) {
            this.nics = nics;
            this.maxMhz = maxMhz;
            this.id = id;
            this.name = name;
            this.summary = summary;
            this.colourIndex = colourIndex;
        }

        /** Whether the other item describes the same card (its live values aside). */
        boolean sameAs(VmItem o) {
            return id.equals(o.id) && name.equals(o.name) && summary.equals(o.summary) && colourIndex == o.colourIndex
                    && maxMhz == o.maxMhz && nics.equals(o.nics);
        }

        /** Its NICs, in order. */
        public List<NicItem> nics() {
            return nics;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        /** "4 vCPUs · 4 GiB · Bursty". */
        public String summary() {
            return summary;
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

        /** A live migration's progress (0–1), or −1 when none is under way. */
        public ReadOnlyDoubleProperty migrationProgressProperty() {
            return migrationProgress.getReadOnlyProperty();
        }

        /** "→ Host 2 · 41 %" while it migrates, else empty. */
        public ReadOnlyStringProperty migrationTextProperty() {
            return migrationText.getReadOnlyProperty();
        }

        /** "Gets 8.00 GHz", or why it is off. */
        public ReadOnlyStringProperty usedTextProperty() {
            return usedText.getReadOnlyProperty();
        }
    }
}
