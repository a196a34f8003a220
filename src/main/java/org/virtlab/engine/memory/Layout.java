package org.virtlab.engine.memory;

/**
 * Where the synthetic page tables and pages lie, so that every reference has a reproducible, plausible
 * address. Nothing here is random: the same address in the same address space always walks the same
 * entries. The layout of each physical space (the guest's, and the host's) is:
 *
 * <pre>
 *   0 .. 1 GiB                    firmware, kernel image, devices: never used here
 *   1 GiB + (l − 1) × 64 MiB      level-l tables of the OS or the guest (16,384 slots of 4 KiB per level)
 *   1.3125 GiB + (l − 1) × 64 MiB level-l host (EPT/NPT) tables, in host memory
 *   1.625 GiB + (l − 1) × 64 MiB  level-l shadow tables, in host memory
 *   2 GiB .. end                  page frames (guest RAM: 64 GiB; host RAM: 1 TiB)
 * </pre>
 *
 * The level-l table that an address {@code a} walks through is the one for the bits above level l's index,
 * {@code p = a >>> (12 + 9l)}; it sits in slot {@code (p + 2731 × context) mod 16384} of its level's area, and
 * its entry for {@code a} at {@code table + 8 × index}. The root (p = 0) therefore sits at the start of
 * its area for address space 0: a 4-level guest's CR3 is guest-physical 0x4c000000, the host's EPT root for
 * VM 0 host-physical 0x60000000. The page with number {@code v} lies in
 * frame {@code (v + 65537 × context) mod frames} of the frame area. The context keeps address spaces apart:
 * the guest process for the guest's tables and pages, the VM for the host's tables and pages, both for the
 * shadow tables. Distinct tables may share a slot far apart in the address space: the addresses are for
 * showing, nothing is stored at them.
 */
final class Layout {
    static final long TABLE_AREA = 1L << 30;
    static final long LEVEL_AREA_BYTES = 64L << 20;
    /** Where a kind's tables start after the first: 5 levels × 64 MiB. */
    static final long KIND_AREA_BYTES = 5 * LEVEL_AREA_BYTES;
    static final long TABLE_SLOTS = LEVEL_AREA_BYTES / PageTableConfig.TABLE_BYTES;
    static final long DATA_AREA = 2L << 30;
    static final long GUEST_MEMORY_BYTES = 64L << 30;
    static final long HOST_MEMORY_BYTES = 1L << 40;
    static final long CONTEXT_TABLE_STRIDE = 2731;
    static final long CONTEXT_FRAME_STRIDE = 65537;

    private Layout() {
    }

    /** The address of the level-{@code level} table of {@code kind} that {@code address} walks through. */
    static long tableAddress(PageTableKind kind, int level, long address, int context) {
        long prefix = address >>> PageTableConfig.shift(level + 1);
        long kindArea = switch (kind) {
            case NATIVE, GUEST -> 0;
            case HOST -> KIND_AREA_BYTES;
            case SHADOW -> 2 * KIND_AREA_BYTES;
        };
        long area = TABLE_AREA + kindArea + (level - 1) * LEVEL_AREA_BYTES;
        long slot = (prefix + CONTEXT_TABLE_STRIDE * context) & (TABLE_SLOTS - 1);
        return area + slot * PageTableConfig.TABLE_BYTES;
    }

    /** The address of the entry for {@code address} in that table. */
    static long entryAddress(PageTableKind kind, int level, long address, int context) {
        return tableAddress(kind, level, address, context)
                + (long) PageTableConfig.index(address, level) * PageTableConfig.ENTRY_BYTES;
    }

    /**
     * Where {@code address} lands in a physical memory of {@code memoryBytes} mapped with pages of
     * {@code 1 << pageShift} bytes: its page's frame plus its offset in the page.
     */
    static long map(long address, int pageShift, long memoryBytes, int context) {
        long frames = (memoryBytes - DATA_AREA) >>> pageShift;
        // never negative (addresses and contexts are not), so % is floorMod; most pages need no division at all,
        // which a TLB miss, computing two of these, notices
        long page = (address >>> pageShift) + CONTEXT_FRAME_STRIDE * context;
        long frame = page < frames ? page : page % frames;
        return DATA_AREA + (frame << pageShift) + (address & ((1L << pageShift) - 1));
    }
}
