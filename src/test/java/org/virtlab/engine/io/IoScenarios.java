package org.virtlab.engine.io;

import java.util.List;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;

/** Small I/O set-ups built in code for the tests. */
final class IoScenarios {
    static final long TICK_MICROS = 1_000;
    static final long SEED = 42;

    private IoScenarios() {
    }

    static Simulation simulation(long seed, IoDeviceSpec... devices) {
        return new Simulation(seed, TICK_MICROS, List.of(new IoSubsystem(List.of(devices))));
    }

    static Simulation simulation(IoDeviceSpec... devices) {
        return simulation(SEED, devices);
    }

    static IoSnapshot io(SimulationSnapshot s) {
        return s.find(IoSnapshot.class).orElseThrow();
    }

    static IoSnapshot.Device device(Simulation sim, String id) {
        return io(sim.snapshot()).device(id).orElseThrow();
    }

    static IoSnapshot.Totals totals(Simulation sim, String id) {
        return device(sim, id).totals();
    }

    /** Runs until every request of a limited workload is completed (or the time is up). */
    static void runToCompletion(Simulation sim, String id, long limit, long maxMicros) {
        while (totals(sim, id).completed() < limit && sim.nowMicros() < maxMicros) {
            sim.runUntil(sim.nowMicros() + 10 * TICK_MICROS);
        }
    }

    static IoDeviceSpec spec(String id, IoWorkload workload, IoMode mode) {
        return new IoDeviceSpec(id, "vm-" + id, workload, mode);
    }
}
