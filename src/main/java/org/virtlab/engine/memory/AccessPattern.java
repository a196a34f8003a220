package org.virtlab.engine.memory;

import org.virtlab.engine.model.Ranges;

/**
 * Which virtual addresses a program touches, one access after another: a closed set of shapes. Addresses
 * are in the lower canonical half; {@link AddressStream} turns a pattern into addresses, drawing on the
 * simulation's random generator for the random shapes.
 */
public sealed interface AccessPattern {
    /** The largest address, span or stride: the 57-bit space of 5-level paging. */
    long MAX_BYTES = 1L << 56;
    /** Random shapes touch aligned 8-byte words. */
    int WORD_BYTES = 8;

    /** The first (or lowest) address touched. */
    long startAddress();

    /** The highest address {@code accesses} accesses can touch. */
    long lastAddress(long accesses);

    /** Word after word: {@code startAddress}, then {@code accessBytes} further each time. */
    record Sequential(long startAddress, int accessBytes) implements AccessPattern {
        public Sequential {
            Ranges.check("startAddress", startAddress, 0, MAX_BYTES);
            Ranges.check("accessBytes", accessBytes, 1, PageTableConfig.TABLE_BYTES);
        }

        /** 8-byte words from {@code startAddress}: 512 accesses per 4 KiB page. */
        public Sequential(long startAddress) {
            this(startAddress, WORD_BYTES);
        }

        @Override
        public long lastAddress(long accesses) {
            return startAddress + Math.max(0, accesses - 1) * accessBytes;
        }
    }

    /** Every {@code strideBytes}: a column of a row-major matrix, or one access per page with a 4 KiB stride. */
    record Strided(long startAddress, long strideBytes) implements AccessPattern {
        public Strided {
            Ranges.check("startAddress", startAddress, 0, MAX_BYTES);
            Ranges.check("strideBytes", strideBytes, 1, MAX_BYTES);
        }

        @Override
        public long lastAddress(long accesses) {
            long steps = Math.max(0, accesses - 1);
            return steps > (MAX_BYTES << 1) / strideBytes ? Long.MAX_VALUE : startAddress + steps * strideBytes;
        }
    }

    /** No locality: each access a word drawn uniformly from {@code [startAddress, startAddress + spanBytes)}. */
    record Random(long startAddress, long spanBytes) implements AccessPattern {
        public Random {
            Ranges.check("startAddress", startAddress, 0, MAX_BYTES);
            Ranges.check("spanBytes", spanBytes, WORD_BYTES, MAX_BYTES);
        }

        @Override
        public long lastAddress(long accesses) {
            return startAddress + spanBytes - 1;
        }
    }

    /**
     * A hot set of {@code sizeBytes} the program keeps coming back to: each access a word drawn uniformly from
     * it. Against a TLB that maps less than the set (its reach), misses grow with the excess.
     */
    record WorkingSet(long startAddress, long sizeBytes) implements AccessPattern {
        public WorkingSet {
            Ranges.check("startAddress", startAddress, 0, MAX_BYTES);
            Ranges.check("sizeBytes", sizeBytes, WORD_BYTES, MAX_BYTES);
        }

        @Override
        public long lastAddress(long accesses) {
            return startAddress + sizeBytes - 1;
        }
    }
}
