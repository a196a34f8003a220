package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.io.IoScenarios.simulation;
import static org.virtlab.engine.io.IoScenarios.spec;
import static org.virtlab.engine.io.IoScenarios.totals;

import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;

/**
 * Kicks and interrupts of a virtio device in the subsystem: batching without suppression (one kick per batch,
 * virtio 1.1 §2.6.10.1, 1.2 §2.7.10.1: the driver MUST notify when the device did not ask otherwise), and
 * suppression by flags or by event index (§2.6.7, §2.6.10) saving kicks while the back-end is busy and interrupts
 * while the driver is.
 */
class IoNotificationTest {
    private static final int N = 100;

    private static IoMode.Virtio virtio(int batch, Suppression suppression) {
        return IoMode.Virtio.DEFAULT.withQueueSize(512).withRequestsPerKick(batch).withSuppression(suppression);
    }

    @Test
    void withoutSuppressionABatchOfBRequestsCostsOneKickSoNRequestsCostCeilNOverB() {
        for (int batch : new int[] {1, 3, 7, 16, 100}) {
            // all 100 requests issued at once (a closed loop of depth 100 that stops after 100); 300 descriptors fit
            Simulation sim = simulation(spec("v", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, N, N),
                    virtio(batch, Suppression.NONE)));
            sim.runUntil(5_000);
            IoSnapshot.Totals t = totals(sim, "v");
            assertEquals(N, t.completed(), "batch " + batch);
            assertEquals((N + batch - 1) / batch, t.kicks(), "batch " + batch);
            assertEquals(0, t.kicksSuppressed());
            assertEquals(t.kicks(), t.exits()); // a kick is the only exit of virtio's data path
            assertEquals(N, t.interrupts());    // no suppression: every used entry interrupts
        }
    }

    @Test
    void withoutSuppressionAnOpenLoopWaitingForFullBatchesAlsoKicksCeilNOverB() {
        // 100 requests at 100,000 per second; the driver waits up to 1 s for a batch, and kicks the last, partial
        // batch when the workload has issued its last request
        for (int batch : new int[] {1, 8, 30}) {
            IoMode.Virtio mode = virtio(batch, Suppression.NONE).withBatchWaitMicros(IoMode.MAX_WAIT_MICROS);
            Simulation sim = simulation(spec("v", new IoWorkload.OpenLoop(IoKind.NET_TX, 1_500, 100_000, N), mode));
            sim.runUntil(20_000);
            IoSnapshot.Totals t = totals(sim, "v");
            assertEquals(N, t.completed(), "batch " + batch);
            assertEquals((N + batch - 1) / batch, t.kicks(), "batch " + batch);
        }
    }

    @Test
    void eventIdxWithABackEndFasterThanTheDriverKicksFarLessThanOncePerRequest() {
        // 64 packets of 256 B outstanding. The vhost worker needs 1 µs per request; the guest's driver needs more
        // (1 µs to submit, 0.5 µs to complete, plus its interrupts): the back-end is the faster side. It wakes 3 µs
        // after a kick, finds the requests added meanwhile and serves them all; the driver kicks again only for the
        // first request added after the back-end asked for a kick (avail_event).
        IoWorkload w = new IoWorkload.ClosedLoop(IoKind.NET_TX, 256, 64, 20_000);
        Simulation sim = simulation(spec("idx", w, virtio(1, Suppression.EVENT_IDX)),
                spec("flags", w, virtio(1, Suppression.FLAGS)), spec("none", w, virtio(1, Suppression.NONE)));
        sim.runUntil(100_000);
        IoSnapshot.Totals idx = totals(sim, "idx");
        IoSnapshot.Totals flags = totals(sim, "flags");
        IoSnapshot.Totals none = totals(sim, "none");
        for (IoSnapshot.Totals t : new IoSnapshot.Totals[] {idx, flags, none}) {
            assertEquals(20_000, t.completed());
            assertEquals(t.submitted(), t.kicks() + t.kicksSuppressed()); // batch 1: one decision per request
        }
        assertEquals(20_000, none.kicks());
        assertTrue(idx.kicks() * 4 < idx.completed(), "kicks " + idx.kicks());
        assertEquals(idx.kicks(), idx.deviceWakeups()); // each kick found the worker asleep: none was wasted
        // the flags method saves fewer: until the woken worker runs and sets NO_NOTIFY, every addition kicks again,
        // while avail_event already said "only the entry I asked for"
        assertTrue(flags.kicks() < flags.completed(), "kicks " + flags.kicks());
        assertTrue(flags.kicks() > flags.deviceWakeups());
        assertTrue(idx.kicks() < flags.kicks());
        // the same on the way back: the driver takes completions with interrupts off
        assertTrue(idx.interrupts() * 2 < idx.completed(), "interrupts " + idx.interrupts());
        assertEquals(20_000, none.interrupts());
        // fewer exits, so more throughput: with 64 outstanding, latency = 64 / throughput (Little's law)
        assertTrue(idx.meanLatencyNanos() < none.meanLatencyNanos());
    }

    @Test
    void aBackEndThatPollsAnEmptyRingNeedsAlmostNoKicksButBurnsHostCpu() {
        // packets at 100,000 per second: 10 µs apart on average, far more than the 1 µs the worker needs. Without
        // polling it falls asleep after each and most packets kick; polling 50 µs (vhost-net busyloop_timeout) it is
        // still awake when the next one comes.
        IoWorkload w = new IoWorkload.OpenLoop(IoKind.NET_TX, 1_500, 100_000);
        Simulation sim = simulation(spec("sleepy", w, IoMode.Virtio.DEFAULT),
                spec("polling", w, IoMode.Virtio.DEFAULT.withPollMicros(50)));
        sim.runUntil(500_000);
        IoSnapshot.Totals sleepy = totals(sim, "sleepy");
        IoSnapshot.Totals polling = totals(sim, "polling");
        assertTrue(sleepy.kicks() * 2 > sleepy.completed(), "kicks " + sleepy.kicks());
        assertTrue(polling.kicks() * 50 < polling.completed(), "kicks " + polling.kicks());
        assertTrue(polling.meanLatencyNanos() < sleepy.meanLatencyNanos()); // no wake-up on the way
        // the price: a host core spent polling (50 µs per packet, nearly all the time)
        assertTrue(polling.hostPollNanos() > polling.elapsedNanos() / 2);
        assertTrue(polling.hostIoNanos() > 3 * sleepy.hostIoNanos());
    }
}
