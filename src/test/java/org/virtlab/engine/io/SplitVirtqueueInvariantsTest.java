package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.SimRandom;

/**
 * Ring invariants under long random workloads (fixed seeds), checked against a reference model of what the
 * driver submitted: no descriptor lost or reused while in flight, every chain the device reads is the one the
 * driver wrote, every used entry matches a submitted chain, and the 16-bit indices wrap past 65535 many times
 * (virtio 1.1 §2.6.6: avail idx "wraps naturally at 65536"; §2.6.8 likewise for the used ring).
 */
class SplitVirtqueueInvariantsTest {
    /** Chains to complete in each run: enough for avail.idx and used.idx to wrap past 65535 three times. */
    private static final long TARGET = 3 * 65_536L + 1;
    private static final int MAX_STEPS = 2_000_000;

    private record Config(int size, boolean eventIdx, int maxIndirect, long seed) {
    }

    @Test
    void randomWorkloadsLoseNoDescriptorAndReturnExactlyWhatWasSubmitted() {
        List<Config> configs = List.of(
                new Config(1, false, 0, 1),
                new Config(2, true, 2, 2),
                new Config(8, false, 0, 3),
                new Config(64, true, 4, 4),
                new Config(256, false, 8, 5),
                new Config(32_768, true, 0, 6));
        for (Config c : configs) {
            Run run = new Run(c);
            run.play();
            assertTrue(run.returnedCount >= TARGET, c + " completed only " + run.returnedCount);
        }
    }

    /** One random run and the reference model it is checked against. */
    private static final class Run {
        final Config c;
        final SimRandom r;
        final SplitVirtqueue q;
        final long[][] submittedAddrs;
        final int[][] submittedLens;
        final int[][] submittedFlags;
        final int[] writableBytes;
        final int[] descriptorsHeld;
        final boolean[] inFlight;
        final ArrayDeque<Integer> published = new ArrayDeque<>();
        final List<Integer> inDevice = new ArrayList<>();
        final ArrayDeque<int[]> returned = new ArrayDeque<>();
        final long[] a = new long[8];
        final int[] l = new int[8];
        final int[] f = new int[8];
        long returnedCount;
        int held;
        int flying;

        Run(Config c) {
            this.c = c;
            r = new SimRandom(c.seed());
            q = new SplitVirtqueue(c.size(), c.eventIdx(), c.maxIndirect());
            int n = c.size();
            submittedAddrs = new long[n][];
            submittedLens = new int[n][];
            submittedFlags = new int[n][];
            writableBytes = new int[n];
            descriptorsHeld = new int[n];
            inFlight = new boolean[n];
        }

        void play() {
            for (int step = 0; step < MAX_STEPS && returnedCount < TARGET; step++) {
                int first = r.nextInt(5); // the five actions in their cyclic order, from a random one
                for (int k = 0; k < 5; k++) {
                    int repeat = r.nextInt(4); // 0 to 3 times each
                    for (int rep = 0; rep < repeat; rep++) {
                        switch ((first + k) % 5) {
                            case 0 -> add();
                            case 1 -> q.kickPrepare();
                            case 2 -> pop();
                            case 3 -> push();
                            default -> getUsed();
                        }
                    }
                }
                assertEquals(c.size(), q.numFree() + held, "free + held = queue size");
                assertEquals(flying, q.chainsInFlight());
                assertEquals(published.size(), q.availableCount());
            }
        }

        void add() {
            int total = 1 + r.nextInt(Math.min(5, c.size()));
            int out = r.nextInt(total + 1);
            long[] addrs = new long[total];
            int[] lens = new int[total];
            int[] flags = new int[total];
            int writable = 0;
            for (int k = 0; k < total; k++) {
                addrs[k] = 0x10_0000L * (1 + r.nextInt(1 << 20)) + k;
                lens[k] = 1 + r.nextInt(65_536);
                flags[k] = (k < total - 1 ? SplitVirtqueue.DESC_F_NEXT : 0) | (k >= out ? SplitVirtqueue.DESC_F_WRITE : 0);
                writable += k >= out ? lens[k] : 0;
            }
            int numFreeBefore = q.numFree();
            int head = q.addChain(addrs, lens, out, total - out);
            boolean indirect = c.maxIndirect() > 0 && total > 1 && total <= c.maxIndirect();
            int needed = indirect ? 1 : total;
            if (head < 0) {
                assertTrue(numFreeBefore < needed, "refused with " + numFreeBefore + " free for " + needed);
                return;
            }
            assertFalse(inFlight[head], "descriptor " + head + " reused while in flight");
            inFlight[head] = true;
            flying++;
            submittedAddrs[head] = addrs;
            submittedLens[head] = lens;
            submittedFlags[head] = flags;
            writableBytes[head] = writable;
            descriptorsHeld[head] = needed;
            held += needed;
            published.add(head);
        }

        void pop() {
            int head = q.pop();
            if (published.isEmpty()) {
                assertEquals(-1, head);
                return;
            }
            assertEquals((int) published.poll(), head, "the device takes chains in the order published");
            int count = q.readChain(head, a, l, f);
            assertArrayEquals(submittedAddrs[head], Arrays.copyOf(a, count));
            assertArrayEquals(submittedLens[head], Arrays.copyOf(l, count));
            assertArrayEquals(submittedFlags[head], Arrays.copyOf(f, count));
            inDevice.add(head);
        }

        void push() {
            if (inDevice.isEmpty()) {
                return;
            }
            int head = inDevice.remove(r.nextInt(inDevice.size())); // the device completes out of order
            q.pushUsed(head, writableBytes[head]);
            returned.add(new int[] {head, writableBytes[head]});
            q.needsInterrupt();
        }

        void getUsed() {
            int head = q.getUsed();
            if (returned.isEmpty()) {
                assertEquals(-1, head);
                return;
            }
            int[] expected = returned.poll();
            assertEquals(expected[0], head, "the used entry matches the chain the device returned");
            assertEquals(expected[1], q.lastUsedLenBytes());
            assertTrue(inFlight[head]);
            inFlight[head] = false;
            flying--;
            held -= descriptorsHeld[head];
            returnedCount++;
        }
    }
}
