package org.virtlab.engine;

import java.util.List;
import org.virtlab.engine.cpu.CpuDemandSubsystem;
import org.virtlab.engine.cpu.CpuSubsystem;
import org.virtlab.engine.model.Scenario;

/** Builds the simulation of a scenario, with every subsystem that exists so far, in a fixed order. */
public final class Simulations {
    private Simulations() {
    }

    public static Simulation of(Scenario scenario) {
        return of(scenario, scenario.seed());
    }

    /**
     * The scenario's simulation with another seed (the command line's {@code --seed}). CPU demand comes
     * first: the CPU allocation reads it in the same tick.
     */
    public static Simulation of(Scenario scenario, long seed) {
        return of(scenario, seed, false);
    }

    /**
     * @param slices also run the time-slice scheduler beneath the fluid CPU allocation, for the window's
     *               animation; the numbers the simulation reports are the same either way
     */
    public static Simulation of(Scenario scenario, long seed, boolean slices) {
        CpuDemandSubsystem demand = new CpuDemandSubsystem(scenario);
        return new Simulation(seed, scenario.tickMicros(), List.of(demand, new CpuSubsystem(scenario, demand, slices)));
    }
}
