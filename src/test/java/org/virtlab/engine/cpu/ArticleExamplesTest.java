package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.virtlab.engine.cpu.CpuScenarios.TOLERANCE_MHZ;
import static org.virtlab.engine.cpu.CpuScenarios.busy;
import static org.virtlab.engine.cpu.CpuScenarios.usedGhz;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/** The course article's worked examples (virtualization.md §1), reproduced to 0.01 GHz. */
class ArticleExamplesTest {
    private static final double TOL_GHZ = TOLERANCE_MHZ / 1_000;

    private static Scenario threeBusyVms(ReservationMode mode, long vm1ReservationMhz) {
        return CpuScenarios.scenario(CpuScenarios.articleHost(mode), List.of(
                CpuScenarios.vm("vm1", 24, new Workload.Constant(100), 1_000, vm1ReservationMhz),
                busy("vm2", 24, 2_000),
                busy("vm3", 24, 3_000)));
    }

    @Test
    void sharesOneTwoThreeSplitTwentyFourGhzIntoFourEightAndTwelve() {
        Simulation sim = CpuScenarios.run(threeBusyVms(ReservationMode.REUSABLE, 0), 3);
        // virtualization.md §1, the article's first worked example: 24 GHz, shares 1:2:3 → 4 / 8 / 12 GHz
        assertEquals(4, usedGhz(sim, "vm1"), TOL_GHZ);
        assertEquals(8, usedGhz(sim, "vm2"), TOL_GHZ);
        assertEquals(12, usedGhz(sim, "vm3"), TOL_GHZ);
        // 24 logical CPUs at 1 GHz = 24 GHz, all of it used
        CpuSnapshot.HostCpu host = CpuScenarios.cpu(sim).hosts().get(0);
        assertEquals(24_000, host.capacityMhz(), 1e-9);
        assertEquals(24_000, host.usedMhz(), 1e-6);
    }

    @Test
    void reservationTakesShortfallFromOthersByShares() {
        Simulation sim = CpuScenarios.run(threeBusyVms(ReservationMode.REUSABLE, 8_000), 3);
        // virtualization.md §1, the article's second worked example: VM1 reserves 8 GHz → 8 / 6.4 / 9.6 GHz
        assertEquals(8, usedGhz(sim, "vm1"), TOL_GHZ);
        assertEquals(6.4, usedGhz(sim, "vm2"), TOL_GHZ);
        assertEquals(9.6, usedGhz(sim, "vm3"), TOL_GHZ);
    }

    @Test
    void derivationShowsTheShortfallAndWhoGaveHowMuch() {
        Simulation sim = CpuScenarios.run(threeBusyVms(ReservationMode.REUSABLE, 8_000), 3);
        CpuDerivation d = CpuScenarios.cpuSubsystem(sim).explain(CpuScenarios.HOST);

        CpuDerivation.SharesLevel level = d.step(CpuDerivation.SharesLevel.class);
        assertNotNull(level);
        // λ: 8 GHz to VM1 at its floor, the other 16 GHz over 5000 shares = 3.2 MHz per share
        assertEquals(3.2, level.mhzPerShare(), 1e-9);
        CpuDerivation.ReservationTopUp topUp = d.step(CpuDerivation.ReservationTopUp.class);
        assertNotNull(topUp);
        CpuDerivation.RaisedVm vm1 = topUp.raised().get(0);
        // the article: "by shares VM1 would get 4, so 4 GHz more is taken from VM2 and VM3"
        assertEquals("vm1", vm1.vmId());
        assertEquals(8_000, vm1.reservationMhz());
        assertEquals(4_000, vm1.bySharesMhz(), TOLERANCE_MHZ);
        assertEquals(4_000, vm1.shortfallMhz(), TOLERANCE_MHZ);
        assertEquals(4_000, topUp.shortfallMhz(), TOLERANCE_MHZ);
        // "in proportion to their shares 2:3: VM2 gives 2/5 × 4 = 1.6, VM3 gives 3/5 × 4 = 2.4"
        assertEquals(5_000, topUp.giverSharesTotal());
        CpuDerivation.Giver vm2 = topUp.givers().get(0);
        CpuDerivation.Giver vm3 = topUp.givers().get(1);
        assertEquals("vm2", vm2.vmId());
        assertEquals(2_000, vm2.shares());
        assertEquals(2.0 / 5, vm2.shareFraction(), 1e-12);
        assertEquals(1_600, vm2.givesMhz(), TOLERANCE_MHZ);
        assertEquals("vm3", vm3.vmId());
        assertEquals(3.0 / 5, vm3.shareFraction(), 1e-12);
        assertEquals(2_400, vm3.givesMhz(), TOLERANCE_MHZ);

        CpuDerivation.VmShare share1 = level.vms().get(0);
        assertEquals(CpuDerivation.Bound.FLOOR, share1.bound());
        // λ × shares = 3.2 × 1000 = 3.2 GHz, below the 8 GHz floor
        assertEquals(3_200, share1.levelMhz(), TOLERANCE_MHZ);
        assertEquals(CpuDerivation.Bound.LEVEL, level.vms().get(1).bound());
        CpuDerivation.Capacity capacity = d.step(CpuDerivation.Capacity.class);
        // 24 cores × 1000 MHz, one thread per core: no hyper-threading bonus
        assertEquals(24_000, capacity.capacityMhz(), 1e-9);
        assertEquals(0, capacity.htBonusMhz(), 1e-9);
        assertEquals(CpuDerivation.CapReason.DEMAND, d.step(CpuDerivation.Caps.class).vms().get(0).reason());
        assertEquals(true, d.step(CpuDerivation.Contention.class).contended());
    }

    /** VM1 keeps 24 vCPUs but its guest idles at 50 MHz in all: 5 % of one 1 GHz vCPU. */
    private static Scenario idleVm1(ReservationMode mode, long vm1ReservationMhz) {
        double percentPerVcpu = 100.0 * 50 / (24 * 1_000);
        VmSpec vm1 = CpuScenarios.vm("vm1", 24, new Workload.Idle(percentPerVcpu), 1_000, vm1ReservationMhz);
        return CpuScenarios.scenario(CpuScenarios.articleHost(mode),
                List.of(vm1, busy("vm2", 24, 2_000), busy("vm3", 24, 3_000)));
    }

    @Test
    void anIdleVmsCapacityGoesToBusyNeighboursAndComesBackWithinOneTick() {
        Simulation sim = CpuScenarios.run(idleVm1(ReservationMode.REUSABLE, 0), 5);
        // virtualization.md §1, the article's opening question: work-conserving sharing. VM1 gets its 0.05 GHz
        // demand, VM2 and VM3 share the other 23.95 GHz 2:3 → 9.58 / 14.37 GHz
        assertEquals(0.05, usedGhz(sim, "vm1"), 1e-9);
        assertEquals(23.95 * 2 / 5, usedGhz(sim, "vm2"), TOL_GHZ);
        assertEquals(23.95 * 3 / 5, usedGhz(sim, "vm3"), TOL_GHZ);
        // its entitlement meanwhile: 1/6 of 24 GHz = 4 GHz, as in the first worked example
        assertEquals(4_000, CpuScenarios.vm(sim, "vm1").entitlementMhz(), TOLERANCE_MHZ);

        sim.submit(new SetWorkload("vm1", new Workload.Constant(100)));
        sim.step();
        // "comes back the moment the owner needs it, up to its entitlement": 4 / 8 / 12 after one tick
        assertEquals(4, usedGhz(sim, "vm1"), TOL_GHZ);
        assertEquals(8, usedGhz(sim, "vm2"), TOL_GHZ);
        assertEquals(12, usedGhz(sim, "vm3"), TOL_GHZ);
    }

    @Test
    void anIdleVmsReservationComesBackInFullWithinOneTick() {
        Simulation sim = CpuScenarios.run(idleVm1(ReservationMode.REUSABLE, 8_000), 5);
        // entitlement with an 8 GHz reservation: the floor, 8 GHz (the second worked example)
        assertEquals(8_000, CpuScenarios.vm(sim, "vm1").entitlementMhz(), TOLERANCE_MHZ);
        sim.submit(new SetWorkload("vm1", new Workload.Constant(100)));
        sim.step();
        assertEquals(8, usedGhz(sim, "vm1"), TOL_GHZ);
        assertEquals(6.4, usedGhz(sim, "vm2"), TOL_GHZ);
        assertEquals(9.6, usedGhz(sim, "vm3"), TOL_GHZ);
    }

    @Test
    void reusableReservationGoesToNeighboursWhileHeldReservationStaysIdle() {
        Simulation reusable = CpuScenarios.run(idleVm1(ReservationMode.REUSABLE, 8_000), 5);
        // VMware (virtualization.md §1): unused reserved CPU is usable by others: 23.95 GHz 2:3 → 9.58 / 14.37
        assertEquals(0.05, usedGhz(reusable, "vm1"), 1e-9);
        assertEquals(9.58, usedGhz(reusable, "vm2"), TOL_GHZ);
        assertEquals(14.37, usedGhz(reusable, "vm3"), TOL_GHZ);

        Simulation held = CpuScenarios.run(idleVm1(ReservationMode.HELD, 8_000), 5);
        // the article's reading: the 8 GHz stay VM1's, so VM2 and VM3 share 16 GHz 2:3 → 6.4 / 9.6
        assertEquals(0.05, usedGhz(held, "vm1"), 1e-9);
        assertEquals(6.4, usedGhz(held, "vm2"), TOL_GHZ);
        assertEquals(9.6, usedGhz(held, "vm3"), TOL_GHZ);
        CpuSnapshot.HostCpu host = CpuScenarios.cpu(held).hosts().get(0);
        // 8 GHz reserved − 0.05 GHz used = 7.95 GHz idle
        assertEquals(7_950, host.idleMhz(), TOLERANCE_MHZ);
        CpuDerivation.HeldIdle idle = CpuScenarios.cpuSubsystem(held).explain(CpuScenarios.HOST)
                .step(CpuDerivation.HeldIdle.class);
        assertEquals(7_950, idle.idleMhz(), TOLERANCE_MHZ);
        assertEquals("vm1", idle.vms().get(0).vmId());
    }

    @Test
    void switchingTheReservationModeTakesEffectOnTheNextTick() {
        Simulation sim = CpuScenarios.run(idleVm1(ReservationMode.REUSABLE, 8_000), 5);
        sim.submit(new SetReservationMode(CpuScenarios.HOST, ReservationMode.HELD));
        sim.step();
        // the held numbers of the test above: 6.4 / 9.6 GHz
        assertEquals(6.4, usedGhz(sim, "vm2"), TOL_GHZ);
        assertEquals(ReservationMode.HELD, CpuScenarios.cpu(sim).hosts().get(0).reservationMode());
    }
}
