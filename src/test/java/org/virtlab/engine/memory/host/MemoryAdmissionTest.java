package org.virtlab.engine.memory.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.alloc.Admission;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.migration.MigrationPhase;
import org.virtlab.engine.migration.MigrationReason;
import org.virtlab.engine.migration.MigrationSnapshot;
import org.virtlab.engine.migration.StartMigration;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * Memory reservations in admission control, one decision with the CPU's. vSphere: "When you power on a virtual
 * machine, the system checks the amount of CPU and memory resources that have not yet been reserved. Based on
 * the available unreserved resources, the system determines whether it can guarantee the reservation for which
 * the virtual machine is configured (if any). This process is called admission control." (vSphere Resource
 * Management, "Admission Control"); virtualization.md §1: "power-on is refused when unreserved capacity can't
 * cover it", §2: memory QoS "limit / shares / reservation as for CPU".
 */
class MemoryAdmissionTest {
    /** MemoryScenarios.CPU: 8 cores × 2000 MHz. */
    private static final long RESERVABLE_MHZ = 16_000;

    private static MemoryQos reserving(long mib) {
        return new MemoryQos(Shares.NORMAL, MemoryQos.NO_LIMIT, mib);
    }

    private static VmSpec vm(String id, String host, long memoryMib, long reservationMib) {
        return MemoryScenarios.vm(id, host, memoryMib, MemoryActivity.unique(512), reserving(reservationMib));
    }

    /** An 8 GiB host: vm1 reserves 6 GiB; vm2's 4 GiB do not fit in the 2 left; vm3's 2 GiB fit exactly. */
    private static Scenario eightGibHost() {
        return MemoryScenarios.scenario(List.of(MemoryScenarios.host("host", 8_192, HostMemoryPolicy.DEFAULT)),
                List.of(vm("vm1", "host", 8_192, 6_144), vm("vm2", "host", 4_096, 4_096),
                        vm("vm3", "host", 4_096, 2_048)));
    }

    private static CpuSnapshot cpu(Simulation sim) {
        return sim.snapshot().find(CpuSnapshot.class).orElseThrow();
    }

    @Test
    void aMemoryReservationBeyondUnreservedMemoryKeepsTheVmOffAndSaysWhy() {
        Simulation sim = MemoryScenarios.run(eightGibHost(), 0.5);
        // 8192 − 6144 = 2048 MiB unreserved when vm2 asks for 4096; vm2 is refused and reserves nothing, so vm3's
        // 2048 fit exactly (a reservation equal to what is unreserved fits, as for CPU: CpuQosAllocationTest)
        assertEquals(List.of(new CpuSnapshot.Refusal("vm2", new Admission(0, RESERVABLE_MHZ, 4_096, 2_048))),
                cpu(sim).hosts().get(0).refusals());
        assertEquals(Admission.Resource.MEMORY, cpu(sim).hosts().get(0).refusals().get(0).resource());
        MemorySnapshot m = MemoryScenarios.memory(sim);
        assertFalse(m.vm("vm2").poweredOn());
        assertEquals(0, m.vm("vm2").consumedMib()); // off: it touched nothing in half a second
        assertTrue(m.vm("vm1").poweredOn());
        assertTrue(m.vm("vm3").poweredOn());
        assertTrue(m.vm("vm3").consumedMib() > 0);
    }

    @Test
    void aVmThatFitsNeitherIsRefusedForItsCpuFirst() {
        VmSpec both = vm("both", "host", 4_096, 4_096).withCpuQos(new CpuQos(Shares.NORMAL, CpuQos.NO_LIMIT, 20_000));
        Simulation sim = MemoryScenarios.run(MemoryScenarios.scenario(
                List.of(MemoryScenarios.host("host", 2_048, HostMemoryPolicy.DEFAULT)), List.of(both)), 0.01);
        CpuSnapshot.Refusal r = cpu(sim).hosts().get(0).refusals().get(0);
        // 20 000 MHz against 16 000, and 4096 MiB against 2048: both numbers reported, CPU named (Admission)
        assertEquals(new Admission(20_000, RESERVABLE_MHZ, 4_096, 2_048), r.admission());
        assertEquals(Admission.Resource.CPU, r.resource());
    }

    @Test
    void noReservationNoRefusalWhateverTheOvercommit() {
        // the article's example (virtualization.md §2): three 2 GB VMs on a 4 GB host all power on; only
        // reservations are admitted against the host's memory, not configured sizes
        Simulation sim = MemoryScenarios.run(MemoryScenarios.scenario(
                List.of(MemoryScenarios.host("host", 4_096, HostMemoryPolicy.DEFAULT)),
                List.of(vm("a", "host", 2_048, 0), vm("b", "host", 2_048, 0), vm("c", "host", 2_048, 0))), 0.01);
        assertEquals(List.of(), cpu(sim).hosts().get(0).refusals());
    }

    @Test
    void raisingARunningVmsReservationBeyondUnreservedMemoryIsRefusedAndChangesNothing() {
        Simulation sim = Simulations.of(eightGibHost());
        sim.step();
        // vm3 holds 2048 of the 8192 with vm1's 6144: nothing is unreserved, so vm3 may not go to 2049
        sim.submit(new SetMemoryQos("vm3", reserving(2_049)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, sim::step);
        assertEquals("memory reservation of 2049 MiB for VM vm3 does not fit: 2048 MiB unreserved on host host",
                e.getMessage());
        assertEquals(List.of(), sim.inputLog());
        // lowering vm1's reservation frees room for vm3's
        sim.submit(new SetMemoryQos("vm1", reserving(4_096)));
        sim.submit(new SetMemoryQos("vm3", reserving(4_096)));
        sim.step();
        assertEquals(2, sim.inputLog().size());
        // the off VM's reservation is recorded and it stays off (as SetCpuQos on an off VM: CpuSubsystem)
        sim.submit(new SetMemoryQos("vm2", reserving(1)));
        sim.step();
        assertFalse(MemoryScenarios.memory(sim).vm("vm2").poweredOn());
    }

    @Test
    void liveMigrationIsRefusedWhenTheTargetsUnreservedMemoryCannotTakeTheReservation() {
        // h2 has 4096 MiB, 3072 of them reserved by stay: mover's 2048 do not fit in the 1024 left
        Scenario s = MemoryScenarios.scenario(
                List.of(MemoryScenarios.host("h1", 8_192, HostMemoryPolicy.DEFAULT),
                        MemoryScenarios.host("h2", 4_096, HostMemoryPolicy.DEFAULT)),
                List.of(vm("mover", "h1", 2_048, 2_048), vm("stay", "h2", 3_072, 3_072),
                        vm("small", "h1", 2_048, 1_024)));
        Simulation sim = Simulations.of(s);
        sim.submit(new StartMigration("mover", "h2"));
        sim.submit(new StartMigration("small", "h2"));
        sim.step();
        List<MigrationSnapshot.Migration> all = sim.snapshot().find(MigrationSnapshot.class).orElseThrow()
                .migrations();
        MigrationSnapshot.Migration mover = all.get(0);
        assertEquals(MigrationPhase.REFUSED, mover.phase());
        assertEquals(MigrationReason.TARGET_MEMORY_RESERVATION, mover.reason());
        assertEquals(List.of(new MigrationSnapshot.AdmissionCheck(MigrationSnapshot.CheckPoint.START, 0,
                new Admission(0, RESERVABLE_MHZ, 2_048, 1_024))), mover.admissionChecks());
        // small's 1024 fit exactly in the 1024 left: it migrates
        assertEquals(MigrationReason.NONE, all.get(1).reason());
        assertEquals(MigrationPhase.PRE_COPY, all.get(1).phase());
    }
}
