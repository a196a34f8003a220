package org.virtlab.ui.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.cpu.CpuSampler;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.memory.host.MemorySnapshot;
import org.virtlab.engine.memory.host.TouchMemory;
import org.virtlab.engine.migration.StartMigration;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;

/**
 * The window's Back and Forward (issue #9: "the whole app returns to the state at that moment ... charts included";
 * "Back then Forward returns bit-identical state; Back across a migration, a COW fault ... restores each"), through
 * the runner: its seek restores the engine, the run summary and the chart samples.
 */
class SimulationRunnerSeekTest {
    private static void idle(SimulationRunner runner) throws InterruptedException {
        assertTrue(runner.awaitIdle(60, TimeUnit.SECONDS));
    }

    private static String summary(SimulationRunner runner) throws Exception {
        return runner.summaryJson().get(60, TimeUnit.SECONDS);
    }

    private static List<SimEvent> events(SimulationRunner runner) {
        List<SimEvent> out = new ArrayList<>();
        runner.drainEvents().forEach(b -> out.addAll(b.events()));
        return out;
    }

    private static List<CpuSampler.Sample> samples(SimulationRunner runner, long generation) {
        return runner.drainSamples().stream().filter(s -> s.generation() == generation)
                .map(SimulationRunner.ChartSample::sample).toList();
    }

    @Test
    void backThenForwardReachesTheSameStateSummaryAndChartSamples() throws Exception {
        Scenario lesson = Lessons.defaultLesson().scenario();
        try (SimulationRunner straight = new SimulationRunner(lesson);
             SimulationRunner runner = new SimulationRunner(lesson)) {
            straight.runTo(1_234_000);
            String summaryAtBack = summary(straight);
            SimulationSnapshot atBack = straight.state().snapshot();
            straight.runTo(3_000_000);
            String summaryAtEnd = summary(straight);
            SimulationSnapshot atEnd = straight.state().snapshot();
            List<CpuSampler.Sample> straightSamples = samples(straight, straight.state().generation());

            runner.runTo(3_000_000);
            idle(runner);
            long generation = runner.state().generation();
            runner.seek(1_234_000);
            assertEquals(summaryAtBack, summary(runner), "summary after Back");
            assertEquals(atBack, runner.state().snapshot(), "state after Back");
            assertEquals(generation + 1, runner.state().generation(), "the charts start over");
            runner.seek(3_000_000);
            assertEquals(summaryAtEnd, summary(runner), "summary after Forward");
            assertEquals(atEnd, runner.state().snapshot(), "state after Forward");
            List<CpuSampler.Sample> again = samples(runner, runner.state().generation());
            // one sample per 100 ms window up to 3 s (SAMPLE_WINDOW_MICROS): 30, sent again after the last seek
            assertEquals(30, again.size());
            assertEquals(straightSamples.size(), again.size());
            for (int i = 0; i < again.size(); i++) {
                assertEquals(straightSamples.get(i).endMicros(), again.get(i).endMicros());
                assertArrayEquals(straightSamples.get(i).usedMhz(), again.get(i).usedMhz());
                assertArrayEquals(straightSamples.get(i).readyPct(), again.get(i).readyPct());
            }
        }
    }

    @Test
    void backAcrossALiveMigrationPutsTheVmBackOnItsSourceAndForwardMigratesItAgain() throws Exception {
        // migration-precopy.json, step 1: Web server onto Host 2 at 1 s; round 0 sends 4096 MiB at 128 MiB/s (32 s),
        // so at 35 s it is in round 1 and by 40 s it has finished (SimulationJournalTest, same lesson and input)
        Scenario lesson = Lessons.load("migration-precopy").scenario();
        try (SimulationRunner runner = new SimulationRunner(lesson)) {
            runner.runTo(1_000_000);
            runner.submit(new StartMigration("web", "host2"));
            runner.runTo(40_000_000);
            idle(runner);
            SimulationSnapshot atEnd = runner.state().snapshot();
            String summaryAtEnd = summary(runner);
            List<SimEvent> firstRun = events(runner);
            SimEvent done = firstRun.stream().filter(e -> e.kind() == EventKind.MIGRATION_DONE).findFirst()
                    .orElseThrow();
            assertEquals("host2", hostOf(atEnd, "web"));

            runner.seek(35_000_000);
            idle(runner);
            assertEquals("host1", hostOf(runner.state().snapshot(), "web"));
            assertTrue(events(runner).isEmpty(), "going back hands no event again");

            runner.seek(done.atMicros() + 1_000); // the end of the tick the migration finished in
            idle(runner);
            assertEquals("host2", hostOf(runner.state().snapshot(), "web"));
            runner.seek(40_000_000);
            assertEquals(summaryAtEnd, summary(runner));
            assertEquals(atEnd, runner.state().snapshot());
            runner.runTo(40_100_000);
            idle(runner);
            List<SimEvent> later = events(runner);
            assertTrue(later.stream().allMatch(e -> e.atMicros() >= 40_000_000), "only events not handed before");
        }
    }

    @Test
    void backAcrossCopyOnWriteFaultsRestoresThemAndAnEditThereForgetsTheFuture() throws Exception {
        // mem-zero-pages.json, step 2: touching 262 144 pages (1024 MiB) at 2 s makes copy-on-write faults of pages
        // that read the zero frame (virtualization.md §2; SimulationJournalTest uses the same input)
        Scenario lesson = Lessons.load("mem-zero-pages").scenario();
        try (SimulationRunner runner = new SimulationRunner(lesson)) {
            runner.runTo(2_000_000);
            idle(runner);
            long before = cowFaults(runner.state().snapshot());
            runner.submit(new TouchMemory("vm1", 262_144));
            runner.runTo(3_000_000);
            idle(runner);
            long after = cowFaults(runner.state().snapshot());
            List<SimEvent> faults = events(runner).stream().filter(e -> e.kind() == EventKind.COW_FAULT
                    && e.atMicros() >= 2_000_000).toList();
            long journaled = faults.stream().mapToLong(e -> e.arg(0)).sum();
            assertTrue(journaled > 0);
            assertEquals(after - before, journaled, "each fault journaled once");

            runner.seek(2_000_000);
            idle(runner);
            assertEquals(before, cowFaults(runner.state().snapshot()), "the faults after 2 s are undone");
            runner.seek(3_000_000);
            idle(runner);
            assertEquals(after, cowFaults(runner.state().snapshot()), "and come back on Forward");

            runner.seek(2_500_000);
            runner.submit(new TouchMemory("vm1", 1024)); // an edit at 2.5 s: the window forgets what came after
            idle(runner);
            List<SimulationRunner.EventBatch> batches = runner.drainEvents();
            assertEquals(1, batches.size());
            assertEquals(2_500_000, batches.get(0).forgetFromMicros());
        }
    }

    @Test
    void playingForwardAfterBackPassesTheEditsMadeTheFirstTime() throws Exception {
        Scenario lesson = Lessons.defaultLesson().scenario();
        org.virtlab.engine.model.VmSpec vm = lesson.vms().get(0);
        org.virtlab.engine.cpu.Workload idle = new org.virtlab.engine.cpu.Workload.Idle(5);
        Scenario edited = lesson.withVm(vm.withWorkload(idle));
        try (SimulationRunner runner = new SimulationRunner(lesson)) {
            runner.runTo(1_000_000);
            runner.edit(edited, new org.virtlab.engine.cpu.SetWorkload(vm.id(), idle));
            runner.runTo(2_000_000);
            idle(runner);
            SimulationSnapshot atEnd = runner.state().snapshot();
            runner.seek(500_000);
            idle(runner);
            assertEquals(lesson, runner.state().scenario(), "before the edit: the scenario as it was");
            runner.runTo(1_500_000); // the replay delivers the edit's input again
            idle(runner);
            assertEquals(edited, runner.state().scenario());
            runner.runTo(2_000_000);
            idle(runner);
            assertEquals(atEnd, runner.state().snapshot(), "the kept future is the same");
        }
    }

    private static String hostOf(SimulationSnapshot s, String vmId) {
        return s.find(CpuSnapshot.class).orElseThrow().vms().stream().filter(v -> v.vmId().equals(vmId)).findFirst()
                .orElseThrow().hostId();
    }

    private static long cowFaults(SimulationSnapshot s) {
        return s.find(MemorySnapshot.class).orElseThrow().vms().stream().filter(v -> v.vmId().equals("vm1"))
                .findFirst().orElseThrow().cowFaults();
    }
}
