package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.io.SplitVirtqueue;
import org.virtlab.engine.model.Scenario;

/**
 * The lesson io-virtqueue-anatomy shows what its texts say: a virtio-blk read is a chain of 3 descriptors laid out as
 * virtio 1.1 §5.2.6 and §2.6.5 describe, 8 descriptors hold 2 of them, the indices run on past the queue size
 * (§2.6.6, §2.6.8), and with the worker asleep between reads every read costs one kick and one interrupt.
 */
class IoVirtqueueAnatomyLessonTest {
    private static final String LESSON = "io-virtqueue-anatomy";

    private static Scenario lesson() throws ScenarioException {
        return Lessons.load(LESSON).scenario();
    }

    private static IoSnapshot.Device run(Scenario scenario, long micros) {
        Simulation sim = Simulations.of(scenario);
        sim.runUntil(micros);
        return sim.snapshot().find(IoSnapshot.class).orElseThrow().device("vda").orElseThrow();
    }

    @Test
    void aReadIsAChainOfHeaderDataAndStatusAndEightDescriptorsHoldTwo() throws ScenarioException {
        IoSnapshot.Device vda = run(lesson(), 1_000_000);
        IoSnapshot.Ring ring = vda.ring();
        assertEquals(8, ring.queueSize());
        // two chains in the device, 0 → 1 → 2 and 3 → 4 → 5 (Linux takes descriptors off its free list in order)
        for (int head : new int[] {0, 3}) {
            IoSnapshot.Descriptor header = ring.descriptors().get(head);
            IoSnapshot.Descriptor data = ring.descriptors().get(head + 1);
            IoSnapshot.Descriptor status = ring.descriptors().get(head + 2);
            // virtio 1.1 §5.2.6: struct virtio_blk_req = 16-byte header (type, reserved, sector), data, u8 status;
            // §2.6.5: NEXT = 1, WRITE = 2; the device writes the data of a read and the status
            assertEquals(16, header.lenBytes());
            assertEquals(SplitVirtqueue.DESC_F_NEXT, header.flags());                    // 1
            assertEquals(head + 1, header.next());
            assertEquals(4_096, data.lenBytes());
            assertEquals(SplitVirtqueue.DESC_F_NEXT | SplitVirtqueue.DESC_F_WRITE, data.flags()); // 3
            assertEquals(1, status.lenBytes());
            assertEquals(SplitVirtqueue.DESC_F_WRITE, status.flags());                   // 2
            assertEquals(SplitVirtqueue.HeadState.IN_DEVICE, header.state());
        }
        // 6 in use, 2 free: too few for a third chain of 3, so 2 of the 4 outstanding reads wait in the guest
        assertEquals(2, ring.numFree());
        assertEquals(6, vda.totals().descriptorsInUse());
        assertEquals(2, vda.totals().requestsInFlight());
        assertEquals(2, vda.totals().requestsWaiting());
        // used len: 4096 bytes of data + the status byte (§2.6.8: the bytes written into the chain)
        assertEquals(4_097, ring.usedRing().get(0).lenBytes());
        // the heads alternate 0, 3, 0, 3 in both rings: a freed chain is reused first (Linux detach_buf_split
        // puts it at the head of the free list)
        assertEquals(List.of(0, 3, 0, 3, 0, 3, 0, 3), ring.availRing());
        for (int slot = 0; slot < 8; slot++) {
            assertEquals(slot % 2 == 0 ? 0 : 3, ring.usedRing().get(slot).id(), "used slot " + slot);
        }
    }

    @Test
    void theIndicesRunPastTheQueueSizeAtTenReadsASecondWithTwoInTheDevice() throws ScenarioException {
        IoSnapshot.Device vda = run(lesson(), 10_000_000);
        IoSnapshot.Totals t = vda.totals();
        IoSnapshot.Ring ring = vda.ring();
        // 4096 B at 40960 B/s = 100 ms a read, one after the other: 10 a second (PhysicalDevice: bandwidth)
        assertEquals(10, t.iops(), 0.2);
        // after 10 s: 101 handed to the device, 99 completed (the step's numbers); idx counts them, mod 2^16
        assertEquals(101, t.submitted());
        assertEquals(99, t.completed());
        assertEquals(101, ring.availIdx());
        assertEquals(99, ring.usedIdx());
        assertEquals(2, (ring.availIdx() - ring.usedIdx()) & 0xFFFF); // used.idx follows 2 behind
        // the worker asleep asks for a kick at the next entry, the driver for an interrupt at the next used one
        // (virtio 1.1 §2.6.10 avail_event, §2.6.7 used_event)
        assertEquals(ring.availIdx(), ring.availEvent());
        assertEquals(ring.usedIdx(), ring.usedEvent());
    }

    @Test
    void everyReadCostsOneKickAndOneInterruptButTheSecond() throws ScenarioException {
        // the first two reads go in at once: the first kicks, the second is added while the worker is waking up
        // (3 µs, IoCosts.vhostWakeupNanos) and its kick is suppressed
        IoSnapshot.Totals start = run(lesson(), 1_000).totals();
        assertEquals(2, start.submitted());
        assertEquals(1, start.kicks());
        assertEquals(1, start.kicksSuppressed());
        IoSnapshot.Totals t = run(lesson(), 10_000_000).totals();
        // the step: 100 kicks and 99 interrupts for 101 reads submitted and 99 completed
        assertEquals(100, t.kicks());
        assertEquals(1, t.kicksSuppressed()); // the second read: added while the worker was waking (avail_event = 1)
        assertEquals(t.submitted() - 1, t.kicks());
        assertEquals(99, t.interrupts());
        assertEquals(t.completed(), t.interrupts());
        assertEquals(t.kicks(), t.exits()); // a kick is virtio's only exit (an MMIO write)
    }

    @Test
    void aQueueOfSixteenHoldsAllFourReadsAndTheLatencyStaysNearFourHundredMilliseconds() throws ScenarioException {
        Scenario small = lesson();
        IoDeviceSpec d = small.device("vda").orElseThrow();
        Scenario large = small.withDevices(List.of(d.withMode(((IoMode.Virtio) d.mode()).withQueueSize(16))));
        IoSnapshot.Totals eight = run(small, 10_000_000).totals();
        IoSnapshot.Totals sixteen = run(large, 10_000_000).totals();
        assertEquals(12, sixteen.descriptorsInUse()); // 4 chains of 3
        assertEquals(4, sixteen.requestsInFlight());
        assertEquals(0, sixteen.requestsWaiting());
        // Little's law: 4 outstanding / 10 per second = 400 ms, in both
        for (IoSnapshot.Totals t : new IoSnapshot.Totals[] {eight, sixteen}) {
            assertTrue(Math.abs(t.meanLatencyNanos() - 400e6) < 20e6, "mean latency " + t.meanLatencyNanos());
            assertEquals(10, t.iops(), 0.2);
        }
    }
}
