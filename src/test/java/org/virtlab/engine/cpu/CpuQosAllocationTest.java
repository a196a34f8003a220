package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.cpu.CpuScenarios.TOLERANCE_MHZ;
import static org.virtlab.engine.cpu.CpuScenarios.busy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.alloc.Admission;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.VmSpec;

/** Limits, admission control, hyper-threading and pinning. */
class CpuQosAllocationTest {

    @Test
    void aLimitCapsUseEvenWhenTheHostIsOtherwiseIdle() {
        VmSpec limited = busy("vm1", 4, 1_000).withCpuQos(new CpuQos(Shares.NORMAL, 1_500, 0));
        Simulation sim = CpuScenarios.run(CpuScenarios.scenario(
                CpuScenarios.articleHost(ReservationMode.REUSABLE), List.of(limited)), 3);
        CpuSnapshot.VmCpu vm = CpuScenarios.vm(sim, "vm1");
        // virtualization.md §1: "limit: usage never above it, even on an idle host" — 4 busy vCPUs want 4 GHz
        assertEquals(4_000, vm.demandMhz(), 1e-9);
        assertEquals(1_500, vm.usedMhz(), 1e-9);
        assertEquals(1_500, vm.entitlementMhz(), 1e-9);
        // the 2.5 GHz it wanted and did not get is ready time caused by the limit: 2.5 vCPUs → 250 %
        assertEquals(250, vm.readyPct(), 1e-9);
        assertEquals(250, vm.limitedPct(), 1e-9);
        // steal as the guest sees it: averaged over its 4 vCPUs
        assertEquals(62.5, vm.stealPct(), 1e-9);
        // 3 ticks of 1 ms: 3 × 2.5 vCPU-ms of ready time
        assertEquals(7_500, vm.readyMicros(), 1e-6);
        assertEquals(3 * 1_000 * 1_500, vm.usedMhzMicros(), 1e-6);
        // the host has 22.5 GHz idle
        assertEquals(22_500, CpuScenarios.cpu(sim).hosts().get(0).idleMhz(), 1e-9);
    }

    @Test
    void reservationsBeyondCapacityRefusePowerOn() {
        // 24 cores × 1 GHz = 24 GHz reservable; 16 GHz go to vm1, vm2's 10 GHz do not fit in the 8 left
        Simulation sim = CpuScenarios.run(CpuScenarios.scenario(CpuScenarios.articleHost(ReservationMode.REUSABLE),
                List.of(CpuScenarios.vm("vm1", 24, new Workload.Constant(100), 1_000, 16_000),
                        CpuScenarios.vm("vm2", 24, new Workload.Constant(100), 1_000, 10_000),
                        CpuScenarios.vm("vm3", 24, new Workload.Constant(100), 1_000, 8_000))), 3);
        CpuSnapshot snap = CpuScenarios.cpu(sim);
        // virtualization.md §1: "power-on is refused when unreserved capacity can't cover it"
        // (the host's 65,536 MiB of memory, none of it reserved: memory fits)
        assertEquals(List.of(new CpuSnapshot.Refusal("vm2", new Admission(10_000, 8_000, 0, 65_536))),
                snap.hosts().get(0).refusals());
        assertEquals(Admission.Resource.CPU, snap.hosts().get(0).refusals().get(0).resource());
        CpuSnapshot.VmCpu vm2 = CpuScenarios.vm(sim, "vm2");
        assertFalse(vm2.poweredOn());
        assertEquals(0, vm2.demandMhz());
        assertEquals(0, vm2.usedMhz());
        assertEquals(0, vm2.usedMhzMicros());
        // vm3's 8 GHz fit exactly in what vm2 left; by shares 1:1 they would get 12 / 12, but the floors of
        // 16 and 8 GHz fill the host: 16 / 8
        assertTrue(CpuScenarios.vm(sim, "vm3").poweredOn());
        assertEquals(16_000, CpuScenarios.vm(sim, "vm1").usedMhz(), TOLERANCE_MHZ);
        assertEquals(8_000, CpuScenarios.vm(sim, "vm3").usedMhz(), TOLERANCE_MHZ);
    }

    @Test
    void raisingARunningVmsReservationBeyondWhatIsUnreservedIsRefused() {
        Simulation sim = CpuScenarios.run(CpuScenarios.scenario(CpuScenarios.articleHost(ReservationMode.REUSABLE),
                List.of(CpuScenarios.vm("vm1", 24, new Workload.Constant(100), 1_000, 16_000),
                        busy("vm2", 24, 1_000))), 1);
        sim.submit(new SetCpuQos("vm2", new CpuQos(Shares.NORMAL, CpuQos.NO_LIMIT, 9_000)));
        // 24 − 16 = 8 GHz unreserved
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, sim::step);
        assertTrue(e.getMessage().contains("8000 MHz unreserved"), e.getMessage());
        sim.submit(new SetCpuQos("vm2", new CpuQos(Shares.NORMAL, CpuQos.NO_LIMIT, 8_000)));
        sim.step();
        // 16 + 8 GHz floors fill the host exactly
        assertEquals(8_000, CpuScenarios.vm(sim, "vm2").usedMhz(), TOLERANCE_MHZ);
    }

    @Test
    void threeBusyVcpusOnTwoThreadsWaitAThirdOfTheTime() {
        Simulation three = CpuScenarios.run(CpuScenarios.scenario(oneCoreTwoThreads(), List.of(
                busy("a", 1, 1_000), busy("b", 1, 1_000), busy("c", 1, 1_000))), 2);
        // Two threads for three equal vCPUs: each runs 2/3 of the time at 1300 / 2 = 650 MHz
        // (HostCpuPolicy default factor 1.3) and gets 1300 / 3 MHz; it waits the other third.
        assertEquals(1_300.0 / 3, CpuScenarios.vm(three, "a").usedMhz(), 1e-9);
        assertEquals(100.0 / 3, CpuScenarios.vm(three, "a").readyPct(), 1e-9);
    }

    private static HostSpec oneCoreTwoThreads() {
        // 1 socket × 1 core × 2 threads at 1000 MHz, default HT factor 1.3
        return CpuScenarios.host(new CpuTopology(1, 1, 2, 1_000), ReservationMode.REUSABLE);
    }

    @Test
    void twoBusyThreadsOnOneCoreDeliverOnePointThreeTimesOneThread() {
        Simulation one = CpuScenarios.run(CpuScenarios.scenario(oneCoreTwoThreads(), List.of(busy("vm1", 1, 1_000))), 2);
        // one thread alone has the core: 1000 MHz
        assertEquals(1_000, CpuScenarios.vm(one, "vm1").usedMhz(), 1e-9);

        Simulation two = CpuScenarios.run(CpuScenarios.scenario(oneCoreTwoThreads(), List.of(busy("vm1", 2, 1_000))), 2);
        // virtualization.md §1: typical whole-core gain 25–30 %; HostCpuPolicy's default factor 1.3 → 1300 MHz
        assertEquals(1_300, CpuScenarios.vm(two, "vm1").usedMhz(), 1e-9);
        assertEquals(1_300, CpuScenarios.cpu(two).hosts().get(0).capacityMhz(), 1e-9);
        // Both vCPUs run all the time, each on a thread, only slower: no ready time, no steal.
        assertEquals(0, CpuScenarios.vm(two, "vm1").readyPct(), 1e-9);
        assertEquals(0, CpuScenarios.vm(two, "vm1").stealPct(), 1e-9);

        Simulation pair = CpuScenarios.run(CpuScenarios.scenario(oneCoreTwoThreads(),
                List.of(busy("a", 1, 1_000), busy("b", 1, 1_000))), 2);
        // "a thread on a busy HT core gets slightly more than half" (VMware): 1300 / 2 = 650 MHz each
        assertEquals(650, CpuScenarios.vm(pair, "a").usedMhz(), 1e-9);
        assertEquals(650, CpuScenarios.vm(pair, "b").usedMhz(), 1e-9);
        CpuDerivation.Capacity c = CpuScenarios.cpuSubsystem(pair).explain(CpuScenarios.HOST)
                .step(CpuDerivation.Capacity.class);
        assertEquals(2, c.busyThreads(), 1e-12);
        assertEquals(300, c.htBonusMhz(), 1e-9);
    }

    @Test
    void twoBusyVmsPinnedToTheSameLogicalCpuSplitItBySharesWhileOtherCpusIdle() {
        HostSpec host = CpuScenarios.host(new CpuTopology(1, 4, 1, 1_000), ReservationMode.REUSABLE);
        VmSpec a = busy("a", 1, 1_000).withPinning(Pinning.all(1, List.of(0)));
        VmSpec b = busy("b", 1, 3_000).withPinning(Pinning.all(1, List.of(0)));
        Simulation sim = CpuScenarios.run(CpuScenarios.scenario(host, List.of(a, b)), 2);
        // one 1 GHz logical CPU split 1:3 → 250 / 750 MHz, while CPUs 1–3 (3 GHz) idle
        assertEquals(250, CpuScenarios.vm(sim, "a").usedMhz(), 1e-9);
        assertEquals(750, CpuScenarios.vm(sim, "b").usedMhz(), 1e-9);
        assertEquals(3_000, CpuScenarios.cpu(sim).hosts().get(0).idleMhz(), 1e-9);
        // alone on CPU 0, a would get the whole CPU: its entitlement is still its share of CPU 0
        assertEquals(250, CpuScenarios.vm(sim, "a").entitlementMhz(), 1e-9);
        // ready: a wanted 1 GHz and got 0.25 → 75 % of one vCPU waiting, none of it due to a limit
        assertEquals(75, CpuScenarios.vm(sim, "a").readyPct(), 1e-9);
        assertEquals(0, CpuScenarios.vm(sim, "a").limitedPct(), 1e-9);

        CpuDerivation d = CpuScenarios.cpuSubsystem(sim).explain(CpuScenarios.HOST);
        CpuDerivation.PinnedSet set = d.step(CpuDerivation.PinnedSets.class).sets().get(0);
        assertEquals(List.of(0), set.cpus());
        assertEquals(List.of("a", "b"), set.vmIds());
        assertTrue(set.tight());
        assertEquals(1_000, set.capacityMhz(), 1e-9);
        assertEquals(CpuDerivation.Bound.PINNED_SET, d.step(CpuDerivation.SharesLevel.class).vms().get(0).bound());
    }

    @Test
    void aVmPinnedToBothSiblingThreadsOfACoreGetsTheHyperThreadedCore() {
        // 2 cores × 2 threads at 1000 MHz; logical CPUs 0 and 1 are core 0's siblings
        HostSpec host = CpuScenarios.host(new CpuTopology(1, 2, 2, 1_000), ReservationMode.REUSABLE);
        VmSpec vm = busy("vm1", 2, 2_000).withPinning(Pinning.all(2, List.of(0, 1)));
        Simulation sim = CpuScenarios.run(CpuScenarios.scenario(host, List.of(vm)), 2);
        // cap({0, 1}) = 1.3 × 1000: one core with both threads busy
        assertEquals(1_300, CpuScenarios.vm(sim, "vm1").usedMhz(), 1e-9);
        assertEquals(CpuDerivation.CapReason.PINNING, CpuScenarios.cpuSubsystem(sim).explain(CpuScenarios.HOST)
                .step(CpuDerivation.Caps.class).vms().get(0).reason());
    }
}
