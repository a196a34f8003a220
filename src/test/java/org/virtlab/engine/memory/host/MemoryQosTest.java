package org.virtlab.engine.memory.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.memory.host.MemoryScenarios.PAGES_PER_GIB;
import static org.virtlab.engine.memory.host.MemoryScenarios.assertBooksBalance;
import static org.virtlab.engine.memory.host.MemoryScenarios.memory;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.model.Scenario;

/** Memory limit, shares and reservation, shared by the same water level as the CPU (virtualization.md §2). */
class MemoryQosTest {
    private static final double PAGE = 1e-6;

    private static MemoryQos shares(int custom, long limitMib, long reservationMib) {
        return new MemoryQos(Shares.custom(custom), limitMib, reservationMib);
    }

    private static Scenario threeVms(long hostMib, long vmMib, MemoryActivity activity, MemoryQos q1, MemoryQos q2,
                                     MemoryQos q3) {
        return MemoryScenarios.scenario(List.of(MemoryScenarios.host("host", hostMib, HostMemoryPolicy.DEFAULT)),
                List.of(MemoryScenarios.vm("vm1", "host", vmMib, activity, q1),
                        MemoryScenarios.vm("vm2", "host", vmMib, activity, q2),
                        MemoryScenarios.vm("vm3", "host", vmMib, activity, q3)));
    }

    @Test
    void sharesOneTwoThreeGrantFourEightAndTwelveGibOfTwentyFour() {
        MemoryActivity wantsAll = MemoryActivity.unique(24 * 1024).withTouchMibPerSecond(0);
        Simulation sim = MemoryScenarios.run(threeVms(24 * 1024, 24 * 1024, wantsAll, shares(1000, MemoryQos.NO_LIMIT, 0),
                shares(2000, MemoryQos.NO_LIMIT, 0), shares(3000, MemoryQos.NO_LIMIT, 0)), 0.001);
        MemorySnapshot m = memory(sim);
        // virtualization.md §2, the article: 24 GB host, shares 1:2:3 under full contention → 4 / 8 / 12 GB
        assertEquals(4 * PAGES_PER_GIB, m.vm("vm1").grantedPages(), PAGE);
        assertEquals(8 * PAGES_PER_GIB, m.vm("vm2").grantedPages(), PAGE);
        assertEquals(12 * PAGES_PER_GIB, m.vm("vm3").grantedPages(), PAGE);
        assertEquals(4096, m.vm("vm1").grantedMib(), 1e-9);
    }

    @Test
    void aLimitOfEightGibHoldsAndTheOtherSixteenSplitOneToTwo() {
        MemoryActivity wantsAll = MemoryActivity.unique(24 * 1024).withTouchMibPerSecond(0);
        Simulation sim = MemoryScenarios.run(threeVms(24 * 1024, 24 * 1024, wantsAll, shares(1000, MemoryQos.NO_LIMIT, 0),
                shares(2000, MemoryQos.NO_LIMIT, 0), shares(3000, 8 * 1024, 0)), 0.001);
        MemorySnapshot m = memory(sim);
        // the article: "a VM capped at 8 GB gets 8 even if its shares say 12"; the other 16 GB go 1:2 → 5.33 / 10.67
        assertEquals(8 * PAGES_PER_GIB, m.vm("vm3").grantedPages(), PAGE);
        assertEquals(16.0 / 3 * PAGES_PER_GIB, m.vm("vm1").grantedPages(), PAGE);
        assertEquals(32.0 / 3 * PAGES_PER_GIB, m.vm("vm2").grantedPages(), PAGE);
    }

    @Test
    void underContentionWhatEachHoldsSettlesInProportionToItsShares() {
        // 3 VMs of 3 GiB each writing all of it on a 3 GiB host: reclamation takes from the lowest shares per
        // page (Waldspurger 2002, §5) until they are level, leaving the high threshold (6 %) free
        MemoryActivity writesAll = MemoryActivity.unique(3072);
        Simulation sim = MemoryScenarios.run(threeVms(3072, 3072, writesAll, shares(1000, MemoryQos.NO_LIMIT, 0),
                shares(2000, MemoryQos.NO_LIMIT, 0), shares(3000, MemoryQos.NO_LIMIT, 0)), 40);
        MemorySnapshot m = memory(sim);
        assertBooksBalance(m);
        double vm1 = m.vm("vm1").consumedPages();
        assertEquals(2, m.vm("vm2").consumedPages() / vm1, 0.001);
        assertEquals(3, m.vm("vm3").consumedPages() / vm1, 0.001);
        MemorySnapshot.HostMemory host = m.host("host");
        assertEquals(6, host.freePercent(), 0.01);
        assertEquals(m.vm("vm1").sharesPerPage(), m.vm("vm3").sharesPerPage(), 1e-3 * m.vm("vm1").sharesPerPage());
    }

    @Test
    void aLimitHoldsEvenOnAnIdleHost() {
        Simulation sim = MemoryScenarios.run(MemoryScenarios.scenario(
                List.of(MemoryScenarios.host("host", 8192, HostMemoryPolicy.DEFAULT)),
                List.of(MemoryScenarios.vm("vm1", "host", 2048, MemoryActivity.unique(2048),
                        new MemoryQos(Shares.NORMAL, 512, 0)))), 3);
        MemorySnapshot.VmMemory vm = memory(sim).vm("vm1");
        // virtualization.md §1 and §2: a limit holds "even on an idle host"
        assertEquals(512, vm.consumedMib(), 1e-9);
        assertEquals(BlockReason.LIMIT, vm.blocked());
        assertEquals(MemoryState.HIGH, memory(sim).host("host").state());
    }

    @Test
    void aTouchedReservationIsKeptUnderPressureWhateverTheShares() {
        // virtualization.md §1: memory reservation, "once the VM has touched it, it keeps it even when idle"
        MemoryActivity writesAll = MemoryActivity.unique(2048);
        Scenario s = MemoryScenarios.scenario(List.of(MemoryScenarios.host("host", 2048, HostMemoryPolicy.DEFAULT)),
                List.of(MemoryScenarios.vm("small", "host", 2048, writesAll.withActivePercent(0),
                                new MemoryQos(Shares.custom(1), MemoryQos.NO_LIMIT, 1024)),
                        MemoryScenarios.vm("big", "host", 2048, writesAll, shares(1_000_000, MemoryQos.NO_LIMIT, 0))));
        Simulation sim = org.virtlab.engine.Simulations.of(s);
        sim.addObserver(snap -> {
            MemorySnapshot.VmMemory small = memory(snap).vm("small");
            if (small.touchedPages() >= 256 * 1024) {
                assertTrue(small.consumedPages() >= 256 * 1024, "kept its 1 GiB: " + small.consumedPages());
            }
        });
        sim.runUntil(20_000_000);
        MemorySnapshot m = memory(sim);
        assertEquals(1024, m.vm("small").consumedMib(), 1.0);
        assertTrue(m.vm("big").balloonedPages() + m.vm("big").swappedPages() > 0);
    }
}
