package org.virtlab.ui.network;

import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;

/**
 * For tests without a window: the Network tab's probes go into a simulation of their own, which runs the probe's
 * tick at once and hands the tab its snapshot, as the shell's runner does when paused ({@code submitShown}).
 */
public final class LocalNetwork {
    private final Simulation simulation;

    private LocalNetwork(Simulation simulation) {
        this.simulation = simulation;
    }

    /** Resets the tab to {@code scenario} and gives it a simulation of it; returns the simulation's handle. */
    public static LocalNetwork attach(NetworkViewModel vm, Scenario scenario) {
        vm.reset(scenario);
        LocalNetwork local = new LocalNetwork(Simulations.of(scenario));
        local.simulation.enableJournal(100_000);
        vm.setSubmitter(input -> {
            local.simulation.submit(input);
            local.simulation.step();
            vm.update(local.simulation.snapshot());
        });
        vm.update(local.simulation.snapshot());
        return local;
    }

    /** The simulation the probes ran in (its journal holds their events). */
    public Simulation simulation() {
        return simulation;
    }
}
