package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationObserver;
import org.virtlab.engine.SimulationSnapshot;

/**
 * Checkpoints of a 32768-entry virtqueue stay small: the kernel saves every subsystem once a simulated second and
 * keeps an hour of them (Simulation: DEFAULT_CHECKPOINT_EVERY_TICKS 1,000 at 1 ms, DEFAULT_MAX_CHECKPOINTS 3,600), so
 * what one checkpoint adds to the one before is what an hour multiplies by 3,600. Measured with {@link DeepSize}.
 */
class IoCheckpointSizeTest {
    private static final int QUEUE = SplitVirtqueue.MAX_SIZE;

    /** What the checkpoint at 2 s adds to the one at 1 s, and the whole of the one at 2 s. */
    private static long[] sizes(IoWorkload workload, IoMode mode) {
        IoSubsystem io = new IoSubsystem(List.of(IoScenarios.spec("v", workload, mode)));
        Simulation sim = new Simulation(IoScenarios.SEED, IoScenarios.TICK_MICROS, List.of(io));
        sim.runUntil(1_000_000);
        Object first = io.saveState();
        sim.runUntil(2_000_000);
        Object second = io.saveState();
        long added = DeepSize.ofExcluding(second, first);
        long whole = DeepSize.of(second);
        return new long[] {added, whole};
    }

    @Test
    void aCheckpointOfALargeQueueHoldsOnlyWhatChangedSinceTheOneBefore() {
        // 10 reads a second and one read outstanding at a time (about 30,000 a second): the same few descriptors
        // and slots are reused, and a ring entry rewritten with the value it held copies nothing. Measured 22 and
        // 21 KB a checkpoint; 1,908,584 B each before checkpoints shared unchanged chunks (a whole copy of the ring
        // and the slots every second: 6.9 GB an hour)
        IoMode.Virtio large = IoMode.Virtio.DEFAULT.withQueueSize(QUEUE);
        for (IoWorkload w : new IoWorkload[] {new IoWorkload.OpenLoop(IoKind.BLOCK_READ, 4_096, 10),
                new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 1)}) {
            long[] s = sizes(w, large);
            assertTrue(s[1] > 1_900_000, "the whole state " + s[1]); // what a full copy held
            assertTrue(s[0] < 32 * 1024, w + ": added " + s[0]);
        }
    }

    @Test
    void aCheckpointOfADeepQueueWhoseIndicesWrapEverySecondHoldsItsRewrittenRings() {
        // 32 reads outstanding with indirect descriptors: avail.idx and used.idx pass the 32768 entries several times
        // a second with heads in a changing order, so every chunk of the available ring and of the used ring's ids
        // is rewritten: 2 × 128 KiB, plus what changed elsewhere. Measured 297,896 B; 4,531,000 B before.
        long[] s = sizes(new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 32),
                IoMode.Virtio.DEFAULT.withQueueSize(QUEUE).withIndirect(true));
        assertTrue(s[1] > 4_500_000, "the whole state " + s[1]);
        assertTrue(s[0] < 384 * 1024, "added " + s[0]);
    }

    @Test
    void rewindingALargeQueueThroughSharedChunksRestoresEveryTickExactly() {
        // checkpoints every 100 ms; 4096 entries (16 chunks) so the rings wrap and chunks are shared and copied
        IoMode.Virtio mode = IoMode.Virtio.DEFAULT.withQueueSize(4_096).withRequestsPerKick(4).withIndirect(true);
        Simulation sim = new Simulation(IoScenarios.SEED, IoScenarios.TICK_MICROS, List.of(new IoSubsystem(List.of(
                IoScenarios.spec("v", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 48), mode)))), 100, 3_600);
        List<SimulationSnapshot> original = new ArrayList<>();
        SimulationObserver record = original::add;
        sim.addObserver(record);
        sim.runUntil(600_000);
        sim.submit(new SetQueueSize("v", 2_048));
        sim.runUntil(900_000);
        sim.removeObserver(record);
        for (long at : new long[] {450_000, 100_000, 899_000, 250_000, 650_000, 1_000}) {
            sim.rewindTo(at);
            assertEquals(original.get((int) (at / 1_000) - 1), sim.snapshot(), "at " + at);
        }
    }
}
