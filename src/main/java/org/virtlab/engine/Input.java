package org.virtlab.engine;

/**
 * A change made from outside while the simulation runs (an edited parameter). Inputs are logged with the
 * simulated time at which they took effect, so that replay from a checkpoint reproduces them exactly.
 * Implementations are immutable records.
 */
public interface Input {
}
