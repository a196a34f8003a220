package org.virtlab.experiment;

/**
 * Told how far a sweep has got, from the threads that run it (often, and from several at once): a listener that
 * draws should only note the latest figures and show them on its own thread.
 */
@FunctionalInterface
public interface SweepProgress {
    /**
     * @param finishedRuns runs done so far
     * @param runs         runs in the sweep
     * @param fraction     simulated time run so far over all the runs' simulated time, 0–1
     */
    void update(int finishedRuns, int runs, double fraction);
}
