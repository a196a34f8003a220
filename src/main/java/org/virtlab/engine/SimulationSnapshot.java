package org.virtlab.engine;

import java.util.List;
import java.util.Optional;

/**
 * The whole simulation at the end of a tick: immutable, safe to publish to the UI thread.
 *
 * @param nowMicros  simulated time
 * @param ticks      number of ticks run since time zero
 * @param subsystems one snapshot per subsystem, in registration order
 */
public record SimulationSnapshot(long nowMicros, long ticks, List<SubsystemSnapshot> subsystems) {

    public SimulationSnapshot {
        subsystems = List.copyOf(subsystems);
    }

    /** The snapshot of the given type, if a subsystem published one. */
    public <T extends SubsystemSnapshot> Optional<T> find(Class<T> type) {
        for (SubsystemSnapshot s : subsystems) {
            if (type.isInstance(s)) {
                return Optional.of(type.cast(s));
            }
        }
        return Optional.empty();
    }
}
