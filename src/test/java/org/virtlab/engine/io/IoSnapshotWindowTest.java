package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.io.IoScenarios.device;
import static org.virtlab.engine.io.IoScenarios.simulation;
import static org.virtlab.engine.io.IoScenarios.spec;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;

/**
 * What a snapshot lists of a large virtqueue (a window where the indices are) and the totals between two moments,
 * which the I/O tab shows.
 */
class IoSnapshotWindowTest {

    @Test
    void aLargeQueueListsTheWindowAroundTheAvailableIndex() {
        // Queue sizes go up to 32768 (virtio 1.1 §2.6: "Queue Size ... maximum Queue Size value is 32768").
        Simulation sim = simulation(spec("v", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 1),
                IoMode.Virtio.DEFAULT.withQueueSize(32_768)));
        sim.runUntil(100_000);
        IoSnapshot.Ring ring = device(sim, "v").ring();
        assertTrue(ring.truncated());
        // The driver has published more chains than the snapshot lists: its next slot is past the first 1024.
        int next = ring.availIdx() & (ring.queueSize() - 1); // §2.6.6: idx is where the next entry goes, modulo size
        assertTrue(next > IoSnapshot.Ring.MAX_ENTRIES, "next slot " + next);
        assertEquals(IoSnapshot.Ring.MAX_ENTRIES, ring.availRing().size());
        assertEquals(IoSnapshot.Ring.MAX_ENTRIES, ring.usedRing().size());
        assertEquals(next - IoSnapshot.Ring.MAX_ENTRIES / 2, ring.firstSlot(), "the next slot in the middle");
        // The slot before it holds the head of the chain published last, and the used ring returned it (§2.6.8):
        // one request at a time, so the last chain out is the last chain in.
        int last = next - 1 - ring.firstSlot();
        int head = ring.availRing().get(last);
        assertEquals(head, ring.usedRing().get(last).id());
        // The descriptors listed are those around that head, each with its own index.
        List<IoSnapshot.Descriptor> table = ring.descriptors();
        assertEquals(IoSnapshot.Ring.MAX_ENTRIES, table.size());
        assertTrue(table.stream().anyMatch(d -> d.index() == head));
        for (int k = 1; k < table.size(); k++) {
            assertEquals(table.get(k - 1).index() + 1, table.get(k).index());
        }
    }

    @Test
    void aQueueThatFitsIsListedWholeFromSlotZero() {
        Simulation sim = simulation(spec("v", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 4),
                IoMode.Virtio.DEFAULT.withQueueSize(64)));
        sim.runUntil(20_000);
        IoSnapshot.Ring ring = device(sim, "v").ring();
        assertFalse(ring.truncated());
        assertEquals(0, ring.firstSlot());
        assertEquals(64, ring.availRing().size());
        assertEquals(0, ring.descriptors().get(0).index());
    }

    @Test
    void theWindowStaysInsideTheQueue() {
        assertEquals(0, IoSnapshot.Ring.windowStart(256, 200), "a queue that fits");
        assertEquals(0, IoSnapshot.Ring.windowStart(32_768, 100), "near the start");
        assertEquals(32_768 - 1_024, IoSnapshot.Ring.windowStart(32_768, 32_767), "near the end");
        assertEquals(5_000 - 512, IoSnapshot.Ring.windowStart(8_192, 5_000));
    }

    @Test
    void totalsSinceAnEarlierMomentAreWhatHappenedInBetween() {
        Simulation sim = simulation(spec("v", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 2),
                IoMode.Virtio.DEFAULT));
        sim.runUntil(50_000);
        IoSnapshot.Totals before = device(sim, "v").totals();
        sim.runUntil(120_000);
        IoSnapshot.Totals after = device(sim, "v").totals();
        IoSnapshot.Totals between = after.since(before);
        assertEquals(70_000_000, between.elapsedNanos());
        assertEquals(after.completed() - before.completed(), between.completed());
        assertEquals(after.kicks() - before.kicks(), between.kicks());
        assertEquals(after.hostIoNanos() - before.hostIoNanos(), between.hostIoNanos());
        assertEquals(after.requestsInFlight(), between.requestsInFlight(), "a state now, not a difference");
        assertTrue(between.completed() > 0);
        assertEquals(0, after.since(after).completed());
        // The cost of a request from the counters in between: one kick per request with EVENT_IDX and a vhost
        // back-end that sleeps between requests (virtio 1.1 §2.6.10: the driver notifies when avail_event is passed).
        List<CostStep> steps = CostStep.perRequest(device(sim, "v").spec(), IoCosts.DEFAULT, between);
        CostStep kick = steps.stream().filter(s -> s.stage() == CostStep.Stage.KICK_EXIT).findFirst().orElseThrow();
        assertEquals((double) between.kicks() / between.completed(), kick.perRequest(), 1e-12);
    }
}
