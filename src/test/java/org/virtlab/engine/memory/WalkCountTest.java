package org.virtlab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How many memory references a cold walk makes, against the sources. */
class WalkCountTest {
    private static final long ADDRESS = 0x7f3a_1b2c_3d4eL;

    private static PageTableConfig tables(int levels, PageSize size) {
        return new PageTableConfig(levels, size);
    }

    private static int count(TranslationMode mode) {
        return new Walker(mode).walk(ADDRESS).count();
    }

    @Test
    void nativeFourLevelWalkReadsOneEntryPerLevel() {
        // Intel SDM vol. 3A, 4-level paging: PML4, PDPT, PD, PT entries, then the page
        assertEquals(4, count(new TranslationMode.Native(tables(4, PageSize.FOUR_KIB))));
    }

    @Test
    void nativeFiveLevelWalkAddsThePml5() {
        // Intel SDM vol. 3A / docs.kernel.org 5level-paging: LA57 adds the PML5 above the PML4
        assertEquals(5, count(new TranslationMode.Native(tables(5, PageSize.FOUR_KIB))));
    }

    @Test
    void largePagesEndTheWalkEarly() {
        // Intel SDM vol. 3A: a 2 MiB page is mapped by the PD entry (PS = 1), a 1 GiB page by the PDPT entry
        assertEquals(3, count(new TranslationMode.Native(tables(4, PageSize.TWO_MIB))));
        assertEquals(2, count(new TranslationMode.Native(tables(4, PageSize.ONE_GIB))));
        assertEquals(3, count(new TranslationMode.Native(tables(5, PageSize.ONE_GIB))));
    }

    @Test
    void nestedFourOverFourIsTwentyFour() {
        // Bhargava et al., ASPLOS 2008: a 2D walk of 4-level guest and host tables makes up to 24 references;
        // virtualization.md §2 also quotes Stojkovic et al., ASPLOS 2022: "up to twenty-four"
        assertEquals(24, count(new TranslationMode.Nested(tables(4, PageSize.FOUR_KIB), tables(4, PageSize.FOUR_KIB))));
    }

    @Test
    void nestedFiveOverFiveIsThirtyFive() {
        // issue #5 and the formula: (5 + 1)(5 + 1) − 1 = 35
        assertEquals(35, count(new TranslationMode.Nested(tables(5, PageSize.FOUR_KIB), tables(5, PageSize.FOUR_KIB))));
    }

    @Test
    void nestedFourLevelGuestOverHostWithTwoMebibytePagesIsNineteen() {
        // issue #5: "4-level guest over a 3-level host (2 MiB host pages) = 19" = (4 + 1)(3 + 1) − 1;
        // virtualization.md §2: "A 2 MiB host page means one host level less"
        assertEquals(19, count(new TranslationMode.Nested(tables(4, PageSize.FOUR_KIB), tables(4, PageSize.TWO_MIB))));
    }

    @Test
    void shadowWalkCostsLikeNative() {
        // virtualization.md §2: shadow tables map guest virtual to host physical, "so a walk costs like native"
        assertEquals(4, count(new TranslationMode.Shadow(tables(4, PageSize.FOUR_KIB), tables(4, PageSize.FOUR_KIB))));
        assertEquals(5, count(new TranslationMode.Shadow(tables(5, PageSize.FOUR_KIB), tables(4, PageSize.FOUR_KIB))));
    }

    @Test
    void shadowMapsLargePagesOnlyWhereGuestAndHostBothDo() {
        // a shadow entry maps guest virtual straight to host physical, so it can only cover a range that is
        // contiguous in both: a 2 MiB guest page over 4 KiB host pages is shadowed by 4 KiB entries
        assertEquals(4, count(new TranslationMode.Shadow(tables(4, PageSize.TWO_MIB), tables(4, PageSize.FOUR_KIB))));
        assertEquals(3, count(new TranslationMode.Shadow(tables(4, PageSize.TWO_MIB), tables(4, PageSize.ONE_GIB))));
    }

    static List<Arguments> everyNestedConfiguration() {
        List<Arguments> out = new ArrayList<>();
        for (int g = 4; g <= 5; g++) {
            for (PageSize gp : PageSize.values()) {
                for (int h = 4; h <= 5; h++) {
                    for (PageSize hp : PageSize.values()) {
                        out.add(Arguments.of(tables(g, gp), tables(h, hp)));
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("everyNestedConfiguration")
    void nestedWalkMatchesTheFormula(PageTableConfig guest, PageTableConfig host) {
        // virtualization.md §2: worst-case cold walk = (n + 1)(m + 1) − 1 for n guest and m host levels walked
        int n = guest.levels() - guest.pageSize().leafLevel() + 1;
        int m = host.levels() - host.pageSize().leafLevel() + 1;
        TranslationMode mode = new TranslationMode.Nested(guest, host);
        assertEquals((n + 1) * (m + 1) - 1, count(mode));
        assertEquals(count(mode), mode.coldWalkReferences());
    }

    @ParameterizedTest
    @MethodSource("everyNestedConfiguration")
    void nativeAndShadowWalksMatchTheirDeclaredCounts(PageTableConfig guest, PageTableConfig host) {
        TranslationMode nativeMode = new TranslationMode.Native(guest);
        TranslationMode shadow = new TranslationMode.Shadow(guest, host);
        assertEquals(nativeMode.coldWalkReferences(), count(nativeMode));
        assertEquals(shadow.coldWalkReferences(), count(shadow));
    }
}
