package org.virtlab.engine;

/**
 * One part of the simulated machine room (CPU scheduling, memory, I/O, network) plugged into the
 * {@link Simulation} kernel. The kernel calls {@link #step} once per tick, in the order the subsystems
 * were registered, so the order of effects is total and fixed.
 *
 * <p>Everything a subsystem does must follow from its state, its inputs and the context's random
 * generator: no clocks, no threads, no iteration over hash-ordered collections.
 */
public interface Subsystem {

    /** A stable name, used in snapshots and checkpoints. */
    String name();

    /** Advances this subsystem over the tick {@code [ctx.nowMicros(), ctx.endMicros())}. */
    void step(StepContext ctx);

    /**
     * Applies a user's change (a new workload, a new limit...). Returns false when the input is not for
     * this subsystem; the kernel then offers it to the next one.
     */
    boolean accept(Input input);

    /**
     * As {@link #accept(Input)}, with the context of the tick the input takes effect in (its start time, and where
     * to emit events; the random generator must not be drawn from here). The kernel calls this one; a subsystem
     * whose inputs cause events overrides it.
     */
    default boolean accept(Input input, StepContext ctx) {
        return accept(input);
    }

    /** An immutable picture of the state after the last step, safe to hand to another thread. */
    SubsystemSnapshot snapshot();

    /** An immutable copy of the whole mutable state, enough for {@link #restore} to continue exactly. */
    Object saveState();

    /** Puts back a state returned by {@link #saveState()}. */
    void restore(Object savedState);
}
