package org.virtlab.engine.memory.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.memory.host.MemoryScenarios.PAGES_PER_GIB;
import static org.virtlab.engine.memory.host.MemoryScenarios.assertBooksBalance;
import static org.virtlab.engine.memory.host.MemoryScenarios.memory;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;

/**
 * The course article's overcommit example (virtualization.md §2, "Zero pages"): three VMs configured 2 GB on a
 * 4 GB host, each having written 1 GB, look like 2 GB each while the host spends about 3 GB; once they write all
 * of it, the host must reclaim.
 */
class ArticleOvercommitTest {

    private static Scenario threeVmsOnFourGib(long demandMib) {
        return MemoryScenarios.scenario(List.of(MemoryScenarios.host("host", 4096, HostMemoryPolicy.DEFAULT)), List.of(
                MemoryScenarios.vm("vm1", "host", 2048, MemoryActivity.unique(demandMib), MemoryQos.DEFAULT),
                MemoryScenarios.vm("vm2", "host", 2048, MemoryActivity.unique(demandMib), MemoryQos.DEFAULT),
                MemoryScenarios.vm("vm3", "host", 2048, MemoryActivity.unique(demandMib), MemoryQos.DEFAULT)));
    }

    @Test
    void threeGuestsOfTwoGibWithOneGibWrittenCostTheHostThreeGibAndTheZeroFrame() {
        Simulation sim = MemoryScenarios.run(threeVmsOnFourGib(1024), 2);
        MemorySnapshot m = memory(sim);
        for (MemorySnapshot.VmMemory vm : m.vms()) {
            // each guest sees its configured 2 GiB; 1 GiB written is private, 1 GiB still reads the zero frame
            assertEquals(2 * PAGES_PER_GIB, vm.configuredPages());
            assertEquals(PAGES_PER_GIB, vm.privatePages());
            assertEquals(PAGES_PER_GIB, vm.untouchedPages());
            assertEquals(1024, vm.consumedMib(), 1e-9);
            // one copy-on-write fault per page written, each taking the page off the zero frame
            assertEquals(PAGES_PER_GIB, vm.cowFaults());
        }
        MemorySnapshot.HostMemory host = m.host("host");
        // the article: "the host spends about 3 GB" — exactly 3 GiB plus the one zero frame
        assertEquals(3 * PAGES_PER_GIB + 1, host.usedPages());
        assertEquals(1.5, host.overcommitRatio(), 1e-12); // 6 GiB configured on 4 GiB
        assertEquals(MemoryState.HIGH, host.state());
        assertBooksBalance(m);
    }

    @Test
    void writingAllSixGibMakesTheHostBalloonFirstThenSwapAndTheBooksBalanceEveryTick() {
        Scenario s = threeVmsOnFourGib(1024);
        Simulation sim = Simulations.of(s);
        sim.runUntil(2_000_000);
        for (String vm : List.of("vm1", "vm2", "vm3")) {
            sim.submit(new SetMemoryActivity(vm, MemoryActivity.unique(2048)));
        }
        long[] firstBalloonTick = {-1};
        long[] firstSwapTick = {-1};
        Reclamation[] firstBalloon = new Reclamation[1];
        Reclamation[] firstSwap = new Reclamation[1];
        sim.addObserver(snap -> {
            MemorySnapshot m = memory(snap);
            assertBooksBalance(m);
            long ballooned = m.vms().stream().mapToLong(MemorySnapshot.VmMemory::balloonedPages).sum();
            long swapped = m.vms().stream().mapToLong(MemorySnapshot.VmMemory::swappedPages).sum();
            if (ballooned > 0 && firstBalloonTick[0] < 0) {
                firstBalloonTick[0] = snap.ticks();
                firstBalloon[0] = m.host("host").lastReclamation();
            }
            if (swapped > 0 && firstSwapTick[0] < 0) {
                firstSwapTick[0] = snap.ticks();
                firstSwap[0] = m.host("host").lastReclamation();
            }
        });
        sim.runUntil(30_000_000);

        assertTrue(firstBalloonTick[0] > 0, "the host ballooned");
        assertTrue(firstSwapTick[0] > firstBalloonTick[0], "it swapped only after it had started ballooning: "
                + firstBalloonTick[0] + " then " + firstSwapTick[0]);
        MemorySnapshot m = memory(sim);
        MemorySnapshot.HostMemory host = m.host("host");
        for (MemorySnapshot.VmMemory vm : m.vms()) {
            assertEquals(0, vm.untouchedPages(), vm.vmId() + " wrote every page it kept");
            assertEquals(vm.configuredPages(), vm.touchedPages() + vm.balloonedPages());
        }
        // reclamation aims for the high threshold, 6 % of 4 GiB free (ESX's classic thresholds), and stops there
        assertEquals(MemoryState.HIGH, host.state());
        assertTrue(host.freePercent() >= 4, "free " + host.freePercent() + " %");
        // the explanations: ballooning began in the soft state (below 4 % free), swapping in the hard one (below 2 %)
        assertEquals(MemoryState.SOFT, firstBalloon[0].state());
        assertTrue(firstBalloon[0].freePages() < 0.04 * host.capacityPages());
        assertTrue(firstBalloon[0].actions().stream().allMatch(a -> a.technique() == Reclamation.Technique.BALLOON
                && a.reason() == Reclamation.Reason.HOST_SOFT));
        assertEquals(MemoryState.HARD, firstSwap[0].state());
        assertTrue(firstSwap[0].actions().stream().anyMatch(a -> a.technique() == Reclamation.Technique.SWAP
                && a.reason() == Reclamation.Reason.HOST_HARD));
    }
}
