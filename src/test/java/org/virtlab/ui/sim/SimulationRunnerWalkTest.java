package org.virtlab.ui.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.memory.WalkAddress;
import org.virtlab.engine.memory.WalkSnapshot;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;

/**
 * A walk asked for in the window is a moment of the run (issue #9: page-walk references in the event list; Back and
 * Forward restore the whole app): through the runner, paused, a walk runs its tick at once, journals its references
 * and is undone by a seek back and redone by a seek forward.
 */
class SimulationRunnerWalkTest {
    private static final long ADDRESS = 0x7f00_aabb_c123L;

    private static List<SimEvent> walkEvents(SimulationRunner runner) {
        List<SimEvent> out = new ArrayList<>();
        runner.drainEvents().forEach(b -> b.events().stream().filter(e -> e.kind() == EventKind.WALK_REFERENCE)
                .forEach(out::add));
        return out;
    }

    private static WalkSnapshot walk(SimulationRunner runner) {
        return runner.state().snapshot().find(WalkSnapshot.class).orElseThrow();
    }

    @Test
    void aWalkSubmittedWhilePausedShowsAtOnceAndASeekBackAndForthRestoresIt() throws Exception {
        Scenario lesson = Lessons.load("mem-page-walk").scenario();
        try (SimulationRunner runner = new SimulationRunner(lesson)) {
            runner.runTo(200_000);
            WalkAddress a = new WalkAddress(4, PageSize.FOUR_KIB, 4, PageSize.FOUR_KIB, ADDRESS);
            runner.submitShown(a);
            assertTrue(runner.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(201_000, runner.state().snapshot().nowMicros(), "paused: the walk's tick ran");
            assertEquals(new WalkSnapshot(1, a), walk(runner));
            List<SimEvent> first = walkEvents(runner);
            assertEquals(24, first.size(), "(4+1)(4+1) − 1 (Bhargava et al., ASPLOS 2008)");
            assertTrue(first.stream().allMatch(e -> e.atMicros() == 200_000));

            WalkAddress b = new WalkAddress(4, PageSize.FOUR_KIB, 4, PageSize.TWO_MIB, ADDRESS);
            runner.runTo(500_000);
            runner.submitShown(b);
            runner.runTo(700_000);
            assertTrue(runner.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(19, walkEvents(runner).size(), "over 2 MiB host pages: (4+1)(3+1) − 1 (mem-page-walk)");
            SimulationSnapshot end = runner.state().snapshot();

            runner.seekAfterEvent(first.get(6).atMicros()); // Back to just after A's 7th reference
            assertTrue(runner.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(201_000, runner.state().snapshot().nowMicros());
            assertEquals(new WalkSnapshot(1, a), walk(runner));
            runner.seek(700_000); // Forward: bit-identical to the straight run
            assertTrue(runner.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(end, runner.state().snapshot());
            assertEquals(new WalkSnapshot(2, b), walk(runner));
        }
    }
}
