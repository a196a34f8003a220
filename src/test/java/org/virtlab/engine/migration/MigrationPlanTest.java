package org.virtlab.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The closed-form pre-copy plan against virtualization.md §5, every number worked out by hand. */
class MigrationPlanTest {
    private static final MigrationSettings QEMU = MigrationSettings.QEMU_DEFAULTS;

    @Test
    void qemuDefaultsAreOneHundredTwentyEightMibPerSecondAndThreeHundredMilliseconds() {
        // §5: "QEMU defaults: downtime-limit 300 ms, max-bandwidth 128 MiB/s"
        assertEquals(128, QEMU.bandwidthMibPerSecond());
        assertEquals(300, QEMU.downtimeLimitMillis());
        // switch over when what remains < bandwidth × downtime limit: 128 MiB/s × 0.3 s = 38.4 MiB
        assertEquals(38.4, PreCopyPlan.of(1_024, 0, QEMU).thresholdMib(), 1e-12);
    }

    @Test
    void quarterDirtyRateShrinksEachRoundFourfoldUntilSixteenMibFitTheDowntime() {
        // V = 4096 MiB, D = 32 MiB/s, R = 128 MiB/s: ρ = D/R = 0.25, round i sends V·ρ^i (§5)
        PreCopyPlan plan = PreCopyPlan.of(4_096, 32, QEMU);
        assertEquals(0.25, plan.rho());
        assertEquals(List.of(
                // 4096 MiB / 128 MiB/s = 32 s, during which 32 MiB/s × 32 s = 1024 MiB get dirty
                new PreCopyRound(0, 4_096, 32_000_000, 1_024),
                // 1024 / 128 = 8 s → 256 dirty
                new PreCopyRound(1, 1_024, 8_000_000, 256),
                // 256 / 128 = 2 s → 64 dirty
                new PreCopyRound(2, 256, 2_000_000, 64),
                // 64 / 128 = 0.5 s → 16 dirty; 64 > 38.4 needed this round, 16 ≤ 38.4 ends pre-copy
                new PreCopyRound(3, 64, 500_000, 16)), plan.rounds());
        for (PreCopyRound r : plan.rounds()) {
            assertEquals(4_096 * Math.pow(0.25, r.index()), r.sentMib()); // V·ρ^i exactly (powers of two)
        }
        assertTrue(plan.converges());
        assertEquals(MigrationReason.NONE, plan.failure());
        // stop-and-copy: 16 MiB / 128 MiB/s = 0.125 s of downtime, within the 300 ms limit
        assertEquals(16, plan.remainingMib());
        assertEquals(125_000, plan.downtimeMicros());
        // 32 + 8 + 2 + 0.5 + 0.125 = 42.625 s; 4096 + 1024 + 256 + 64 + 16 = 5456 MiB on the wire
        assertEquals(42_625_000, plan.totalMicros());
        assertEquals(5_456, plan.sentMib());
    }

    @Test
    void dirtyRateEqualToBandwidthNeverConvergesAndGivesUpAfterMaxRounds() {
        // ρ = 128 / 128 = 1: each round dirties as much as it sends, V·1^i = 4096 MiB every time (§5:
        // "converges only when ρ < 1"); QEMU_DEFAULTS allow 30 rounds of 32 s
        PreCopyPlan plan = PreCopyPlan.of(4_096, 128, QEMU);
        assertFalse(plan.converges());
        assertEquals(MigrationReason.DIRTY_RATE_AT_LEAST_BANDWIDTH, plan.failure());
        assertEquals(30, plan.rounds().size());
        assertTrue(plan.rounds().stream().allMatch(r -> r.sentMib() == 4_096 && r.dirtiedMib() == 4_096));
        assertEquals(4_096, plan.remainingMib());
        assertEquals(0, plan.downtimeMicros()); // never stopped
        assertEquals(30 * 32_000_000.0, plan.totalMicros());
        assertEquals(30 * 4_096.0, plan.sentMib());
    }

    @Test
    void dirtyRateAboveBandwidthIsCappedAtMemoryAndStillNeverConverges() {
        // ρ = 2: round 0 would leave 256 × 32 = 8192 MiB dirty, but a page dirtied twice is sent once: 4096
        PreCopyPlan plan = PreCopyPlan.of(4_096, 256, new MigrationSettings(128, 300, 5));
        assertEquals(new PreCopyRound(0, 4_096, 32_000_000, 4_096), plan.rounds().get(0));
        assertEquals(5, plan.rounds().size());
        assertEquals(MigrationReason.DIRTY_RATE_AT_LEAST_BANDWIDTH, plan.failure());
    }

    @Test
    void slowlyShrinkingRoundsFailWithTooManyRoundsUnderTheDefaultsAndConvergeWithFortyFive() {
        // ρ = 115.2 / 128 = 0.9: round i leaves 4096 × 0.9^(i+1) dirty. 4096 × 0.9^44 = 39.7 > 38.4 and
        // 4096 × 0.9^45 = 35.7 ≤ 38.4, so it takes 45 rounds (indices 0–44): more than QEMU_DEFAULTS' 30
        PreCopyPlan capped = PreCopyPlan.of(4_096, 115.2, QEMU);
        assertFalse(capped.converges());
        assertEquals(MigrationReason.TOO_MANY_ROUNDS, capped.failure());
        assertEquals(30, capped.rounds().size());

        PreCopyPlan enough = PreCopyPlan.of(4_096, 115.2, new MigrationSettings(128, 300, 45));
        assertTrue(enough.converges());
        assertEquals(45, enough.rounds().size());
        assertEquals(4_096 * Math.pow(0.9, 45), enough.remainingMib(), 1e-9);
        assertEquals(35.74, enough.remainingMib(), 0.01);
        // downtime 35.74 / 128 s = 279 ms, under the 300 ms limit
        assertEquals(279_000, enough.downtimeMicros(), 500);
        assertEquals(4_096 * Math.pow(0.9, 44), enough.rounds().get(44).sentMib(), 1e-9);
    }

    @Test
    void idleVmNeedsOneRoundAndAnEmptyStopAndCopy() {
        // D = 0: round 0 sends V = 1024 MiB in 8 s and leaves nothing dirty
        PreCopyPlan plan = PreCopyPlan.of(1_024, 0, QEMU);
        assertEquals(List.of(new PreCopyRound(0, 1_024, 8_000_000, 0)), plan.rounds());
        assertTrue(plan.converges());
        assertEquals(0, plan.downtimeMicros());
        assertEquals(8_000_000, plan.totalMicros());
    }

    @Test
    void vmSmallerThanTheThresholdConvergesWhateverTheDirtyRate() {
        // V = 32 MiB ≤ 38.4 MiB: even at ρ = 2, round 0 (0.25 s) leaves at most V = 32 MiB dirty, which fits
        PreCopyPlan plan = PreCopyPlan.of(32, 256, QEMU);
        assertTrue(plan.converges());
        assertEquals(List.of(new PreCopyRound(0, 32, 250_000, 32)), plan.rounds());
        assertEquals(250_000, plan.downtimeMicros()); // 32 / 128 s
    }

    @Test
    void downtimeNeverExceedsTheLimitWhenItConverges() {
        // §5: the stop-and-copy starts only once what is left fits the limit at the bandwidth
        // ρ up to 112.5 / 128 ≈ 0.88: even the 1 ms limit (0.128 MiB) is reached within ln(0.128/3000)/ln(0.88) ≈ 79 rounds
        for (double d = 0; d < 120; d += 7.5) {
            for (long limit : new long[] {1, 30, 300, 2_000}) {
                PreCopyPlan plan = PreCopyPlan.of(3_000, d, new MigrationSettings(128, limit, 1_000));
                assertTrue(plan.converges(), () -> "ρ < 1 converges given rounds enough");
                assertTrue(plan.downtimeMicros() <= limit * 1_000 + 1e-6, () -> plan.toString());
            }
        }
    }

    @Test
    void refusesMeaninglessInputs() {
        assertThrows(IllegalArgumentException.class, () -> PreCopyPlan.of(0, 1, QEMU));
        assertThrows(IllegalArgumentException.class, () -> PreCopyPlan.of(1_024, -1, QEMU));
        assertThrows(IllegalArgumentException.class, () -> PreCopyPlan.of(1_024, Double.NaN, QEMU));
        assertThrows(IllegalArgumentException.class, () -> PreCopyPlan.of(Double.POSITIVE_INFINITY, 1, QEMU));
    }
}
