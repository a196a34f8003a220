package org.virtlab.engine.memory;

import java.util.Objects;

/**
 * One set of x86-64 radix page tables: how many levels the hierarchy has and the size of the pages it maps.
 *
 * <p>Each level indexes a 4 KiB table of 512 eight-byte entries with 9 address bits: with 4 levels (PML4,
 * PDPT, PD, PT) bits 47:39, 38:30, 29:21 and 20:12 above a 12-bit offset, so 48-bit addresses; 5-level
 * paging (LA57) adds the PML5 for bits 56:48, so 57-bit addresses (Intel SDM vol. 3A, 4.5; docs.kernel.org
 * "5-level paging").
 *
 * <p>{@code levels} is the depth of the hierarchy, not of the walk: a large page ends the walk at a higher
 * level, so 4 levels with 2 MiB pages walk 3 (PML4, PDPT, PD) and with 1 GiB pages walk 2
 * ({@link #walkedLevels()}).
 *
 * @param levels   4 or 5
 * @param pageSize the size of the pages the tables map
 */
public record PageTableConfig(int levels, PageSize pageSize) {
    public static final int MIN_LEVELS = 4;
    public static final int MAX_LEVELS = 5;
    /** Address bits consumed per level: 512 entries per table. */
    public static final int INDEX_BITS = 9;
    public static final int ENTRIES_PER_TABLE = 1 << INDEX_BITS;
    public static final int ENTRY_BYTES = 8;
    public static final int TABLE_BYTES = ENTRIES_PER_TABLE * ENTRY_BYTES;
    /** Offset bits below the lowest level (a 4 KiB page). */
    public static final int OFFSET_BITS = 12;

    private static final String[] LEVEL_NAMES = {"PT", "PD", "PDPT", "PML4", "PML5"};

    public PageTableConfig {
        Objects.requireNonNull(pageSize, "pageSize");
        if (levels < MIN_LEVELS || levels > MAX_LEVELS) {
            throw new IllegalArgumentException("levels must be 4 (48-bit addresses) or 5 (57-bit addresses), was "
                    + levels);
        }
        if (pageSize.leafLevel() > levels) { // cannot happen with 4 or 5 levels; kept for clarity
            throw new IllegalArgumentException(pageSize.label() + " pages need level " + pageSize.leafLevel()
                    + " (" + levelName(pageSize.leafLevel()) + ") but the tables have " + levels + " levels");
        }
    }

    /** 4-level tables mapping 4 KiB pages: the common x86-64 configuration. */
    public static PageTableConfig fourLevel() {
        return new PageTableConfig(4, PageSize.FOUR_KIB);
    }

    /** The width of the addresses these tables translate: 48 for 4 levels, 57 for 5. */
    public int addressBits() {
        return OFFSET_BITS + INDEX_BITS * levels;
    }

    /** The level whose entry maps a page: 1 (PT) for 4 KiB, 2 (PD) for 2 MiB, 3 (PDPT) for 1 GiB. */
    public int leafLevel() {
        return pageSize.leafLevel();
    }

    /** Entries a cold walk reads: the levels from the root down to the leaf. */
    public int walkedLevels() {
        return levels - pageSize.leafLevel() + 1;
    }

    /**
     * Whether {@code address} is canonical for this width: bits 63 down to {@code addressBits() - 1} all
     * equal (the lower half starts at 0, the upper half ends at 0xffff_ffff_ffff_ffff).
     */
    public boolean isCanonical(long address) {
        long upper = address >> (addressBits() - 1);
        return upper == 0 || upper == -1;
    }

    /** Returns {@code address} if canonical, else explains which addresses are. */
    public long checkVirtualAddress(long address) {
        if (!isCanonical(address)) {
            throw new IllegalArgumentException("address " + hex(address) + " is beyond the " + addressBits()
                    + "-bit address space of " + levels + "-level tables: use " + hex(0) + "–"
                    + hex(lowerHalfEnd()) + " or " + hex(~lowerHalfEnd()) + "–" + hex(-1L));
        }
        return address;
    }

    /** The last address of the lower canonical half: 0x7fff_ffff_ffff for 48 bits. */
    public long lowerHalfEnd() {
        return (1L << (addressBits() - 1)) - 1;
    }

    /** The 9-bit index that {@code address} selects in a table of {@code level} (1 = PT ... 5 = PML5). */
    public static int index(long address, int level) {
        return (int) ((address >>> shift(level)) & (ENTRIES_PER_TABLE - 1));
    }

    /** The lowest address bit a level's index uses: 12 for the PT, 21 for the PD, ... 48 for the PML5. */
    public static int shift(int level) {
        return OFFSET_BITS + INDEX_BITS * (level - 1);
    }

    /** The SDM's name of a level: PML5, PML4, PDPT, PD, PT. */
    public static String levelName(int level) {
        if (level < 1 || level > MAX_LEVELS) {
            throw new IllegalArgumentException("level must be between 1 and " + MAX_LEVELS + ", was " + level);
        }
        return LEVEL_NAMES[level - 1];
    }

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }
}
