package org.virtlab.ui.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.Input;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.memory.WalkAddress;
import org.virtlab.engine.model.Scenario;
import org.virtlab.ui.i18n.I18n;

/**
 * The animator's walks as moments of the run (issue #9: "page-walk references" are events, the selected one is
 * highlighted "in the walk", and Back returns the whole app to that moment), without a toolkit: the view model hands
 * its walks to a real simulation and shows the walk of the simulation's moment.
 *
 * <p>Expected counts: (n+1)(m+1) − 1 references for n guest and m host levels walked (Bhargava et al., ASPLOS 2008):
 * 24 for 4 over 4; 19 over 2 MiB host pages, whose host walks end at the PD after 3 levels (mem-page-walk lesson).
 */
class MemoryWalkEventsTest {
    private static final long DEFAULT = 0x7ffd_1234_5678L; // TranslationSettings.DEFAULT_ADDRESS
    private final Scenario scenario = TestScenarios.mixed();
    private final MemoryViewModel vm = new MemoryViewModel(new I18n(Locale.ENGLISH));
    private final List<Input> submitted = new ArrayList<>();
    private Simulation sim;

    @BeforeEach
    void wire() {
        sim = Simulations.of(scenario);
        sim.enableJournal(10_000);
        vm.reset(scenario);
        vm.setSubmitter(input -> {
            submitted.add(input);
            sim.submit(input); // as the runner's submitShown does when paused: the tick runs
            sim.step();
        });
    }

    private List<SimEvent> walkEvents() {
        return sim.journal().events().stream().filter(e -> e.kind() == EventKind.WALK_REFERENCE).toList();
    }

    @Test
    void aTableChosenIsSubmittedAndATypedAddressOnlyWhenCommitted() {
        sim.runUntil(5_000);
        assertTrue(vm.chooseHostPage(PageSize.TWO_MIB));
        assertEquals(List.of(new WalkAddress(4, PageSize.FOUR_KIB, 4, PageSize.TWO_MIB, DEFAULT)), submitted);
        assertEquals(19, walkEvents().size(), "(4+1)(3+1) − 1");

        vm.addressTextProperty().set("0x7f00aabbc123");
        assertEquals(1, submitted.size(), "typing walks in the tab only");
        vm.commitAddress();
        assertEquals(new WalkAddress(4, PageSize.FOUR_KIB, 4, PageSize.TWO_MIB, 0x7f00_aabb_c123L), submitted.get(1));
        vm.commitAddress();
        assertEquals(2, submitted.size(), "the simulation has that walk already");

        vm.addressTextProperty().set("0x8000_0000_0000"); // beyond 48 bits: refused, nothing submitted
        vm.commitAddress();
        assertEquals(2, submitted.size());
        assertEquals(19 * 2, walkEvents().size());
    }

    @Test
    void backAcrossAWalkShowsTheWalkOfThenAndForwardTheLaterOne() {
        sim.runUntil(3_000);
        vm.addressTextProperty().set("0x7f00aabbc123");
        vm.commitAddress(); // walk A in the tick at 3 ms
        sim.runUntil(9_000);
        vm.update(sim.snapshot());
        assertTrue(vm.chooseHostPage(PageSize.TWO_MIB)); // walk B in the tick at 9 ms
        sim.runUntil(20_000);
        vm.update(sim.snapshot());
        assertEquals(19, vm.nestedColumn().totalProperty().get());

        sim.rewindTo(5_000); // Back, between A and B
        vm.update(sim.snapshot());
        assertEquals("0x7f00aabbc123", vm.addressTextProperty().get());
        assertEquals(PageSize.FOUR_KIB, vm.hostPageProperty().get());
        assertEquals(24, vm.nestedColumn().totalProperty().get(), "(4+1)(4+1) − 1");
        assertEquals(24, walkEvents().size(), "only A's references are in the journal");

        sim.rewindTo(1_000); // before A: the scenario's own walk
        vm.update(sim.snapshot());
        assertEquals("0x7ffd12345678", vm.addressTextProperty().get());

        sim.runUntil(20_000); // Forward: the logged walks happen again
        vm.update(sim.snapshot());
        assertEquals(PageSize.TWO_MIB, vm.hostPageProperty().get());
        assertEquals("0x7f00aabbc123", vm.addressTextProperty().get());
        assertEquals(2, submitted.size(), "showing the simulation's walks asks for none");
    }

    @Test
    void aSelectedReferencePutsTheStepOnItOnceTheRunIsAtItsMoment() {
        sim.runUntil(3_000);
        vm.addressTextProperty().set("0x7f00aabbc123");
        vm.commitAddress(); // walk A at 3 ms
        sim.runUntil(9_000);
        assertTrue(vm.chooseHostPage(PageSize.TWO_MIB)); // walk B at 9 ms
        sim.runUntil(12_000);
        vm.update(sim.snapshot());
        SimEvent seventhOfA = walkEvents().get(6);
        assertEquals(3_000, seventhOfA.atMicros());
        assertEquals(7, seventhOfA.arg(0));

        vm.highlight(seventhOfA); // B is shown: its 7th reference is another entry, the step stays
        assertEquals(19, vm.stepProperty().get());
        vm.update(sim.snapshot()); // a frame before the seek lands changes nothing
        assertEquals(19, vm.stepProperty().get());
        sim.rewindTo(4_000); // the runner's seekAfterEvent: the end of the event's 1 ms tick
        vm.update(sim.snapshot());
        assertEquals(24, vm.maxStepProperty().get(), "A is shown");
        assertEquals(7, vm.stepProperty().get(), "the step is on the selected reference: it is the current one");
        // step 7 of 4 over 4: the 2nd of the 4 host references locating the guest's PDPT (steps 6–9; WalkCore's order)
        assertTrue(vm.currentBinding().get().contains("Step 7: EPT/NPT table PDPT"), vm.currentBinding().get());

        vm.stepForward(); // the animator's own stepping goes on from there
        assertEquals(8, vm.stepProperty().get());
        vm.highlight(walkEvents().get(2)); // reference 3 of the walk shown: at once
        assertEquals(3, vm.stepProperty().get());
    }

    @Test
    void aWalkAskedForIsNotUndoneByAFrameThatPrecedesIt() {
        sim.runUntil(3_000);
        List<Input> held = new ArrayList<>();
        vm.setSubmitter(held::add); // the runner has not taken it yet
        assertTrue(vm.chooseGuestLevels(5));
        vm.update(sim.snapshot()); // the frame still shows the moment before
        assertEquals(5, vm.guestLevelsProperty().get());
        assertEquals(29, vm.nestedColumn().totalProperty().get(), "5-level guest over 4-level host: (5+1)(4+1) − 1");
        sim.submit(held.get(0));
        sim.step();
        vm.update(sim.snapshot());
        assertEquals(5, vm.guestLevelsProperty().get());
        sim.rewindTo(2_000); // Back before it
        vm.update(sim.snapshot());
        assertEquals(4, vm.guestLevelsProperty().get());
    }
}
