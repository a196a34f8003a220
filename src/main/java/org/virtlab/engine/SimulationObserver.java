package org.virtlab.engine;

/** Receives a snapshot after every tick. Called on the thread that runs the simulation. */
@FunctionalInterface
public interface SimulationObserver {
    void onTick(SimulationSnapshot snapshot);
}
