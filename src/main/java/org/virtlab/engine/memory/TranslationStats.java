package org.virtlab.engine.memory;

/**
 * What a run of translations cost.
 *
 * @param accesses            translations asked for
 * @param tlbHits             of which the TLB held the translation
 * @param references          page-table entries read by the walks of the misses
 * @param pageTableWriteExits VM exits for guest page-table writes (shadow paging only)
 * @param cr3SwitchExits      VM exits for guest CR3 switches (shadow paging only)
 * @param tlbFlushes          whole-TLB flushes (untagged TLB only: one per switch)
 */
public record TranslationStats(long accesses, long tlbHits, long references, long pageTableWriteExits,
                               long cr3SwitchExits, long tlbFlushes) {
    public static final TranslationStats ZERO = new TranslationStats(0, 0, 0, 0, 0, 0);

    public TranslationStats {
        if (accesses < 0 || tlbHits < 0 || tlbHits > accesses || references < 0 || pageTableWriteExits < 0
                || cr3SwitchExits < 0 || tlbFlushes < 0) {
            throw new IllegalArgumentException("counts must be non-negative with tlbHits ≤ accesses");
        }
    }

    public long tlbMisses() {
        return accesses - tlbHits;
    }

    /** Hits per access, 0 when nothing was accessed. */
    public double hitRate() {
        return accesses == 0 ? 0 : (double) tlbHits / accesses;
    }

    /** Page-table references per access (hits count as accesses with none). */
    public double referencesPerAccess() {
        return accesses == 0 ? 0 : (double) references / accesses;
    }

    /** Every VM exit paging caused. */
    public long exits() {
        return pageTableWriteExits + cr3SwitchExits;
    }

    public double exitsPerAccess() {
        return accesses == 0 ? 0 : (double) exits() / accesses;
    }

    /**
     * The translation overhead charged at the given prices: each reference and each exit. The prices are
     * the caller's; an exit costs hundreds to thousands of cycles, a reference a cache or memory access.
     */
    public long cycles(long cyclesPerReference, long cyclesPerExit) {
        return references * cyclesPerReference + exits() * cyclesPerExit;
    }
}
