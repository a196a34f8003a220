package org.virtlab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.migration.MigrationSettings;

/**
 * Everything a lesson sets up: its texts, the simulation settings (seed, tick, how long a run lasts), the
 * hosts and the VMs on them, the virtual networks and distributed switches their NICs plug into, the
 * live-migration settings, and how the window showed it. Immutable; the constructor refuses duplicate ids
 * (hosts, VMs, networks, switches and port groups share one name space) and references to things that
 * don't exist or can't be reached from where they are used ({@link ScenarioRules}), so an engine never sees
 * an inconsistent model.
 *
 * @param steps          suggested steps for the student, in order
 * @param durationMicros how long a run lasts unless told otherwise: whole seconds, 1 s – 24 h
 * @param devices        the VMs' I/O devices, each with the workload its guest runs on it; ids in the one name
 *                       space
 * @param migration      how live migrations may use the network
 * @param view           the open tab and zoom when it was saved (layout only; the engine ignores it)
 * @param translation    how the Memory tab's page-walk animator and TLB experiment open (the window's only; the
 *                       engine ignores it)
 * @param help           the lesson's own "Try this" texts per tab (the window's only; the engine ignores it)
 */
public record Scenario(LocalizedText title, LocalizedText goal, List<LocalizedText> steps, long seed,
                       long tickMicros, long durationMicros, List<HostSpec> hosts, List<VmSpec> vms,
                       List<NetworkSpec> networks, List<SwitchSpec> switches, List<IoDeviceSpec> devices,
                       MigrationSettings migration, ViewState view, TranslationSettings translation,
                       LessonHelp help) {
    public static final long MIN_TICK_MICROS = 10;
    public static final long MAX_TICK_MICROS = 100_000;
    public static final long MICROS_PER_SECOND = 1_000_000;
    public static final long MIN_DURATION_MICROS = MICROS_PER_SECOND;
    public static final long MAX_DURATION_MICROS = 24 * 3600 * MICROS_PER_SECOND;
    public static final long DEFAULT_DURATION_MICROS = 60 * MICROS_PER_SECOND;

    public Scenario {
        title = title == null ? LocalizedText.EMPTY : title;
        goal = goal == null ? LocalizedText.EMPTY : goal;
        steps = steps == null ? List.of() : List.copyOf(steps);
        Ranges.check("tickMicros", tickMicros, MIN_TICK_MICROS, MAX_TICK_MICROS);
        Ranges.check("durationMicros", durationMicros, MIN_DURATION_MICROS, MAX_DURATION_MICROS);
        if (durationMicros % MICROS_PER_SECOND != 0) {
            throw new IllegalArgumentException("durationMicros must be whole seconds, was " + durationMicros);
        }
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
        networks = networks == null ? List.of() : List.copyOf(networks);
        switches = switches == null ? List.of() : List.copyOf(switches);
        devices = devices == null ? List.of() : List.copyOf(devices);
        migration = migration == null ? MigrationSettings.QEMU_DEFAULTS : migration;
        view = view == null ? ViewState.DEFAULT : view;
        translation = translation == null ? TranslationSettings.DEFAULT : translation;
        help = help == null ? LessonHelp.NONE : help;
        ScenarioRules.check(steps, hosts, vms, networks, switches, devices);
    }

    /** A scenario without lesson help of its own. */
    public Scenario(LocalizedText title, LocalizedText goal, List<LocalizedText> steps, long seed, long tickMicros,
                    long durationMicros, List<HostSpec> hosts, List<VmSpec> vms, List<NetworkSpec> networks,
                    List<SwitchSpec> switches, List<IoDeviceSpec> devices, MigrationSettings migration,
                    ViewState view, TranslationSettings translation) {
        this(title, goal, steps, seed, tickMicros, durationMicros, hosts, vms, networks, switches, devices, migration,
                view, translation, LessonHelp.NONE);
    }

    /** A scenario with the Memory tab's default translation settings. */
    public Scenario(LocalizedText title, LocalizedText goal, List<LocalizedText> steps, long seed, long tickMicros,
                    long durationMicros, List<HostSpec> hosts, List<VmSpec> vms, List<NetworkSpec> networks,
                    List<SwitchSpec> switches, List<IoDeviceSpec> devices, MigrationSettings migration,
                    ViewState view) {
        this(title, goal, steps, seed, tickMicros, durationMicros, hosts, vms, networks, switches, devices, migration,
                view, TranslationSettings.DEFAULT);
    }

    /** A scenario without I/O devices. */
    public Scenario(LocalizedText title, LocalizedText goal, List<LocalizedText> steps, long seed, long tickMicros,
                    long durationMicros, List<HostSpec> hosts, List<VmSpec> vms, List<NetworkSpec> networks,
                    List<SwitchSpec> switches, MigrationSettings migration, ViewState view) {
        this(title, goal, steps, seed, tickMicros, durationMicros, hosts, vms, networks, switches, List.of(), migration,
                view);
    }

    /**
     * A scenario of hosts and VMs only: no steps, networks or switches, a run of 60 s, QEMU's migration
     * defaults, the default view.
     */
    public Scenario(LocalizedText title, LocalizedText goal, long seed, long tickMicros, List<HostSpec> hosts,
                    List<VmSpec> vms) {
        this(title, goal, List.of(), seed, tickMicros, DEFAULT_DURATION_MICROS, hosts, vms, List.of(), List.of(),
                MigrationSettings.QEMU_DEFAULTS, ViewState.DEFAULT);
    }

    // ---- looking things up -----------------------------------------------------------------------

    public Optional<HostSpec> host(String id) {
        return hosts.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    public Optional<VmSpec> vm(String id) {
        return vms.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public List<VmSpec> vmsOn(String hostId) {
        return vms.stream().filter(v -> v.hostId().equals(hostId)).toList();
    }

    public Optional<NetworkSpec> network(String id) {
        return networks.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public List<NetworkSpec> networksOn(String hostId) {
        return networks.stream().filter(n -> n.hostId().equals(hostId)).toList();
    }

    public Optional<IoDeviceSpec> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public List<IoDeviceSpec> devicesOf(String vmId) {
        return devices.stream().filter(d -> d.vmId().equals(vmId)).toList();
    }

    public Optional<SwitchSpec> switchSpec(String id) {
        return switches.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<PortGroupSpec> portGroup(String id) {
        return switchOf(id).flatMap(s -> s.portGroup(id));
    }

    /** The switch the port group {@code portGroupId} belongs to. */
    public Optional<SwitchSpec> switchOf(String portGroupId) {
        return switches.stream().filter(s -> s.portGroup(portGroupId).isPresent()).findFirst();
    }

    /** Whether any host, VM, network, switch, port group or I/O device has this id. */
    public boolean hasId(String id) {
        return host(id).isPresent() || vm(id).isPresent() || network(id).isPresent() || switchSpec(id).isPresent()
                || portGroup(id).isPresent() || device(id).isPresent();
    }

    /** The prefix and the smallest number that make an id nothing has yet: {@code vm4}. */
    public String freeId(String prefix) {
        for (int n = 1; ; n++) {
            String id = prefix + n;
            if (!hasId(id)) {
                return id;
            }
        }
    }

    // ---- the same scenario with one part changed -------------------------------------------------

    public Scenario withTitle(LocalizedText newTitle) {
        return new Scenario(newTitle, goal, steps, seed, tickMicros, durationMicros, hosts, vms, networks, switches,
                devices, migration, view, translation, help);
    }

    public Scenario withGoal(LocalizedText newGoal) {
        return new Scenario(title, newGoal, steps, seed, tickMicros, durationMicros, hosts, vms, networks, switches,
                devices, migration, view, translation, help);
    }

    public Scenario withSteps(List<LocalizedText> newSteps) {
        return new Scenario(title, goal, newSteps, seed, tickMicros, durationMicros, hosts, vms, networks, switches,
                devices, migration, view, translation, help);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(title, goal, steps, newSeed, tickMicros, durationMicros, hosts, vms, networks, switches,
                devices, migration, view, translation, help);
    }

    public Scenario withTickMicros(long newTickMicros) {
        return new Scenario(title, goal, steps, seed, newTickMicros, durationMicros, hosts, vms, networks, switches,
                devices, migration, view, translation, help);
    }

    public Scenario withDurationMicros(long newDurationMicros) {
        return new Scenario(title, goal, steps, seed, tickMicros, newDurationMicros, hosts, vms, networks, switches,
                devices, migration, view, translation, help);
    }

    public Scenario withHosts(List<HostSpec> newHosts) {
        return withHostsAndVms(newHosts, vms);
    }

    public Scenario withVms(List<VmSpec> newVms) {
        return withHostsAndVms(hosts, newVms);
    }

    /** Both at once, for edits where neither list is valid without the other (a host deleted with its VMs). */
    public Scenario withHostsAndVms(List<HostSpec> newHosts, List<VmSpec> newVms) {
        return new Scenario(title, goal, steps, seed, tickMicros, durationMicros, newHosts, newVms, networks, switches,
                devices, migration, view, translation, help);
    }

    public Scenario withNetworks(List<NetworkSpec> newNetworks) {
        return new Scenario(title, goal, steps, seed, tickMicros, durationMicros, hosts, vms, newNetworks, switches,
                devices, migration, view, translation, help);
    }

    public Scenario withSwitches(List<SwitchSpec> newSwitches) {
        return new Scenario(title, goal, steps, seed, tickMicros, durationMicros, hosts, vms, networks, newSwitches,
                devices, migration, view, translation, help);
    }

    public Scenario withMigration(MigrationSettings newMigration) {
        return new Scenario(title, goal, steps, seed, tickMicros, durationMicros, hosts, vms, networks, switches,
                devices, newMigration, view, translation, help);
    }

    public Scenario withDevices(List<IoDeviceSpec> newDevices) {
        return new Scenario(title, goal, steps, seed, tickMicros, durationMicros, hosts, vms, networks, switches,
                newDevices, migration, view, translation, help);
    }

    public Scenario withView(ViewState newView) {
        return new Scenario(title, goal, steps, seed, tickMicros, durationMicros, hosts, vms, networks, switches,
                devices, migration, newView, translation, help);
    }

    public Scenario withTranslation(TranslationSettings newTranslation) {
        return new Scenario(title, goal, steps, seed, tickMicros, durationMicros, hosts, vms, networks, switches,
                devices, migration, view, newTranslation, help);
    }

    public Scenario withHelp(LessonHelp newHelp) {
        return new Scenario(title, goal, steps, seed, tickMicros, durationMicros, hosts, vms, networks, switches,
                devices, migration, view, translation, newHelp);
    }

    /** The host with the replacement's id replaced by it. */
    public Scenario withHost(HostSpec replacement) {
        return withHosts(hosts.stream().map(h -> h.id().equals(replacement.id()) ? replacement : h).toList());
    }

    /** The VM with the replacement's id replaced by it. */
    public Scenario withVm(VmSpec replacement) {
        return withVms(vms.stream().map(v -> v.id().equals(replacement.id()) ? replacement : v).toList());
    }

    /**
     * The scenario with VM {@code vmId} on host {@code hostId} at ({@code x}, {@code y}), its NICs plugged as a
     * migration leaves them: a NIC on a network of the old host moves to the target's network of the same name if it
     * has one (as vSphere matches port groups by name), else it is unplugged; a NIC on a port group stays if the
     * switch spans the target, else it is unplugged. The window's moves and live migration's end use it alike.
     */
    public Scenario withVmMoved(String vmId, String hostId, double x, double y) {
        VmSpec vm = vm(vmId).orElseThrow(() -> new IllegalArgumentException("no VM " + vmId));
        List<NicSpec> nics = new java.util.ArrayList<>();
        for (NicSpec nic : vm.nics()) {
            if (nic.networkId() != null) {
                String name = network(nic.networkId()).map(NetworkSpec::name).orElse(null);
                nics.add(networksOn(hostId).stream().filter(n -> n.name().equals(name)).findFirst()
                        .map(n -> NicSpec.toNetwork(n.id())).orElse(NicSpec.UNWIRED));
            } else if (nic.portGroupId() != null && switchOf(nic.portGroupId()).filter(w -> w.spans(hostId)).isEmpty()) {
                nics.add(NicSpec.UNWIRED);
            } else {
                nics.add(nic);
            }
        }
        return withVm(vm.onHost(hostId, x, y).withNics(nics));
    }

    /** The network with the replacement's id replaced by it. */
    public Scenario withNetwork(NetworkSpec replacement) {
        return withNetworks(networks.stream().map(n -> n.id().equals(replacement.id()) ? replacement : n).toList());
    }

    /** The switch with the replacement's id replaced by it. */
    public Scenario withSwitch(SwitchSpec replacement) {
        return withSwitches(switches.stream().map(s -> s.id().equals(replacement.id()) ? replacement : s).toList());
    }

    /**
     * The scenario without the host, VM, network, switch, port group or I/O device {@code id}, and without what
     * cannot be without it: a host's VMs and networks and its uplinks on switches, a switch's port groups, a VM's
     * devices. NICs
     * plugged into something that went are left unplugged, not removed, so the others keep their names.
     * Unchanged if nothing has that id.
     */
    public Scenario without(String id) {
        List<HostSpec> keptHosts = hosts.stream().filter(h -> !h.id().equals(id)).toList();
        List<VmSpec> keptVms = vms.stream().filter(v -> !v.id().equals(id) && !v.hostId().equals(id)).toList();
        List<NetworkSpec> keptNetworks = networks.stream()
                .filter(n -> !n.id().equals(id) && !n.hostId().equals(id)).toList();
        List<SwitchSpec> keptSwitches = switches.stream().filter(s -> !s.id().equals(id))
                .map(s -> s.withHostIds(s.hostIds().stream().filter(h -> !h.equals(id)).toList())
                        .withPortGroups(s.portGroups().stream().filter(g -> !g.id().equals(id)).toList()))
                .toList();
        Scenario narrowed = new Scenario(title, goal, steps, seed, tickMicros, durationMicros, keptHosts, List.of(),
                keptNetworks, keptSwitches, List.of(), migration, view, translation, help);
        List<VmSpec> rewired = new ArrayList<>();
        for (VmSpec vm : keptVms) {
            List<NicSpec> nics = vm.nics().stream().map(nic -> narrowed.reaches(vm.hostId(), nic) ? nic : NicSpec.UNWIRED)
                    .toList();
            rewired.add(nics.equals(vm.nics()) ? vm : vm.withNics(nics));
        }
        List<String> keptVmIds = keptVms.stream().map(VmSpec::id).toList();
        return narrowed.withVms(rewired).withDevices(devices.stream()
                .filter(d -> !d.id().equals(id) && keptVmIds.contains(d.vmId())).toList());
    }

    /** Whether a NIC of a VM on {@code hostId} can be plugged in as {@code nic} says. */
    private boolean reaches(String hostId, NicSpec nic) {
        if (nic.networkId() != null) {
            return network(nic.networkId()).filter(n -> n.hostId().equals(hostId)).isPresent();
        }
        if (nic.portGroupId() != null) {
            return switchOf(nic.portGroupId()).filter(s -> s.spans(hostId)).isPresent();
        }
        return true;
    }
}
