package org.virtlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.virtlab.engine.SimRandom;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;

/**
 * Issue 9's budget: "Back to any moment in the last 10 minutes of simulated time of the default lesson in under
 * 200 ms", and what the event journal costs going forward.
 * <ul>
 *   <li>{@link #rewindToAMomentOfTheLastTenMinutes}: the default lesson (scenarios/default.json) runs as the window
 *   runs it (time slices on, a journal of {@value History#JOURNAL} events) to {@value History#RUN_SECONDS} s; each
 *   operation goes back to a moment drawn (seeded) from the last ten minutes, to the microsecond: it restores the
 *   checkpoint before it and replays up to it. Time per rewind ({@code Mode.SampleTime}: median and tail).
 *   {@code checkpointMillis} is the spacing in simulated ms (the kernel's default 1000): the worst rewind replays
 *   almost that much. The set-up prints the replay speed, the checkpoints kept and an estimate of their size (heap
 *   in use after a GC, after the run less before it, per checkpoint).</li>
 *   <li>{@link #forwardOneTenthOfASecond}: 100 simulated ms of a lesson with slices, journal on or off: the
 *   journal's cost, on the default lesson and on the busiest one ({@code io-emulation-vs-virtio}: three saturated
 *   disks, about 600,000 events a simulated second).</li>
 * </ul>
 * Run: {@code mvn -B -o -Pbench verify -DskipTests -DskipITs -Djmh.args="-f 1 -wi 2 -i 5 RewindBenchmark"}.
 */
public class RewindBenchmark {

    /** The default lesson run to {@value #RUN_SECONDS} s with a journal, and the seeded moments to go back to. */
    @State(Scope.Benchmark)
    public static class History {
        static final long RUN_SECONDS = 1_200;
        static final long WINDOW_SECONDS = 600;
        static final int JOURNAL = 100_000;

        @Param({"1000"})
        public int checkpointMillis;

        Simulation sim;
        SimRandom moments;
        long fromMicros;
        long spanMicros;

        @Setup(Level.Trial)
        public void runTheDefaultLesson() throws Exception {
            Scenario scenario = Lessons.defaultLesson().scenario();
            int everyTicks = Math.toIntExact(checkpointMillis * 1_000L / scenario.tickMicros());
            // enough checkpoints for the whole run (an hour's worth at the default spacing is the kernel's default)
            int keep = Math.toIntExact(RUN_SECONDS * 1_000 / checkpointMillis + 1);
            sim = Simulations.of(scenario, scenario.seed(), true, everyTicks, keep);
            sim.enableJournal(JOURNAL);
            sim.runUntil(scenario.tickMicros()); // the journal's and the scheduler's arrays exist now
            long heapBefore = usedHeap();
            long t0 = System.nanoTime();
            sim.runUntil(RUN_SECONDS * 1_000_000);
            double msPerSimSecond = (System.nanoTime() - t0) / 1e6 / RUN_SECONDS;
            long heapAfter = usedHeap();
            long checkpoints = RUN_SECONDS * 1_000 / checkpointMillis + 1;
            System.out.printf("%nRewindBenchmark: %d s of the default lesson at %.1f ms per simulated second (slices"
                            + " on, journal: %d events held, %d dropped); %d checkpoints every %d ms, about %d bytes"
                            + " each (heap in use after GC: %d MB before, %d MB after the run)%n",
                    RUN_SECONDS, msPerSimSecond, sim.journal().size(), sim.journal().dropped(), checkpoints,
                    checkpointMillis, (heapAfter - heapBefore) / checkpoints, heapBefore >> 20, heapAfter >> 20);
            moments = new SimRandom(9);
            fromMicros = (RUN_SECONDS - WINDOW_SECONDS) * 1_000_000;
            spanMicros = WINDOW_SECONDS * 1_000_000;
        }
    }

    /** A lesson with slices, with or without a journal, stepped forward. */
    @State(Scope.Thread)
    public static class Forward {
        @Param({"default", "io-emulation-vs-virtio"})
        public String lesson;

        @Param({"false", "true"})
        public boolean journal;

        Simulation sim;

        @Setup(Level.Trial)
        public void load() throws Exception {
            Scenario scenario = Lessons.load(lesson).scenario();
            sim = Simulations.of(scenario, scenario.seed(), true);
            if (journal) {
                sim.enableJournal(History.JOURNAL);
            }
        }
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Back (or forward) to a moment of the last ten minutes, drawn anew each time. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long rewindToAMomentOfTheLastTenMinutes(History h) {
        long target = h.fromMicros + (long) (h.moments.nextDouble() * h.spanMicros);
        h.sim.rewindTo(target);
        return h.sim.nowMicros();
    }

    /** 100 ms of simulated time. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long forwardOneTenthOfASecond(Forward f) {
        f.sim.runUntil(f.sim.nowMicros() + 100_000);
        return f.sim.nowMicros();
    }
}
