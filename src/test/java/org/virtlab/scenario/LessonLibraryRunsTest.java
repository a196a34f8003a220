package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.model.Scenario;

/**
 * Every shipped lesson loads, validates and runs a few simulated seconds (issue #4, "The lesson
 * library"), with the time-slice scheduler on as in the window, and never uses more CPU than its hosts have.
 */
class LessonLibraryRunsTest {

    @TestFactory
    Stream<DynamicTest> everyShippedLessonRunsThreeSimulatedSeconds() {
        return Lessons.ids().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            Scenario scenario = Lessons.load(id).scenario();
            Simulation sim = Simulations.of(scenario, scenario.seed(), true);
            sim.runUntil(3_000_000);
            assertEquals(3_000_000, sim.nowMicros());
            CpuSnapshot cpu = sim.snapshot().find(CpuSnapshot.class).orElseThrow();
            assertEquals(scenario.vms().size(), cpu.vms().size());
            for (CpuSnapshot.HostCpu host : cpu.hosts()) {
                assertTrue(host.usedMhz() <= host.capacityMhz() + 1e-6, id + ": " + host);
            }
        }));
    }
}
