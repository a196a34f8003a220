package org.virtlab.engine.io;

import java.util.Arrays;

/**
 * An IOMMU's translation cache: fully associative, least recently used replacement, over I/O page numbers.
 * Deterministic: the victim is the entry used longest ago (the lowest index among empty entries first).
 */
final class Iotlb {
    private static final long EMPTY = -1;
    private final long[] page;
    private final long[] lastUse;
    private long clock;

    Iotlb(int entries) {
        page = new long[entries];
        lastUse = new long[entries];
        Arrays.fill(page, EMPTY);
    }

    private Iotlb(Iotlb o) {
        page = o.page.clone();
        lastUse = o.lastUse.clone();
        clock = o.clock;
    }

    Iotlb copy() {
        return new Iotlb(this);
    }

    /** Translates one page: true on a hit; on a miss the translation is cached in place of the LRU entry. */
    boolean access(long pageNumber) {
        clock++;
        int victim = 0;
        for (int i = 0; i < page.length; i++) {
            if (page[i] == pageNumber) {
                lastUse[i] = clock;
                return true;
            }
            if (lastUse[i] < lastUse[victim]) {
                victim = i;
            }
        }
        page[victim] = pageNumber;
        lastUse[victim] = clock;
        return false;
    }
}
