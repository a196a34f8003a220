package org.virtlab.engine;

/**
 * Marker for the immutable records a subsystem publishes after each tick. Implementations are records
 * holding only immutable values (primitives, strings, {@code List.copyOf}).
 */
public interface SubsystemSnapshot {
    /** The {@link Subsystem#name()} of the subsystem that made it. */
    String subsystem();
}
