package org.virtlab.engine.cpu;

import java.util.List;
import java.util.Objects;
import org.virtlab.engine.model.Ranges;

/**
 * How busy a VM's guest wants its vCPUs to be over simulated time, as a percentage of one vCPU (the same
 * for each vCPU of the VM). A closed set of shapes; {@link WorkloadState} turns one into numbers tick by
 * tick, drawing on the simulation's random generator where the shape is random.
 */
public sealed interface Workload {
    /** Every percentage of a workload is from 0 to 100 (of one vCPU). */
    double MIN_PERCENT = 0;
    double MAX_PERCENT = 100;
    /** A bursty source's mean burst and mean quiet spell: 1 ms to an hour. */
    long MAX_MEAN_MILLIS = 3_600_000;
    /** A period, a ramp's duration and the times of a trace: at most a day. */
    long MAX_SPAN_MILLIS = 86_400_000;
    /** The most points a trace may have (a day sampled a little more often than every second). */
    int MAX_TRACE_POINTS = 100_000;

    /** A nearly idle guest: a steady background load of {@code percent} (the course's "under 5 %" VM). */
    record Idle(double percent) implements Workload {
        public Idle {
            Ranges.check("percent", percent, MIN_PERCENT, MAX_PERCENT);
        }
    }

    /** A steady load of {@code percent}. */
    record Constant(double percent) implements Workload {
        public Constant {
            Ranges.check("percent", percent, MIN_PERCENT, MAX_PERCENT);
        }
    }

    /**
     * Bursts of {@code onPercent} separated by quiet spells at {@code offPercent}; the length of each burst
     * and spell is drawn from an exponential distribution with the given mean (a two-state Markov
     * on/off source).
     */
    record Bursty(double onPercent, double offPercent, long meanOnMillis, long meanOffMillis) implements Workload {
        public Bursty {
            Ranges.check("onPercent", onPercent, MIN_PERCENT, MAX_PERCENT);
            Ranges.check("offPercent", offPercent, MIN_PERCENT, MAX_PERCENT);
            Ranges.check("meanOnMillis", meanOnMillis, 1, MAX_MEAN_MILLIS);
            Ranges.check("meanOffMillis", meanOffMillis, 1, MAX_MEAN_MILLIS);
        }
    }

    /** A sine wave between {@code minPercent} and {@code maxPercent} with the given period. */
    record Periodic(double minPercent, double maxPercent, long periodMillis) implements Workload {
        public Periodic {
            Ranges.check("minPercent", minPercent, MIN_PERCENT, MAX_PERCENT);
            Ranges.check("maxPercent", maxPercent, minPercent, MAX_PERCENT);
            Ranges.check("periodMillis", periodMillis, 1, MAX_SPAN_MILLIS);
        }
    }

    /** A straight line from {@code fromPercent} at time zero to {@code toPercent} after the duration, then flat. */
    record Ramp(double fromPercent, double toPercent, long durationMillis) implements Workload {
        public Ramp {
            Ranges.check("fromPercent", fromPercent, MIN_PERCENT, MAX_PERCENT);
            Ranges.check("toPercent", toPercent, MIN_PERCENT, MAX_PERCENT);
            Ranges.check("durationMillis", durationMillis, 1, MAX_SPAN_MILLIS);
        }
    }

    /**
     * Replay of sampled utilisation: a step function over the time since the workload began. At time
     * {@code t} the demand is the percent of the last point at or before {@code t}; each point holds until
     * the next one.
     *
     * <p>After the last point: without {@code loop} its value holds for ever. With {@code loop} the trace
     * starts again from its first point; the last point holds for as long as the one before it (for an
     * evenly sampled trace: one sampling interval), so the period is
     * {@code last.atMillis + (last.atMillis - previous.atMillis)}. Samples at 0, 500 and 1000 ms loop every
     * 1500 ms. A trace of one point is constant, looping or not.
     *
     * @param points  at least one and at most {@link #MAX_TRACE_POINTS}, the first at 0 ms, times strictly
     *                increasing and at most {@link #MAX_SPAN_MILLIS}
     * @param loop    whether the trace starts again after its last point
     * @param source  where the points were read from (a CSV path relative to the scenario file, as written
     *                there), so that a saved scenario refers to the same file; {@code null} for points given
     *                inline
     */
    record Trace(List<Point> points, boolean loop, String source) implements Workload {
        public Trace {
            Objects.requireNonNull(points, "points");
            points = List.copyOf(points);
            Ranges.check("number of points", points.size(), 1, MAX_TRACE_POINTS);
            if (points.get(0).atMillis() != 0) {
                throw new IllegalArgumentException("the first point must be at 0 ms, was " + points.get(0).atMillis());
            }
            for (int k = 1; k < points.size(); k++) {
                if (points.get(k).atMillis() <= points.get(k - 1).atMillis()) {
                    throw new IllegalArgumentException("point " + k + " at " + points.get(k).atMillis()
                            + " ms is not after the one before, at " + points.get(k - 1).atMillis() + " ms");
                }
            }
        }

        /** Points given inline (no source file). */
        public Trace(List<Point> points, boolean loop) {
            this(points, loop, null);
        }

        /** One sample: from {@code atMillis} after the workload began, a load of {@code percent}. */
        public record Point(long atMillis, double percent) {
            public Point {
                Ranges.check("atMillis", atMillis, 0, MAX_SPAN_MILLIS);
                Ranges.check("percent", percent, MIN_PERCENT, MAX_PERCENT);
            }
        }

        /**
         * The length of one round of a looping trace: the last point's time plus the interval before it
         * (see the class comment); 1 ms for a one-point trace, which is constant anyway.
         */
        public long periodMillis() {
            int n = points.size();
            if (n == 1) {
                return 1;
            }
            long last = points.get(n - 1).atMillis();
            return last + (last - points.get(n - 2).atMillis());
        }

        /** Short, for messages: a trace may have a hundred thousand points. */
        @Override
        public String toString() {
            return "Trace[" + points.size() + " points, loop=" + loop + ", source=" + source + "]";
        }
    }
}
