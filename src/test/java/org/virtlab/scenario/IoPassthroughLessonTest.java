package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.migration.MigrationReason;
import org.virtlab.engine.migration.MigrationSnapshot;
import org.virtlab.engine.migration.StartMigration;

/**
 * The lesson io-passthrough-iommu says what happens (virtualization.md §3; Intel VT-d specification, ch. 3 DMA
 * remapping and ch. 6 its caches, the IOTLB; ch. 5 interrupt remapping and posting): no exit on the data path, an
 * IOTLB too small for the working set misses nearly always, remapped interrupts exit once each and posted ones never,
 * and a VM with a passthrough device cannot be live-migrated (§5).
 */
class IoPassthroughLessonTest {

    private static Simulation run(long micros) throws ScenarioException {
        Simulation sim = Simulations.of(Lessons.load("io-passthrough-iommu").scenario());
        sim.runUntil(micros);
        return sim;
    }

    private static IoSnapshot.Totals totals(Simulation sim, String id) {
        return sim.snapshot().find(IoSnapshot.class).orElseThrow().device(id).orElseThrow().totals();
    }

    @Test
    void noReadExitsAndAnIotlbSmallerThanTheWorkingSetMissesNearlyAlways() throws ScenarioException {
        Simulation sim = run(1_000_000);
        IoSnapshot.Totals small = totals(sim, "nvme-small");
        IoSnapshot.Totals large = totals(sim, "nvme-large");
        IoSnapshot.Totals remap = totals(sim, "nvme-remap");
        for (IoSnapshot.Totals t : new IoSnapshot.Totals[] {small, large, remap}) {
            assertEquals(0, t.dataPathExits()); // the doorbell is the device's own register
        }
        assertEquals(0, small.exits()); // posted interrupts: none at all
        assertEquals(0, large.exits());
        // 32 reads × 64 KiB = 512 data pages + 1 page of 64-byte queue entries = 513 pages (IoCosts.PAGE_BYTES 4 KiB);
        // a 1024-entry IOTLB holds them: only the first touch of each misses
        assertEquals(513, large.iotlbMisses());
        // a 64-entry IOTLB (256 KiB) with LRU over 512 data pages touched in turn: every data page misses, only the
        // queue page hits; 16 of the 17 translations of a read, 94 %
        double missRatio = (double) small.iotlbMisses() / (small.iotlbMisses() + small.iotlbHits());
        assertEquals(16.0 / 17, missRatio, 0.005);
        // about 35,000 vs 45,000 reads a second: a miss costs 400 ns (IoCosts, Amit et al. WIOSCA 2010), 16 per read
        // = 6.4 µs on top of 21.8 µs of transfer (64 KiB at 3 GB/s)
        assertEquals(35_000, small.iops(), 1_000);
        assertEquals(45_000, large.iops(), 1_000);
        assertTrue(65_536 / 3e9 * large.iops() > 0.98); // the drive is busy all the time: its bandwidth is the limit
    }

    @Test
    void remappedInterruptsExitOncePerInterruptAndPostedNever() throws ScenarioException {
        Simulation sim = run(1_000_000);
        IoSnapshot.Totals posted = totals(sim, "nvme-large");
        IoSnapshot.Totals remap = totals(sim, "nvme-remap");
        assertEquals(remap.interrupts(), remap.exits());
        assertEquals(remap.interrupts(), remap.externalInterruptExits());
        assertEquals(45_000, remap.exits(), 1_000); // about 45,000 a second
        assertTrue(remap.hostIoNanos() > 0);
        assertEquals(0, posted.exits());
        assertEquals(0, posted.hostIoNanos());
        assertEquals(posted.completed(), remap.completed()); // the drive is the bottleneck: the same reads
    }

    @Test
    void noneOfTheThreeVmsCanBeLiveMigrated() throws ScenarioException {
        for (String vm : new String[] {"small-vm", "large-vm", "remap-vm"}) {
            Simulation sim = run(10_000);
            sim.submit(new StartMigration(vm, "host2"));
            sim.step();
            MigrationSnapshot.Migration m = sim.snapshot().find(MigrationSnapshot.class).orElseThrow()
                    .latest(vm).orElseThrow();
            assertEquals(MigrationReason.PASSTHROUGH, m.reason(), vm);
        }
    }
}
