package org.virtlab.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.migration.MigrationScenarios.H1;
import static org.virtlab.engine.migration.MigrationScenarios.H2;
import static org.virtlab.engine.migration.MigrationScenarios.latest;
import static org.virtlab.engine.migration.MigrationScenarios.vm;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.model.Scenario;

/** A VM that owns a passthrough device cannot be live-migrated: its device's state lives in the hardware. */
class MigrationPassthroughTest {
    private static final IoWorkload READS = new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 4);

    @Test
    void vmWithPassthroughDeviceIsRefusedAndVirtioOneMigrates() {
        Scenario s = MigrationScenarios.scenario(1_000, List.of(
                vm("nvme-vm", H1, 512, new Workload.Constant(10), 0),
                vm("virtio-vm", H1, 512, new Workload.Constant(10), 0)))
                .withDevices(List.of(
                        new IoDeviceSpec("nvme", "nvme-vm", READS, IoMode.Passthrough.DEFAULT),
                        new IoDeviceSpec("vda", "virtio-vm", READS, IoMode.Virtio.DEFAULT)));
        Simulation sim = Simulations.of(s);
        sim.submit(new StartMigration("nvme-vm", H2));
        sim.submit(new StartMigration("virtio-vm", H2));
        sim.step();

        // virtualization.md §5: passthrough rules out live migration
        MigrationSnapshot.Migration refused = latest(sim, "nvme-vm");
        assertEquals(MigrationPhase.REFUSED, refused.phase());
        assertEquals(MigrationReason.PASSTHROUGH, refused.reason());
        assertEquals(H1, refused.sourceHostId());
        MigrationSnapshot.Migration moving = latest(sim, "virtio-vm");
        assertEquals(MigrationReason.NONE, moving.reason());
        assertEquals(MigrationPhase.PRE_COPY, moving.phase());
        // and the devices run in the same simulation
        assertTrue(sim.snapshot().find(IoSnapshot.class).orElseThrow().device("nvme").isPresent());
    }

    @Test
    void scenarioWithoutDevicesRegistersNoIoSubsystem() {
        Simulation sim = Simulations.of(MigrationScenarios.basic(512, 1_000));
        sim.step();
        assertTrue(sim.snapshot().find(IoSnapshot.class).isEmpty());
    }
}
