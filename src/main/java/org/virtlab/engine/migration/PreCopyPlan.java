package org.virtlab.engine.migration;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.model.Ranges;

/**
 * The closed form of a pre-copy live migration with a constant dirty rate (virtualization.md §5), worked
 * out at once: what {@link MigrationSubsystem} plays tick by tick. A pure function of its inputs.
 *
 * <p>With memory V, dirty rate D and bandwidth R: round 0 sends V in V/R seconds; round i sends what was
 * dirtied during round i−1, D × duration(i−1), at most V (a page dirtied twice is sent once). So round i
 * sends V·ρ<sup>i</sup> with ρ = D/R until the cap, and the rounds shrink only when ρ &lt; 1. After each round,
 * if what it left dirty fits the downtime limit (≤ R × limit, the threshold), the VM stops and that is sent
 * in the stop-and-copy, the downtime. Otherwise another round, up to {@link MigrationSettings#maxRounds()}.
 *
 * <p>The threshold is inclusive ("≤"), as QEMU compares since 2025 (migration_iteration_run,
 * {@code pending_size <= threshold_size}); §5 and older QEMU say "&lt;", which differs only at equality.
 *
 * @param memoryMib         V
 * @param dirtyMibPerSecond D
 * @param thresholdMib      R × downtime limit: the most the stop-and-copy may send
 * @param rounds            the pre-copy rounds, in order
 * @param converges         whether it switched over within the allowed rounds
 * @param remainingMib      what the last round left dirty: sent by the stop-and-copy when it converges,
 *                          never sent when it does not
 * @param downtimeMicros    remaining ÷ R when it converges (the VM is stopped that long), else 0
 * @param totalMicros       the rounds' durations plus the downtime: from start to the VM running on the target,
 *                          or to giving up
 * @param failure           {@link MigrationReason#NONE} when it converges, else
 *                          {@link MigrationReason#DIRTY_RATE_AT_LEAST_BANDWIDTH} (ρ ≥ 1) or
 *                          {@link MigrationReason#TOO_MANY_ROUNDS}
 */
public record PreCopyPlan(double memoryMib, double dirtyMibPerSecond, MigrationSettings settings,
                          double thresholdMib, List<PreCopyRound> rounds, boolean converges, double remainingMib,
                          double downtimeMicros, double totalMicros, MigrationReason failure) {
    public PreCopyPlan {
        rounds = List.copyOf(rounds);
    }

    /** Works the migration out. */
    public static PreCopyPlan of(double memoryMib, double dirtyMibPerSecond, MigrationSettings settings) {
        Ranges.check("memoryMib", memoryMib, Double.MIN_VALUE, Double.MAX_VALUE);
        Ranges.check("dirtyMibPerSecond", dirtyMibPerSecond, 0, Double.MAX_VALUE);
        double threshold = thresholdMib(settings);
        List<PreCopyRound> rounds = new ArrayList<>();
        double toSend = memoryMib;
        double total = 0;
        for (int i = 0; i < settings.maxRounds(); i++) {
            double duration = durationMicros(toSend, settings);
            double dirtied = dirtiedMib(memoryMib, dirtyMibPerSecond, duration);
            rounds.add(new PreCopyRound(i, toSend, duration, dirtied));
            total += duration;
            if (dirtied <= threshold) {
                double downtime = durationMicros(dirtied, settings);
                return new PreCopyPlan(memoryMib, dirtyMibPerSecond, settings, threshold, rounds, true, dirtied,
                        downtime, total + downtime, MigrationReason.NONE);
            }
            toSend = dirtied;
        }
        return new PreCopyPlan(memoryMib, dirtyMibPerSecond, settings, threshold, rounds, false, toSend, 0, total,
                failure(dirtyMibPerSecond, settings));
    }

    /** ρ = D / R: below 1 the rounds shrink geometrically. */
    public double rho() {
        return dirtyMibPerSecond / settings.bandwidthMibPerSecond();
    }

    /** Everything sent: the rounds, plus the stop-and-copy when it converges. */
    public double sentMib() {
        double sent = converges ? remainingMib : 0;
        for (PreCopyRound r : rounds) {
            sent += r.sentMib();
        }
        return sent;
    }

    // ---- the arithmetic, shared with the subsystem so both compute the very same doubles ----

    /** Why rounds enough did not converge: ρ ≥ 1, or ρ &lt; 1 with too few rounds allowed. */
    static MigrationReason failure(double dirtyMibPerSecond, MigrationSettings s) {
        return dirtyMibPerSecond >= s.bandwidthMibPerSecond()
                ? MigrationReason.DIRTY_RATE_AT_LEAST_BANDWIDTH : MigrationReason.TOO_MANY_ROUNDS;
    }

    /** R × downtime limit: what may be left for the stop-and-copy. */
    static double thresholdMib(MigrationSettings s) {
        return s.bandwidthMibPerSecond() * (double) s.downtimeLimitMillis() / 1_000;
    }

    /** How long sending {@code mib} takes at the bandwidth, in µs. */
    static double durationMicros(double mib, MigrationSettings s) {
        return mib / s.bandwidthMibPerSecond() * 1_000_000;
    }

    /** Dirtied while running for {@code micros}: D × time, at most all of memory. */
    static double dirtiedMib(double memoryMib, double dirtyMibPerSecond, double micros) {
        return Math.min(memoryMib, dirtyMibPerSecond * micros / 1_000_000);
    }
}
