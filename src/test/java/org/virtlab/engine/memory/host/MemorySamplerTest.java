package org.virtlab.engine.memory.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;

/** The chart samples are the engine's memory snapshot at each window's end, in MiB, with the books balanced. */
class MemorySamplerTest {

    /** The course article's example (virtualization.md §2, "Zero pages"): three 2 GiB VMs on a 4 GiB host. */
    private static Scenario threeVmsOnFourGib(long demandMib) {
        return MemoryScenarios.scenario(List.of(MemoryScenarios.host("host", 4096, HostMemoryPolicy.DEFAULT)), List.of(
                MemoryScenarios.vm("vm1", "host", 2048, MemoryActivity.unique(demandMib), MemoryQos.DEFAULT),
                MemoryScenarios.vm("vm2", "host", 2048, MemoryActivity.unique(demandMib), MemoryQos.DEFAULT),
                MemoryScenarios.vm("vm3", "host", 2048, MemoryActivity.unique(demandMib), MemoryQos.DEFAULT)));
    }

    @Test
    void eachWindowEndsWithTheSnapshotInMibAndTheFaultsGrowthAddsUpToTheTotal() {
        Simulation sim = Simulations.of(threeVmsOnFourGib(1024));
        List<MemorySampler.Sample> samples = new ArrayList<>();
        sim.addObserver(new MemorySampler(samples::add), 100_000);
        sim.runUntil(2_000_000);

        assertEquals(20, samples.size()); // one per 100 ms over 2 s
        MemorySampler.Sample last = samples.get(19);
        assertEquals(2_000_000, last.endMicros());
        MemorySnapshot m = MemoryScenarios.memory(sim);
        long faultsGrowth = 0;
        for (MemorySampler.Sample s : samples) {
            faultsGrowth += s.vms().get(0).cowFaultsInWindow();
        }
        for (int i = 0; i < 3; i++) {
            MemorySampler.VmSample v = last.vms().get(i);
            MemorySnapshot.VmMemory e = m.vms().get(i);
            assertEquals(e.vmId(), v.vmId());
            assertEquals("host", v.hostId());
            // ArticleOvercommitTest: each guest has written its 1 GiB (private) and 1 GiB still reads the zero frame
            assertEquals(2048, v.configuredMib(), 1e-9);
            assertEquals(1024, v.privateMib(), 1e-9);
            assertEquals(1024, v.untouchedMib(), 1e-9);
            assertEquals(1024, v.demandMib(), 1e-9);
            assertEquals(1024, v.touchedMib(), 1e-9);
            assertEquals(e.consumedMib(), v.consumedMib(), 1e-9);
            assertEquals(e.grantedMib(), v.grantedMib(), 1e-9);
            // one copy-on-write fault per page written: 1 GiB = 262 144 pages of 4 KiB
            assertEquals(262_144, v.cowFaults());
            assertEquals(v.configuredMib(), v.untouchedMib() + v.privateMib() + v.sharedMib() + v.balloonedMib()
                    + v.swappedMib(), 1e-9, "the states add up to the configured size");
        }
        assertEquals(262_144, faultsGrowth, "the windows' faults add up to the count since the start");
        MemorySampler.HostSample h = last.hosts().get(0);
        // the article: the host spends 3 GiB, plus its one zero frame (1 page = 1/256 MiB)
        assertEquals(3072 + 1.0 / 256, h.usedMib(), 1e-9);
        assertEquals(4096 - 3072 - 1.0 / 256, h.freeMib(), 1e-9);
        assertEquals(4096, h.capacityMib(), 1e-9);
        assertEquals(6144, h.configuredMib(), 1e-9);
        assertEquals(1.5, h.overcommitRatio(), 1e-12); // 6 GiB configured on 4 GiB
        assertEquals(MemoryState.HIGH, h.state());
        assertEquals(0, h.savedBySharingMib(), 1e-9); // unique data: nothing to share
    }

    @Test
    void midwayThroughTouchingASampleShowsTheTouchRate() {
        Simulation sim = Simulations.of(threeVmsOnFourGib(1024));
        List<MemorySampler.Sample> samples = new ArrayList<>();
        sim.addObserver(new MemorySampler(samples::add), 100_000);
        sim.runUntil(500_000);
        MemorySampler.VmSample v = samples.get(4).vms().get(0);
        // MemoryActivity.DEFAULT_TOUCH_MIB_PER_SECOND = 1024 MiB/s for 0.5 s: 512 MiB touched so far
        assertEquals(512, v.privateMib(), 1.0);
        assertTrue(samples.get(4).vms().get(0).cowFaultsInWindow() > 0, "still faulting pages in");
    }

    @Test
    void whenAllThreeWriteTheirWholeMemoryTheHostLeavesHighAndReclaims() {
        Simulation sim = Simulations.of(threeVmsOnFourGib(2048));
        List<MemorySampler.Sample> samples = new ArrayList<>();
        sim.addObserver(new MemorySampler(samples::add), 100_000);
        sim.runUntil(10_000_000);
        // ArticleOvercommitTest: 6 GiB wanted on a 4 GiB host → the host balloons, then swaps
        assertTrue(samples.stream().anyMatch(s -> s.hosts().get(0).state() != MemoryState.HIGH), "left high");
        assertTrue(samples.stream().anyMatch(s -> s.vms().get(0).balloonedMib() + s.vms().get(1).balloonedMib()
                + s.vms().get(2).balloonedMib() > 0), "ballooned");
        for (MemorySampler.Sample s : samples) {
            assertTrue(s.hosts().get(0).usedMib() <= 4096, "frames in use never exceed the host's memory");
        }
    }
}
