package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.memory.host.BlockReason;
import org.virtlab.engine.memory.host.MemorySnapshot;
import org.virtlab.engine.memory.host.MemoryState;
import org.virtlab.engine.memory.host.Reclamation;
import org.virtlab.engine.memory.host.TouchMemory;
import org.virtlab.engine.memory.host.WriteMemory;
import org.virtlab.engine.model.Scenario;

/**
 * The overcommit lessons do what their texts say, each number checked at the simulated time the text gives, on
 * the lesson file itself. Sources: virtualization.md §2 (the course article's zero-page example; ESX's memory
 * states, 6 / 4 / 2 / 1 % free; memory QoS as for CPU, the article's 24 GB example), docs.kernel.org
 * admin-guide/mm/ksm (pages_to_scan 100 per sleep_millisecs 20; pages_shared, pages_sharing), Waldspurger,
 * "Memory Resource Management in VMware ESX Server", OSDI 2002 (§5.2, the idle memory tax). Where the engine's
 * dynamics decide a number (how much is ballooned rather than swapped, when reclamation is done), the number is
 * the engine's for this lesson, recorded and pinned here, and the text says "about" where it rounds.
 * The Overcommit panel's Touch and Write actions are the engine's {@link TouchMemory} and {@link WriteMemory}.
 */
class MemoryLessonsTest {
    private static final long PAGES_PER_MIB = 256; // 4 KiB pages

    private static Scenario lesson(String id) throws ScenarioException {
        Scenario s = Lessons.load(id).scenario();
        assertEquals("memory", s.view().tab(), id + " opens on the Memory tab");
        return s;
    }

    /** Both languages of the lesson's goal and steps state each fragment. */
    private static void assertSays(Scenario lesson, String... fragments) {
        for (String language : new String[] {"en", "zh"}) {
            String text = Stream.concat(Stream.of(lesson.goal()), lesson.steps().stream())
                    .map(t -> language.equals("en") ? t.en() : t.zh()).collect(Collectors.joining("\n"));
            for (String fragment : fragments) {
                assertTrue(text.contains(fragment), language + " text lacks \"" + fragment + "\"");
            }
        }
    }

    private static MemorySnapshot memory(Simulation sim) {
        return sim.snapshot().find(MemorySnapshot.class).orElseThrow();
    }

    private static Simulation runTo(Simulation sim, double seconds) {
        sim.runUntil(Math.round(seconds * 1e6));
        return sim;
    }

    /** Every guest page in exactly one state; no host uses more frames than it has. */
    private static void assertBooksBalance(MemorySnapshot m) {
        for (MemorySnapshot.VmMemory v : m.vms()) {
            assertEquals(v.configuredPages(), v.untouchedPages() + v.privatePages() + v.sharedPages()
                    + v.balloonedPages() + v.swappedPages(), v.vmId());
        }
        for (MemorySnapshot.HostMemory h : m.hosts()) {
            assertTrue(h.usedPages() <= h.capacityPages(), h.hostId());
        }
    }

    private static long mib(double value) {
        return Math.round(value);
    }

    // ---- mem-zero-pages: the course article's example -------------------------------------------------------

    @Test
    void zeroPagesThreeGuestsOfTwoGibWithOneGibWrittenCostThreeGibAndTheZeroFrame() throws ScenarioException {
        Scenario s = lesson("mem-zero-pages");
        assertSays(s, "1.5", "1 s", "1024 MiB", "2048 MiB", "3072 MiB", "4 KiB", "25 %");
        Simulation sim = runTo(Simulations.of(s), 1);
        for (double at : new double[] {1, 2}) {
            runTo(sim, at);
            MemorySnapshot m = memory(sim);
            for (MemorySnapshot.VmMemory vm : m.vms()) {
                assertEquals(2048, vm.configuredMib(), 1e-9, "the guest sees its 2 GiB");
                assertEquals(1024 * PAGES_PER_MIB, vm.privatePages(), "1 GiB written, one COW fault a page");
                assertEquals(1024 * PAGES_PER_MIB, vm.untouchedPages(), "1 GiB still on the zero frame");
                assertEquals(1024 * PAGES_PER_MIB, vm.cowFaults());
            }
            MemorySnapshot.HostMemory host = m.host("host1");
            // the article: the host spends about 3 GB: exactly 3 GiB and the one zero frame
            assertEquals(3 * 1024 * PAGES_PER_MIB + 1, host.usedPages());
            assertEquals(1.5, host.overcommitRatio(), 1e-12, "6 GiB configured on 4 GiB");
            assertEquals(MemoryState.HIGH, host.state());
            assertEquals(25, host.freePercent(), 0.01);
        }
    }

    /** Runs the lesson, touching 1024 MiB more on VM 1, 2 and 3 at the given seconds, as step 2 asks. */
    private static void touchTheRestAndExpectBalloonThenSwap(double... touchAt) throws ScenarioException {
        Scenario s = lesson("mem-zero-pages");
        assertSays(s, "1024 MiB", "4 %", "2 %", "6 %", "2048 MiB");
        Simulation sim = Simulations.of(s);
        Reclamation[] firstBalloon = new Reclamation[1];
        Reclamation[] firstSwap = new Reclamation[1];
        sim.addObserver(snap -> {
            MemorySnapshot m = snap.find(MemorySnapshot.class).orElseThrow();
            assertBooksBalance(m);
            Reclamation last = m.host("host1").lastReclamation();
            boolean balloons = last.actions().stream().anyMatch(a -> a.technique() == Reclamation.Technique.BALLOON);
            boolean swaps = last.actions().stream().anyMatch(a -> a.technique() == Reclamation.Technique.SWAP);
            if (balloons && firstBalloon[0] == null) {
                firstBalloon[0] = last;
            }
            if (swaps && firstSwap[0] == null) {
                firstSwap[0] = last;
            }
        });
        for (int i = 0; i < 3; i++) {
            runTo(sim, touchAt[i]);
            sim.submit(TouchMemory.mib("vm" + (i + 1), 1024));
        }
        runTo(sim, touchAt[2] + 5); // "within a few seconds"

        // ESX's states (virtualization.md §2): soft (below 4 % free) balloons, hard (below 2 %) swaps as well
        assertEquals(MemoryState.SOFT, firstBalloon[0].state(), "the balloons inflate first");
        assertTrue(firstBalloon[0].freePages() < 0.04 * 4096 * PAGES_PER_MIB);
        assertTrue(firstSwap[0].atMicros() > firstBalloon[0].atMicros(), "swapping only after ballooning began");
        assertTrue(firstSwap[0].state() == MemoryState.HARD || firstSwap[0].state() == MemoryState.LOW,
                firstSwap[0].state().toString());
        MemorySnapshot m = memory(sim);
        MemorySnapshot.HostMemory host = m.host("host1");
        assertEquals(MemoryState.HIGH, host.state());
        assertEquals(6, host.freePercent(), 0.01, "reclamation aims for the high threshold, 6 % free");
        for (MemorySnapshot.VmMemory vm : m.vms()) {
            assertEquals(0, vm.untouchedPages(), vm.vmId() + " wrote all its 2 GiB");
            assertTrue(vm.balloonedPages() > vm.swappedPages() && vm.swappedPages() > 0,
                    vm.vmId() + ": mostly ballooned, the rest swapped: " + vm);
        }
    }

    @Test
    void zeroPagesWritingTheRestMakesTheHostBalloonThenSwapTouchedTogether() throws ScenarioException {
        touchTheRestAndExpectBalloonThenSwap(2, 2, 2);
    }

    @Test
    void zeroPagesWritingTheRestMakesTheHostBalloonThenSwapTouchedOneAfterAnother() throws ScenarioException {
        touchTheRestAndExpectBalloonThenSwap(2, 3, 4); // a student clicks one VM after another
    }

    // ---- mem-page-sharing: KSM --------------------------------------------------------------------------------

    @Test
    void pageSharingSavesAtTheScanRateUntilOneFrameAPageIsLeftAndAWriteCostsOnePage() throws ScenarioException {
        Scenario s = lesson("mem-page-sharing");
        assertSays(s, "64 MiB", "100", "20 ms", "5,000", "256 MiB", "16,384", "3.3 s", "19.5 MiB", "8,516", "5 s",
                "13,516", "6 s", "14 s", "192 MiB", "49,152", "16 MiB", "1 MiB");
        Simulation sim = Simulations.of(s);
        sim.addObserver(snap -> {
            MemorySnapshot m = snap.find(MemorySnapshot.class).orElseThrow();
            MemorySnapshot.HostMemory h = m.host("host1");
            long backed = m.vms().stream().mapToLong(v -> v.privatePages() + v.sharedPages()).sum();
            // KSM: pages_sharing is what sharing saves, at every tick
            assertEquals(backed - (h.usedPages() - 1), h.pagesSharing());
            assertEquals(h.pagesSharing(), h.savedBySharingPages());
            assertBooksBalance(m);
        }, 10_000);
        runTo(sim, 1);
        assertEquals(4 * 64 * PAGES_PER_MIB + 1, memory(sim).host("host1").usedPages(), "256 MiB + the zero frame");
        // 16,384 pages of VM 1 at 100 per 20 ms: 3.28 s before the first twin is found
        runTo(sim, 3.2);
        assertEquals(0, memory(sim).host("host1").pagesSharing());
        runTo(sim, 3.3);
        assertTrue(memory(sim).host("host1").pagesSharing() > 0);
        runTo(sim, 5);
        long at5 = memory(sim).host("host1").savedBySharingPages();
        assertEquals(8_516, at5);
        runTo(sim, 6);
        assertEquals(13_516, memory(sim).host("host1").savedBySharingPages());
        assertEquals(5_000, 13_516 - at5, "100 pages / 20 ms = 5,000 pages (19.5 MiB) a second");
        assertEquals(19.5, 5_000.0 / PAGES_PER_MIB, 0.05);

        runTo(sim, 14);
        MemorySnapshot m = memory(sim);
        MemorySnapshot.HostMemory host = m.host("host1");
        assertEquals(16_384, host.pagesShared(), "64 MiB of frames");
        assertEquals(49_152, host.pagesSharing(), "three further copies of each: 192 MiB saved");
        assertEquals(192, host.savedBySharingMib(), 1e-9);
        assertEquals(16_384 + 1, host.usedPages(), "64 MiB and the zero frame");
        for (MemorySnapshot.VmMemory vm : m.vms()) {
            assertEquals(16, vm.consumedMib(), 1e-9, "a quarter of each frame");
        }

        // step 3: VM 2 writes 1 MiB: copy-on-write gives each of its 256 pages a frame of its own
        sim.submit(WriteMemory.mib("vm2", 1));
        sim.step();
        MemorySnapshot after = memory(sim);
        assertEquals(host.usedPages() + 256, after.host("host1").usedPages());
        assertEquals(host.pagesSharing() - 256, after.host("host1").pagesSharing());
        assertEquals(16_384, after.host("host1").pagesShared(), "the other three still share every frame");
        // one write, one page (the "consumption rises by exactly one page")
        sim.submit(new WriteMemory("vm2", 1));
        sim.step();
        assertEquals(after.host("host1").usedPages() + 1, memory(sim).host("host1").usedPages());
    }

    // ---- mem-balloon-swap -------------------------------------------------------------------------------------

    @Test
    void ballooningGetsTheHostBackToHighInSixSecondsSwappingAloneInTwentyOne() throws ScenarioException {
        Scenario s = lesson("mem-balloon-swap");
        assertSays(s, "256 MiB/s", "128 MiB/s", "4 GiB", "3 GiB", "2 s", "2 %", "6 s", "6 %", "931 MiB", "216 MiB",
                "21 s", "1147 MiB");
        // the goal's rates: ESX-like defaults on Host 1 (HostMemoryPolicy.DEFAULT), no balloon driver on Host 2
        assertEquals(256, s.host("host1").orElseThrow().memoryPolicy().balloonMibPerSecond());
        assertEquals(0, s.host("host2").orElseThrow().memoryPolicy().balloonMibPerSecond());
        assertEquals(128, s.host("host2").orElseThrow().memoryPolicy().swapOutMibPerSecond());
        assertEquals(50, s.vm("a1").orElseThrow().memoryActivity().activePercent(), "keep using half");
        Simulation sim = Simulations.of(s);
        sim.addObserver(snap -> {
            MemorySnapshot m = snap.find(MemorySnapshot.class).orElseThrow();
            assertBooksBalance(m);
            for (Reclamation.Action a : m.host("host1").lastReclamation().actions()) {
                if (a.technique() == Reclamation.Technique.SWAP) {
                    // Host 1 swaps only while below 2 % free (hard or low), its balloons not keeping up
                    assertTrue(a.reason() == Reclamation.Reason.HOST_HARD || a.reason() == Reclamation.Reason.HOST_LOW,
                            a.toString());
                }
            }
            assertEquals(0, m.vm("b1").balloonedPages() + m.vm("b2").balloonedPages(), "Host 2 has no balloons");
        });
        runTo(sim, 2);
        for (String h : List.of("host1", "host2")) {
            assertTrue(memory(sim).host(h).freePercent() < 2, h + " has run out at 2 s");
        }
        runTo(sim, 6);
        MemorySnapshot m = memory(sim);
        assertEquals(MemoryState.HIGH, m.host("host1").state());
        assertEquals(6, m.host("host1").freePercent(), 0.01);
        assertNotEquals(MemoryState.HIGH, m.host("host2").state(), "Host 2 is still short");
        for (String vm : List.of("a1", "a2")) {
            assertEquals(931, mib(m.vm(vm).balloonedMib()), vm);
            assertEquals(216, mib(m.vm(vm).swappedMib()), vm);
        }
        runTo(sim, 20);
        assertNotEquals(MemoryState.HIGH, memory(sim).host("host2").state(), "still short at 20 s");
        runTo(sim, 21);
        m = memory(sim);
        assertEquals(MemoryState.HIGH, m.host("host2").state());
        assertEquals(6, m.host("host2").freePercent(), 0.01);
        for (String vm : List.of("b1", "b2")) {
            assertEquals(1147, mib(m.vm(vm).swappedMib()), vm);
        }
        // step 3: the same amount taken from each VM either way
        assertEquals(1147, mib(m.vm("a1").balloonedMib() + m.vm("a1").swappedMib()));
        assertEquals(m.vm("a1").consumedPages(), m.vm("b1").consumedPages(), 1e-9);
    }

    // ---- mem-qos: the article's 24 GB example -----------------------------------------------------------------

    @Test
    void qosSharesOneTwoThreeEntitleFourEightTwelveAndALimitOfEightLeavesFiveThirdsAndTenThirds()
            throws ScenarioException {
        Scenario s = lesson("mem-qos");
        assertSays(s, "24 GiB", "1 : 2 : 3", "4", "12 GiB", "8 GiB", "1 : 2", "5.33", "10.67", "1 GiB", "8 s",
                "30 s", "3.9", "7.9", "11.8", "5.3", "10.5");
        Simulation sim = Simulations.of(s);
        Reclamation[] first = new Reclamation[1];
        sim.addObserver(snap -> {
            Reclamation last = snap.find(MemorySnapshot.class).orElseThrow().host("host1").lastReclamation();
            if (first[0] == null && last.atMicros() >= 0) {
                first[0] = last;
            }
        });
        runTo(sim, 0.001);
        MemorySnapshot m = memory(sim);
        // virtualization.md §2, the article: shares 1:2:3 of 24 GB under full contention → 4 / 8 / 12 GB
        assertEquals(4096, m.vm("vm1").grantedMib(), 1e-6);
        assertEquals(8192, m.vm("vm2").grantedMib(), 1e-6);
        assertEquals(12288, m.vm("vm3").grantedMib(), 1e-6);
        // "a VM capped at 8 GB gets 8 even if its shares say 12": the other 16 GiB split 1:2
        assertEquals(8192, m.vm("vm3b").grantedMib(), 1e-6);
        assertEquals(16384 / 3.0, m.vm("vm1b").grantedMib(), 1e-6);
        assertEquals(32768 / 3.0, m.vm("vm2b").grantedMib(), 1e-6);
        assertEquals(5.33, m.vm("vm1b").grantedMib() / 1024, 0.005);
        assertEquals(10.67, m.vm("vm2b").grantedMib() / 1024, 0.005);

        // 1 GiB/s each: 24 GiB by 8 s; reclamation starts as it fills, lowest shares per page first
        runTo(sim, 8);
        assertTrue(memory(sim).host("host1").freePercent() < 1, "full at 8 s");
        assertTrue(first[0] != null && first[0].atMicros() > 7_500_000 && first[0].atMicros() <= 8_000_000);
        assertEquals("vm1", first[0].actions().get(0).vmId());

        runTo(sim, 30);
        m = memory(sim);
        double gib = 1024;
        assertEquals(3.9, m.vm("vm1").consumedMib() / gib, 0.05);
        assertEquals(7.9, m.vm("vm2").consumedMib() / gib, 0.05);
        assertEquals(11.8, m.vm("vm3").consumedMib() / gib, 0.05);
        assertEquals(2, m.vm("vm2").consumedPages() / m.vm("vm1").consumedPages(), 0.01 * 2, "1 : 2 : 3");
        assertEquals(3, m.vm("vm3").consumedPages() / m.vm("vm1").consumedPages(), 0.01 * 3, "1 : 2 : 3");
        assertEquals(8192, m.vm("vm3b").consumedMib(), 1e-9, "exactly its limit");
        assertEquals(BlockReason.LIMIT, m.vm("vm3b").blocked());
        assertEquals(5.3, m.vm("vm1b").consumedMib() / gib, 0.05);
        assertEquals(10.5, m.vm("vm2b").consumedMib() / gib, 0.05);
        assertBooksBalance(m);
    }

    // ---- mem-idle-tax: Waldspurger 2002 -----------------------------------------------------------------------

    @Test
    void idleTaxTheIdleVmWithMoreSharesLosesMemoryWithoutItTheBusyOne() throws ScenarioException {
        Scenario s = lesson("mem-idle-tax");
        assertSays(s, "2000", "10 %", "1000", "1 GiB", "2 GiB", "τ = 75 %", "k = 1 / (1 − τ) = 4", "1 s",
                "(0.1 + 4 · 0.9)", "3.7P", "1000 / P", "5 s", "901 MiB", "553 MiB", "82 MiB", "1024 MiB", "ρ = S / P");
        Simulation sim = Simulations.of(s);
        MemorySnapshot[] before = new MemorySnapshot[1];
        Reclamation[] first = new Reclamation[1];
        MemorySnapshot[] beforeFirst = new MemorySnapshot[1];
        sim.addObserver(snap -> {
            MemorySnapshot m = snap.find(MemorySnapshot.class).orElseThrow();
            if (first[0] == null && m.host("host1").lastReclamation().atMicros() >= 0) {
                first[0] = m.host("host1").lastReclamation();
                beforeFirst[0] = before[0];
            }
            before[0] = m;
            // the one that keeps all it wrote, on each host
            assertEquals(0, m.vm("busy").balloonedPages() + m.vm("busy").swappedPages());
            assertEquals(0, m.vm("idle2").balloonedPages() + m.vm("idle2").swappedPages());
            assertBooksBalance(m);
        });
        runTo(sim, 1);
        assertTrue(memory(sim).host("host1").freePercent() < 1, "out of memory at 1 s");
        Reclamation.Action action = first[0].actions().get(0);
        assertEquals("idle", action.vmId());
        // ρ = S / (P (f + k (1 − f))), S = 2000, f = 0.1, k = 1 / (1 − 0.75) = 4: f + k (1 − f) = 3.7
        double p = beforeFirst[0].vm("idle").consumedPages();
        assertEquals(2000 / (p * (0.1 + 4 * (1 - 0.1))), action.sharesPerPage(), 1e-12);
        assertTrue(action.sharesPerPage() < 1000 / beforeFirst[0].vm("busy").consumedPages());

        runTo(sim, 5);
        MemorySnapshot m = memory(sim);
        for (String[] pair : new String[][] {{"idle", "busy"}, {"busy2", "idle2"}}) {
            MemorySnapshot.VmMemory loser = m.vm(pair[0]);
            assertEquals(901, mib(loser.consumedMib()), pair[0]);
            assertEquals(553, mib(loser.balloonedMib()), pair[0]);
            assertEquals(82, mib(loser.swappedMib()), pair[0]);
            assertEquals(1024, m.vm(pair[1]).consumedMib(), 1e-9, pair[1]);
        }
        // without the tax (τ = 0: k = 1, ρ = S / P) Host 2 took from the busy VM, the one with fewer shares per page
        assertEquals("busy2", m.host("host2").lastReclamation().actions().get(0).vmId());
    }
}
