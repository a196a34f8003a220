package org.virtlab.engine.migration;

import java.util.List;
import java.util.Optional;
import org.virtlab.engine.SubsystemSnapshot;
import org.virtlab.engine.alloc.Admission;

/**
 * The live migrations after a tick: those under way and the last {@link MigrationSubsystem#MAX_FINISHED}
 * that ended (done, failed, cancelled or refused), so their numbers can still be shown; in the order they
 * were asked for.
 */
public record MigrationSnapshot(MigrationSettings settings, List<Migration> migrations) implements SubsystemSnapshot {
    public static final String NAME = "migration";

    public MigrationSnapshot {
        migrations = List.copyOf(migrations);
    }

    @Override
    public String subsystem() {
        return NAME;
    }

    /** The VM's most recent migration (or refused attempt), if any. */
    public Optional<Migration> latest(String vmId) {
        for (int k = migrations.size() - 1; k >= 0; k--) {
            if (migrations.get(k).vmId().equals(vmId)) {
                return Optional.of(migrations.get(k));
            }
        }
        return Optional.empty();
    }

    /** The migrations under way. */
    public List<Migration> underWay() {
        return migrations.stream().filter(m -> m.phase().underWay()).toList();
    }

    /**
     * One migration, as it is now or as it ended. Sizes in MiB, times in µs of simulated time.
     *
     * @param serial          the order in which migrations were asked for
     * @param sourceHostId    where the VM ran when it was asked ("" if the VM is unknown)
     * @param targetHostId    where it was asked to go ("" for a refused cancel)
     * @param reason          why it was refused or failed; {@link MigrationReason#NONE} otherwise
     * @param memoryMib       V, the VM's memory
     * @param dirtyMibPerSecond D, the rate at which it dirties memory while it runs
     * @param thresholdMib    bandwidth × downtime limit: pre-copy ends once what is left is no more than this
     * @param rounds          the pre-copy rounds completed, each with what it sent, how long it took, what got dirty
     * @param roundSizeMib    in pre-copy, what the round under way (number {@code rounds().size()}) must send; else 0
     * @param roundSentMib    in pre-copy, what it has sent so far; else 0
     * @param sentMib         everything sent so far: rounds, the round under way, the stop-and-copy
     * @param remainingMib    what is still to send now: the rest of the round under way plus what got dirty during it
     *                        (the next round), or the rest of the stop-and-copy; 0 when done
     * @param progress        sent ÷ (sent + remaining), 0 to 1; honest, so it can step back when the VM dirties memory
     *                        faster than it is sent. 1 when done; frozen when it failed or was cancelled
     * @param stopAndCopyMib  what was left to send when the VM was paused (0 before)
     * @param downtimeMicros  how long the VM has been paused: measured in whole ticks, at least one, at most
     *                        stop-and-copy ÷ bandwidth + one tick, so within the downtime limit + one tick
     * @param startMicros     when it was asked for
     * @param elapsedMicros   from the start to now, or to its end once finished
     * @param admissionChecks the target's admission control, each time it was asked: at the start, at switch-over
     *                        and at completion
     */
    public record Migration(long serial, String vmId, String sourceHostId, String targetHostId, MigrationPhase phase,
                            MigrationReason reason, double memoryMib, double dirtyMibPerSecond, double thresholdMib,
                            List<PreCopyRound> rounds, double roundSizeMib, double roundSentMib, double sentMib,
                            double remainingMib, double progress, double stopAndCopyMib, long downtimeMicros,
                            long startMicros, long elapsedMicros, List<AdmissionCheck> admissionChecks) {
        public Migration {
            rounds = List.copyOf(rounds);
            admissionChecks = List.copyOf(admissionChecks);
        }

        /** In pre-copy, the number of the round under way (0 = the first, all of memory); else the rounds run. */
        public int round() {
            return rounds.size();
        }
    }

    /** When the target's admission control was asked. */
    public enum CheckPoint {
        /** When the migration was asked for. */
        START,
        /** When pre-copy ended, before the VM is paused. */
        SWITCH_OVER,
        /** When the stop-and-copy ended, before the VM is started on the target. */
        COMPLETION
    }

    /**
     * The VM's CPU and memory reservations against what the target had unreserved (cores × clock, and its
     * memory, minus the reservations of its powered-on VMs): the decision admission control makes at power-on
     * ({@link Admission}).
     */
    public record AdmissionCheck(CheckPoint at, long atMicros, Admission admission) {
        public boolean fits() {
            return admission.fits();
        }

        /**
         * Why the target refuses: {@link MigrationReason#TARGET_RESERVATION} (CPU, checked first) or
         * {@link MigrationReason#TARGET_MEMORY_RESERVATION}; {@link MigrationReason#NONE} when it fits.
         */
        public MigrationReason reason() {
            Admission.Resource refused = admission.refused();
            return refused == Admission.Resource.CPU ? MigrationReason.TARGET_RESERVATION
                    : refused == Admission.Resource.MEMORY ? MigrationReason.TARGET_MEMORY_RESERVATION
                    : MigrationReason.NONE;
        }

        public long reservationMhz() {
            return admission.reservationMhz();
        }

        public long unreservedMhz() {
            return admission.unreservedMhz();
        }
    }
}
