package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.io.SplitVirtqueue.Buffer;
import org.virtlab.engine.io.SplitVirtqueue.HeadState;

/**
 * The split virtqueue against virtio 1.1 §2.6 (layout, §2.6.7 and §2.6.10 notification suppression) and linux
 * include/uapi/linux/virtio_ring.h ({@code vring_need_event}).
 */
class SplitVirtqueueTest {
    private static final long[] ADDRS = {0x1000, 0x2000, 0x3000};
    private static final int[] LENS = {16, 4096, 1};

    /** A virtio-blk read as Linux builds it (virtio 1.1 §5.2.6): header readable, data and status writable. */
    private static int addBlockRead(SplitVirtqueue q) {
        return q.addChain(ADDRS, LENS, 1, 2);
    }

    @Test
    void needEventIsTheSpecRuleAcrossTheWrap() {
        // virtio_ring.h: vring_need_event(event, new, old) = (u16)(new - event - 1) < (u16)(new - old).
        // old = 65534, new = 2: entries 65534, 65535, 0, 1 were published; notify iff event is one of them.
        assertTrue(SplitVirtqueue.needEvent(65535, 2, 65534)); // (u16)(2 − 65535 − 1) = 2 < 4
        assertTrue(SplitVirtqueue.needEvent(0, 2, 65534));     // 1 < 4
        assertTrue(SplitVirtqueue.needEvent(1, 2, 65534));     // 0 < 4
        assertTrue(SplitVirtqueue.needEvent(65534, 2, 65534)); // 3 < 4: the first entry published
        assertFalse(SplitVirtqueue.needEvent(2, 2, 65534));    // 65535: the entry not yet published
        assertFalse(SplitVirtqueue.needEvent(65533, 2, 65534)); // 4: already notified before old
        assertFalse(SplitVirtqueue.needEvent(7, 7, 7));         // nothing published: never
    }

    @Test
    void needEventOverEveryEventIndexNamesExactlyThePublishedEntries() {
        // the same rule as a set: for old = 65530 and new = 5 (11 entries), exactly those 11 event values notify
        int notified = 0;
        for (int event = 0; event <= 0xFFFF; event++) {
            boolean published = ((event - 65530) & 0xFFFF) < 11;
            assertEquals(published, SplitVirtqueue.needEvent(event, 5, 65530), "event " + event);
            notified += published ? 1 : 0;
        }
        assertEquals(11, notified);
    }

    @Test
    void needEventOneEntryAtATimeIsTheSpecsWordingAtEveryIndexIncludingTheWrap() {
        // virtio 1.1 §2.6.7.2 (virtio 1.2 §2.7.7.2), device, with EVENT_IDX: "If the idx field in the used ring
        // (which determined where that descriptor index was placed) was equal to used_event, the device MUST send a
        // notification"; §2.6.10.1 (1.2 §2.7.10.1) says the same of the driver, avail idx and avail_event. One entry
        // written at idx old moves idx to old + 1 mod 2^16: vring_need_event(event, old + 1, old) must be old == event,
        // for every old, 65535 → 0 included.
        for (int event : new int[] {0, 1, 255, 32_768, 65_534, 65_535}) {
            for (int old = 0; old <= 0xFFFF; old++) {
                int newIdx = (old + 1) & 0xFFFF;
                assertEquals(old == event, SplitVirtqueue.needEvent(event, newIdx, old),
                        "event " + event + ", old " + old);
            }
        }
    }

    @Test
    void withUsedEventZeroTheDeviceInterruptsAtTheFirstBufferAndAgainOnceIdxHasWrapped() {
        // virtio 1.1 §2.6.7.2 (1.2 §2.7.7.2), the note: "if used_event is 0, then a device using VIRTIO_F_EVENT_IDX
        // would send a used buffer notification to the driver after the first buffer is used (and again after the
        // 65536th buffer, etc)": the entry at idx 0 and, 2^16 entries later, the next entry at idx 0 (buffer 65,537
        // counting from 1). The driver keeps used_event at 0 by leaving interrupts disabled (Linux virtqueue_disable_cb).
        SplitVirtqueue q = new SplitVirtqueue(1, true);
        q.disableInterrupts();
        List<Integer> interruptedAt = new java.util.ArrayList<>();
        for (int buffer = 1; buffer <= 140_000; buffer++) {
            q.addChain(new long[] {0x1000}, new int[] {64}, 0, 1);
            q.kickPrepare();
            q.pushUsed(q.pop(), 64);
            if (q.needsInterrupt()) {
                interruptedAt.add(buffer);
            }
            assertEquals(0, q.getUsed());
            assertEquals(0, q.usedEvent());
        }
        assertEquals(List.of(1, 65_537, 131_073), interruptedAt);
    }

    @Test
    void withEventIdxTheDriverKicksForAvailEventAcrossTheWrap() {
        // virtio 1.1 §2.6.10.1 (1.2 §2.7.10.1), driver, with EVENT_IDX: notify iff the avail idx that placed an entry
        // equals avail_event; Linux checks a whole batch at once with vring_need_event(avail_event, new, old)
        SplitVirtqueue q = new SplitVirtqueue(16, true); // room for 5 chains of 3
        for (int k = 0; k < 65_533; k++) { // move every index to 65533
            addBlockRead(q);
            q.kickPrepare();
            q.pushUsed(q.pop(), 1);
            q.getUsed();
        }
        assertEquals(65_533, q.availIdx());
        assertFalse(q.enableNotifications()); // the idle device: avail_event = last_avail_idx = 65533
        assertEquals(65_533, q.availEvent());
        addBlockRead(q);                      // placed at 65533 = avail_event
        assertTrue(q.kickPrepare());
        q.pop();                              // the device is busy now and does not move avail_event
        addBlockRead(q);                      // 65534
        addBlockRead(q);                      // 65535
        assertFalse(q.kickPrepare());         // old 65534, new 0: avail_event 65533 is behind
        assertEquals(0, q.availIdx());
        for (int head = q.pop(); head >= 0; head = q.pop()) {
            q.pushUsed(head, 1);
        }
        assertFalse(q.enableNotifications()); // idle again: avail_event = 0, past the wrap
        assertEquals(0, q.availEvent());
        addBlockRead(q);                      // placed at 0 = avail_event (4 chains in the queue now)
        assertTrue(q.kickPrepare());          // old 0, new 1, event 0: (u16)(1 − 0 − 1) = 0 < 1
    }

    @Test
    void queueSizeMustBeAPowerOfTwoUpTo32768() {
        // virtio 1.1 §2.6: "Queue Size value is always a power of 2. The maximum Queue Size value is 32768."
        for (int bad : new int[] {0, -4, 3, 100, 1000, 32_769, 65_536}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SplitVirtqueue(bad, false));
            assertEquals("queue size must be a power of 2 from 1 to 32768 (1, 2, 4, …, 16384, 32768), was " + bad,
                    e.getMessage());
        }
        for (int good : new int[] {1, 2, 256, 32_768}) {
            assertEquals(good, new SplitVirtqueue(good, true).numFree());
        }
    }

    @Test
    void aChainTakesDescriptorsFromTheFreeListAndLinksThemWithNext() {
        SplitVirtqueue q = new SplitVirtqueue(8, false);
        int head = addBlockRead(q);
        // Linux's free list starts 0 → 1 → 2: the chain is 0 → 1 → 2, readable header then writable data, status
        assertEquals(0, head);
        assertEquals(SplitVirtqueue.DESC_F_NEXT, q.descFlags(0));
        assertEquals(1, q.descNext(0));
        assertEquals(SplitVirtqueue.DESC_F_NEXT | SplitVirtqueue.DESC_F_WRITE, q.descFlags(1));
        assertEquals(2, q.descNext(1));
        assertEquals(SplitVirtqueue.DESC_F_WRITE, q.descFlags(2));
        assertEquals(0x2000, q.descAddr(1));
        assertEquals(4096, q.descLenBytes(1));
        // published: ring[0] = head, idx = 1; 5 descriptors left, the next free is 3
        assertEquals(0, q.availRing(0));
        assertEquals(1, q.availIdx());
        assertEquals(5, q.numFree());
        assertEquals(3, q.freeHead());
        assertEquals(HeadState.AVAILABLE, q.headState(0));
    }

    @Test
    void theDeviceReadsTheChainAsWrittenAndTheDriverGetsItBack() {
        SplitVirtqueue q = new SplitVirtqueue(8, false);
        int head = addBlockRead(q);
        assertEquals(1, q.availableCount());
        assertEquals(head, q.pop());
        assertEquals(HeadState.IN_DEVICE, q.headState(head));
        long[] a = new long[4];
        int[] l = new int[4];
        int[] f = new int[4];
        assertEquals(3, q.readChain(head, a, l, f));
        assertEquals(0x3000, a[2]);
        assertEquals(1, l[2]);
        q.pushUsed(head, 4097); // the data and the status byte
        assertEquals(0, q.usedId(0));
        assertEquals(4097, q.usedLenBytes(0));
        assertEquals(1, q.usedIdx());
        assertEquals(head, q.getUsed());
        assertEquals(4097, q.lastUsedLenBytes());
        assertEquals(8, q.numFree());
        assertEquals(-1, q.getUsed());
    }

    @Test
    void aFullQueueRefusesAChainWithMinusOne() {
        SplitVirtqueue q = new SplitVirtqueue(4, false);
        assertEquals(0, addBlockRead(q));
        assertEquals(-1, addBlockRead(q)); // 1 descriptor left, 3 needed (Linux: -ENOSPC)
        assertEquals(1, q.numFree());
        assertEquals(1, q.availIdx());     // nothing published by the refused add
    }

    @Test
    void indirectDescriptorsPutAWholeChainInOneSlot() {
        // virtio 1.1 §2.6.5.3: with VIRTIO_F_INDIRECT_DESC a 3-buffer request takes one table entry, so a
        // 4-entry queue holds 4 requests instead of 1
        SplitVirtqueue direct = new SplitVirtqueue(4, false);
        SplitVirtqueue indirect = new SplitVirtqueue(4, false, 4);
        int fitDirect = 0;
        while (addBlockRead(direct) >= 0) {
            fitDirect++;
        }
        int fitIndirect = 0;
        while (addBlockRead(indirect) >= 0) {
            fitIndirect++;
        }
        assertEquals(1, fitDirect);
        assertEquals(4, fitIndirect);
        assertEquals(SplitVirtqueue.DESC_F_INDIRECT, indirect.descFlags(1));
        assertEquals(3 * SplitVirtqueue.DESCRIPTOR_BYTES, indirect.descLenBytes(1));
        assertEquals(SplitVirtqueue.INDIRECT_TABLE_BASE + 4 * 16, indirect.descAddr(1)); // head 1's table slot
        assertEquals(SplitVirtqueue.DESC_F_NEXT | SplitVirtqueue.DESC_F_WRITE, indirect.indirectFlags(1, 1));
        assertEquals(2, indirect.indirectNext(1, 1));
        long[] a = new long[3];
        int[] l = new int[3];
        int[] f = new int[3];
        int head = indirect.pop();
        assertEquals(3, indirect.readChain(head, a, l, f));
        assertEquals(4096, l[1]);
        assertEquals(SplitVirtqueue.DESC_F_WRITE, f[2]);
        indirect.pushUsed(head, 4097);
        assertEquals(head, indirect.getUsed());
        assertEquals(1, indirect.numFree());
    }

    @Test
    void readableBuffersMustComeFirst() {
        SplitVirtqueue q = new SplitVirtqueue(4, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.addChain(List.of(
                new Buffer(0x1000, 100, true), new Buffer(0x2000, 16, false))));
        assertEquals("buffer 1 is device-readable after a writable one: readable buffers come first "
                + "(virtio 1.1 §2.6.4.2)", e.getMessage());
        assertEquals(0, q.addChain(List.of(new Buffer(0x1000, 12, false), new Buffer(0x2000, 1500, false))));
    }

    @Test
    void theDeviceCanOnlyReturnAChainItTookAndOnlyOnce() {
        SplitVirtqueue q = new SplitVirtqueue(8, false);
        int head = addBlockRead(q);
        IllegalStateException notTaken = assertThrows(IllegalStateException.class, () -> q.pushUsed(head, 0));
        assertEquals("descriptor 0 is AVAILABLE: the device can only return a chain it took", notTaken.getMessage());
        q.pop();
        q.pushUsed(head, 0);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> q.pushUsed(head, 0));
        assertEquals("descriptor 0 is USED: the device can only return a chain it took", twice.getMessage());
    }

    @Test
    void withoutSuppressionEveryKickPrepareNotifiesSoKicksAreTheCeilingOfRequestsOverBatch() {
        // virtio 1.1 §2.6.10.1 (driver requirements; 1.2 §2.7.10.1) without EVENT_IDX: used.flags = 0 → the driver
        // MUST notify. A device that never sets NO_NOTIFY gets one kick per kickPrepare, and the driver calls it
        // after every B additions and after the last: ceil(N / B) kicks.
        int n = 1_000;
        for (int batch : new int[] {1, 3, 7, 64, 1_000}) {
            SplitVirtqueue q = new SplitVirtqueue(4_096, false); // room for 1,000 chains of 3
            int kicks = 0;
            int added = 0;
            while (added < n) {
                int inBatch = 0;
                while (inBatch < batch && added < n) {
                    assertTrue(addBlockRead(q) >= 0);
                    added++;
                    inBatch++;
                }
                kicks += q.kickPrepare() ? 1 : 0;
                drain(q); // the device serves the batch, the driver takes it back
            }
            assertEquals((n + batch - 1) / batch, kicks, "batch " + batch);
        }
    }

    private static void drain(SplitVirtqueue q) {
        for (int head = q.pop(); head >= 0; head = q.pop()) {
            q.pushUsed(head, 1);
        }
        while (q.getUsed() >= 0) {
            // take everything back
        }
    }

    @Test
    void withFlagsABusyDeviceGetsNoKicksUntilItReenablesThem() {
        // §2.6.10.1: used.flags = NO_NOTIFY → the driver SHOULD NOT notify
        SplitVirtqueue q = new SplitVirtqueue(64, false);
        q.disableNotifications();
        assertEquals(SplitVirtqueue.USED_F_NO_NOTIFY, q.usedFlags());
        addBlockRead(q);
        assertFalse(q.kickPrepare());
        assertTrue(q.enableNotifications()); // re-enabled, but one was added meanwhile: take it first
        assertEquals(0, q.usedFlags());
        addBlockRead(q);
        assertTrue(q.kickPrepare());
    }

    @Test
    void withEventIdxTheDriverKicksOnlyForTheEntryTheDeviceAskedFor() {
        // §2.6.10.1 with EVENT_IDX: the device wrote avail_event = 0 ("notify me when you add entry 0")
        SplitVirtqueue q = new SplitVirtqueue(256, true);
        assertFalse(q.enableNotifications());
        assertEquals(0, q.availEvent());
        int kicks = 0;
        for (int k = 0; k < 50; k++) { // the device stays busy: it never writes avail_event again
            addBlockRead(q);
            kicks += q.kickPrepare() ? 1 : 0;
        }
        assertEquals(1, kicks); // only the addition of entry 0 crossed avail_event
        // the device drains 50 entries and waits again at avail_event = 50: the next addition kicks
        for (int head = q.pop(); head >= 0; head = q.pop()) {
            q.pushUsed(head, 0);
        }
        assertFalse(q.enableNotifications());
        assertEquals(50, q.availEvent());
        addBlockRead(q);
        addBlockRead(q);
        assertTrue(q.kickPrepare()); // old = 50, new = 52, event = 50
    }

    @Test
    void withEventIdxTheDeviceInterruptsOnlyWhenItCrossesUsedEvent() {
        // §2.6.7.2 with EVENT_IDX: interrupt iff the used idx moved past used_event
        SplitVirtqueue q = new SplitVirtqueue(256, true);
        for (int k = 0; k < 10; k++) {
            addBlockRead(q);
        }
        q.kickPrepare();
        q.pop();
        q.pushUsed(0, 1);
        assertTrue(q.needsInterrupt()); // the first check always interrupts (vhost: signalled_used not valid)
        int interrupts = 0;
        for (int head = q.pop(); head >= 0; head = q.pop()) {
            q.pushUsed(head, 1);
            interrupts += q.needsInterrupt() ? 1 : 0;
        }
        assertEquals(0, interrupts); // used_event is still 0: the driver has not taken anything back yet
        q.disableInterrupts();
        assertEquals(0, q.getUsed());
        assertEquals(0, q.usedEvent()); // interrupts disabled: used_event does not move
        q.getUsed();
        assertFalse(q.enableInterrupts()); // 8 more are waiting in the used ring
        assertEquals(2, q.usedEvent());    // used_event = last_used_idx
    }

    @Test
    void withFlagsTheDriverTurnsInterruptsOffAndOn() {
        SplitVirtqueue q = new SplitVirtqueue(16, false);
        addBlockRead(q);
        addBlockRead(q);
        q.disableInterrupts();
        assertEquals(SplitVirtqueue.AVAIL_F_NO_INTERRUPT, q.availFlags());
        q.pushUsed(q.pop(), 1);
        assertFalse(q.needsInterrupt());
        assertFalse(q.enableInterrupts()); // one is waiting
        q.getUsed();
        assertTrue(q.enableInterrupts());
        q.pushUsed(q.pop(), 1);
        assertTrue(q.needsInterrupt());
    }

    @Test
    void aCopyIsIndependent() {
        SplitVirtqueue q = new SplitVirtqueue(8, true, 4);
        addBlockRead(q);
        SplitVirtqueue c = q.copy();
        q.pushUsed(q.pop(), 1);
        assertEquals(1, c.availableCount());
        assertEquals(0, c.usedIdx());
        assertEquals(HeadState.AVAILABLE, c.headState(0));
        assertEquals(1, q.usedIdx());
    }
}
