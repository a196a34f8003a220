package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Arrays whose copies share unchanged chunks: a copy and its original never see each other's writes, in any chunk. */
class CowArraysTest {

    @Test
    void copiesAreIndependentBothWaysInEveryChunk() {
        int n = 3 * CowInts.CHUNK + 5; // three full chunks and a partial one
        CowInts a = new CowInts(n);
        CowLongs la = new CowLongs(n);
        for (int i = 0; i < n; i++) {
            a.set(i, i);
            la.set(i, 10L * i);
        }
        CowInts b = a.copy();
        CowLongs lb = la.copy();
        CowInts c = b.copy(); // a copy of a copy shares the same chunks
        for (int i = 0; i < n; i += 7) {
            a.set(i, -i);
            lb.set(i, -1L);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(i % 7 == 0 ? -i : i, a.get(i));
            assertEquals(i, b.get(i));
            assertEquals(i, c.get(i));
            assertEquals(10L * i, la.get(i));
            assertEquals(i % 7 == 0 ? -1L : 10L * i, lb.get(i));
        }
        b.set(n - 1, 42);
        assertEquals(n - 1, c.get(n - 1));
        assertEquals(n - 1, a.get(n - 1));
        assertEquals(n, c.length());
    }

    @Test
    void aSecondCopySeesWhatWasWrittenSinceTheFirstAndSharesTheRest() {
        CowInts a = new CowInts(2 * CowInts.CHUNK);
        CowInts first = a.copy();
        a.set(CowInts.CHUNK + 1, 7);
        a.set(3, 0); // the value already there: no chunk written
        CowInts second = a.copy();
        a.set(CowInts.CHUNK + 1, 8);
        CowInts third = a.copy();
        assertEquals(0, first.get(CowInts.CHUNK + 1));
        assertEquals(7, second.get(CowInts.CHUNK + 1));
        assertEquals(8, third.get(CowInts.CHUNK + 1));
        assertEquals(8, a.get(CowInts.CHUNK + 1));
        CowLongs l = new CowLongs(CowInts.CHUNK + 1);
        l.copy();
        l.set(CowInts.CHUNK, 5L);
        assertEquals(5L, l.copy().get(CowInts.CHUNK));
    }

    @Test
    void indicesOutsideTheArrayAreRefused() {
        CowInts a = new CowInts(CowInts.CHUNK + 1);
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(CowInts.CHUNK + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> a.set(-1, 1));
        assertEquals(0, new CowLongs(0).length());
    }
}
