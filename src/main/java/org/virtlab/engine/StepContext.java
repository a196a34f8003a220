package org.virtlab.engine;

/**
 * What a subsystem may see and use while it advances by one tick: the tick's start time, its length, the
 * simulation's random generator and where to emit events. Handed out by {@link Simulation}; subsystems must not
 * keep it.
 */
public final class StepContext {
    private final SimRandom random;
    private final long tickMicros;
    private long nowMicros;
    private EventSink events = EventSink.OFF;

    StepContext(SimRandom random, long tickMicros) {
        this.random = random;
        this.tickMicros = tickMicros;
    }

    void moveTo(long startMicros) {
        this.nowMicros = startMicros;
    }

    void events(EventSink sink) {
        this.events = sink;
    }

    /** Simulated time at the start of the tick being computed. */
    public long nowMicros() {
        return nowMicros;
    }

    /** Length of one tick. */
    public long tickMicros() {
        return tickMicros;
    }

    /** Simulated time at the end of the tick being computed. */
    public long endMicros() {
        return nowMicros + tickMicros;
    }

    public SimRandom random() {
        return random;
    }

    /**
     * Where to emit events: the simulation's journal, or {@link EventSink#OFF} when it keeps none. Check
     * {@link EventSink#on()} before gathering what an event needs; emitting never changes the simulation.
     */
    public EventSink events() {
        return events;
    }
}
