package org.virtlab.engine.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one migration under way, advanced by {@link MigrationSubsystem}. Pre-copy is tracked in
 * time, not in MiB sent, so each round's duration and dirty data are the very doubles {@link PreCopyPlan}
 * computes: tick pieces add up to whole rounds exactly.
 */
final class MigrationRun {
    final long serial;
    final String vmId;
    final String sourceHostId;
    final String targetHostId;
    final double memoryMib;
    final double dirtyMibPerSecond;
    final long startMicros;

    MigrationPhase phase = MigrationPhase.PRE_COPY;
    /** Completed rounds; replaced, never written (snapshots share it). */
    List<PreCopyRound> rounds = List.of();
    /** Sent by the completed rounds and, once paused, by the end of the switch-over tick. */
    double sentBeforeMib;
    double roundSizeMib;
    double roundDurationMicros;
    double roundElapsedMicros;
    /** Left to send when the VM was paused, and how long that takes at the bandwidth. */
    double stopAndCopyMib;
    double stopAndCopyMicros;
    long pausedMicros;
    /** Replaced, never written. */
    List<MigrationSnapshot.AdmissionCheck> checks;

    MigrationRun(long serial, String vmId, String sourceHostId, String targetHostId, double memoryMib,
                 double dirtyMibPerSecond, long startMicros, MigrationSnapshot.AdmissionCheck startCheck,
                 MigrationSettings settings) {
        this.serial = serial;
        this.vmId = vmId;
        this.sourceHostId = sourceHostId;
        this.targetHostId = targetHostId;
        this.memoryMib = memoryMib;
        this.dirtyMibPerSecond = dirtyMibPerSecond;
        this.startMicros = startMicros;
        this.checks = List.of(startCheck);
        startRound(memoryMib, settings); // round 0: all of memory
    }

    private MigrationRun(MigrationRun from) {
        serial = from.serial;
        vmId = from.vmId;
        sourceHostId = from.sourceHostId;
        targetHostId = from.targetHostId;
        memoryMib = from.memoryMib;
        dirtyMibPerSecond = from.dirtyMibPerSecond;
        startMicros = from.startMicros;
        phase = from.phase;
        rounds = from.rounds;
        sentBeforeMib = from.sentBeforeMib;
        roundSizeMib = from.roundSizeMib;
        roundDurationMicros = from.roundDurationMicros;
        roundElapsedMicros = from.roundElapsedMicros;
        stopAndCopyMib = from.stopAndCopyMib;
        stopAndCopyMicros = from.stopAndCopyMicros;
        pausedMicros = from.pausedMicros;
        checks = from.checks;
    }

    MigrationRun copy() {
        return new MigrationRun(this);
    }

    void startRound(double sizeMib, MigrationSettings settings) {
        roundSizeMib = sizeMib;
        roundDurationMicros = PreCopyPlan.durationMicros(sizeMib, settings);
        roundElapsedMicros = 0;
    }

    /** Records the round under way as complete and returns what it left dirty. */
    double finishRound() {
        double dirtied = PreCopyPlan.dirtiedMib(memoryMib, dirtyMibPerSecond, roundDurationMicros);
        List<PreCopyRound> more = new ArrayList<>(rounds);
        more.add(new PreCopyRound(rounds.size(), roundSizeMib, roundDurationMicros, dirtied));
        rounds = List.copyOf(more);
        sentBeforeMib += roundSizeMib;
        roundSizeMib = 0;
        roundDurationMicros = 0;
        roundElapsedMicros = 0;
        return dirtied;
    }

    void check(MigrationSnapshot.AdmissionCheck c) {
        List<MigrationSnapshot.AdmissionCheck> more = new ArrayList<>(checks);
        more.add(c);
        checks = List.copyOf(more);
    }

    /** Sent of the round under way: bandwidth × time, exactly the round's size at its end. */
    double roundSentMib() {
        return roundDurationMicros == 0 ? 0 : roundSizeMib * (roundElapsedMicros / roundDurationMicros);
    }

    /** What is left now (see {@link MigrationSnapshot.Migration#remainingMib()}). */
    double remainingMib() {
        if (phase == MigrationPhase.STOP_AND_COPY) {
            return stopAndCopyMicros == 0 ? 0 : stopAndCopyMib * Math.max(0, 1 - pausedMicros / stopAndCopyMicros);
        }
        double dirtied = PreCopyPlan.dirtiedMib(memoryMib, dirtyMibPerSecond, roundElapsedMicros);
        return roundSizeMib - roundSentMib() + dirtied;
    }

    double sentMib() {
        if (phase == MigrationPhase.STOP_AND_COPY) {
            return sentBeforeMib + stopAndCopyMib - remainingMib();
        }
        return sentBeforeMib + roundSentMib();
    }

    MigrationSnapshot.Migration toSnapshot(double thresholdMib, long nowMicros, MigrationPhase as,
                                           MigrationReason reason) {
        double sent = sentMib();
        double remaining = as == MigrationPhase.DONE ? 0 : remainingMib();
        double progress = as == MigrationPhase.DONE ? 1 : sent + remaining > 0 ? sent / (sent + remaining) : 0;
        boolean inRound = as == MigrationPhase.PRE_COPY;
        return new MigrationSnapshot.Migration(serial, vmId, sourceHostId, targetHostId, as, reason, memoryMib,
                dirtyMibPerSecond, thresholdMib, rounds, inRound ? roundSizeMib : 0, inRound ? roundSentMib() : 0,
                sent, remaining, progress, stopAndCopyMib, pausedMicros, startMicros, nowMicros - startMicros, checks);
    }
}
