package org.virtlab.engine.memory;

import java.util.List;
import java.util.Objects;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.EventSink;
import org.virtlab.engine.Input;
import org.virtlab.engine.StepContext;
import org.virtlab.engine.Subsystem;
import org.virtlab.engine.SubsystemSnapshot;
import org.virtlab.engine.model.Scenario;

/**
 * The page walk the Memory tab's animator shows, as part of the run: it starts as the scenario's translation
 * settings say, and each {@link WalkAddress} (an address walked, tables changed) replaces it and journals the walk's
 * memory references, so that the Events panel lists them, a rewind restores the walk of that moment and the replay
 * journals them again.
 *
 * <p>The journal tells the nested (EPT / NPT) walk, one {@link EventKind#WALK_REFERENCE} per reference at the start
 * of the tick the input takes effect in, in walk order: it is the longest of the animator's three walks, the one its
 * shared step runs through (the native and shadow walks read the same kind of entries, fewer, and are not
 * journaled). A walk is instantaneous here: it takes no simulated time and changes nothing else; {@link #step} does
 * nothing and draws nothing from the random generator, so the other subsystems' numbers are what they were without
 * it.
 *
 * <p>A {@link GuestPagingWrite} (the guest switches process, or edits a page-table entry) is journaled as the
 * {@link EventKind#VM_EXIT} it costs under shadow paging, with its {@link PagingExit}; it changes no walk.
 */
public final class WalkSubsystem implements Subsystem {
    /** The {@link Subsystem#name()}. */
    public static final String NAME = "walk";

    private WalkSnapshot state;

    /** Starts from the scenario's translation settings. */
    public WalkSubsystem(Scenario scenario) {
        this(WalkAddress.of(scenario.translation()));
    }

    public WalkSubsystem(WalkAddress initial) {
        state = new WalkSnapshot(0, Objects.requireNonNull(initial, "initial"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void step(StepContext ctx) {
        // a walk happens when it is asked for: nothing advances with time
    }

    @Override
    public boolean accept(Input input) {
        return accept(input, null);
    }

    @Override
    public boolean accept(Input input, StepContext ctx) {
        if (input instanceof GuestPagingWrite write) {
            EventSink events = ctx == null ? EventSink.OFF : ctx.events();
            if (events.on()) { // the shadow column's cost: one exit per write; the nested column's: none
                events.emit(EventKind.VM_EXIT, ctx.nowMicros(), null, null, null, null, write.write(), 0, 0, 0);
            }
            return true;
        }
        if (!(input instanceof WalkAddress walk)) {
            return false;
        }
        state = new WalkSnapshot(state.serial() + 1, walk);
        EventSink events = ctx == null ? EventSink.OFF : ctx.events();
        if (events.on()) {
            List<MemoryReference> refs = walk.nestedWalk().references();
            for (int i = 0; i < refs.size(); i++) {
                MemoryReference r = refs.get(i);
                events.emit(EventKind.WALK_REFERENCE, ctx.nowMicros(), null, null, null, null, WalkRole.of(refs, i),
                        r.step(), r.level(), r.address());
            }
        }
        return true;
    }

    @Override
    public SubsystemSnapshot snapshot() {
        return state;
    }

    @Override
    public Object saveState() {
        return state; // immutable
    }

    @Override
    public void restore(Object savedState) {
        state = (WalkSnapshot) savedState;
    }
}
