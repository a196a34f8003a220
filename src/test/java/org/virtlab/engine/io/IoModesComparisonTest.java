package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.io.IoScenarios.simulation;
import static org.virtlab.engine.io.IoScenarios.spec;
import static org.virtlab.engine.io.IoScenarios.totals;

import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;

/**
 * The three modes on the same workload (virtualization.md §3): emulation exits on every register access, virtio only
 * to kick, passthrough never on its data path; throughput ranks the other way (the article: passthrough performs
 * best; ELI, ASPLOS 2012: assigned devices reach 97–100 % of bare metal once interrupts need no exit either).
 */
class IoModesComparisonTest {

    private static void assertRanks(IoWorkload w, EmulatedModel model) {
        Simulation sim = simulation(spec("emulated", w, new IoMode.Emulated(model)),
                spec("virtio", w, IoMode.Virtio.DEFAULT), spec("passthrough", w, IoMode.Passthrough.DEFAULT));
        sim.runUntil(200_000);
        IoSnapshot.Totals emulated = totals(sim, "emulated");
        IoSnapshot.Totals virtio = totals(sim, "virtio");
        IoSnapshot.Totals passthrough = totals(sim, "passthrough");
        String table = "exits/request " + emulated.exitsPerRequest() + " > " + virtio.exitsPerRequest() + " > "
                + passthrough.exitsPerRequest() + "; IOPS " + emulated.iops() + " < " + virtio.iops() + " < "
                + passthrough.iops();
        assertTrue(emulated.exitsPerRequest() > virtio.exitsPerRequest(), table);
        assertTrue(virtio.exitsPerRequest() > 0, table);
        assertEquals(0, passthrough.dataPathExits(), table);
        assertEquals(0, passthrough.exits(), table); // posted interrupts: none on the way back either
        assertTrue(emulated.iops() < virtio.iops(), table);
        assertTrue(virtio.iops() < passthrough.iops(), table);
        assertTrue(emulated.meanLatencyNanos() > virtio.meanLatencyNanos(), table);
        assertTrue(virtio.meanLatencyNanos() > passthrough.meanLatencyNanos(), table);
        // and the host pays for it: no host CPU on passthrough's path
        assertTrue(emulated.hostIoNanos() > 0 && virtio.hostIoNanos() > 0, table);
        assertEquals(0, passthrough.hostIoNanos(), table);
    }

    @Test
    void smallPacketsRankPassthroughVirtioEmulatedInThroughputAndTheOtherWayInExits() {
        // 256-byte packets, 64 outstanding: the CPU path, not the 10 GbE wire (4.9 million packets/s), is the limit
        assertRanks(new IoWorkload.ClosedLoop(IoKind.NET_TX, 256, 64), EmulatedModel.E1000);
    }

    @Test
    void fourKibReadsRankTheSameWayWithAnIdeDiskAsTheEmulatedOne() {
        // 4 KiB reads, 32 outstanding, on a 3 GB/s SSD (732,000 reads/s at most)
        assertRanks(new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 32), EmulatedModel.IDE);
    }

    @Test
    void remappedInterruptsExitOncePerInterruptButNeverOnTheDataPath() {
        // without posted interrupts the host takes each interrupt (an external-interrupt exit) and injects it
        IoWorkload w = new IoWorkload.ClosedLoop(IoKind.NET_TX, 1_500, 16, 10_000);
        Simulation sim = simulation(spec("posted", w, IoMode.Passthrough.DEFAULT),
                spec("remapped", w, new IoMode.Passthrough(false, 64, 1_024)));
        sim.runUntil(100_000);
        IoSnapshot.Totals posted = totals(sim, "posted");
        IoSnapshot.Totals remapped = totals(sim, "remapped");
        assertEquals(10_000, remapped.completed());
        assertEquals(0, remapped.dataPathExits());
        assertEquals(remapped.interrupts(), remapped.exits());
        assertEquals(remapped.interrupts(), remapped.externalInterruptExits());
        assertTrue(remapped.interrupts() > 0);
        assertEquals(0, posted.exits());
        assertTrue(posted.meanLatencyNanos() < remapped.meanLatencyNanos());
    }

    @Test
    void aWorkingSetOfBuffersBeyondTheIotlbMissesOnEveryDataPage() {
        // 64 KiB reads: each request's DMA touches its 16 data pages and its queue entry's page (shared by the first
        // 64 entries). The SSD (21.8 µs per transfer at 3 GB/s) is slower than the driver, so every outstanding request
        // is in the device and the buffers are reused in turn. 2 outstanding: 2 × 16 + 1 = 33 pages fit a 64-entry
        // IOTLB, only the first touches miss. 8 outstanding: 8 × 16 + 1 = 129 pages cycle through 64 entries, and
        // least-recently-used replacement then misses every data page; the queue page, touched every request, hits.
        Simulation sim = simulation(
                spec("fits", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 65_536, 2), IoMode.Passthrough.DEFAULT),
                spec("thrashes", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 65_536, 8), IoMode.Passthrough.DEFAULT));
        sim.runUntil(50_000);
        IoSnapshot.Totals fits = totals(sim, "fits");
        IoSnapshot.Totals thrashes = totals(sim, "thrashes");
        assertEquals(33, fits.iotlbMisses());
        assertEquals(16 * thrashes.submitted() + 1, thrashes.iotlbMisses()); // + the queue page, once
        assertEquals(thrashes.submitted() - 1, thrashes.iotlbHits());
        assertTrue(thrashes.iotlbNanos() > 16 * 400 * thrashes.submitted()); // IoCosts.DEFAULT.iotlbMissNanos
    }
}
