package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.TestScenarios;

/** The slice scheduler under the CPU subsystem: it adds slices and changes none of the fluid numbers. */
class CpuSubsystemSlicesTest {

    private static CpuSnapshot cpu(Simulation sim) {
        return sim.snapshot().find(CpuSnapshot.class).orElseThrow();
    }

    /** The snapshot without the slices, to compare runs with and without them. */
    private static CpuSnapshot withoutSlices(CpuSnapshot s) {
        return new CpuSnapshot(s.vms(), s.hosts().stream().map(h -> new CpuSnapshot.HostCpu(h.hostId(),
                h.reservationMode(), h.capacityMhz(), h.usedMhz(), h.idleMhz(), h.usedMhzMicros(), h.refusals(),
                h.vmIds(), List.of())).toList());
    }

    @Test
    void slicesChangeNoFluidNumber() {
        Simulation plain = Simulations.of(TestScenarios.mixed(), TestScenarios.SEED, false);
        Simulation sliced = Simulations.of(TestScenarios.mixed(), TestScenarios.SEED, true);
        plain.runUntil(3_000_000);
        sliced.runUntil(3_000_000);
        assertTrue(cpu(plain).hosts().get(0).recentSlices().isEmpty());
        assertFalse(cpu(sliced).hosts().get(0).recentSlices().isEmpty());
        assertEquals(cpu(plain), withoutSlices(cpu(sliced)));
    }

    @Test
    void slicesCoverTheLastHalfSecondAndNameTheHostsVms() {
        Simulation sliced = Simulations.of(TestScenarios.mixed(), TestScenarios.SEED, true);
        sliced.runUntil(2_000_000);
        CpuSnapshot.HostCpu host = cpu(sliced).hosts().get(0);
        assertEquals(List.of("web", "db", "batch", "build", "idle"), host.vmIds());
        for (Slice s : host.recentSlices()) {
            // SliceScheduler's default history: 500 ms
            assertTrue(s.endMicros() > 2_000_000 - 500_000 && s.endMicros() <= 2_000_000, s.toString());
            assertTrue(s.logicalCpu() >= 0 && s.logicalCpu() < 24, s.toString()); // 2 × 6 × 2 logical CPUs
        }
    }

    @Test
    void rewindRestoresTheSlicesExactly() {
        Simulation sim = Simulations.of(TestScenarios.mixed(), TestScenarios.SEED, true);
        sim.runUntil(2_345_000);
        CpuSnapshot seen = cpu(sim);
        sim.runUntil(4_000_000);
        sim.rewindTo(2_345_000);
        assertEquals(seen, cpu(sim));
    }
}
