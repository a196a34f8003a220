package org.virtlab.ui.common;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.net.Rewire;
import org.virtlab.engine.Input;
import org.virtlab.engine.cpu.SetCpuQos;
import org.virtlab.engine.cpu.SetReservationMode;
import org.virtlab.engine.cpu.SetWorkload;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.SetIoMode;
import org.virtlab.engine.io.SetIoWorkload;
import org.virtlab.engine.memory.host.SetHostMemoryPolicy;
import org.virtlab.engine.memory.host.SetMemoryActivity;
import org.virtlab.engine.memory.host.SetMemoryQos;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * The inputs that take a running simulation from one version of a scenario to another, for the edits
 * the engine can take while it runs (a VM's workload and CPU QoS, a host's reservation mode, an I/O device's
 * mode and workload). Undo and redo use it: they replay the difference rather than remembering an inverse for
 * every kind of edit.
 */
public final class ScenarioDiff {
    private ScenarioDiff() {
    }

    /**
     * Whether the running simulation can go from {@code from} to {@code to} by inputs alone. Positions on
     * the canvas and the names of hosts and VMs are layout, not simulation: the engine knows its machines
     * by id and never reads a name, so moving or renaming a card changes nothing it sees. Nor, for now,
     * do networks, switches and NICs (the engine has no network subsystem yet), the steps, the run's
     * duration (read when a run starts), the view state and the Memory tab's translation settings (the
     * window's only; the engine has no part of them): they change with no input at all. A VM's dirty
     * rate and the migration settings do restart it: the migration subsystem takes them when it is built
     * ({@code Simulations.of}) and no input changes them, so a running simulation would go on with the old
     * ones. The I/O devices, which the I/O subsystem takes when it is built, follow by inputs when only a device's
     * mode (with its settings) or its workload (of the same kind) changes ({@link SetIoMode}, {@link SetIoWorkload});
     * any other change of the devices restarts it.
     */
    public static boolean runtimeOnly(Scenario from, Scenario to) {
        if (from.hosts().size() != to.hosts().size() || from.vms().size() != to.vms().size()) {
            return false;
        }
        for (int h = 0; h < from.hosts().size(); h++) {
            HostSpec a = from.hosts().get(h);
            HostSpec b = to.hosts().get(h);
            if (!renamed(a, b.name()).withCpuPolicy(b.cpuPolicy()).withMemoryPolicy(b.memoryPolicy())
                    .at(b.x(), b.y()).equals(b) || !memoryPolicyLive(a, b)
                    || !a.cpuPolicy().withReservationMode(b.cpuPolicy().reservationMode()).equals(b.cpuPolicy())) {
                return false;
            }
        }
        for (int i = 0; i < from.vms().size(); i++) {
            VmSpec a = from.vms().get(i);
            VmSpec b = to.vms().get(i);
            if (!a.withName(b.name()).withWorkload(b.workload()).withCpuQos(b.cpuQos()).withNics(b.nics())
                    .withMemoryQos(b.memoryQos()).withMemoryActivity(b.memoryActivity()).at(b.x(), b.y()).equals(b)
                    || !memoryActivityLive(a, b)) {
                return false;
            }
        }
        return from.seed() == to.seed() && from.tickMicros() == to.tickMicros()
                && from.title().equals(to.title()) && from.goal().equals(to.goal())
                && from.migration().equals(to.migration()) && devicesRuntimeOnly(from.devices(), to.devices());
    }

    /**
     * What the simulated network is built from: the networks and switches (without their names and places on the
     * canvas, which the window shows but the packets do not see) and where each VM's NICs are plugged.
     */
    private static List<Object> wiring(Scenario s) {
        List<Object> out = new ArrayList<>();
        s.networks().forEach(n -> out.add(n.at(0, 0).withName(n.id())));
        s.switches().forEach(w -> out.add(w.at(0, 0).withName(w.id())
                .withPortGroups(w.portGroups().stream().map(g -> g.withName(g.id())).toList())));
        s.vms().forEach(v -> out.add(v.nics()));
        return out;
    }

    /** The same devices in the same order, on the same VMs, with the same requests, coalescing and hardware. */
    private static boolean devicesRuntimeOnly(List<IoDeviceSpec> from, List<IoDeviceSpec> to) {
        if (from.size() != to.size()) {
            return false;
        }
        for (int i = 0; i < from.size(); i++) {
            IoDeviceSpec a = from.get(i);
            IoDeviceSpec b = to.get(i);
            if (a.workload().kind() != b.workload().kind()
                    || !a.withMode(b.mode()).withWorkload(b.workload()).equals(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a host's memory policy can change while it runs: by {@link SetHostMemoryPolicy}, all of it but
     * {@code maxPageSharing}, which is fixed once the host runs ({@code HostFrames.setPolicy} refuses
     * another); a new one restarts.
     */
    private static boolean memoryPolicyLive(HostSpec a, HostSpec b) {
        return a.memoryPolicy().maxPageSharing() == b.memoryPolicy().maxPageSharing();
    }

    /**
     * Whether a VM's memory activity can change while it runs: by {@link SetMemoryActivity}, all of it but the
     * OS image, which a running guest was booted from ({@code MemorySubsystem} refuses another); a new image
     * restarts. Its memory QoS always can ({@link SetMemoryQos}): VmSpec keeps the reservation within its memory.
     */
    private static boolean memoryActivityLive(VmSpec a, VmSpec b) {
        return a.memoryActivity().image().equals(b.memoryActivity().image());
    }

    /** The host under another name (HostSpec has no withName; the engine model is not ours to change). */
    private static HostSpec renamed(HostSpec h, String name) {
        return h.withName(name);
    }

    /** The inputs, in scenario order: hosts first, then each VM's QoS and workload, then each device's mode and workload. */
    public static List<Input> inputs(Scenario from, Scenario to) {
        if (!runtimeOnly(from, to)) {
            throw new IllegalArgumentException("the scenarios differ in more than a running simulation can change");
        }
        List<Input> out = new ArrayList<>();
        for (int h = 0; h < from.hosts().size(); h++) {
            HostSpec a = from.hosts().get(h);
            HostSpec b = to.hosts().get(h);
            if (a.cpuPolicy().reservationMode() != b.cpuPolicy().reservationMode()) {
                out.add(new SetReservationMode(b.id(), b.cpuPolicy().reservationMode()));
            }
            if (!a.memoryPolicy().equals(b.memoryPolicy())) {
                out.add(new SetHostMemoryPolicy(b.id(), b.memoryPolicy()));
            }
        }
        for (int i = 0; i < from.vms().size(); i++) {
            VmSpec a = from.vms().get(i);
            VmSpec b = to.vms().get(i);
            if (!a.cpuQos().equals(b.cpuQos())) {
                out.add(new SetCpuQos(b.id(), b.cpuQos()));
            }
            if (!a.workload().equals(b.workload())) {
                out.add(new SetWorkload(b.id(), b.workload()));
            }
            if (!a.memoryQos().equals(b.memoryQos())) {
                out.add(new SetMemoryQos(b.id(), b.memoryQos()));
            }
            if (!a.memoryActivity().equals(b.memoryActivity())) {
                out.add(new SetMemoryActivity(b.id(), b.memoryActivity()));
            }
        }
        if (!wiring(from).equals(wiring(to))) {
            out.add(new Rewire(to)); // the network follows, keeping what it learned
        }
        for (int i = 0; i < from.devices().size(); i++) {
            IoDeviceSpec a = from.devices().get(i);
            IoDeviceSpec b = to.devices().get(i);
            if (!a.mode().equals(b.mode())) {
                out.add(new SetIoMode(b.id(), b.mode()));
            }
            if (!a.workload().equals(b.workload())) {
                out.add(new SetIoWorkload(b.id(), b.workload()));
            }
        }
        return out;
    }
}
