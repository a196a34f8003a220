package org.virtlab.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.migration.MigrationScenarios.H1;
import static org.virtlab.engine.migration.MigrationScenarios.H2;
import static org.virtlab.engine.migration.MigrationScenarios.basic;
import static org.virtlab.engine.migration.MigrationScenarios.cpu;
import static org.virtlab.engine.migration.MigrationScenarios.hostCpu;
import static org.virtlab.engine.migration.MigrationScenarios.latest;
import static org.virtlab.engine.migration.MigrationScenarios.runUntilEnded;
import static org.virtlab.engine.migration.MigrationScenarios.simulation;
import static org.virtlab.engine.migration.MigrationScenarios.vmCpu;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.cpu.CpuSnapshot;

/** A migration played tick by tick, against the closed form and against what the CPU sees. */
class MigrationSubsystemTest {
    private static final MigrationSettings QEMU = MigrationSettings.QEMU_DEFAULTS;

    @Test
    void tickByTickMatchesThePlanExactlyWhenRoundsEndOnTicks() {
        // the §5 example of MigrationPlanTest: V = 4096 MiB, D = 32 MiB/s, R = 128 MiB/s; every round lasts whole
        // milliseconds (32 s, 8 s, 2 s, 0.5 s) and so does the 125 ms stop-and-copy: no rounding at a 1 ms tick
        Simulation sim = simulation(basic(4_096, 1_000), QEMU, 32, false);
        sim.submit(new StartMigration("app", H2));
        MigrationSnapshot.Migration m = runUntilEnded(sim, "app", 60_000_000);
        PreCopyPlan plan = PreCopyPlan.of(4_096, 32, QEMU);

        assertEquals(MigrationPhase.DONE, m.phase());
        assertEquals(MigrationReason.NONE, m.reason());
        assertEquals(plan.rounds(), m.rounds()); // 4096, 1024, 256, 64 MiB
        assertEquals(16, m.stopAndCopyMib()); // what round 3 left dirty
        assertEquals(125_000, m.downtimeMicros()); // 16 MiB / 128 MiB/s
        assertEquals(42_625_000, m.elapsedMicros()); // 32 + 8 + 2 + 0.5 + 0.125 s, started at 0
        assertEquals(42_625_000, sim.nowMicros());
        assertEquals(5_456, m.sentMib()); // 4096 + 1024 + 256 + 64 + 16
        assertEquals(0, m.remainingMib());
        assertEquals(1, m.progress());
        assertEquals(38.4, m.thresholdMib(), 1e-12); // 128 MiB/s × 0.3 s
        assertEquals(4_096, m.memoryMib());
        assertEquals(32, m.dirtyMibPerSecond());
        assertEquals(H1, m.sourceHostId());
        assertEquals(H2, m.targetHostId());
    }

    @Test
    void tickByTickStaysWithinATickOfThePlanWhenRoundsEndMidTick() {
        // V = 1000 MiB, D = 40 MiB/s, R = 128 MiB/s at a 7 ms tick. Plan: rounds of 7.8125 s, 2.44140625 s and
        // 0.762939453125 s leave 312.5, 97.65625 and 30.517578125 MiB dirty; pre-copy ends at 11.016845703125 s,
        // 30.5176 MiB take 238.4186 ms, 11.2552643 s in all
        Simulation sim = simulation(basic(1_000, 7_000), QEMU, 40, false);
        sim.submit(new StartMigration("app", H2));
        MigrationSnapshot.Migration m = runUntilEnded(sim, "app", 20_000_000);
        PreCopyPlan plan = PreCopyPlan.of(1_000, 40, QEMU);

        assertEquals(MigrationPhase.DONE, m.phase());
        assertEquals(plan.rounds().size(), m.rounds().size());
        for (int i = 0; i < plan.rounds().size(); i++) {
            PreCopyRound p = plan.rounds().get(i);
            PreCopyRound r = m.rounds().get(i);
            assertEquals(p.sentMib(), r.sentMib(), 1e-9);
            assertEquals(p.durationMicros(), r.durationMicros(), 1e-6);
            assertEquals(p.dirtiedMib(), r.dirtiedMib(), 1e-9);
        }
        // the pre-copy ends 1154.296875 µs before the end of tick 1574 (11.018 s); the VM runs to it, dirtying
        // 40 × 0.00115 = 0.046 MiB while 128 × 0.00115 = 0.148 MiB go out: 30.416 MiB are left when it pauses
        assertEquals(30.416, m.stopAndCopyMib(), 1e-9);
        // 30.416 / 128 s = 237.625 ms → 34 ticks of 7 ms = 238 ms; the plan says 238.4186 ms
        assertEquals(238_000, m.downtimeMicros());
        assertTrue(Math.abs(m.downtimeMicros() - plan.downtimeMicros()) <= 7_000);
        // 11.018 s + 0.238 s = 11.256 s, 0.74 ms after the plan's 11.2552643 s: within two ticks
        assertEquals(11_256_000, m.elapsedMicros());
        assertTrue(Math.abs(m.elapsedMicros() - plan.totalMicros()) <= 2 * 7_000);
    }

    @Test
    void downtimeStaysWithinTheLimitPlusOneTickAndTheTotalWithinTwoTicksOfThePlan() {
        for (long tick : new long[] {1_000, 7_000, 100_000}) {
            for (double d : new double[] {0, 5, 50, 100}) {
                Simulation sim = simulation(basic(256, tick), QEMU, d, false);
                sim.submit(new StartMigration("app", H2));
                MigrationSnapshot.Migration m = runUntilEnded(sim, "app", 120_000_000);
                PreCopyPlan plan = PreCopyPlan.of(256, d, QEMU);
                String where = "tick " + tick + " µs, D = " + d;
                assertEquals(MigrationPhase.DONE, m.phase(), where);
                assertEquals(plan.rounds().size(), m.rounds().size(), where);
                // §5: the VM stops only once what is left fits 300 ms; the pause lasts whole ticks, at least one
                assertTrue(m.downtimeMicros() <= 300_000 + tick, where);
                assertTrue(m.downtimeMicros() >= tick, where);
                assertTrue(Math.abs(m.downtimeMicros() - plan.downtimeMicros()) <= tick, where);
                assertTrue(m.stopAndCopyMib() <= plan.remainingMib() + 1e-9, where);
                assertTrue(Math.abs(m.elapsedMicros() - plan.totalMicros()) <= 2 * tick, where);
            }
        }
    }

    @Test
    void dirtyRateAtLeastTheBandwidthFailsAfterMaxRoundsAndTheVmStaysRunningOnTheSource() {
        // ρ = 256 / 128 = 2: each 512 MiB round (4 s) leaves all 512 MiB dirty again (§5: ρ ≥ 1 never converges)
        MigrationSettings fiveRounds = new MigrationSettings(128, 300, 5);
        Simulation sim = simulation(basic(512, 1_000), fiveRounds, 256, false);
        sim.submit(new StartMigration("app", H2));
        MigrationSnapshot.Migration m = runUntilEnded(sim, "app", 60_000_000);

        assertEquals(MigrationPhase.FAILED, m.phase());
        assertEquals(MigrationReason.DIRTY_RATE_AT_LEAST_BANDWIDTH, m.reason());
        assertEquals(5, m.rounds().size());
        assertEquals(PreCopyPlan.of(512, 256, fiveRounds).rounds(), m.rounds());
        assertEquals(20_000_000, m.elapsedMicros()); // 5 rounds × 512 / 128 s
        assertEquals(0, m.downtimeMicros()); // never stopped
        assertEquals(512, m.remainingMib()); // what the fifth round left dirty
        sim.step();
        CpuSnapshot.VmCpu app = vmCpu(cpu(sim), "app");
        assertEquals(H1, app.hostId());
        assertFalse(app.paused());
        assertEquals(4_000, app.usedMhz(), 1e-6); // still busy on h1: 2 vCPUs × 2000 MHz
    }

    @Test
    void vmIsPausedExactlyDuringStopAndCopyThenRunsOnTheTarget() {
        // V = 1024 MiB, D = 32 MiB/s: rounds 1024, 256, 64 MiB (8 + 2 + 0.5 s), then 16 MiB in 125 ms
        Simulation sim = simulation(basic(1_024, 1_000), QEMU, 32, false);
        List<MigrationPhase> phases = new ArrayList<>();
        List<CpuSnapshot> cpus = new ArrayList<>();
        sim.addObserver(s -> {
            phases.add(s.find(MigrationSnapshot.class).orElseThrow().latest("app")
                    .map(MigrationSnapshot.Migration::phase).orElse(null));
            cpus.add(s.find(CpuSnapshot.class).orElseThrow());
        });
        sim.runUntil(500_000);
        sim.submit(new StartMigration("app", H2));
        sim.runUntil(12_000_000);

        int pausedTicks = 0;
        for (int k = 1; k < phases.size(); k++) {
            CpuSnapshot.VmCpu app = vmCpu(cpus.get(k), "app");
            // the pause is decided at the end of a tick and applies to the next: a tick serves nothing exactly
            // when the tick before ended in stop-and-copy
            boolean stoppedBefore = phases.get(k - 1) == MigrationPhase.STOP_AND_COPY;
            assertEquals(stoppedBefore ? 0 : 4_000, app.usedMhz(), 1e-6, "tick " + k);
            assertEquals(phases.get(k) == MigrationPhase.STOP_AND_COPY, app.paused(), "tick " + k);
            assertEquals(4_000, app.demandMhz(), 1e-9); // a paused guest still asks (2 vCPUs × 2000 MHz)
            if (app.paused()) {
                assertEquals(0, app.readyPct(), "tick " + k); // not ready while paused
            }
            if (stoppedBefore) {
                pausedTicks++;
            }
        }
        MigrationSnapshot.Migration m = latest(sim, "app");
        assertEquals(MigrationPhase.DONE, m.phase());
        assertEquals(125, pausedTicks); // 16 MiB / 128 MiB/s = 125 ms at 1 ms per tick
        assertEquals(125_000, m.downtimeMicros());
        assertEquals(500_000, m.startMicros());
        assertEquals(10_625_000, m.elapsedMicros()); // 8 + 2 + 0.5 + 0.125 s

        CpuSnapshot after = cpu(sim);
        assertEquals(H2, vmCpu(after, "app").hostId());
        // h2: tgt 2 × 50 % × 2000 = 2000 MHz plus app's 4000; h1: other's 2000 only
        assertEquals(6_000, hostCpu(after, H2).usedMhz(), 1e-6);
        assertEquals(2_000, hostCpu(after, H1).usedMhz(), 1e-6);
        // app's counter: 11.875 s busy at 4000 MHz (12 s less 125 paused ticks), on either host
        assertEquals(4_000.0 * (12_000_000 - 125_000), vmCpu(after, "app").usedMhzMicros(), 1e-3);
    }

    @Test
    void progressIsSentOverSentPlusRemainingAndSnapshotsShowTheRoundUnderWay() {
        Simulation sim = simulation(basic(1_024, 1_000), QEMU, 32, false);
        sim.submit(new StartMigration("app", H2));
        sim.runUntil(4_000_000);
        MigrationSnapshot.Migration m = latest(sim, "app");
        // 4 s into round 0 (1024 MiB in 8 s): 512 MiB sent, 512 MiB to go, 32 × 4 = 128 MiB dirtied meanwhile
        assertEquals(MigrationPhase.PRE_COPY, m.phase());
        assertEquals(0, m.round());
        assertEquals(1_024, m.roundSizeMib());
        assertEquals(512, m.roundSentMib(), 1e-9);
        assertEquals(512, m.sentMib(), 1e-9);
        assertEquals(512 + 128, m.remainingMib(), 1e-9);
        assertEquals(512.0 / (512 + 640), m.progress(), 1e-12);
        assertEquals(4_000_000, m.elapsedMicros());
        sim.runUntil(9_000_000);
        m = latest(sim, "app");
        // 1 s into round 1 (256 MiB in 2 s): 1024 + 128 sent; 128 + 32 left
        assertEquals(1, m.round());
        assertEquals(1_152, m.sentMib(), 1e-9);
        assertEquals(160, m.remainingMib(), 1e-9);
        assertEquals(List.of(new PreCopyRound(0, 1_024, 8_000_000, 256)), m.rounds());
    }
}
