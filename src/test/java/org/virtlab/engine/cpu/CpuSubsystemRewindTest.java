package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/** The CPU allocation is deterministic and rewinds exactly, counters, inputs and explanations included. */
class CpuSubsystemRewindTest {

    /** The mixed room with QoS: a reservation, a limit, high shares; bursty demand draws on the generator. */
    private static Scenario contended() {
        List<VmSpec> vms = List.of(
                TestScenarios.vm("web", 8, new Workload.Bursty(95, 10, 200, 300))
                        .withCpuQos(new CpuQos(Shares.HIGH, CpuQos.NO_LIMIT, 6_000)),
                TestScenarios.vm("db", 12, new Workload.Constant(90)),
                TestScenarios.vm("batch", 12, new Workload.Periodic(10, 100, 2_000))
                        .withCpuQos(new CpuQos(Shares.LOW, 15_000, 0)),
                TestScenarios.vm("build", 16, new Workload.Ramp(0, 100, 3_000)),
                TestScenarios.vm("idle", 1, new Workload.Idle(3))
                        .withCpuQos(new CpuQos(Shares.NORMAL, CpuQos.NO_LIMIT, 2_000)));
        return TestScenarios.scenario(TestScenarios.SEED, vms);
    }

    private static void runWithInputs(Simulation sim) {
        sim.runUntil(1_500_000);
        sim.submit(new SetCpuQos("db", new CpuQos(Shares.custom(20_000), CpuQos.NO_LIMIT, 4_000)));
        sim.runUntil(2_700_000);
        sim.submit(new SetReservationMode(TestScenarios.HOST, ReservationMode.HELD));
        sim.runUntil(4_000_000);
    }

    @Test
    void rewindRestoresAllocationCountersAndExplanationExactly() {
        Simulation sim = Simulations.of(contended());
        List<SimulationSnapshot> seen = TestScenarios.record(sim);
        sim.runUntil(1_500_000);
        sim.submit(new SetCpuQos("db", new CpuQos(Shares.custom(20_000), CpuQos.NO_LIMIT, 4_000)));
        sim.runUntil(2_700_000);
        sim.submit(new SetReservationMode(TestScenarios.HOST, ReservationMode.HELD));
        sim.runUntil(3_456_000);
        CpuDerivation explained = CpuScenarios.cpuSubsystem(sim).explain(TestScenarios.HOST);
        sim.runUntil(4_000_000);
        List<SimulationSnapshot> original = List.copyOf(seen);
        seen.clear();

        for (long at : new long[] {3_000_000, 3_456_000, 1_000_000, 2_700_000}) {
            sim.rewindTo(at);
            assertEquals(original.get((int) (at / 1_000) - 1), sim.snapshot(), "at " + at);
        }
        sim.rewindTo(3_456_000);
        assertEquals(explained, CpuScenarios.cpuSubsystem(sim).explain(TestScenarios.HOST));
        sim.runUntil(4_000_000);
        TestScenarios.assertSameSnapshots(original.subList(3_456, 4_000), seen);
        CpuSnapshot last = CpuScenarios.cpu(sim);
        assertEquals(ReservationMode.HELD, last.hosts().get(0).reservationMode());
        assertTrue(last.vms().get(1).usedMhzMicros() > 0);
    }

    @Test
    void sameScenarioAndSeedGiveTheSameCpuTranscript() {
        assertEquals(transcript(), transcript());
    }

    private static String transcript() {
        Simulation sim = Simulations.of(contended());
        StringBuilder out = new StringBuilder();
        sim.addObserver(s -> out.append(s.find(CpuSnapshot.class).orElseThrow()).append('\n'));
        sim.runUntil(2_000_000);
        return new String(out.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void everyTickConservesTheHostAndKeepsUseWithinDemandLimitAndEntitlement() {
        Simulation sim = Simulations.of(contended());
        sim.addObserver(s -> {
            CpuSnapshot cpu = s.find(CpuSnapshot.class).orElseThrow();
            CpuSnapshot.HostCpu host = cpu.hosts().get(0);
            double used = 0;
            for (CpuSnapshot.VmCpu vm : cpu.vms()) {
                used += vm.usedMhz();
                assertTrue(vm.usedMhz() <= vm.demandMhz() + 1e-6);
                assertTrue(vm.usedMhz() <= vm.entitlementMhz() + 1e-6);
                assertTrue(vm.limitedPct() <= vm.readyPct() + 1e-9);
                assertTrue(vm.stealPct() <= 100 + 1e-9);
            }
            assertEquals(host.usedMhz(), used, 1e-6);
            assertTrue(used <= host.capacityMhz() + 1e-6);
            // the reservations (6 + 2 GHz) are honoured whenever their owners ask
            CpuSnapshot.VmCpu web = cpu.vms().get(0);
            assertTrue(web.usedMhz() >= Math.min(6_000, web.demandMhz()) - 1e-6);
        });
        runWithInputs(sim);
    }
}
