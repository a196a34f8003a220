package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.io.IoScenarios.device;
import static org.virtlab.engine.io.IoScenarios.simulation;
import static org.virtlab.engine.io.IoScenarios.spec;

import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.io.SplitVirtqueue.HeadState;

/**
 * No request is lost or counted twice, in any mode, across resets; the virtqueue a device publishes agrees with its
 * counters, and its indices wrap past 65535 in a long run (virtio 1.1 §2.6.6, §2.6.8).
 */
class IoConservationTest {

    private static void assertConserved(IoSnapshot.Device d) {
        IoSnapshot.Totals t = d.totals();
        assertEquals(t.issued(), t.completed() + t.requestsWaiting() + t.requestsInFlight() + t.dropped(), d.id());
        IoSnapshot.Ring ring = d.ring();
        if (ring != null) {
            assertEquals(ring.queueSize(), ring.numFree() + t.descriptorsInUse(), d.id());
            assertEquals(t.requestsInFlight(), (ring.availIdx() - ring.lastUsedIdx()) & 0xFFFF, d.id());
            if (!ring.truncated()) {
                long inUse = ring.descriptors().stream().filter(x -> x.state() != HeadState.FREE).count();
                assertEquals(t.descriptorsInUse(), inUse, d.id());
            }
        }
    }

    /** Submissions beyond the requests completed or in flight: those a reset put back to wait, submitted again. */
    private static long requeued(IoSnapshot.Device d) {
        return d.totals().submitted() - d.totals().completed() - d.totals().requestsInFlight();
    }

    @Test
    void everyIssuedRequestIsCompletedWaitingInFlightOrDroppedEveryTick() {
        Simulation sim = simulation(
                spec("emu", new IoWorkload.OpenLoop(IoKind.NET_TX, 1_500, 400_000), new IoMode.Emulated(EmulatedModel.E1000)),
                spec("ide", new IoWorkload.ClosedLoop(IoKind.BLOCK_WRITE, 8_192, 4), new IoMode.Emulated(EmulatedModel.IDE)),
                spec("vnet", new IoWorkload.OpenLoop(IoKind.NET_TX, 64, 300_000), IoMode.Virtio.DEFAULT.withQueueSize(16)),
                spec("vblk", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 40),
                        IoMode.Virtio.DEFAULT.withQueueSize(32).withSuppression(Suppression.FLAGS).withRequestsPerKick(3)),
                spec("pt", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 16_384, 64), new IoMode.Passthrough(false, 8, 16)));
        for (int tick = 1; tick <= 300; tick++) {
            if (tick == 100) {
                sim.submit(new SetQueueSize("vblk", 8));
                sim.submit(new SetIoMode("pt", IoMode.Virtio.DEFAULT.withIndirect(true)));
            }
            if (tick == 200) {
                sim.submit(new SetSuppression("vnet", Suppression.NONE));
                sim.submit(new SetIoMode("ide", IoMode.Passthrough.DEFAULT));
            }
            sim.step();
            for (IoSnapshot.Device d : IoScenarios.io(sim.snapshot()).devices()) {
                assertConserved(d);
                long requeued = requeued(d);
                assertTrue(requeued >= 0 && (d.totals().resets() > 0 || requeued == 0), d.id());
            }
        }
        // the e1000 cannot keep up with 400,000 packets/s: its guest's queue fills and the rest are dropped
        assertTrue(device(sim, "emu").totals().dropped() > 0);
        assertEquals(IoSubsystem.MAX_WAITING_REQUESTS, device(sim, "emu").totals().requestsWaiting());
    }

    @Test
    void aChainOfThreeDescriptorsPerRequestLimitsWhatIsInFlightUnlessIndirect() {
        // 4 descriptors hold one 3-buffer block request, or 4 indirect ones (virtio 1.1 §2.6.5.3)
        IoWorkload w = new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 8);
        Simulation sim = simulation(spec("direct", w, IoMode.Virtio.DEFAULT.withQueueSize(4)),
                spec("indirect", w, IoMode.Virtio.DEFAULT.withQueueSize(4).withIndirect(true)));
        long mostDirect = 0;
        long mostIndirect = 0;
        for (int tick = 0; tick < 50; tick++) {
            sim.step();
            mostDirect = Math.max(mostDirect, device(sim, "direct").totals().requestsInFlight());
            mostIndirect = Math.max(mostIndirect, device(sim, "indirect").totals().requestsInFlight());
            assertEquals(3 * device(sim, "direct").totals().requestsInFlight(),
                    device(sim, "direct").totals().descriptorsInUse());
            assertEquals(device(sim, "indirect").totals().requestsInFlight(),
                    device(sim, "indirect").totals().descriptorsInUse());
        }
        assertEquals(1, mostDirect);
        assertEquals(4, mostIndirect);
        assertTrue(device(sim, "indirect").totals().iops() > 2 * device(sim, "direct").totals().iops());
    }

    @Test
    void theRingIndicesWrapPast65535InALongRun() {
        Simulation sim = simulation(spec("v", new IoWorkload.ClosedLoop(IoKind.NET_TX, 64, 32),
                IoMode.Virtio.DEFAULT.withQueueSize(64)));
        sim.runUntil(200_000);
        IoSnapshot.Device d = device(sim, "v");
        IoSnapshot.Totals t = d.totals();
        assertTrue(t.completed() > 65_536, "completed " + t.completed());
        assertEquals(t.submitted() % 65_536, d.ring().availIdx());
        assertEquals(t.completed() % 65_536, d.ring().lastUsedIdx());
        assertConserved(d);
        // ring occupancy over time: never more descriptors than the queue holds
        for (IoSnapshot.Window w : d.history()) {
            assertTrue(w.meanDescriptorsInUse() >= 0 && w.meanDescriptorsInUse() <= 64);
            assertTrue(w.meanRequestsInFlight() <= 32);
        }
        assertEquals(2, d.history().size()); // 200 ms of 100 ms windows
        assertEquals(d.history().get(1), d.lastWindow());
    }
}
