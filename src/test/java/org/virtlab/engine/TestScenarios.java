package org.virtlab.engine;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
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
