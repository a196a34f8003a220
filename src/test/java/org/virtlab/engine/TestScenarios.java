package org.virtlab.engine;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.migration.MigrationSettings;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.ViewState;
import org.virtlab.engine.model.VmSpec;

/** Small scenarios built in code for engine tests (lesson files belong to the scenario package). */
public final class TestScenarios {
    public static final long SEED = 42;
    public static final long TICK_MICROS = 1_000;
    public static final String HOST = "esx1";

    private TestScenarios() {
    }

    /** One host of 2 sockets × 6 cores × 2 threads = 24 logical CPUs at 2000 MHz. */
    public static HostSpec host() {
        return new HostSpec(HOST, "ESX 1", new CpuTopology(2, 6, 2, 2_000), 65_536, 0, 0);
    }

    public static VmSpec vm(String id, int vcpus, Workload workload) {
        return new VmSpec(id, id, HOST, vcpus, 4_096, workload, 0, 0);
    }

    /** The mixed room: one VM of each workload shape on the 2×6×2 host. */
    public static Scenario mixed() {
        return scenario(SEED, List.of(
                vm("web", 4, new Workload.Bursty(90, 10, 200, 600)),
                vm("db", 8, new Workload.Constant(70)),
                vm("batch", 2, new Workload.Periodic(10, 90, 4_000)),
                vm("build", 4, new Workload.Ramp(0, 100, 5_000)),
                vm("idle", 1, new Workload.Idle(3))));
    }

    public static Scenario scenario(long seed, List<VmSpec> vms) {
        return new Scenario(LocalizedText.of("test", "测试"), LocalizedText.EMPTY, seed, TICK_MICROS,
                List.of(host()), vms);
    }

    /**
     * Two hosts with a network of each mode, a distributed switch over both with port groups on VLAN 10 and
     * 20, and three VMs whose NICs are plugged into them (one NIC left unplugged). Every new field away from
     * its default: steps, a 90 s run, migration settings, the CPU tab at 150 %, a dirty rate.
     */
    public static Scenario networked() {
        HostSpec h1 = new HostSpec("h1", "Host 1", new CpuTopology(1, 4, 2, 2_000), 16_384, 60, 60);
        HostSpec h2 = new HostSpec("h2", "Host 2", new CpuTopology(1, 4, 2, 2_000), 16_384, 840, 60);
        List<NetworkSpec> networks = List.of(
                new NetworkSpec("default", "default", "h1", NetworkMode.NAT, "192.168.122.0/24", "virbr0", 90, 330),
                new NetworkSpec("iso", "Isolated", "h1", NetworkMode.ISOLATED, "10.0.0.0/30", null, 290, 330.5),
                new NetworkSpec("routed", "Routed", "h2", NetworkMode.ROUTED, "172.16.0.0/12", "virbr1", 870, 330),
                new NetworkSpec("lan", "LAN", "h2", NetworkMode.BRIDGED, null, "br0", -1e6, 0.001));
        SwitchSpec dvs = new SwitchSpec("dvs", "DSwitch", List.of("h1", "h2"),
                List.of(new PortGroupSpec("pg-web", "Web", 10), new PortGroupSpec("pg-db", "DB", 20)), 720, 430);
        VmSpec web = new VmSpec("web", "Web", "h1", 2, 2_048, new Workload.Constant(40), CpuQos.DEFAULT, Pinning.NONE,
                List.of(NicSpec.toNetwork("default"), NicSpec.toPortGroup("pg-web"), NicSpec.UNWIRED), 12.5, 90, 140);
        VmSpec db = new VmSpec("db", "DB", "h2", 4, 8_192, new Workload.Constant(60), CpuQos.DEFAULT, Pinning.NONE,
                List.of(NicSpec.toNetwork("routed"), NicSpec.toPortGroup("pg-db")), 0, 870, 140);
        VmSpec files = new VmSpec("files", "Files", "h2", 1, 1_024, new Workload.Idle(2), 1_070, 140)
                .withNics(List.of(NicSpec.toNetwork("lan")));
        return new Scenario(LocalizedText.of("Networks", "网络"), LocalizedText.of("Goal", "目标"),
                List.of(LocalizedText.of("Look", "看"), LocalizedText.of("", "只有中文")), 5, TICK_MICROS,
                90 * Scenario.MICROS_PER_SECOND, List.of(h1, h2), List.of(web, db, files), networks, List.of(dvs),
                new MigrationSettings(1_000, 50, 7), new ViewState("cpu", 1.5));
    }

    /** Asserts two snapshot streams are equal, reporting only the first difference (streams are long). */
    public static void assertSameSnapshots(List<SimulationSnapshot> expected, List<SimulationSnapshot> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw new AssertionError("snapshot " + i + " differs:\nexpected " + expected.get(i)
                        + "\nactual   " + actual.get(i));
            }
        }
        if (expected.size() != actual.size()) {
            throw new AssertionError("expected " + expected.size() + " snapshots, got " + actual.size());
        }
    }

    /** Records every snapshot the simulation publishes. */
    public static List<SimulationSnapshot> record(Simulation sim) {
        List<SimulationSnapshot> seen = new ArrayList<>();
        sim.addObserver(seen::add);
        return seen;
    }
}
