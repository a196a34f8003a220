package org.virtlab.engine.memory;

import java.util.Locale;
import java.util.Optional;

/**
 * The x86-64 page sizes. A large page ends the walk early: its entry sits at a higher level and maps the
 * whole range that level's entry covers (Intel SDM vol. 3A, 4.5: a 2 MiB page is mapped by a PD entry with
 * PS = 1, a 1 GiB page by a PDPT entry with PS = 1).
 */
public enum PageSize {
    /** 4 KiB: mapped by a PT entry (level 1), 12 offset bits. */
    FOUR_KIB(12, 1, "4k"),
    /** 2 MiB: mapped by a PD entry (level 2), 21 offset bits. */
    TWO_MIB(21, 2, "2m"),
    /** 1 GiB: mapped by a PDPT entry (level 3), 30 offset bits. */
    ONE_GIB(30, 3, "1g");

    private final int shiftBits;
    private final int leafLevel;
    private final String label;

    PageSize(int shiftBits, int leafLevel, String label) {
        this.shiftBits = shiftBits;
        this.leafLevel = leafLevel;
        this.label = label;
    }

    /** log2 of the size: the number of offset bits. */
    public int shiftBits() {
        return shiftBits;
    }

    public long bytes() {
        return 1L << shiftBits;
    }

    /** The level whose entry maps the page: 1 = PT, 2 = PD, 3 = PDPT. */
    public int leafLevel() {
        return leafLevel;
    }

    /** The short name used on the command line: {@code 4k}, {@code 2m}, {@code 1g}. */
    public String label() {
        return label;
    }

    /** The page size named {@code 4k}, {@code 2m} or {@code 1g} (any case). */
    public static Optional<PageSize> parse(String text) {
        if (text != null) {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            for (PageSize size : values()) {
                if (size.label.equals(wanted)) {
                    return Optional.of(size);
                }
            }
        }
        return Optional.empty();
    }

    /** The smaller of two sizes: what a translation through both can be cached as. */
    public static PageSize smaller(PageSize a, PageSize b) {
        return a.shiftBits <= b.shiftBits ? a : b;
    }
}
