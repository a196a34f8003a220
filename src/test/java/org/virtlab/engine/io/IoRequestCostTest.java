package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtlab.engine.io.IoScenarios.device;
import static org.virtlab.engine.io.IoScenarios.simulation;
import static org.virtlab.engine.io.IoScenarios.spec;
import static org.virtlab.engine.io.IoScenarios.totals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;

/**
 * One request at a time (a closed loop of depth 1): nothing overlaps, so a request's latency is the sum of its steps,
 * each from {@link IoCosts#DEFAULT}, and the cost steps a device explains itself with add up to it.
 */
class IoRequestCostTest {
    private static final long N = 1_000;
    /**
     * 1000 packets of 1000 bytes, one at a time, on the 10 GbE NIC: 1000 B / 1.25 GB/s = 800 ns of transfer, then
     * 2 µs in the NIC.
     */
    private static final IoWorkload ONE_AT_A_TIME = new IoWorkload.ClosedLoop(IoKind.NET_TX, 1_000, 1, N);
    private static final long TRANSFER = 800;
    private static final long NIC = 2_000;

    @Test
    void virtioWithVhostCostsSubmitKickWakeupServiceTransferInjectionInterruptCompletion() {
        // 1000 submit + 450 kick exit (1,350 cycles at 3 GHz) + 3000 vhost wake-up + 1000 vhost + 800 + 2000
        // + 500 injection + 1000 guest interrupt + 500 completion = 10,250 ns
        long expected = 1_000 + 450 + 3_000 + 1_000 + TRANSFER + NIC + 500 + 1_000 + 500;
        assertEquals(10_250, expected);
        Simulation sim = simulation(spec("v", ONE_AT_A_TIME, IoMode.Virtio.DEFAULT));
        sim.runUntil(11_000); // 1000 × 10.25 µs = 10.25 ms
        IoSnapshot.Totals t = totals(sim, "v");
        assertEquals(N, t.completed());
        assertEquals(expected * N, t.latencySumNanos());
        assertEquals(N, t.kicks()); // the back-end sleeps between requests: every one kicks
        assertEquals(N, t.deviceWakeups());
        assertEquals(N, t.interrupts());
        assertEquals(N, t.exits());
        assertEquals(expected, sum(IoScenarios.io(sim.snapshot()).costPerRequest("v")), 1e-6 * expected);
    }

    @Test
    void anEmulatedE1000CostsItsRegisterAccessesAsExitsToQemu() {
        // 1000 submit + 1 TDT write (1500 exit to QEMU: 4,500 cycles at 3 GHz, + 500 emulation) + 3000 QEMU
        // + 800 + 2000 + 500 injection + 1000 guest interrupt + 5 × 2000 acknowledging accesses + 500 completion
        long expected = 1_000 + 2_000 + 3_000 + TRANSFER + NIC + 500 + 1_000 + 5 * 2_000 + 500;
        assertEquals(20_800, expected);
        Simulation sim = simulation(spec("e", ONE_AT_A_TIME, new IoMode.Emulated(EmulatedModel.E1000)));
        sim.runUntil(21_000); // 1000 × 20.8 µs = 20.8 ms
        IoSnapshot.Totals t = totals(sim, "e");
        assertEquals(N, t.completed());
        assertEquals(expected * N, t.latencySumNanos());
        assertEquals(6 * N, t.exits());          // 1 per request + 5 per interrupt
        assertEquals(N, t.dataPathExits());
        assertEquals(t.exits(), t.eptViolationExits());       // e1000 registers are MMIO
        assertEquals(expected, sum(device(sim, "e").costPerRequest(IoCosts.DEFAULT)), 1e-6 * expected);
    }

    @Test
    void anEmulatedIdeDiskTrapsOnPortsThirteenTimesPerRequestAndSevenPerInterrupt() {
        // libata-sff.c counts (EmulatedModel.IDE): 13 + 7 = 20 port I/O exits per request
        Simulation sim = simulation(spec("ide", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 8, N),
                new IoMode.Emulated(EmulatedModel.IDE)));
        long most = 0;
        for (int tick = 0; tick < 30; tick++) {
            sim.step();
            IoSnapshot.Totals under = totals(sim, "ide");
            assertEquals(8, under.requestsInFlight() + under.requestsWaiting()); // depth 8
            most = Math.max(most, under.requestsInFlight());
        }
        assertEquals(1, most); // one command at a time, the rest wait in the guest
        sim.runUntil(200_000);
        IoSnapshot.Totals t = totals(sim, "ide");
        assertEquals(N, t.completed());
        assertEquals(20 * N, t.exits());
        assertEquals(t.exits(), t.ioInstructionExits());
    }

    @Test
    void passthroughCostsNoExitAndOnlyIotlbLookupsOnTheWay() {
        // 1000 submit + 800 transfer + 2000 + posted interrupt (no host work) + 1000 + 500 = 5,300 ns, plus the DMA's
        // translations: the data page and the queue entry's page, missing the first time (2 × 400 ns), then hitting
        // (2 × 10 ns): the first request takes 6,100 ns, every other 5,320 ns
        Simulation sim = simulation(spec("p", ONE_AT_A_TIME, IoMode.Passthrough.DEFAULT));
        sim.runUntil(6_000);
        IoSnapshot.Totals t = totals(sim, "p");
        assertEquals(N, t.completed());
        assertEquals(6_100 + 5_320 * (N - 1), t.latencySumNanos());
        assertEquals(0, t.exits());
        assertEquals(2, t.iotlbMisses());
        assertEquals(2 * N - 2, t.iotlbHits());
        assertEquals(0, t.hostIoNanos());
        assertEquals((double) t.latencySumNanos() / t.completed(),
                sum(device(sim, "p").costPerRequest(IoCosts.DEFAULT)), 1e-6);
    }

    private static double sum(List<CostStep> steps) {
        return steps.stream().mapToDouble(CostStep::nanosPerRequest).sum();
    }
}
