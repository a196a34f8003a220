package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Input;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.StepContext;
import org.virtlab.engine.Subsystem;
import org.virtlab.engine.SubsystemSnapshot;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/** Pausing a VM and moving it to another host at runtime, as live migration does. */
class CpuSubsystemMoveTest {
    private static final long TICK = 1_000;

    /**
     * h1: 4 cores at 1 GHz = 4000 MHz; h2: 8 cores at 2 GHz = 16 000 MHz. On h1, a (2 vCPUs, reserves 500 MHz) and
     * b (4 vCPUs) are both busy with equal shares; on h2, c (2 vCPUs) runs at 50 %.
     */
    private static Scenario twoHosts(Workload aWorkload) {
        HostSpec h1 = new HostSpec("h1", null, new CpuTopology(1, 4, 1, 1_000), 65_536, 0, 0);
        HostSpec h2 = new HostSpec("h2", null, new CpuTopology(1, 8, 1, 2_000), 65_536, 0, 0);
        return new Scenario(LocalizedText.EMPTY, LocalizedText.EMPTY, 7, TICK, List.of(h1, h2), List.of(
                vm("a", "h1", 2, aWorkload, new CpuQos(Shares.custom(1_000), CpuQos.NO_LIMIT, 500)),
                vm("b", "h1", 4, new Workload.Constant(100), new CpuQos(Shares.custom(1_000), CpuQos.NO_LIMIT, 0)),
                vm("c", "h2", 2, new Workload.Constant(50), CpuQos.DEFAULT)));
    }

    private static VmSpec vm(String id, String host, int vcpus, Workload w, CpuQos qos) {
        return new VmSpec(id, null, host, vcpus, 1_024, w, qos, Pinning.NONE, 0, 0);
    }

    private static CpuSnapshot.VmCpu vm(CpuSnapshot cpu, String id) {
        return cpu.vms().stream().filter(v -> v.vmId().equals(id)).findFirst().orElseThrow();
    }

    private static CpuSnapshot.HostCpu host(CpuSnapshot cpu, String id) {
        return cpu.hosts().stream().filter(h -> h.hostId().equals(id)).findFirst().orElseThrow();
    }

    private static CpuSnapshot cpu(Simulation sim) {
        return sim.snapshot().find(CpuSnapshot.class).orElseThrow();
    }

    @Test
    void pausedVmIsServedNothingIsNotReadyAndStillShowsItsDemand() {
        Scenario s = twoHosts(new Workload.Constant(100));
        CpuDemandSubsystem demand = new CpuDemandSubsystem(s);
        CpuSubsystem cpu = new CpuSubsystem(s, demand);
        Simulation sim = new Simulation(7, TICK, List.of(demand, cpu));
        sim.runUntil(3 * TICK);
        // h1 has 4000 MHz for a (wants 2 × 1000) and b (wants 4 × 1000), equal shares: 2000 each
        assertEquals(2_000, vm(cpu(sim), "a").usedMhz(), 1e-6);
        assertEquals(2_000, vm(cpu(sim), "b").usedMhz(), 1e-6);
        // b wants 4000 and gets 2000: 2 vCPUs' worth ready, 200 % like %RDY
        assertEquals(200, vm(cpu(sim), "b").readyPct(), 1e-9);

        cpu.setPaused("a", true);
        assertTrue(vm(cpu(sim), "a").paused(), "paused from now on");
        assertEquals(2_000, vm(cpu(sim), "a").usedMhz(), 1e-6, "the last tick was still served");
        sim.step();
        CpuSnapshot.VmCpu a = vm(cpu(sim), "a");
        assertTrue(a.poweredOn() && a.paused());
        assertEquals(2_000, a.demandMhz(), 1e-9); // its workload still asks for 2 vCPUs × 1000 MHz
        assertEquals(0, a.usedMhz());
        assertEquals(0, a.entitlementMhz());
        assertEquals(0, a.readyPct()); // stopped, not waiting for a CPU
        // b alone: all it wants, 4 × 1000 MHz, nothing ready
        assertEquals(4_000, vm(cpu(sim), "b").usedMhz(), 1e-6);
        assertEquals(0, vm(cpu(sim), "b").readyPct(), 1e-9);

        cpu.setPaused("a", false);
        sim.step();
        assertEquals(2_000, vm(cpu(sim), "a").usedMhz(), 1e-6);
        assertFalse(vm(cpu(sim), "a").paused());
    }

    @Test
    void movedVmRunsOnTheTargetWithItsCountersQosAndWorkload() {
        Scenario s = twoHosts(new Workload.Constant(100));
        CpuDemandSubsystem demand = new CpuDemandSubsystem(s);
        CpuSubsystem cpu = new CpuSubsystem(s, demand);
        Simulation sim = new Simulation(7, TICK, List.of(demand, cpu));
        sim.runUntil(3 * TICK);
        // 4000 MHz on h1 less a's 500 MHz reservation; h2's 16 000 MHz with none reserved
        assertEquals(3_500, cpu.unreservedMhz("h1"));
        assertEquals(16_000, cpu.unreservedMhz("h2"));

        cpu.setPaused("a", true);
        sim.step();
        cpu.move("a", "h2");
        assertEquals("h2", cpu.hostOf("a"));
        assertEquals("h2", vm(cpu(sim), "a").hostId());
        assertEquals(4_000, cpu.unreservedMhz("h1"));
        assertEquals(15_500, cpu.unreservedMhz("h2"));
        sim.step(); // still paused, now on h2
        assertEquals(0, vm(cpu(sim), "a").usedMhz());
        assertEquals(2_000, host(cpu(sim), "h2").usedMhz(), 1e-6); // c alone: 2 vCPUs × 50 % × 2000 MHz
        cpu.setPaused("a", false);
        sim.step();

        CpuSnapshot after = cpu(sim);
        // a's workload (100 % of 2 vCPUs) at h2's clock: 2 × 2000 = 4000 MHz; c: 2 × 50 % × 2000 = 2000 MHz
        assertEquals(4_000, vm(after, "a").demandMhz(), 1e-9);
        assertEquals(4_000, vm(after, "a").usedMhz(), 1e-6);
        assertEquals(6_000, host(after, "h2").usedMhz(), 1e-6);
        // h1 now serves b alone: its 4 vCPUs × 1000 MHz
        assertEquals(4_000, host(after, "h1").usedMhz(), 1e-6);
        // counters went on: 3 ticks × 2000 MHz on h1, 2 paused ticks, 1 tick × 4000 MHz on h2 (MHz·µs)
        assertEquals(3 * 2_000 * 1_000 + 4_000 * 1_000, vm(after, "a").usedMhzMicros(), 1e-6);
        // the demand subsystem places it on h2 too
        CpuDemandSnapshot d = sim.snapshot().find(CpuDemandSnapshot.class).orElseThrow();
        assertEquals("h2", d.vms().get(0).hostId());
        // the slot numbering: h2 gained a after c; h1 keeps a's slot, off, for its slices' history
        assertEquals(List.of("c", "a"), host(after, "h2").vmIds());
        assertEquals(List.of("a", "b"), host(after, "h1").vmIds());
        // explanations follow the VM
        assertTrue(cpu.explain("h2").step(CpuDerivation.Result.class).vms().stream().anyMatch(v -> v.vmId().equals("a")));
        assertTrue(cpu.explain("h1").step(CpuDerivation.Result.class).vms().stream().noneMatch(v -> v.vmId().equals("a")));
    }

    @Test
    void qosFollowsTheVmAndAReturnReusesItsOldSlot() {
        Scenario s = twoHosts(new Workload.Constant(100));
        CpuDemandSubsystem demand = new CpuDemandSubsystem(s);
        CpuSubsystem cpu = new CpuSubsystem(s, demand, true);
        Simulation sim = new Simulation(7, TICK, List.of(demand, cpu));
        sim.submit(new SetCpuQos("a", new CpuQos(Shares.custom(1_000), 1_500, 500)));
        sim.runUntil(200 * TICK);
        assertEquals(1_500, vm(cpu(sim), "a").usedMhz(), 1e-6); // its 1500 MHz limit
        cpu.move("a", "h2");
        sim.runUntil(400 * TICK);
        assertEquals(1_500, vm(cpu(sim), "a").usedMhz(), 1e-6); // the limit holds on h2 too
        cpu.move("a", "h1");
        sim.runUntil(1_200 * TICK);
        CpuSnapshot back = cpu(sim);
        assertEquals(List.of("a", "b"), host(back, "h1").vmIds());
        assertEquals(List.of("c", "a"), host(back, "h2").vmIds());
        assertEquals(1_500, vm(back, "a").usedMhz(), 1e-6);
        // h1 again: a 1500 (limit), b 2500 of the 4000 MHz
        assertEquals(2_500, vm(back, "b").usedMhz(), 1e-6);
        // more than the slice history (0.5 s) after it left h2, no slices of a (slot 1) remain there
        assertTrue(host(back, "h2").recentSlices().stream().noneMatch(sl -> sl.vm() == 1));
        assertTrue(host(back, "h1").recentSlices().stream().anyMatch(sl -> sl.vm() == 0));
    }

    @Test
    void slicesFollowTheVmAndTheSourceKeepsItsPastSlices() {
        Scenario s = twoHosts(new Workload.Constant(100));
        CpuDemandSubsystem demand = new CpuDemandSubsystem(s);
        CpuSubsystem cpu = new CpuSubsystem(s, demand, true);
        Simulation sim = new Simulation(7, TICK, List.of(demand, cpu));
        sim.runUntil(300 * TICK);
        cpu.setPaused("a", true);
        sim.runUntil(350 * TICK);
        cpu.move("a", "h2");
        cpu.setPaused("a", false);
        sim.runUntil(500 * TICK);
        CpuSnapshot.HostCpu h1 = host(cpu(sim), "h1");
        CpuSnapshot.HostCpu h2 = host(cpu(sim), "h2");
        // on h1, a (slot 0) ran until it was paused at 300 ms, not after
        assertTrue(h1.recentSlices().stream().anyMatch(sl -> sl.vm() == 0));
        assertTrue(h1.recentSlices().stream().filter(sl -> sl.vm() == 0).allMatch(sl -> sl.endMicros() <= 301_000));
        // on h2, a (slot 1) runs from 350 ms on
        assertTrue(h2.recentSlices().stream().anyMatch(sl -> sl.vm() == 1));
        assertTrue(h2.recentSlices().stream().filter(sl -> sl.vm() == 1).allMatch(sl -> sl.startMicros() >= 350_000));
    }

    @Test
    void aVmCanMoveToAHostThatHadNoVms() {
        HostSpec h1 = new HostSpec("h1", null, new CpuTopology(1, 4, 1, 1_000), 65_536, 0, 0);
        HostSpec empty = new HostSpec("empty", null, new CpuTopology(1, 2, 2, 1_500), 65_536, 0, 0);
        Scenario s = new Scenario(LocalizedText.EMPTY, LocalizedText.EMPTY, 7, TICK, List.of(h1, empty),
                List.of(vm("a", "h1", 2, new Workload.Constant(100), CpuQos.DEFAULT)));
        CpuDemandSubsystem demand = new CpuDemandSubsystem(s);
        CpuSubsystem cpu = new CpuSubsystem(s, demand, true);
        Simulation sim = new Simulation(7, TICK, List.of(demand, cpu));
        sim.runUntil(10 * TICK);
        cpu.move("a", "empty");
        sim.runUntil(200 * TICK);
        CpuSnapshot after = cpu(sim);
        // 2 vCPUs busy on 2 cores at 1500 MHz, one thread each: 3000 MHz
        assertEquals(3_000, host(after, "empty").usedMhz(), 1e-6);
        assertEquals(0, host(after, "h1").usedMhz());
        assertEquals(List.of("a"), host(after, "empty").vmIds());
        assertTrue(host(after, "empty").recentSlices().stream().anyMatch(sl -> sl.vm() == 0));
    }

    @Test
    void pinnedOrPoweredOffVmsCannotBeMoved() {
        HostSpec h1 = new HostSpec("h1", null, new CpuTopology(1, 4, 1, 1_000), 65_536, 0, 0);
        HostSpec h2 = new HostSpec("h2", null, new CpuTopology(1, 4, 1, 1_000), 65_536, 0, 0);
        Scenario s = new Scenario(LocalizedText.EMPTY, LocalizedText.EMPTY, 7, TICK, List.of(h1, h2), List.of(
                new VmSpec("pinned", null, "h1", 1, 1_024, new Workload.Constant(10), CpuQos.DEFAULT,
                        Pinning.all(1, List.of(0)), 0, 0),
                // 5000 MHz reserved on a 4000 MHz host: admission control keeps it off
                vm("off", "h1", 1, new Workload.Constant(10), new CpuQos(Shares.NORMAL, CpuQos.NO_LIMIT, 5_000))));
        CpuSubsystem cpu = new CpuSubsystem(s, new CpuDemandSubsystem(s));
        assertThrows(IllegalStateException.class, () -> cpu.move("pinned", "h2"));
        assertThrows(IllegalStateException.class, () -> cpu.move("off", "h2"));
        assertThrows(IllegalStateException.class, () -> cpu.setPaused("off", true));
        assertThrows(IllegalArgumentException.class, () -> cpu.move("nope", "h2"));
        assertThrows(IllegalArgumentException.class, () -> cpu.move("pinned", "nope"));
        assertFalse(cpu.poweredOn("off"));
    }

    /** Pauses a, moves it to h2 and back and there again, like three migrations, at fixed times. */
    private static final class Moves implements Subsystem {
        private static final SubsystemSnapshot NOTHING = () -> "moves";
        private final CpuSubsystem cpu;

        Moves(CpuSubsystem cpu) {
            this.cpu = cpu;
        }

        @Override
        public String name() {
            return "moves";
        }

        @Override
        public void step(StepContext ctx) {
            long end = ctx.endMicros();
            if (end == 700_000 || end == 1_650_000 || end == 2_420_000) {
                cpu.setPaused("a", true);
            } else if (end == 900_000 || end == 2_500_000) {
                cpu.move("a", "h2");
                cpu.setPaused("a", false);
            } else if (end == 1_700_000) {
                cpu.move("a", "h1");
                cpu.setPaused("a", false);
            }
        }

        @Override
        public boolean accept(Input input) {
            return false;
        }

        @Override
        public SubsystemSnapshot snapshot() {
            return NOTHING;
        }

        @Override
        public Object saveState() {
            return NOTHING; // its behaviour depends on time only
        }

        @Override
        public void restore(Object savedState) {
        }
    }

    private static Simulation withMoves() {
        Scenario s = twoHosts(new Workload.Bursty(95, 20, 50, 80)); // draws on the generator
        CpuDemandSubsystem demand = new CpuDemandSubsystem(s);
        CpuSubsystem cpu = new CpuSubsystem(s, demand, true);
        return new Simulation(7, TICK, List.of(demand, cpu, new Moves(cpu)));
    }

    @Test
    void rewindAcrossMovesRestoresPlacementSlotsAndSlicesExactly() {
        Simulation sim = withMoves();
        List<SimulationSnapshot> seen = TestScenarios.record(sim);
        sim.runUntil(3_000_000);
        List<SimulationSnapshot> original = List.copyOf(seen);
        seen.clear();
        for (long at : new long[] {2_600_000, 800_000, 1_000_000, 1_680_000, 2_000_000, 450_000, 2_999_000}) {
            sim.rewindTo(at);
            assertEquals(original.get((int) (at / TICK) - 1), sim.snapshot(), "at " + at);
        }
        sim.rewindTo(600_000); // before any move: h2 has one slot again
        assertEquals(List.of("c"), host(cpu(sim), "h2").vmIds());
        sim.runUntil(3_000_000);
        TestScenarios.assertSameSnapshots(original.subList(600, 3_000), seen);
        // and the same run again gives the same snapshots (determinism)
        Simulation again = withMoves();
        List<SimulationSnapshot> againSeen = TestScenarios.record(again);
        again.runUntil(3_000_000);
        TestScenarios.assertSameSnapshots(original, againSeen);
    }

    @Test
    void everyTickEachHostsUseIsTheSumOfItsVmsAndWithinCapacity() {
        Simulation sim = withMoves();
        sim.addObserver(snap -> {
            CpuSnapshot cpu = snap.find(CpuSnapshot.class).orElseThrow();
            for (CpuSnapshot.HostCpu h : cpu.hosts()) {
                // moves happen only after a paused tick, so the VMs on a host now used nothing elsewhere
                double used = cpu.vms().stream().filter(v -> v.hostId().equals(h.hostId()))
                        .mapToDouble(CpuSnapshot.VmCpu::usedMhz).sum();
                assertEquals(h.usedMhz(), used, 1e-6, () -> "at " + snap.nowMicros());
                assertTrue(h.usedMhz() <= h.capacityMhz() + 1e-6);
            }
            for (CpuSnapshot.VmCpu v : cpu.vms()) {
                assertTrue(v.usedMhz() <= v.demandMhz() + 1e-6);
            }
        });
        sim.runUntil(3_000_000);
    }
}
