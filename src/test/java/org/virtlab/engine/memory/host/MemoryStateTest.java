package org.virtlab.engine.memory.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * ESX's memory states by free memory, 6 / 4 / 2 / 1 % (Waldspurger, OSDI 2002, §6): "A transition to a lower
 * memory state occurs when free memory drops significantly below the corresponding threshold. A transition back
 * to a higher memory state occurs only after free memory rises significantly above its threshold."
 */
class MemoryStateTest {
    /** 1 GiB: 262 144 pages. */
    private final HostFrames host = new HostFrames("h", 1024, HostMemoryPolicy.DEFAULT, new int[0]);

    private MemoryState atFreePercent(double percent) {
        long wantUsed = Math.round(host.physicalPages * (1 - percent / 100));
        host.take(wantUsed - host.usedPages());
        host.updateState();
        return host.state();
    }

    @Test
    void fallsBelowEachThresholdAndClimbsBackOneThresholdHigher() {
        assertEquals(MemoryState.HIGH, atFreePercent(50));
        assertEquals(MemoryState.HIGH, atFreePercent(4.5)); // below high, above soft: still high
        assertEquals(MemoryState.SOFT, atFreePercent(3.9));
        assertEquals(MemoryState.SOFT, atFreePercent(5.5)); // back above soft, not yet above high
        assertEquals(MemoryState.HIGH, atFreePercent(6));
        assertEquals(MemoryState.HARD, atFreePercent(1.5));
        assertEquals(MemoryState.LOW, atFreePercent(0.5));
        assertEquals(MemoryState.LOW, atFreePercent(1.5));
        assertEquals(MemoryState.HARD, atFreePercent(2));
        assertEquals(MemoryState.SOFT, atFreePercent(4));
        assertEquals(MemoryState.HIGH, atFreePercent(7));
    }

    @Test
    void checkpointCopiesOfPageArraysNeverChangeAfterwards() {
        ChunkedBytes live = new ChunkedBytes(3 * ChunkedBytes.CHUNK);
        live.set(5, (byte) 1);
        ChunkedBytes saved = live.frozenCopy();
        assertSame(saved, live.frozenCopy(), "nothing written since: the same copy serves");
        live.set(5, (byte) 2);
        live.set(ChunkedBytes.CHUNK + 1, (byte) 3);
        assertEquals(1, saved.get(5));
        assertEquals(0, saved.get(ChunkedBytes.CHUNK + 1));
        assertNotSame(saved, live.frozenCopy());
        ChunkedBytes restored = saved.thawedCopy();
        restored.set(5, (byte) 4);
        assertEquals(1, saved.get(5));
        assertEquals(2, live.get(5));
        assertEquals(4, restored.get(5));
        assertTrue(saved.chunkEmpty(2));
    }
}
