package org.virtlab.ui.topology;

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
import org.virtlab.engine.cpu.CpuDemandSnapshot;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.migration.CancelMigration;
import org.virtlab.engine.migration.MigrationPhase;
import org.virtlab.engine.migration.MigrationSnapshot;
import org.virtlab.engine.migration.PreCopyRound;
import org.virtlab.engine.migration.StartMigration;
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
    private final Map<String, VmItem> vmsById = new LinkedHashMap<>();
    /** Which VMs the running simulation has powered on, and its time, from the latest snapshot. */
    private final Map<String, Boolean> poweredOn = new HashMap<>();
    private long nowMicros;
    private Clipboard clipboard;
    /** VMs with a live migration under way, from the latest snapshot. */
    private final Set<String> migrating = new HashSet<>();
    private final ObservableList<MigrationItem> migrations = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
    /** How far below and right of the original a pasted host lands. */
    static final double PASTE_OFFSET = 40;

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

    /**
     * Deletes everything selected: VMs, and hosts with their VMs. One edit however many there are. Returns
     * whether something was deleted.
     */
    public boolean deleteSelection() {
        Set<String> ids = new HashSet<>(selection.ids());
        Scenario s = editor.scenario();
        if (ids.isEmpty()) {
            return false;
        }
        List<HostSpec> hosts = s.hosts().stream().filter(h -> !ids.contains(h.id())).toList();
        List<VmSpec> vms = s.vms().stream()
                .filter(v -> !ids.contains(v.id()) && !ids.contains(v.hostId())).toList();
        if (hosts.size() == s.hosts().size() && vms.size() == s.vms().size()) {
            return false;
        }
        selection.clear();
        editor.restructure(new Scenario(s.title(), s.goal(), s.seed(), s.tickMicros(), hosts, vms));
        return true;
    }

    /** Selects every host and VM. */
    public void selectAll() {
        Scenario s = editor.scenario();
        List<String> all = new ArrayList<>();
        s.hosts().forEach(h -> all.add(h.id()));
        s.vms().forEach(v -> all.add(v.id()));
        selection.setAll(all);
    }

    /**
     * Remembers the selected hosts (with their VMs) and VMs for {@link #paste()}. Returns how many elements
     * were copied; 0 leaves the clipboard as it was.
     */
    public int copySelection() {
        Scenario s = editor.scenario();
        Set<String> ids = new HashSet<>(selection.ids());
        List<HostSpec> hosts = s.hosts().stream().filter(h -> ids.contains(h.id())).toList();
        Set<String> hostIds = new HashSet<>();
        hosts.forEach(h -> hostIds.add(h.id()));
        List<VmSpec> vms = s.vms().stream().filter(v -> ids.contains(v.id()) || hostIds.contains(v.hostId())).toList();
        if (hosts.isEmpty() && vms.isEmpty()) {
            return 0;
        }
        clipboard = new Clipboard(hosts, vms);
        return hosts.size() + vms.size();
    }

    public boolean canPaste() {
        return clipboard != null;
    }

    /**
     * Pastes what was copied, as new elements with fresh ids and names: copied hosts (with their VMs) 40 px
     * below and right of the originals; copied VMs on the selected host, or else on the host they came from
     * (if it still exists). A pasted VM keeps its pinning only where the host has those logical CPUs. One
     * edit; the pasted elements end up selected. Returns the new ids (empty when there is nowhere to paste).
     */
    public List<String> paste() {
        if (clipboard == null) {
            return List.of();
        }
        Scenario s = editor.scenario();
        List<HostSpec> hosts = new ArrayList<>(s.hosts());
        List<VmSpec> vms = new ArrayList<>(s.vms());
        Set<String> taken = new HashSet<>();
        hosts.forEach(h -> taken.add(h.id()));
        vms.forEach(v -> taken.add(v.id()));
        Map<String, String> newHostIds = new LinkedHashMap<>();
        List<String> pasted = new ArrayList<>();
        for (HostSpec h : clipboard.hosts()) {
            String id = freeId(taken, "host");
            newHostIds.put(h.id(), id);
            hosts.add(new HostSpec(id, i18n.format("copy.name", h.name()), h.cpu(), h.cpuPolicy(), h.memoryMib(),
                    h.x() + PASTE_OFFSET, h.y() + PASTE_OFFSET));
            pasted.add(id);
        }
        String selectedHost = selection.selectedId().filter(id -> s.host(id).isPresent()).orElse(null);
        for (VmSpec v : clipboard.vms()) {
            String hostId = newHostIds.containsKey(v.hostId()) ? newHostIds.get(v.hostId())
                    : selectedHost != null ? selectedHost : v.hostId();
            HostSpec host = hosts.stream().filter(h -> h.id().equals(hostId)).findFirst().orElse(null);
            if (host == null || v.vcpus() > host.cpu().logicalCpus()) {
                continue; // its host is gone, or too small for it
            }
            String id = freeId(taken, "vm");
            Pinning pinning = v.pinning().highestCpu() < host.cpu().logicalCpus() ? v.pinning() : Pinning.NONE;
            vms.add(new VmSpec(id, i18n.format("copy.name", v.name()), hostId, v.vcpus(), v.memoryMib(), v.workload(),
                    v.cpuQos(), pinning, v.x(), v.y()));
            pasted.add(id);
        }
        if (pasted.isEmpty()) {
            return List.of();
        }
        editor.restructure(new Scenario(s.title(), s.goal(), s.seed(), s.tickMicros(), hosts, vms));
        selection.setAll(pasted);
        return pasted;
    }

    /** Whether a dragged VM may go to a host, whether that would be a live migration, and why not if not. */
    public record MoveCheck(boolean allowed, boolean live, String message) {
    }

    /**
     * What dropping VM {@code vmId} on host {@code hostId} would do. A VM that is running (the simulation has
     * started and the VM is powered on) migrates live; a stopped one just moves. Either way the target's
     * admission control applies: the VM's CPU reservation must fit in what the target has unreserved
     * (cores × clock minus the reservations of the VMs on it), and the target must have enough logical CPUs;
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
        long reservable = (long) host.cpu().cores() * host.cpu().mhzPerCore();
        long reserved = s.vmsOn(hostId).stream()
                .filter(v -> !live || poweredOn.getOrDefault(v.id(), true))
                .mapToLong(v -> v.cpuQos().reservationMhz()).sum();
        long wanted = vm.cpuQos().reservationMhz();
        if (wanted > 0 && reserved + wanted > reservable) {
            return new MoveCheck(false, live, i18n.format("move.admission", vm.name(), Formats.ghz(wanted),
                    host.name(), Formats.ghz(Math.max(0, reservable - reserved))));
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

    /** The scenario with a VM on another host, placed on its card. */
    public static Scenario placed(Scenario s, String vmId, String hostId) {
        HostSpec host = s.host(hostId).orElseThrow();
        List<VmSpec> vms = s.vms().stream().map(v -> v.id().equals(vmId)
                ? new VmSpec(v.id(), v.name(), hostId, v.vcpus(), v.memoryMib(), v.workload(), v.cpuQos(), v.pinning(),
                        host.x() + 30, host.y() + 80)
                : v).toList();
        return new Scenario(s.title(), s.goal(), s.seed(), s.tickMicros(), s.hosts(), vms);
    }

    /** "vm4": the prefix and the smallest number not taken by any host or VM. */
    private static String freeId(Scenario s, String prefix) {
        Set<String> taken = new HashSet<>();
        s.hosts().forEach(h -> taken.add(h.id()));
        s.vms().forEach(v -> taken.add(v.id()));
        return freeId(taken, prefix);
    }

    /** The prefix and the smallest number not in {@code taken}, which it is then added to. */
    private static String freeId(Set<String> taken, String prefix) {
        for (int n = 1; ; n++) {
            String id = prefix + n;
            if (taken.add(id)) {
                return id;
            }
        }
    }

    /** What Copy took: hosts (with their VMs) and VMs, as they were then. */
    private record Clipboard(List<HostSpec> hosts, List<VmSpec> vms) {
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
                        colour.get(v.id()), (double) v.vcpus() * h.cpu().mhzPerCore());
                VmItem old = previous.get(v.id());
                // The same card with the same live values when nothing it shows has changed.
                item = old != null && old.sameAs(item) ? old : item;
                vms.add(item);
                vmsById.put(v.id(), item);
            }
            String summary = i18n.format("topology.host.summary", h.cpu().sockets(), h.cpu().coresPerSocket(),
                    h.cpu().threadsPerCore(), h.cpu().logicalCpus(), Formats.ghz(h.cpu().mhzPerCore()),
                    Formats.memory(h.memoryMib()));
            items.add(new HostItem(h.id(), h.name(), summary, h.x(), h.y(), List.copyOf(vms), badges(h, on)));
        }
        hosts.setAll(items);
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
                    item.usedText.set(vm.poweredOn() ? i18n.format("topology.vm.used", Formats.ghz(vm.usedMhz()))
                            : i18n.get("topology.vm.off"));
                }
            }
        });
    }

    /** Live migrations: on the VM cards (progress), and the latest few with their numbers in the panel. */
    private void showMigrations(MigrationSnapshot m) {
        Scenario s = editor.scenario();
        migrating.clear();
        vmsById.values().forEach(item -> {
            item.migrationProgress.set(-1);
            item.migrationText.set("");
        });
        List<MigrationItem> items = new ArrayList<>();
        List<MigrationSnapshot.Migration> all = m.migrations();
        for (int i = all.size() - 1; i >= 0 && items.size() < SHOWN_MIGRATIONS; i--) {
            MigrationSnapshot.Migration mig = all.get(i);
            String vm = s.vm(mig.vmId()).map(VmSpec::name).orElse(mig.vmId());
            String from = s.host(mig.sourceHostId()).map(HostSpec::name).orElse(mig.sourceHostId());
            String to = s.host(mig.targetHostId()).map(HostSpec::name).orElse(mig.targetHostId());
            String status = migrationStatus(mig, m.settings().bandwidthMibPerSecond());
            if (mig.phase().underWay()) {
                migrating.add(mig.vmId());
                VmItem item = vmsById.get(mig.vmId());
                if (item != null) {
                    item.migrationProgress.set(mig.progress());
                    item.migrationText.set(i18n.format("migration.card", to, Formats.percent(100 * mig.progress())));
                }
            }
            items.add(new MigrationItem(mig.serial(), mig.vmId(), i18n.format("migration.title", vm, from, to), status,
                    rounds(mig), mig.phase().underWay(), mig.progress(), mig.phase() == MigrationPhase.FAILED
                    || mig.phase() == MigrationPhase.REFUSED));
        }
        if (!items.equals(migrations)) {
            migrations.setAll(items);
        }
    }

    /** The phase and its numbers in one line. */
    private String migrationStatus(MigrationSnapshot.Migration m, long bandwidthMibPerSecond) {
        // ρ = dirty rate ÷ bandwidth: below 1 the rounds shrink geometrically (virtualization.md §5)
        String rho = String.format(java.util.Locale.ROOT, "%.2f", m.dirtyMibPerSecond() / bandwidthMibPerSecond);
        return switch (m.phase()) {
            case PRE_COPY -> i18n.format("migration.preCopy", m.round(), Formats.mib(m.roundSentMib()),
                    Formats.mib(m.roundSizeMib()), Formats.mib(m.remainingMib()), Formats.mib(m.thresholdMib()), rho);
            case STOP_AND_COPY -> i18n.format("migration.stopAndCopy", Formats.mib(m.stopAndCopyMib()));
            case DONE -> i18n.format("migration.done", Formats.duration(m.elapsedMicros()),
                    Formats.duration(m.downtimeMicros()), Formats.mib(m.sentMib()), m.rounds().size());
            case CANCELLED -> i18n.format("migration.cancelled", Formats.duration(m.elapsedMicros()));
            case FAILED, REFUSED -> i18n.format(m.phase() == MigrationPhase.FAILED ? "migration.failed"
                    : "migration.refused", i18n.get("migration.reason." + m.reason().name()), rho);
        };
    }

    /** "Rounds: 4096 → 1024 → 256 → 64 MiB": the pre-copy rounds so far, each what was dirtied in the one before. */
    private String rounds(MigrationSnapshot.Migration m) {
        if (m.rounds().isEmpty()) {
            return "";
        }
        List<String> sizes = new ArrayList<>();
        for (PreCopyRound r : m.rounds()) {
            sizes.add(String.format(java.util.Locale.ROOT, "%.1f", r.sentMib()));
        }
        return i18n.format("migration.rounds", String.join(" → ", sizes));
    }

    private String workloadName(Workload w) {
        String kind = w.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return i18n.get("workload." + kind);
    }

    /** How many migrations the panel lists, newest first. */
    static final int SHOWN_MIGRATIONS = 4;

    /** The migrations the panel lists, newest first. */
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

    /** A host card: its VMs in scenario order, and its capacity badges. */
    public record HostItem(String id, String name, String summary, double x, double y, List<VmItem> vms,
                           List<Badge> badges) {
        /** Whether the card shows the same things, wherever it stands. */
        public boolean sameContent(HostItem other) {
            return other != null && id.equals(other.id) && name.equals(other.name) && summary.equals(other.summary)
                    && vms.equals(other.vms) && badges.equals(other.badges);
        }
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
        private final ReadOnlyDoubleWrapper migrationProgress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper migrationText = new ReadOnlyStringWrapper("");
        private final double maxMhz;

        VmItem(String id, String name, String summary, int colourIndex, double maxMhz) {
            this.maxMhz = maxMhz;
            this.id = id;
            this.name = name;
            this.summary = summary;
            this.colourIndex = colourIndex;
        }

        /** Whether the other item describes the same card (its live values aside). */
        boolean sameAs(VmItem o) {
            return id.equals(o.id) && name.equals(o.name) && summary.equals(o.summary) && colourIndex == o.colourIndex
                    && maxMhz == o.maxMhz;
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
