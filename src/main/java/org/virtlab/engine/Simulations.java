package org.virtlab.engine;

import java.util.List;
import org.virtlab.engine.cpu.CpuDemandSubsystem;
import org.virtlab.engine.cpu.CpuSubsystem;
import org.virtlab.engine.io.IoCosts;
import org.virtlab.engine.io.IoSubsystem;
import org.virtlab.engine.memory.WalkSubsystem;
import org.virtlab.engine.memory.host.MemorySubsystem;
import org.virtlab.engine.migration.MigrationSubsystem;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.NetSubsystem;

/** Builds the simulation of a scenario, with every subsystem that exists so far, in a fixed order. */
public final class Simulations {
    private Simulations() {
    }

    public static Simulation of(Scenario scenario) {
        return of(scenario, scenario.seed());
    }

    /**
     * The scenario's simulation with another seed (the command line's {@code --seed}). CPU demand comes
     * first: the CPU allocation reads it in the same tick. Host memory comes next: it reads where each VM runs
     * and whether it is paused, and draws nothing from the random generator, so the CPU's numbers are what they
     * were without it. Live migration comes last: it sends a tick's worth of memory after the CPU was shared, and
     * what it changes (pause, move) applies from the next tick on. The I/O devices, if the scenario has any, come
     * after it (a scenario without devices registers no I/O subsystem, so its numbers are what they were before
     * there was one); live migration asks them whether a VM owns a passthrough device, and they ask the CPU
     * subsystem where each VM runs: a device's exits take the cycles of its own host's clock. The network and the
     * page walk of the Memory tab's animator come last of all: they change only when a probe is sent or an address
     * walked, and draw nothing from the random generator.
     */
    public static Simulation of(Scenario scenario, long seed) {
        return of(scenario, seed, false);
    }

    /**
     * Each VM dirties memory at its scenario's rate while it runs; live migrations use the scenario's
     * migration settings.
     *
     * @param slices also run the time-slice scheduler beneath the fluid CPU allocation, for the window's
     *               animation; the numbers the simulation reports are the same either way
     */
    public static Simulation of(Scenario scenario, long seed, boolean slices) {
        double[] rates = scenario.vms().stream().mapToDouble(v -> v.dirtyMibPerSecond()).toArray();
        return of(scenario, seed, slices, rates);
    }

    /**
     * @param dirtyMibPerSecond each VM's dirty rate for live migration, in the order of {@code scenario.vms()}
     */
    public static Simulation of(Scenario scenario, long seed, boolean slices, double[] dirtyMibPerSecond) {
        return of(scenario, seed, slices, dirtyMibPerSecond, Simulation.DEFAULT_CHECKPOINT_EVERY_TICKS,
                Simulation.DEFAULT_MAX_CHECKPOINTS);
    }

    /**
     * With another checkpoint spacing and count (the kernel's defaults are a checkpoint every simulated second, an
     * hour kept): closer checkpoints make a rewind replay less, and each costs memory (see the README's benchmarks).
     */
    public static Simulation of(Scenario scenario, long seed, boolean slices, int checkpointEveryTicks,
                                int maxCheckpoints) {
        double[] rates = scenario.vms().stream().mapToDouble(v -> v.dirtyMibPerSecond()).toArray();
        return of(scenario, seed, slices, rates, checkpointEveryTicks, maxCheckpoints);
    }

    private static Simulation of(Scenario scenario, long seed, boolean slices, double[] dirtyMibPerSecond,
                                 int checkpointEveryTicks, int maxCheckpoints) {
        CpuDemandSubsystem demand = new CpuDemandSubsystem(scenario);
        CpuSubsystem cpu = new CpuSubsystem(scenario, demand, slices);
        MemorySubsystem memory = new MemorySubsystem(scenario, cpu);
        NetSubsystem net = new NetSubsystem(scenario, cpu::hostOf);
        WalkSubsystem walk = new WalkSubsystem(scenario); // last: the others keep their indexes
        if (scenario.devices().isEmpty()) {
            MigrationSubsystem migration =
                    new MigrationSubsystem(scenario, cpu, scenario.migration(), dirtyMibPerSecond);
            return new Simulation(seed, scenario.tickMicros(), List.of(demand, cpu, memory, migration, net, walk),
                    checkpointEveryTicks, maxCheckpoints);
        }
        IoSubsystem io = new IoSubsystem(scenario.devices(), IoCosts.DEFAULT,
                vmId -> scenario.host(cpu.hostOf(vmId)).orElseThrow().cpu().mhzPerCore());
        MigrationSubsystem migration =
                new MigrationSubsystem(scenario, cpu, scenario.migration(), dirtyMibPerSecond, io::ownsPassthrough);
        return new Simulation(seed, scenario.tickMicros(), List.of(demand, cpu, memory, migration, io, net, walk),
                checkpointEveryTicks, maxCheckpoints);
    }
}
