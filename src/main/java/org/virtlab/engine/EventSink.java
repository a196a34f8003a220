package org.virtlab.engine;

/**
 * Where a subsystem emits its events while it steps ({@link StepContext#events()}). When the simulation keeps no
 * journal the sink is {@link #OFF}: {@link #on()} is false and emitting does nothing, so a subsystem checks
 * {@code on()} before it gathers what an event needs, and a run without a journal pays one branch.
 */
public interface EventSink {

    /** The sink of a simulation without a journal. */
    EventSink OFF = new EventSink() {
        @Override
        public boolean on() {
            return false;
        }

        @Override
        public void emit(EventKind kind, long atMicros, String hostId, String vmId, String deviceId, String peerId,
                         Enum<?> cause, long a0, long a1, long a2) {
        }
    };

    /** Whether events are kept: when false, skip the work of emitting. */
    boolean on();

    /**
     * Emits one event (see {@link SimEvent} for the fields); the arguments beyond the kind's
     * {@link EventKind#arity()} are ignored. A time outside the tick being computed is moved to its nearest end.
     */
    void emit(EventKind kind, long atMicros, String hostId, String vmId, String deviceId, String peerId,
              Enum<?> cause, long a0, long a1, long a2);
}
