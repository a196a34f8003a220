package org.virtlab.engine.memory.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.memory.host.MemoryScenarios.assertBooksBalance;
import static org.virtlab.engine.memory.host.MemoryScenarios.memory;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * Content-based page sharing as Linux KSM does it (docs.kernel.org, admin-guide/mm/ksm: {@code pages_to_scan}
 * 100 per {@code sleep_millisecs} 20 by default; {@code pages_shared} counts shared frames, {@code pages_sharing}
 * the further pages mapping them, i.e. the pages saved; {@code max_page_sharing} 256 pages per frame).
 */
class PageSharingTest {
    /** 64 MiB per guest. */
    private static final long GUEST_PAGES = 64 * 256;

    private static Scenario fourVmsFromOneImage(MemoryActivity activity) {
        List<VmSpec> vms = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            vms.add(MemoryScenarios.vm("vm" + i, "host", 1024, activity, MemoryQos.DEFAULT));
        }
        return MemoryScenarios.scenario(List.of(MemoryScenarios.host("host", 8192, HostMemoryPolicy.DEFAULT)), vms);
    }

    private static MemoryActivity bootedFrom(String image) {
        return MemoryActivity.unique(64).withContent(0, 100, image);
    }

    /** Frames the guests' pages would take without sharing, minus the frames they take: what sharing saves. */
    private static long saved(MemorySnapshot m) {
        long backed = m.vms().stream().mapToLong(v -> v.privatePages() + v.sharedPages()).sum();
        return backed - (m.host("host").usedPages() - 1);
    }

    @Test
    void fourVmsFromOneImageSaveAtTheScanRateUntilOneCopyIsLeft() {
        Simulation sim = Simulations.of(fourVmsFromOneImage(bootedFrom("ubuntu-22.04")));
        sim.addObserver(snap -> {
            MemorySnapshot m = memory(snap);
            assertEquals(saved(m), m.host("host").pagesSharing(), "what sharing saves is pages_sharing");
            assertEquals(m.host("host").pagesSharing(), m.host("host").savedBySharingPages());
            assertBooksBalance(m);
        }, 10_000);
        sim.runUntil(4_000_000);
        // The first guest's pages go to the unstable tree: 16 384 pages at 100 per 20 ms take 3.28 s. From then on
        // each page of the second guest finds its twin: one frame saved per page scanned.
        long at4s = memory(sim).host("host").pagesSharing();
        assertTrue(at4s > 0);
        sim.runUntil(5_000_000);
        long at5s = memory(sim).host("host").pagesSharing();
        // KSM's defaults: 100 pages every 20 ms = 5 000 pages in a second
        assertEquals(5_000, at5s - at4s);
        // the scanner first sleeps: wake-ups at 20, 40, … 4 980 ms before 5 s
        assertEquals(249 * 100, memory(sim).host("host").pagesScanned());

        sim.runUntil(15_000_000);
        MemorySnapshot m = memory(sim);
        MemorySnapshot.HostMemory host = m.host("host");
        // four copies of each page, one frame left: pages_shared 16 384, pages_sharing 3 × 16 384
        assertEquals(GUEST_PAGES, host.pagesShared());
        assertEquals(3 * GUEST_PAGES, host.pagesSharing());
        assertEquals(1 + GUEST_PAGES, host.usedPages());
        for (MemorySnapshot.VmMemory vm : m.vms()) {
            assertEquals(GUEST_PAGES, vm.sharedPages());
            assertEquals(0, vm.privatePages());
            assertEquals(GUEST_PAGES / 4.0, vm.consumedPages(), 1e-9); // each charged a quarter of each frame
        }
        assertTrue(host.fullScans() >= 1);

        // One write to a shared page: copy-on-write gives the writer a private copy, one frame more
        long cowBefore = m.vm("vm2").cowFaults();
        sim.submit(new WriteMemory("vm2", 1));
        sim.step();
        MemorySnapshot after = memory(sim);
        assertEquals(host.usedPages() + 1, after.host("host").usedPages(), "consumption rises by exactly one page");
        assertEquals(host.pagesSharing() - 1, after.host("host").pagesSharing());
        assertEquals(GUEST_PAGES, after.host("host").pagesShared(), "the other three still share the frame");
        assertEquals(1, after.vm("vm2").privatePages());
        assertEquals(cowBefore + 1, after.vm("vm2").cowFaults());
        assertBooksBalance(after);
    }

    @Test
    void identicalPagesTakeOneFrameForEveryMaxPageSharingOfThem() {
        // all-zero guests: 4 × 16 384 = 65 536 identical pages, at most 256 per frame (max_page_sharing)
        Simulation sim = MemoryScenarios.run(fourVmsFromOneImage(MemoryActivity.unique(64).withContent(100, 0,
                "default")), 15);
        MemorySnapshot.HostMemory host = memory(sim).host("host");
        assertEquals(4 * GUEST_PAGES / 256, host.pagesShared());
        assertEquals(4 * GUEST_PAGES - 4 * GUEST_PAGES / 256, host.pagesSharing());
    }

    @Test
    void vmsBootedFromDifferentImagesShareNothing() {
        List<VmSpec> vms = List.of(
                MemoryScenarios.vm("a", "host", 1024, bootedFrom("ubuntu"), MemoryQos.DEFAULT),
                MemoryScenarios.vm("b", "host", 1024, bootedFrom("debian"), MemoryQos.DEFAULT));
        Simulation sim = MemoryScenarios.run(MemoryScenarios.scenario(
                List.of(MemoryScenarios.host("host", 8192, HostMemoryPolicy.DEFAULT)), vms), 10);
        MemorySnapshot.HostMemory host = memory(sim).host("host");
        assertEquals(0, host.pagesSharing());
        assertEquals(1 + 2 * GUEST_PAGES, host.usedPages());
    }

    @Test
    void sharingOnlyUnderPressureLeavesAnIdleHostAlone() {
        HostMemoryPolicy policy = HostMemoryPolicy.DEFAULT.withSharing(SharingMode.UNDER_PRESSURE, 100, 20);
        List<VmSpec> vms = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            vms.add(MemoryScenarios.vm("vm" + i, "host", 1024, bootedFrom("img"), MemoryQos.DEFAULT));
        }
        Simulation sim = MemoryScenarios.run(MemoryScenarios.scenario(
                List.of(MemoryScenarios.host("host", 8192, policy)), vms), 10);
        assertEquals(0, memory(sim).host("host").pagesScanned());
    }
}
