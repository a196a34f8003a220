package org.virtlab.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.SimulationRunner.EventBatch;

/** The Events panel's list, filters, counts and Back/Forward positions, without the toolkit. */
class EventsViewModelTest {
    private final List<Long> seeks = new ArrayList<>();

    private static SimEvent switchOn(String vm, long at) {
        return new SimEvent(at, 1, 0, EventKind.VCPU_SWITCH, "host1", vm, null, null, null, List.of(0L, 0L, -1L));
    }

    private static SimEvent cow(String vm, long at) {
        return new SimEvent(at, 2, 0, EventKind.COW_FAULT, "host1", vm, null, null, null, List.of(5L));
    }

    private static SimEvent ksm(long at) {
        return new SimEvent(at, 2, 1, EventKind.KSM_MERGE, "host1", null, null, null, null, List.of(4L, 2L));
    }

    /** vm1 switch at 1 ms, vm2 COW at 2 ms, vm2 switch at 3 ms, host1 KSM at 4 ms, vm1 COW at 5 ms. */
    private EventsViewModel fiveEvents() {
        EventsViewModel vm = new EventsViewModel(new I18n(Locale.ENGLISH), id -> id, seeks::add);
        vm.update(List.of(new EventBatch(0, Long.MAX_VALUE, List.of(switchOn("vm1", 1_000), cow("vm2", 2_000))),
                new EventBatch(0, Long.MAX_VALUE, List.of(switchOn("vm2", 3_000), ksm(4_000), cow("vm1", 5_000)))),
                6_000);
        return vm;
    }

    @Test
    void filtersByKindTopicAndOwnerAndCountsShownOfTotal() {
        EventsViewModel vm = fiveEvents();
        assertEquals(5, vm.shown().size());
        assertEquals("5 of 5 events shown", vm.countTextProperty().get());
        assertEquals(List.of("vm1", "vm2", "host1"), vm.owners()); // in order of appearance
        vm.setTopicShown(EventTopic.MEMORY, false);
        assertEquals(List.of(1_000L, 3_000L), vm.shown().stream().map(SimEvent::atMicros).toList());
        assertEquals("2 of 5 events shown", vm.countTextProperty().get());
        vm.setTopicShown(EventTopic.MEMORY, true);
        vm.kindShownProperty(EventKind.VCPU_SWITCH).set(false);
        vm.ownerShownProperty("vm2").set(false);
        // COW of vm1 and the host's KSM merge remain
        assertEquals(List.of(4_000L, 5_000L), vm.shown().stream().map(SimEvent::atMicros).toList());
        vm.showAll();
        assertEquals(5, vm.shown().size());
    }

    @Test
    void backAndForwardStepThroughTheShownEventsAndSeekJustAfterEach() {
        EventsViewModel vm = fiveEvents();
        vm.kindShownProperty(EventKind.COW_FAULT).set(false); // shown: 1, 3, 4 ms
        vm.back(); // nothing selected, time on screen 6 ms: the newest shown before it
        assertEquals(4_000, vm.selectedProperty().get().atMicros());
        vm.back();
        assertEquals(3_000, vm.selectedProperty().get().atMicros());
        vm.back();
        vm.back(); // already at the first: stays
        assertEquals(0, vm.selectedIndexProperty().get());
        vm.forward();
        assertEquals(3_000, vm.selectedProperty().get().atMicros());
        assertEquals(List.of(4_000L, 3_000L, 1_000L, 3_000L), seeks); // each step seeks after its event once
        vm.kindShownProperty(EventKind.VCPU_SWITCH).set(false); // the selected kind is hidden: no selection
        assertNull(vm.selectedProperty().get());
        assertEquals(-1, vm.selectedIndexProperty().get());
    }

    @Test
    void anEditInThePastForgetsLaterEventsAndANewTimelineStartsOver() {
        EventsViewModel vm = fiveEvents();
        vm.update(List.of(new EventBatch(0, 3_000, List.of(cow("vm1", 3_500)))), 3_000);
        assertEquals(List.of(1_000L, 2_000L, 3_500L), vm.shown().stream().map(SimEvent::atMicros).toList());
        vm.update(List.of(new EventBatch(1, Long.MAX_VALUE, List.of())), 0);
        assertEquals(0, vm.shown().size());
        assertEquals(List.of(), vm.owners());
    }

    @Test
    void beyondItsCapacityTheOldestAreDroppedAndTheCountSaysSo() {
        EventsViewModel vm = new EventsViewModel(new I18n(Locale.ENGLISH), id -> id, seeks::add, 3);
        vm.update(List.of(new EventBatch(0, Long.MAX_VALUE, List.of(switchOn("vm1", 1_000), cow("vm2", 2_000),
                switchOn("vm2", 3_000), ksm(4_000), cow("vm1", 5_000)))), 6_000);
        assertEquals(List.of(3_000L, 4_000L, 5_000L), vm.shown().stream().map(SimEvent::atMicros).toList());
        assertEquals("3 of 3 events shown (the 2 oldest were dropped to keep memory bounded)",
                vm.countTextProperty().get());
    }

    @Test
    void droppingTheOldestWhilePlayingKeepsTheFilterAndTheSelection() {
        EventsViewModel vm = new EventsViewModel(new I18n(Locale.ENGLISH), id -> id, seeks::add, 3);
        vm.update(List.of(new EventBatch(0, Long.MAX_VALUE, List.of(switchOn("vm1", 1_000), cow("vm2", 2_000)))),
                2_000);
        vm.kindShownProperty(EventKind.COW_FAULT).set(false);
        vm.select(0); // the switch at 1 ms
        vm.update(List.of(new EventBatch(0, Long.MAX_VALUE, List.of(switchOn("vm2", 3_000)))), 3_000);
        assertEquals(0, vm.selectedIndexProperty().get());
        // capacity 3: the switch at 1 ms goes, the hidden COW at 2 ms stays, the two new ones come in
        vm.update(List.of(new EventBatch(0, Long.MAX_VALUE, List.of(switchOn("vm1", 4_000)))), 4_000);
        assertEquals(List.of(3_000L, 4_000L), vm.shown().stream().map(SimEvent::atMicros).toList());
        assertNull(vm.selectedProperty().get(), "the selected event was dropped");
        assertEquals("2 of 3 events shown (the oldest was dropped to keep memory bounded)",
                vm.countTextProperty().get());
        vm.select(0);
        vm.update(List.of(new EventBatch(0, Long.MAX_VALUE, List.of(ksm(5_000)))), 5_000); // the hidden COW goes
        assertEquals(0, vm.selectedIndexProperty().get());
        assertEquals(3_000, vm.selectedProperty().get().atMicros());
    }

    @Test
    void aPanelRebuiltInAnotherLanguageKeepsTheListFiltersAndSelection() {
        EventsViewModel before = fiveEvents();
        before.ownerShownProperty("vm2").set(false);
        before.select(1); // shown: vm1 switch, KSM, vm1 COW: the KSM merge at 4 ms
        EventsViewModel after = new EventsViewModel(new I18n(Locale.SIMPLIFIED_CHINESE), id -> id, seeks::add);
        after.update(List.of(new EventBatch(0, Long.MAX_VALUE, List.of(cow("vm3", 7_000)))), 7_000);
        after.carryOverFrom(before);
        assertEquals(List.of(1_000L, 4_000L, 5_000L, 7_000L), after.shown().stream().map(SimEvent::atMicros).toList());
        assertEquals(List.of("vm1", "vm2", "host1", "vm3"), after.owners());
        assertEquals(4_000, after.selectedProperty().get().atMicros());
        assertEquals("显示 4 / 6 个事件", after.countTextProperty().get());
        assertEquals(List.of(4_000L), seeks, "taking over seeks nothing");
    }
}
