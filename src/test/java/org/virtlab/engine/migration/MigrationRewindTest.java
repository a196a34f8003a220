package org.virtlab.engine.migration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtlab.engine.migration.MigrationScenarios.H1;
import static org.virtlab.engine.migration.MigrationScenarios.H2;
import static org.virtlab.engine.migration.MigrationScenarios.cpu;
import static org.virtlab.engine.migration.MigrationScenarios.latest;
import static org.virtlab.engine.migration.MigrationScenarios.vm;
import static org.virtlab.engine.migration.MigrationScenarios.vmCpu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.Scenario;

/** Rewinding across a migration restores it exactly; the same scenario and seed give the same bytes. */
class MigrationRewindTest {
    private static final long END = 7_000_000;

    /** Bursty guests (they draw on the generator), one host each way; slices on, as in the window. */
    private static Scenario room() {
        return MigrationScenarios.scenario(1_000, List.of(
                vm("app", H1, 512, new Workload.Bursty(95, 30, 40, 60), 2_000),
                vm("other", H1, 2_048, new Workload.Bursty(80, 10, 100, 100), 0),
                vm("tgt", H2, 1_024, new Workload.Periodic(20, 90, 700), 0)));
    }

    /**
     * app to h2 at 0.5 s: rounds of 512 (4 s) and 128 MiB (1 s) at 32 MiB/s, then 32 MiB in 250 ms, on h2 at
     * 5.75 s; other to h2 at 1 s, cancelled at 3 s; tgt to h1 at 6 s (still under way at 7 s).
     */
    private static Simulation run(List<SimulationSnapshot> into, long everyMicros) {
        Simulation sim = Simulations.of(room(), 5, true, new double[] {32, 32, 32});
        sim.addObserver(into::add, everyMicros);
        sim.runUntil(500_000);
        sim.submit(new StartMigration("app", H2));
        sim.runUntil(1_000_000);
        sim.submit(new StartMigration("other", H2));
        sim.runUntil(3_000_000);
        sim.submit(new CancelMigration("other"));
        sim.runUntil(6_000_000);
        sim.submit(new StartMigration("tgt", H1));
        sim.runUntil(END);
        return sim;
    }

    @Test
    void rewindAcrossAMigrationRestoresTheSnapshotsSeenThen() {
        List<SimulationSnapshot> original = new ArrayList<>();
        Simulation sim = run(original, 1_000);
        assertEquals(MigrationPhase.DONE, latest(sim, "app").phase());
        assertEquals(5_250_000, latest(sim, "app").elapsedMicros());
        assertEquals(MigrationPhase.CANCELLED, latest(sim, "other").phase());
        assertEquals(MigrationPhase.PRE_COPY, latest(sim, "tgt").phase());
        assertEquals(H2, vmCpu(cpu(sim), "app").hostId());

        List<SimulationSnapshot> seen = TestScenarios.record(sim);
        // before it, in pre-copy, in the stop-and-copy (5.5 – 5.75 s), just after, with the cancel in between
        for (long at : new long[] {5_600_000, 300_000, 2_000_000, 5_750_000, 5_749_000, 6_500_000, 3_000_000}) {
            sim.rewindTo(at);
            assertEquals(original.get((int) (at / 1_000) - 1), sim.snapshot(), "at " + at);
        }
        sim.rewindTo(5_600_000);
        assertEquals(H1, vmCpu(cpu(sim), "app").hostId());
        assertEquals(MigrationPhase.STOP_AND_COPY, latest(sim, "app").phase());
        seen.clear();
        sim.runUntil(END);
        TestScenarios.assertSameSnapshots(original.subList(5_600, 7_000), seen);

        sim.rewindTo(2_000_000);
        seen.clear();
        sim.runUntil(END); // the logged cancel and the later start are replayed
        TestScenarios.assertSameSnapshots(original.subList(2_000, 7_000), seen);
    }

    @Test
    void sameScenarioAndSeedGiveTheSameBytes() {
        assertArrayEquals(transcript(), transcript());
    }

    private static byte[] transcript() {
        StringBuilder out = new StringBuilder();
        List<SimulationSnapshot> all = new ArrayList<>();
        run(all, 10_000); // every 10 ms: the slice lists make each line long
        for (SimulationSnapshot s : all) {
            out.append(s).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
