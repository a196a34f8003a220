package org.virtlab.engine;

/**
 * What a subsystem may see and use while it advances by one tick: the tick's start time, its length and
 * the simulation's random generator. Handed out by {@link Simulation}; subsystems must not keep it.
 */
public final class StepContext {
    private final SimRandom random;
    private final long tickMicros;
    private long nowMicros;

    StepContext(SimRandom random, long tickMicros) {
        this.random = random;
        this.tickMicros = tickMicros;
    }

    void moveTo(long startMicros) {
        this.nowMicros = startMicros;
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
}
