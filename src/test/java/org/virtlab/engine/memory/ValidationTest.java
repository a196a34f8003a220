package org.virtlab.engine.memory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad configurations are refused with the value and the allowed range. */
class ValidationTest {

    private static String message(Executable bad) {
        return assertThrows(IllegalArgumentException.class, bad).getMessage();
    }

    @Test
    void onlyFourAndFiveLevelTablesExist() {
        // Intel SDM vol. 3A: x86-64 paging has 4 levels (48-bit) or, with LA57, 5 levels (57-bit)
        assertEquals("levels must be 4 (48-bit addresses) or 5 (57-bit addresses), was 3",
                message(() -> new PageTableConfig(3, PageSize.FOUR_KIB)));
        assertEquals("levels must be 4 (48-bit addresses) or 5 (57-bit addresses), was 6",
                message(() -> new PageTableConfig(6, PageSize.ONE_GIB)));
    }

    @Test
    void addressesBeyondTheAddressWidthAreRefused() {
        // 4-level: canonical addresses are 0 – 0x7fff_ffff_ffff and 0xffff_8000_0000_0000 – 0xffff_ffff_ffff_ffff
        Walker four = new Walker(new TranslationMode.Native(PageTableConfig.fourLevel()));
        assertEquals("address 0x800000000000 is beyond the 48-bit address space of 4-level tables: use "
                        + "0x0–0x7fffffffffff or 0xffff800000000000–0xffffffffffffffff",
                message(() -> four.walk(0x8000_0000_0000L)));
        assertDoesNotThrow(() -> four.walk(0x7fff_ffff_ffffL));
        // 5-level (LA57): 57 bits, so 0x8000_0000_0000 is fine and 0x0100_0000_0000_0000 is not
        Walker five = new Walker(new TranslationMode.Native(new PageTableConfig(5, PageSize.FOUR_KIB)));
        assertDoesNotThrow(() -> five.walk(0x8000_0000_0000L));
        assertDoesNotThrow(() -> five.walk(0xff00_0000_0000_0000L));
        assertEquals("address 0x100000000000000 is beyond the 57-bit address space of 5-level tables: use "
                        + "0x0–0xffffffffffffff or 0xff00000000000000–0xffffffffffffffff",
                message(() -> five.walk(0x0100_0000_0000_0000L)));
    }

    @Test
    void tlbGeometryMustMakeWholePowerOfTwoSets() {
        assertEquals("entries must be between 1 and 65536, was 0", message(() -> new TlbConfig(0, 1, true, 0)));
        assertEquals("entries must be between 1 and 65536, was -64", message(() -> new TlbConfig(-64, 4, true, 0)));
        assertEquals("ways must be between 1 and 64 (the entries), was 128",
                message(() -> new TlbConfig(64, 128, true, 0)));
        assertEquals("entries / ways (the number of sets) must be a power of two, was 12 / 4",
                message(() -> new TlbConfig(12, 4, true, 0)));
        assertEquals("walkCacheEntries must be 0, 1 to 4, or a power of two up to 1024, was -1",
                message(() -> new TlbConfig(64, 4, true, -1)));
        assertEquals("walkCacheEntries must be 0, 1 to 4, or a power of two up to 1024, was 24",
                message(() -> new TlbConfig(64, 4, true, 24)));
        assertDoesNotThrow(() -> new TlbConfig(1536, 12, true, 32)); // a Skylake STLB: 128 sets of 12
    }

    @Test
    void negativeSizesAreRefused() {
        assertEquals("sizeBytes must be between 8 and 72057594037927936, was -4096",
                message(() -> new AccessPattern.WorkingSet(0, -4096)));
        assertEquals("strideBytes must be between 1 and 72057594037927936, was -8",
                message(() -> new AccessPattern.Strided(0, -8)));
        assertEquals("spanBytes must be between 8 and 72057594037927936, was 0",
                message(() -> new AccessPattern.Random(0, 0)));
        assertEquals("accesses must be between 1 and 1000000000000, was -1",
                message(() -> MemoryWorkload.of(new AccessPattern.Sequential(0), -1)));
    }

    @Test
    void aPatternLeavingTheAddressSpaceIsRefusedBeforeRunning() {
        TranslationMode mode = new TranslationMode.Native(PageTableConfig.fourLevel());
        MemoryWorkload tooFar = MemoryWorkload.of(new AccessPattern.WorkingSet(0x7fff_0000_0000L, 1L << 40), 10);
        assertEquals("the pattern reaches 0x80feffffffff, beyond the 48-bit address space of 4-level tables "
                + "(at most 0x7fffffffffff)", message(() -> TranslationExperiment.run(mode, TlbConfig.typical(),
                tooFar, new org.virtlab.engine.SimRandom(1))));
    }

    @Test
    void nativeModeHasNoVms() {
        TranslationMode mode = new TranslationMode.Native(PageTableConfig.fourLevel());
        MemoryWorkload twoVms = MemoryWorkload.of(new AccessPattern.Sequential(0), 10).withVmSwitches(2, 5);
        assertEquals("native mode has no VMs: vms must be 1 and vmSwitchEveryAccesses 0, was 2 and 5",
                message(() -> TranslationExperiment.run(mode, TlbConfig.typical(), twoVms,
                        new org.virtlab.engine.SimRandom(1))));
    }
}
