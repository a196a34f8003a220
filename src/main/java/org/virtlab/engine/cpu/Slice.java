package org.virtlab.engine.cpu;

/**
 * One time slice: vCPU {@code vcpu} of VM {@code vm} ran on logical CPU {@code logicalCpu} over
 * {@code [startMicros, endMicros)} of simulated time. What the classroom animation draws.
 */
public record Slice(int logicalCpu, int vm, int vcpu, long startMicros, long endMicros) {
    public Slice {
        if (endMicros <= startMicros) {
            throw new IllegalArgumentException("a slice ends after it starts: " + startMicros + ".." + endMicros);
        }
    }

    public long durationMicros() {
        return endMicros - startMicros;
    }
}
