package org.virtlab.engine.memory.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtlab.engine.memory.host.MemoryScenarios.memory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.cpu.CpuDemandSubsystem;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.cpu.CpuSubsystem;
import org.virtlab.engine.migration.MigrationSubsystem;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lessons;

/** Same scenario ⇒ same memory, and rewinding restores it exactly (checkpoints share page chunks copy-on-write). */
class MemoryRewindTest {

    /** Everything at once: image and zero pages shared, pressure, balloons, swap, rewrites, inputs. */
    private static Scenario busyHost() {
        MemoryActivity activity = new MemoryActivity(1536, 512, 32, 10, 40, "ubuntu", 30);
        HostMemoryPolicy policy = HostMemoryPolicy.DEFAULT.withSharing(SharingMode.ALWAYS, 2_000, 20);
        List<VmSpec> vms = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            vms.add(MemoryScenarios.vm("vm" + i, "host", 2048, activity, MemoryQos.DEFAULT));
        }
        return MemoryScenarios.scenario(List.of(MemoryScenarios.host("host", 3072, policy)), vms);
    }

    private static List<SimulationSnapshot> runWithInputs(Simulation sim, long untilMicros) {
        List<SimulationSnapshot> seen = new ArrayList<>();
        sim.addObserver(seen::add);
        sim.runUntil(1_500_000);
        sim.submit(TouchMemory.mib("vm1", 512));
        sim.submit(WriteMemory.mib("vm2", 64));
        sim.runUntil(2_700_000);
        sim.submit(FreeMemory.mib("vm3", 1024));
        sim.runUntil(untilMicros);
        return seen;
    }

    private static byte[] bytes(List<SimulationSnapshot> snapshots) {
        StringBuilder out = new StringBuilder();
        for (SimulationSnapshot s : snapshots) {
            out.append(memory(s)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameScenarioGivesTheSameMemoryBytes() {
        byte[] first = bytes(runWithInputs(Simulations.of(busyHost()), 5_000_000));
        byte[] second = bytes(runWithInputs(Simulations.of(busyHost()), 5_000_000));
        assertArrayEquals(first, second);
    }

    @Test
    void rewindingRestoresTheMemoryOfThatMomentAndReplaysToTheSameEnd() {
        Simulation sim = Simulations.of(busyHost());
        List<SimulationSnapshot> original = List.copyOf(runWithInputs(sim, 6_000_000));
        for (long at : new long[] {3_250_000, 1_000_000, 5_999_000, 2_700_000}) {
            sim.rewindTo(at);
            assertEquals(original.get((int) (at / 1_000) - 1), sim.snapshot(), "at " + at + " µs");
        }
        sim.rewindTo(1_234_000);
        List<SimulationSnapshot> replayed = new ArrayList<>();
        sim.addObserver(replayed::add);
        sim.runUntil(6_000_000);
        assertEquals(original.subList(1_234, 6_000), replayed);
    }

    @Test
    void memoryLeavesEveryCpuNumberAsItWas() {
        // The memory subsystem draws nothing from the generator and changes nothing the CPU reads: CPU snapshots
        // are the same with it and without it, for a scenario with a bursty (random) VM and for every lesson.
        List<Scenario> scenarios = new ArrayList<>(List.of(TestScenarios.mixed()));
        Lessons.all().forEach(l -> scenarios.add(l.scenario()));
        for (Scenario s : scenarios) {
            CpuDemandSubsystem demand = new CpuDemandSubsystem(s);
            CpuSubsystem cpu = new CpuSubsystem(s, demand);
            Simulation without = new Simulation(s.seed(), s.tickMicros(),
                    List.of(demand, cpu, new MigrationSubsystem(s, cpu, s.migration())));
            assertEquals(cpuTranscript(without), cpuTranscript(Simulations.of(s)), s.title().en());
        }
    }

    private static String cpuTranscript(Simulation sim) {
        StringBuilder out = new StringBuilder();
        sim.addObserver(s -> out.append(s.find(CpuSnapshot.class).orElseThrow()).append('\n'));
        sim.runUntil(3_000_000);
        return out.toString();
    }
}
