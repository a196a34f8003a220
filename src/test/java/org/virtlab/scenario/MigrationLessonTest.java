package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.migration.MigrationPhase;
import org.virtlab.engine.migration.MigrationReason;
import org.virtlab.engine.migration.MigrationSnapshot;
import org.virtlab.engine.migration.PreCopyRound;
import org.virtlab.engine.migration.StartMigration;
import org.virtlab.engine.model.Scenario;

/**
 * The live-migration lesson does what its steps promise, with QEMU's defaults (128 MiB/s, 300 ms downtime
 * limit: switch over at 38.4 MiB or less) and the pre-copy model of virtualization.md §5: round i sends
 * about V·ρ^i, ρ = dirty rate ÷ bandwidth, converging only when ρ &lt; 1.
 */
class MigrationLessonTest {
    private static MigrationSnapshot.Migration migrate(String vmId, long untilMicros) throws ScenarioException {
        Scenario s = Lessons.load("migration-precopy").scenario();
        Simulation sim = Simulations.of(s);
        sim.runUntil(1_000_000);
        sim.submit(new StartMigration(vmId, "host2"));
        sim.runUntil(untilMicros);
        return sim.snapshot().find(MigrationSnapshot.class).orElseThrow().latest(vmId).orElseThrow();
    }

    @Test
    void theWebServerConvergesInThreeRounds() throws ScenarioException {
        MigrationSnapshot.Migration m = migrate("web", 60_000_000);
        assertEquals(MigrationPhase.DONE, m.phase());
        // 4 GiB at 16 MiB/s over 128 MiB/s: ρ = 1/8, rounds 4096, 512, 64 MiB; 8 MiB left ≤ 38.4 MiB
        assertEquals(List.of(4096.0, 512.0, 64.0), m.rounds().stream().map(PreCopyRound::sentMib).toList());
        assertEquals(62_500, m.downtimeMicros(), 1_000); // 8 MiB at 128 MiB/s, within a tick
    }

    @Test
    void theDatabaseNeedsManyRoundsAndADowntimeNearTheLimit() throws ScenarioException {
        MigrationSnapshot.Migration m = migrate("db", 200_000_000);
        assertEquals(MigrationPhase.DONE, m.phase());
        // ρ = 96/128 = 0.75: 4096·0.75^i first falls to ≤ 38.4 MiB at i = 17 (4096·0.75^17 ≈ 30.7 MiB),
        // so 17 rounds (0–16) and about 30.7 MiB / 128 MiB/s ≈ 240 ms of downtime.
        assertEquals(17, m.rounds().size());
        assertEquals(240_000, m.downtimeMicros(), 2_000);
        assertTrue(m.downtimeMicros() <= 300_000 + 1_000);
    }

    @Test
    void theCacheNeverConverges() throws ScenarioException {
        MigrationSnapshot.Migration m = migrate("cache", 600_000_000);
        // ρ = 160/128 = 1.25 ≥ 1: every round resends all 2 GiB (a page dirtied twice is sent once)
        assertEquals(MigrationPhase.FAILED, m.phase());
        assertEquals(MigrationReason.DIRTY_RATE_AT_LEAST_BANDWIDTH, m.reason());
    }

    @Test
    void analyticsIsRefusedByTheTargetsAdmissionControl() throws ScenarioException {
        MigrationSnapshot.Migration m = migrate("analytics", 2_000_000);
        // reserves 10 GHz; host2 has 4 cores × 2 GHz = 8 GHz to reserve (virtualization.md §1)
        assertEquals(MigrationPhase.REFUSED, m.phase());
        assertEquals(MigrationReason.TARGET_RESERVATION, m.reason());
    }
}
