package org.virtlab.engine;

import java.util.List;
import org.virtlab.engine.cpu.CpuDemandSubsystem;
import org.virtlab.engine.model.Scenario;

/** Builds the simulation of a scenario, with every subsystem that exists so far, in a fixed order. */
public final class Simulations {
    private Simulations() {
    }

    public static Simulation of(Scenario scenario) {
        return of(scenario, scenario.seed());
    }

    /** The scenario's simulation with another seed (the command line's {@code --seed}). */
    public static Simulation of(Scenario scenario, long seed) {
        return new Simulation(seed, scenario.tickMicros(), List.of(new CpuDemandSubsystem(scenario)));
    }
}
