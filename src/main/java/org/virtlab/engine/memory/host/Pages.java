package org.virtlab.engine.memory.host;

/**
 * One guest page in one byte: its state (bits 0–2) and the class of what it holds (bits 3–4). A byte of 0 is an
 * untouched page, so a guest's untouched memory is an array chunk that was never allocated.
 *
 * <p>Which class a page takes when the guest first writes it, and whether the guest keeps using it, follow
 * from its number through a fixed hash (SplitMix64's finalizer), the same in every VM: no random draw, so the
 * memory model leaves the simulation's generator alone and the CPU's numbers as they were.
 */
final class Pages {
    static final int PER_MIB = 256;
    static final long BYTES = 4096;

    /** Never written: reads see the host's one zero frame. */
    static final int UNTOUCHED = 0;
    /** Backed by a host frame of its own. */
    static final int PRIVATE = 1;
    /** Mapped read-only to a frame that pages with the same content share. */
    static final int SHARED = 2;
    /** Given to the balloon driver: the guest does not use it and the host backs it with nothing. */
    static final int BALLOONED = 3;
    /** Its content is in the host's swap. */
    static final int SWAPPED = 4;

    static final int ZERO = 0;
    static final int IMAGE = 1;
    static final int UNIQUE = 2;

    private static final double HASH_RANGE = 4294967296.0;

    private Pages() {
    }

    static int state(byte b) {
        return b & 7;
    }

    static int kind(byte b) {
        return (b >>> 3) & 3;
    }

    static byte of(int state, int kind) {
        return (byte) (state | kind << 3);
    }

    static long pages(long mib) {
        return mib * PER_MIB;
    }

    static double mib(double pages) {
        return pages / PER_MIB;
    }

    /** A page's place in the content mix: uniform in [0, 2³²). */
    static long contentHash(int page) {
        return mix(page * 0x9E3779B97F4A7C15L + 0x5EEDL) >>> 32;
    }

    /** A page's place in the activity split: uniform in [0, 2³²), independent of {@link #contentHash}. */
    static long activityHash(int page) {
        return mix(page * 0x9E3779B97F4A7C15L + 0xAC7177EL) >>> 32;
    }

    /** The hash value below which a share of {@code percent} of all pages lies. */
    static long below(double percent) {
        return Math.round(percent / 100 * HASH_RANGE);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
