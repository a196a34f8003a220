package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.io.IoCosts;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.migration.MigrationPhase;
import org.virtlab.engine.migration.MigrationSnapshot;
import org.virtlab.engine.migration.StartMigration;

/**
 * Each I/O device's cycles take the time of its own VM's host's clock (IoCosts: an exit is exitCycles = 1,350
 * cycles, virtualization.md §3), not the first device's host's, and follow the VM when it is live-migrated.
 */
class IoHostClockTest {
    private static final String JSON = """
            {"format": "virtlab.scenario", "version": 1,
             "hosts": [
               {"id": "slow", "cpu": {"sockets": 1, "coresPerSocket": 4, "threadsPerCore": 1, "mhzPerCore": 2000},
                "memoryMib": 8192},
               {"id": "fast", "cpu": {"sockets": 1, "coresPerSocket": 4, "threadsPerCore": 1, "mhzPerCore": 4000},
                "memoryMib": 8192}],
             "vms": [
               {"id": "a", "host": "slow", "vcpus": 1, "memoryMib": 256, "workload": {"kind": "idle", "percent": 1}},
               {"id": "b", "host": "fast", "vcpus": 1, "memoryMib": 256, "workload": {"kind": "idle", "percent": 1}}],
             "devices": [
               {"id": "va", "vm": "a", "mode": {"kind": "virtio"},
                "workload": {"kind": "closedLoop", "requests": "blockRead", "requestBytes": 4096, "queueDepth": 1}},
               {"id": "vb", "vm": "b", "mode": {"kind": "virtio"},
                "workload": {"kind": "closedLoop", "requests": "blockRead", "requestBytes": 4096, "queueDepth": 1}}]}
            """;
    /** 1,350 cycles at 2 GHz and at 4 GHz, rounded to the nearest ns (IoCosts.cyclesToNanos). */
    private static final long EXIT_AT_2_GHZ = 675;
    private static final long EXIT_AT_4_GHZ = 338;

    private static IoSnapshot io(Simulation sim) {
        return sim.snapshot().find(IoSnapshot.class).orElseThrow();
    }

    @Test
    void eachDevicesExitsTakeTheCyclesOfItsOwnHostsClock() throws ScenarioException {
        Simulation sim = Simulations.of(ScenarioReader.read(JSON, "clock.json"));
        sim.runUntil(100_000);
        IoSnapshot.Device va = io(sim).device("va").orElseThrow();
        IoSnapshot.Device vb = io(sim).device("vb").orElseThrow();
        assertEquals(2_000, va.costs().clockMhz());
        assertEquals(4_000, vb.costs().clockMhz());
        assertEquals(EXIT_AT_2_GHZ, va.costs().exitNanos());
        assertEquals(EXIT_AT_4_GHZ, vb.costs().exitNanos());
        // one kick per read (one outstanding), each one exit served in KVM (vhost's ioeventfd)
        assertEquals(va.totals().kicks() * EXIT_AT_2_GHZ, va.totals().hostExitNanos());
        assertEquals(vb.totals().kicks() * EXIT_AT_4_GHZ, vb.totals().hostExitNanos());
        // the faster host's shorter exits give more reads in the same time
        assertEquals(1, Long.signum(vb.totals().completed() - va.totals().completed()));
        assertEquals(IoCosts.DEFAULT, io(sim).costs()); // what the subsystem was given, at its 3 GHz
    }

    @Test
    void aDeviceTakesItsNewHostsClockWhenItsVmIsLiveMigrated() throws ScenarioException {
        Simulation sim = Simulations.of(ScenarioReader.read(JSON, "clock.json"));
        sim.runUntil(100_000);
        sim.submit(new StartMigration("b", "slow"));
        MigrationSnapshot.Migration m;
        do {
            sim.runUntil(sim.nowMicros() + 100_000);
            m = sim.snapshot().find(MigrationSnapshot.class).orElseThrow().latest("b").orElseThrow();
        } while (m.phase() != MigrationPhase.DONE && sim.nowMicros() < 60_000_000);
        assertEquals(MigrationPhase.DONE, m.phase());
        IoSnapshot.Totals before = io(sim).device("vb").orElseThrow().totals();
        sim.runUntil(sim.nowMicros() + 100_000);
        IoSnapshot.Device vb = io(sim).device("vb").orElseThrow();
        assertEquals(2_000, vb.costs().clockMhz());
        long kicks = vb.totals().kicks() - before.kicks();
        assertEquals(kicks * EXIT_AT_2_GHZ, vb.totals().hostExitNanos() - before.hostExitNanos());
    }
}
