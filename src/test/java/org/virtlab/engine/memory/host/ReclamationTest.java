package org.virtlab.engine.memory.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.memory.host.MemoryScenarios.assertBooksBalance;
import static org.virtlab.engine.memory.host.MemoryScenarios.memory;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.migration.MigrationPhase;
import org.virtlab.engine.migration.MigrationSnapshot;
import org.virtlab.engine.migration.StartMigration;
import org.virtlab.engine.model.Scenario;

/** Balloons give back when the pressure ends, swapped pages cost a swap-in, memory moves with a migrated VM. */
class ReclamationTest {

    /** The article's three 2 GiB guests writing all of it on a 4 GiB host, and an empty 8 GiB host beside. */
    private static Scenario overcommittedBesideEmpty() {
        MemoryActivity all = MemoryActivity.unique(2048);
        return MemoryScenarios.scenario(List.of(MemoryScenarios.host("host", 4096, HostMemoryPolicy.DEFAULT),
                        MemoryScenarios.host("spare", 8192, HostMemoryPolicy.DEFAULT)),
                List.of(MemoryScenarios.vm("vm1", "host", 2048, all, MemoryQos.DEFAULT),
                        MemoryScenarios.vm("vm2", "host", 2048, all, MemoryQos.DEFAULT),
                        MemoryScenarios.vm("vm3", "host", 2048, all, MemoryQos.DEFAULT)));
    }

    @Test
    void aWriteToASwappedPageSwapsItInAndChargesTheLatency() {
        Simulation sim = MemoryScenarios.run(overcommittedBesideEmpty(), 8);
        MemorySnapshot.VmMemory before = memory(sim).vm("vm1");
        assertTrue(before.swappedPages() > 0);
        assertEquals(0, before.swapIns());
        sim.submit(new SetMemoryActivity("vm1", MemoryActivity.unique(2048).withWriteMibPerSecond(64)));
        MemoryScenarios.runFor(sim, 5);
        MemorySnapshot.VmMemory after = memory(sim).vm("vm1");
        assertTrue(after.swapIns() > 0);
        // each swap-in costs the host's swap-in latency (100 µs by default, an SSD)
        assertEquals(after.swapIns() * HostMemoryPolicy.DEFAULT.swapInMicros(), after.swapInWaitMicros());
        assertBooksBalance(memory(sim));
    }

    @Test
    void whenAVmLeavesByMigrationTheOthersBalloonsDeflateAndItsMemoryGoesWithIt() {
        Simulation sim = MemoryScenarios.run(overcommittedBesideEmpty(), 8);
        MemorySnapshot squeezed = memory(sim);
        assertTrue(squeezed.vm("vm1").balloonedPages() > 0);
        // the guests no longer want it all, and vm3 moves out
        for (String vm : List.of("vm1", "vm2", "vm3")) {
            sim.submit(FreeMemory.mib(vm, 1024));
        }
        sim.submit(new StartMigration("vm3", "spare"));
        sim.addObserver(snap -> assertBooksBalance(memory(snap)), 10_000);
        MemoryScenarios.runFor(sim, 40);

        MigrationSnapshot.Migration moved = sim.snapshot().find(MigrationSnapshot.class).orElseThrow()
                .migrations().get(0);
        assertEquals(MigrationPhase.DONE, moved.phase());
        MemorySnapshot m = memory(sim);
        assertEquals("spare", m.vm("vm3").hostId());
        MemorySnapshot.HostMemory spare = m.host("spare");
        assertEquals(1 + m.vm("vm3").privatePages() + spare.pagesShared(), spare.usedPages());
        assertTrue(m.vm("vm3").privatePages() > 0, "its pages hold data on the new host");
        // pressure ended on the old host: the balloons gave everything back (virtio-balloon deflates)
        assertEquals(MemoryState.HIGH, m.host("host").state());
        assertEquals(0, m.vm("vm1").balloonedPages());
        assertEquals(0, m.vm("vm2").balloonedPages());
        Reclamation last = m.host("host").lastReclamation();
        assertTrue(last.actions().stream().allMatch(a -> a.technique() == Reclamation.Technique.DEFLATE
                && a.reason() == Reclamation.Reason.PRESSURE_ENDED));
    }

    @Test
    void theLowStateHoldsBackTheVmsAboveTheirTargets() {
        Simulation sim = Simulations.of(overcommittedBesideEmpty());
        boolean[] heldBack = {false};
        sim.addObserver(snap -> {
            MemorySnapshot m = memory(snap);
            if (m.vms().stream().anyMatch(v -> v.blocked() == BlockReason.LOW_STATE)) {
                heldBack[0] = true;
                // held back only in the low state (its reclamation said so), and only while above its target
                Reclamation r = m.host("host").lastReclamation();
                assertEquals(MemoryState.LOW, r.state());
                assertEquals(snap.nowMicros() - 1_000, r.atMicros());
            }
        });
        sim.runUntil(8_000_000);
        // the guests touch faster than the host reclaims: free memory falls below 1 %
        assertTrue(heldBack[0]);
    }
}
