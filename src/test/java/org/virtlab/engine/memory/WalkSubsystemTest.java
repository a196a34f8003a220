package org.virtlab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.model.Scenario;

/**
 * Page-walk references are events of the run (issue #9, "Simulation mode": the event list shows "page-walk
 * references", and Back returns the whole app to that moment).
 */
class WalkSubsystemTest {
    private static final long ADDRESS = 0x7ffd_1234_5678L; // the tab's default address (TranslationSettings.DEFAULT)
    private static final WalkAddress FOUR_OVER_FOUR =
            new WalkAddress(4, PageSize.FOUR_KIB, 4, PageSize.FOUR_KIB, ADDRESS);
    private static final WalkAddress OVER_TWO_MIB = new WalkAddress(4, PageSize.FOUR_KIB, 4, PageSize.TWO_MIB, ADDRESS);

    private static Simulation journaled(Scenario scenario) {
        Simulation sim = Simulations.of(scenario);
        sim.enableJournal(10_000);
        return sim;
    }

    private static List<SimEvent> walkEvents(Simulation sim) {
        List<SimEvent> out = new ArrayList<>();
        for (SimEvent e : sim.journal().events()) {
            if (e.kind() == EventKind.WALK_REFERENCE) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void aFourLevelGuestOverFourLevelEptJournalsItsTwentyFourReferencesInWalkOrder() {
        Simulation sim = journaled(TestScenarios.mixed());
        sim.runUntil(5_000);
        sim.submit(FOUR_OVER_FOUR);
        sim.step();

        List<SimEvent> refs = walkEvents(sim);
        // Bhargava et al. (ASPLOS 2008) and the article: (n+1)(m+1) − 1 = (4+1)(4+1) − 1 = 24 for 4 over 4
        assertEquals(24, refs.size());
        for (int i = 0; i < refs.size(); i++) {
            SimEvent e = refs.get(i);
            assertEquals(5_000, e.atMicros(), "at the start of the tick the walk was asked in");
            assertEquals(i + 1, e.arg(0), "steps 1..24 in order");
        }
        // The order (WalkCore's comment; Bhargava et al.): for each guest level, the 4-level host walk of its entry's
        // guest-physical address, then the guest entry; last the host walk of the data.
        assertRef(refs.get(0), WalkRole.HOST_FOR_GUEST_PML4, 4);
        assertRef(refs.get(3), WalkRole.HOST_FOR_GUEST_PML4, 1);
        assertRef(refs.get(4), WalkRole.GUEST_ENTRY, 4); // step 5 = 1·(4+1): the guest PML4 entry
        assertRef(refs.get(5), WalkRole.HOST_FOR_GUEST_PDPT, 4);
        assertRef(refs.get(9), WalkRole.GUEST_ENTRY, 3);
        assertRef(refs.get(14), WalkRole.GUEST_ENTRY, 2);
        assertRef(refs.get(15), WalkRole.HOST_FOR_GUEST_PT, 4);
        assertRef(refs.get(19), WalkRole.GUEST_ENTRY, 1); // step 20 = 4·(4+1): the guest PT entry
        assertRef(refs.get(20), WalkRole.HOST_FOR_DATA, 4);
        assertRef(refs.get(23), WalkRole.HOST_FOR_DATA, 1);
        // the entries are the walker's own, address for address
        Walk walk = FOUR_OVER_FOUR.nestedWalk();
        for (int i = 0; i < refs.size(); i++) {
            assertEquals(walk.references().get(i).address(), refs.get(i).arg(2));
            assertEquals(walk.references().get(i).level(), refs.get(i).arg(1));
        }
        WalkSnapshot shown = sim.snapshot().find(WalkSnapshot.class).orElseThrow();
        assertEquals(new WalkSnapshot(1, FOUR_OVER_FOUR), shown);
    }

    @Test
    void overTwoMibHostPagesTheHostWalksEndAtThePdAndTheWalkMakesNineteen() {
        Simulation sim = journaled(TestScenarios.mixed());
        sim.submit(OVER_TWO_MIB);
        sim.step();

        List<SimEvent> refs = walkEvents(sim);
        // mem-page-walk lesson, step 3, and the article's formula: 2 MiB host pages walk 3 host levels (PML4, PDPT,
        // PD), so (4+1)(3+1) − 1 = 19
        assertEquals(19, refs.size());
        assertRef(refs.get(0), WalkRole.HOST_FOR_GUEST_PML4, 4);
        assertRef(refs.get(2), WalkRole.HOST_FOR_GUEST_PML4, 2); // the host walk stops at the PD: 2 MiB page
        assertRef(refs.get(3), WalkRole.GUEST_ENTRY, 4); // step 4 = 1·(3+1)
        assertRef(refs.get(15), WalkRole.GUEST_ENTRY, 1); // step 16 = 4·(3+1)
        assertRef(refs.get(18), WalkRole.HOST_FOR_DATA, 2);
    }

    @Test
    void noEventWithoutAJournalAndTheScenarioWalkAtTimeZeroIsNotJournaled() {
        Simulation quiet = Simulations.of(TestScenarios.mixed());
        quiet.submit(FOUR_OVER_FOUR);
        quiet.step();
        assertEquals(new WalkSnapshot(1, FOUR_OVER_FOUR), quiet.snapshot().find(WalkSnapshot.class).orElseThrow());

        Simulation sim = journaled(TestScenarios.mixed());
        sim.runUntil(10_000);
        assertTrue(walkEvents(sim).isEmpty(), "the scenario's own walk was not asked for: nothing to tell");
        // TranslationSettings.DEFAULT: the scenario's walk is serial 0
        assertEquals(new WalkSnapshot(0, WalkAddress.of(TestScenarios.mixed().translation())),
                sim.snapshot().find(WalkSnapshot.class).orElseThrow());
    }

    @Test
    void aWalkChangesNoOtherSubsystemsNumbers() {
        Simulation plain = Simulations.of(TestScenarios.mixed()); // the bursty VM draws on the generator
        List<SimulationSnapshot> plainSeen = TestScenarios.record(plain);
        plain.runUntil(200_000);
        Simulation walked = journaled(TestScenarios.mixed());
        List<SimulationSnapshot> walkedSeen = TestScenarios.record(walked);
        walked.runUntil(50_000);
        walked.submit(FOUR_OVER_FOUR);
        walked.runUntil(200_000);
        assertEquals(plainSeen.size(), walkedSeen.size());
        for (int i = 0; i < plainSeen.size(); i++) { // all but the walk's own snapshot (the last) are equal
            List<?> a = plainSeen.get(i).subsystems();
            List<?> b = walkedSeen.get(i).subsystems();
            assertEquals(a.subList(0, a.size() - 1), b.subList(0, b.size() - 1), "tick " + i);
        }
    }

    @Test
    void theSameInputsJournalTheSameEvents() {
        List<List<SimEvent>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Simulation sim = journaled(TestScenarios.mixed());
            sim.runUntil(3_000);
            sim.submit(FOUR_OVER_FOUR);
            sim.runUntil(7_000);
            sim.submit(OVER_TWO_MIB);
            sim.runUntil(20_000);
            runs.add(sim.journal().events());
        }
        assertEquals(runs.get(0), runs.get(1));
        assertEquals(24 + 19, runs.get(0).stream().filter(e -> e.kind() == EventKind.WALK_REFERENCE).count());
    }

    @Test
    void backAcrossAWalkRestoresTheWalkBeforeAndForwardAgainIsBitIdentical() {
        // checkpoints every 10 ticks, so the rewind restores one and replays inputs from the log
        Simulation sim = Simulations.of(TestScenarios.mixed(), TestScenarios.mixed().seed(), false, 10, 1_000);
        sim.enableJournal(10_000);
        List<SimulationSnapshot> straight = TestScenarios.record(sim);
        sim.runUntil(15_000);
        sim.submit(FOUR_OVER_FOUR); // walk A at t1 = 15 ms
        sim.runUntil(32_000);
        sim.submit(OVER_TWO_MIB); // walk B at t2 = 32 ms
        sim.runUntil(60_000);
        List<SimEvent> straightEvents = sim.journal().events();
        SimulationSnapshot straightEnd = sim.snapshot();

        sim.rewindTo(25_000); // between A and B
        assertEquals(new WalkSnapshot(1, FOUR_OVER_FOUR), sim.snapshot().find(WalkSnapshot.class).orElseThrow());
        List<SimEvent> walks = walkEvents(sim);
        assertEquals(24, walks.size(), "only A's references: (4+1)(4+1) − 1");
        assertTrue(walks.stream().allMatch(e -> e.atMicros() == 15_000));

        sim.rewindTo(10_000); // before A: the scenario's own walk again
        assertEquals(0, sim.snapshot().find(WalkSnapshot.class).orElseThrow().serial());
        assertTrue(walkEvents(sim).isEmpty());

        int seenBefore = straight.size();
        sim.runUntil(60_000); // forward without new input: the logged walks happen again
        assertEquals(straightEnd, sim.snapshot());
        assertEquals(straightEvents, sim.journal().events());
        List<SimulationSnapshot> replayed = straight.subList(seenBefore, straight.size());
        assertEquals(50, replayed.size()); // 10 ms to 60 ms at 1 ms ticks
        TestScenarios.assertSameSnapshots(new ArrayList<>(straight.subList(10, 60)), new ArrayList<>(replayed)); // observers saw the same snapshots as the first time
    }

    @Test
    void whatTheWalkerCannotWalkIsRefusedWithTheRangeAllowed() {
        IllegalArgumentException levels = assertThrows(IllegalArgumentException.class,
                () -> new WalkAddress(4, PageSize.FOUR_KIB, 3, PageSize.FOUR_KIB, ADDRESS));
        // PageTableConfig's range: 4 or 5 levels (Intel SDM vol. 3A, 4.5: 4-level paging and LA57)
        assertTrue(levels.getMessage().contains("must be 4 (48-bit addresses) or 5"), levels.getMessage());
        // 0x0000_8000_0000_0000 is the first non-canonical address of 48-bit (4-level) tables (Intel SDM vol. 3A, 3.3.7.1)
        IllegalArgumentException address = assertThrows(IllegalArgumentException.class,
                () -> new WalkAddress(4, PageSize.FOUR_KIB, 4, PageSize.FOUR_KIB, 0x8000_0000_0000L));
        assertTrue(address.getMessage().contains("0x7fffffffffff"), address.getMessage());
    }

    private static void assertRef(SimEvent e, WalkRole role, int level) {
        assertEquals(EventKind.WALK_REFERENCE, e.kind());
        assertEquals(role, e.cause(), "step " + e.arg(0));
        assertEquals(level, e.arg(1), "step " + e.arg(0));
    }

    @Test
    void aGuestsPagingWriteIsTheVmExitShadowPagingTakesAndChangesNoWalk() {
        // virtualization.md §3 and the mem-page-walk lesson's goal: under shadow paging every guest CR3 switch and
        // every guest page-table write traps to the hypervisor (Mmu counts the same); with EPT/NPT neither does
        Simulation sim = journaled(TestScenarios.mixed());
        sim.runUntil(2_000);
        SimulationSnapshot before = sim.snapshot();
        sim.submit(new GuestPagingWrite(PagingExit.CR3_WRITE));
        sim.step();
        sim.submit(new GuestPagingWrite(PagingExit.PAGE_TABLE_WRITE));
        sim.step();
        List<SimEvent> exits = sim.journal().events().stream().filter(e -> e.kind() == EventKind.VM_EXIT).toList();
        assertEquals(List.of(PagingExit.CR3_WRITE, PagingExit.PAGE_TABLE_WRITE),
                exits.stream().map(SimEvent::cause).toList());
        assertEquals(List.of(2_000L, 3_000L), exits.stream().map(SimEvent::atMicros).toList(), "at their ticks");
        assertTrue(exits.stream().allMatch(e -> e.vmId() == null && e.deviceId() == null), "the tab's guest: no source");
        assertEquals(before.find(WalkSnapshot.class), sim.snapshot().find(WalkSnapshot.class), "the walk is the same");
        // Back to before the second write: only the first exit is left
        sim.rewindTo(3_000);
        assertEquals(List.of(PagingExit.CR3_WRITE), sim.journal().events().stream()
                .filter(e -> e.kind() == EventKind.VM_EXIT).map(SimEvent::cause).toList());
    }
}
