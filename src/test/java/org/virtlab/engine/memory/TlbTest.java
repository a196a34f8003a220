package org.virtlab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** LRU replacement, worked by hand. */
class TlbTest {
    private static boolean holds(Tlb tlb, long page) {
        return tlb.lookup(page, 0) != Tlb.MISS;
    }

    @Test
    void fullyAssociativeTlbEvictsTheLeastRecentlyUsed() {
        Tlb tlb = new Tlb(4, 4);
        for (long page : new long[] {10, 11, 12, 13}) {
            tlb.insert(page, 0, page << 12);
        }
        // recency, oldest first: 10 11 12 13; touching 10 makes it 11 12 13 10
        assertEquals(10L << 12, tlb.lookup(10, 0));
        tlb.insert(14, 0, 14L << 12); // evicts 11 → 12 13 10 14
        assertFalse(holds(tlb, 11));
        tlb.insert(15, 0, 15L << 12); // evicts 12 (the lookup of 11 above missed and changed nothing)
        assertFalse(holds(tlb, 12));
        assertTrue(holds(tlb, 13) && holds(tlb, 10) && holds(tlb, 14) && holds(tlb, 15));
        assertEquals(4, tlb.validEntries());
    }

    @Test
    void setAssociativeTlbEvictsWithinTheSetOnly() {
        Tlb tlb = new Tlb(8, 2); // 4 sets of 2: page p goes to set p mod 4
        tlb.insert(0, 0, 0);
        tlb.insert(4, 0, 4L << 12);
        tlb.insert(1, 0, 1L << 12);
        tlb.insert(5, 0, 5L << 12);
        assertTrue(holds(tlb, 0)); // set 0, oldest first: 4 0
        tlb.insert(8, 0, 8L << 12); // set 0 full: evicts 4, the least recently used there
        assertFalse(holds(tlb, 4));
        assertTrue(holds(tlb, 0) && holds(tlb, 8));
        assertTrue(holds(tlb, 1) && holds(tlb, 5), "set 1 untouched although 1 and 5 are older than 0");
        assertEquals(8, tlb.entries());
        assertEquals(4, tlb.sets());
    }

    @Test
    void entriesOfOtherAddressSpacesDoNotMatch() {
        Tlb tlb = new Tlb(4, 4);
        tlb.insert(7, 1, 0x7000);
        assertEquals(Tlb.MISS, tlb.lookup(7, 2));
        assertEquals(0x7000, tlb.lookup(7, 1));
    }

    @Test
    void invalidateDropsOneAndFlushDropsAll() {
        Tlb tlb = new Tlb(4, 4);
        tlb.insert(1, 0, 0x1000);
        tlb.insert(2, 0, 0x2000);
        assertTrue(tlb.invalidate(1, 0));
        assertFalse(tlb.invalidate(1, 0));
        assertTrue(holds(tlb, 2));
        tlb.flush();
        assertEquals(0, tlb.validEntries());
    }
}
