package org.virtlab.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.migration.MigrationScenarios.H1;
import static org.virtlab.engine.migration.MigrationScenarios.H2;
import static org.virtlab.engine.migration.MigrationScenarios.basic;
import static org.virtlab.engine.migration.MigrationScenarios.cpu;
import static org.virtlab.engine.migration.MigrationScenarios.latest;
import static org.virtlab.engine.migration.MigrationScenarios.migrations;
import static org.virtlab.engine.migration.MigrationScenarios.runUntilEnded;
import static org.virtlab.engine.migration.MigrationScenarios.simulation;
import static org.virtlab.engine.migration.MigrationScenarios.vm;
import static org.virtlab.engine.migration.MigrationScenarios.vmCpu;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.alloc.Admission;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.SetCpuQos;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.migration.MigrationSnapshot.AdmissionCheck;
import org.virtlab.engine.migration.MigrationSnapshot.CheckPoint;
import org.virtlab.engine.model.Scenario;

/** Refusals, aborts and cancels: reasons with their numbers in the snapshot, never an exception. */
class MigrationRefusalTest {
    /**
     * A check where only CPU is reserved: no VM here reserves memory, and h2 has 65,536 MiB
     * (MigrationScenarios.h2), all of it unreserved.
     */
    private static Admission cpuOnly(long reservationMhz, long unreservedMhz) {
        return new Admission(reservationMhz, unreservedMhz, 0, 65_536);
    }

    private static final MigrationSettings QEMU = MigrationSettings.QEMU_DEFAULTS;

    @Test
    void eachRefusalIsAnEntryWithItsReason() {
        Scenario s = MigrationScenarios.scenario(1_000, List.of(
                vm("app", H1, 1_024, new Workload.Constant(100), 2_000),
                vm("pinned", H1, 1_024, new Workload.Constant(10), 0)
                        .withPinning(Pinning.all(2, List.of(0, 1))),
                // 9000 MHz reserved on h2's 4 cores × 2000 MHz = 8000: admission control keeps it off
                vm("off", H2, 1_024, new Workload.Constant(10), 9_000),
                // fits h1's 16 000 MHz beside app's 2000, but not h2's 8000
                vm("big", H1, 1_024, new Workload.Constant(10), 9_000)));
        Simulation sim = simulation(s, QEMU, 16, false);
        sim.submit(new CancelMigration("app"));
        sim.submit(new StartMigration("ghost", H2));
        sim.submit(new StartMigration("app", "nowhere"));
        sim.submit(new StartMigration("app", H1));
        sim.submit(new StartMigration("off", H1));
        sim.submit(new StartMigration("pinned", H2));
        sim.submit(new StartMigration("big", H2));
        sim.submit(new StartMigration("app", H2));
        sim.submit(new StartMigration("app", H2));
        sim.submit(new CancelMigration("ghost"));
        sim.step(); // no exception: every input is accepted and logged, so a replay refuses them again

        assertEquals(10, sim.inputLog().size());
        List<MigrationSnapshot.Migration> all = migrations(sim).migrations();
        assertEquals(List.of(MigrationReason.NOT_MIGRATING, MigrationReason.UNKNOWN_VM, MigrationReason.UNKNOWN_HOST,
                MigrationReason.SAME_HOST, MigrationReason.POWERED_OFF, MigrationReason.PINNED,
                MigrationReason.TARGET_RESERVATION, MigrationReason.NONE, MigrationReason.ALREADY_MIGRATING,
                MigrationReason.UNKNOWN_VM), all.stream().map(MigrationSnapshot.Migration::reason).toList());
        for (int k = 0; k < all.size(); k++) {
            assertEquals(k, all.get(k).serial());
            assertEquals(k == 7 ? MigrationPhase.PRE_COPY : MigrationPhase.REFUSED, all.get(k).phase());
        }
        assertEquals("", all.get(1).sourceHostId()); // the unknown VM runs nowhere
        assertEquals(H2, all.get(4).sourceHostId()); // off sits on h2
        // big: 9000 MHz reserved against h2's 8000 MHz unreserved, asked at the start
        assertEquals(List.of(new AdmissionCheck(CheckPoint.START, 0, cpuOnly(9_000, 8_000))),
                all.get(6).admissionChecks());
        assertFalse(all.get(6).admissionChecks().get(0).fits());
        // app fits: 2000 MHz of 8000
        assertEquals(List.of(new AdmissionCheck(CheckPoint.START, 0, cpuOnly(2_000, 8_000))),
                all.get(7).admissionChecks());
        assertEquals(1, migrations(sim).underWay().size());
    }

    @Test
    void reservationThatNoLongerFitsAtSwitchOverAbortsTheMigration() {
        // small and large each reserve 5000 MHz; h2 has 8000: either fits at the start, not both
        Scenario s = MigrationScenarios.scenario(1_000, List.of(
                vm("small", H1, 512, new Workload.Constant(100), 5_000),
                vm("large", H1, 2_048, new Workload.Constant(100), 5_000),
                vm("tgt", H2, 1_024, new Workload.Constant(50), 0)));
        Simulation sim = simulation(s, QEMU, 32, false);
        sim.submit(new StartMigration("small", H2));
        sim.submit(new StartMigration("large", H2));
        // small, D = 32 MiB/s: rounds of 512 (4 s) and 128 MiB (1 s), then 32 MiB in 250 ms: on h2 at 5.25 s
        MigrationSnapshot.Migration small = runUntilEnded(sim, "small", 10_000_000);
        assertEquals(MigrationPhase.DONE, small.phase());
        assertEquals(5_250_000, small.elapsedMicros());
        // large: rounds of 2048 (16 s), 512 (4 s), 128 MiB (1 s) leave 32 MiB at 21 s; h2 has 8000 − 5000 = 3000 left
        MigrationSnapshot.Migration large = runUntilEnded(sim, "large", 30_000_000);
        assertEquals(MigrationPhase.FAILED, large.phase());
        assertEquals(MigrationReason.TARGET_RESERVATION, large.reason());
        assertEquals(21_000_000, large.elapsedMicros());
        assertEquals(List.of(new AdmissionCheck(CheckPoint.START, 0, cpuOnly(5_000, 8_000)),
                new AdmissionCheck(CheckPoint.SWITCH_OVER, 21_000_000, cpuOnly(5_000, 3_000))), large.admissionChecks());
        assertEquals(0, large.downtimeMicros()); // never paused
        assertEquals(32, large.remainingMib()); // what was left to send
        sim.step();
        CpuSnapshot.VmCpu vm = vmCpu(cpu(sim), "large");
        assertEquals(H1, vm.hostId());
        assertEquals(4_000, vm.usedMhz(), 1e-6); // running on h1 as before: 2 vCPUs × 2000 MHz
    }

    @Test
    void reservationTakenDuringStopAndCopyAbortsAtCompletionAndTheVmResumesOnTheSource() {
        // app: 1024 MiB at 32 MiB/s → pre-copy ends at 10.5 s, 16 MiB to send in 125 ms, until 10.625 s
        Simulation sim = simulation(basic(1_024, 1_000), QEMU, 32, false);
        sim.submit(new StartMigration("app", H2));
        sim.runUntil(10_550_000);
        assertEquals(MigrationPhase.STOP_AND_COPY, latest(sim, "app").phase());
        // tgt takes 7000 of h2's 8000 MHz: app's 2000 no longer fits
        sim.submit(new SetCpuQos("tgt", new CpuQos(Shares.NORMAL, CpuQos.NO_LIMIT, 7_000)));
        MigrationSnapshot.Migration m = runUntilEnded(sim, "app", 11_000_000);
        assertEquals(MigrationPhase.FAILED, m.phase());
        assertEquals(MigrationReason.TARGET_RESERVATION, m.reason());
        assertEquals(10_625_000, m.elapsedMicros());
        assertEquals(List.of(CheckPoint.START, CheckPoint.SWITCH_OVER, CheckPoint.COMPLETION),
                m.admissionChecks().stream().map(AdmissionCheck::at).toList());
        assertEquals(new AdmissionCheck(CheckPoint.COMPLETION, 10_625_000, cpuOnly(2_000, 1_000)), m.admissionChecks().get(2));
        assertEquals(125_000, m.downtimeMicros()); // it was paused all the same
        sim.step();
        CpuSnapshot.VmCpu app = vmCpu(cpu(sim), "app");
        assertEquals(H1, app.hostId());
        assertFalse(app.paused());
        assertEquals(4_000, app.usedMhz(), 1e-6);
    }

    @Test
    void cancelDuringPreCopyLeavesTheVmOnTheSource() {
        Simulation sim = simulation(basic(1_024, 1_000), QEMU, 32, false);
        sim.submit(new StartMigration("app", H2));
        sim.runUntil(3_000_000);
        sim.submit(new CancelMigration("app"));
        sim.step();
        MigrationSnapshot.Migration m = latest(sim, "app");
        assertEquals(MigrationPhase.CANCELLED, m.phase());
        assertEquals(MigrationReason.NONE, m.reason());
        assertEquals(3_000_000, m.elapsedMicros()); // cancelled as the tick at 3 s began
        assertEquals(384, m.sentMib(), 1e-9); // 3 s of round 0 at 128 MiB/s
        assertEquals(H1, vmCpu(cpu(sim), "app").hostId());
        assertEquals(4_000, vmCpu(cpu(sim), "app").usedMhz(), 1e-6);
        assertTrue(migrations(sim).underWay().isEmpty());
    }

    @Test
    void cancelDuringStopAndCopyResumesTheVmForThatVeryTick() {
        Simulation sim = simulation(basic(1_024, 1_000), QEMU, 32, false);
        sim.submit(new StartMigration("app", H2));
        sim.runUntil(10_550_000); // paused since 10.5 s
        assertEquals(0, vmCpu(cpu(sim), "app").usedMhz());
        sim.submit(new CancelMigration("app"));
        sim.step();
        MigrationSnapshot.Migration m = latest(sim, "app");
        assertEquals(MigrationPhase.CANCELLED, m.phase());
        assertEquals(50_000, m.downtimeMicros()); // paused from 10.5 s to 10.55 s
        CpuSnapshot.VmCpu app = vmCpu(cpu(sim), "app");
        assertFalse(app.paused());
        assertEquals(H1, app.hostId());
        assertEquals(4_000, app.usedMhz(), 1e-6); // inputs apply before the tick: it ran in it
    }

    @Test
    void finishedMigrationsAreKeptToABoundDroppingTheOldest() {
        Simulation sim = simulation(basic(1_024, 1_000), QEMU, 32, false);
        for (int k = 0; k < MigrationSubsystem.MAX_FINISHED + 6; k++) {
            sim.submit(new CancelMigration("app"));
        }
        sim.step();
        List<MigrationSnapshot.Migration> kept = migrations(sim).migrations();
        assertEquals(MigrationSubsystem.MAX_FINISHED, kept.size());
        assertEquals(6, kept.get(0).serial()); // the six oldest went
        assertEquals(MigrationSubsystem.MAX_FINISHED + 5, kept.get(kept.size() - 1).serial());
    }
}
