package org.virtlab.engine.cpu;

import org.virtlab.engine.model.Ranges;

/**
 * How busy a VM's guest wants its vCPUs to be over simulated time, as a percentage of one vCPU (the same
 * for each vCPU of the VM). A closed set of shapes; {@link WorkloadState} turns one into numbers tick by
 * tick, drawing on the simulation's random generator where the shape is random.
 */
public sealed interface Workload {

    /** A nearly idle guest: a steady background load of {@code percent} (the course's "under 5 %" VM). */
    record Idle(double percent) implements Workload {
        public Idle {
            Ranges.check("percent", percent, 0, 100);
        }
    }

    /** A steady load of {@code percent}. */
    record Constant(double percent) implements Workload {
        public Constant {
            Ranges.check("percent", percent, 0, 100);
        }
    }

    /**
     * Bursts of {@code onPercent} separated by quiet spells at {@code offPercent}; the length of each burst
     * and spell is drawn from an exponential distribution with the given mean (a two-state Markov
     * on/off source).
     */
    record Bursty(double onPercent, double offPercent, long meanOnMillis, long meanOffMillis) implements Workload {
        public Bursty {
            Ranges.check("onPercent", onPercent, 0, 100);
            Ranges.check("offPercent", offPercent, 0, 100);
            Ranges.check("meanOnMillis", meanOnMillis, 1, 3_600_000);
            Ranges.check("meanOffMillis", meanOffMillis, 1, 3_600_000);
        }
    }

    /** A sine wave between {@code minPercent} and {@code maxPercent} with the given period. */
    record Periodic(double minPercent, double maxPercent, long periodMillis) implements Workload {
        public Periodic {
            Ranges.check("minPercent", minPercent, 0, 100);
            Ranges.check("maxPercent", maxPercent, minPercent, 100);
            Ranges.check("periodMillis", periodMillis, 1, 86_400_000);
        }
    }

    /** A straight line from {@code fromPercent} at time zero to {@code toPercent} after the duration, then flat. */
    record Ramp(double fromPercent, double toPercent, long durationMillis) implements Workload {
        public Ramp {
            Ranges.check("fromPercent", fromPercent, 0, 100);
            Ranges.check("toPercent", toPercent, 0, 100);
            Ranges.check("durationMillis", durationMillis, 1, 86_400_000);
        }
    }
}
