package org.virtlab.engine.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.virtlab.engine.memory.MemoryReference.Purpose;

/**
 * The page walk itself, shared by {@link Walker} (cold walks) and {@link Mmu} (walks behind a TLB and a
 * page-walk cache). One routine serves both the fast count and the explained walk: given a list it
 * appends the references, given none it allocates nothing and only counts.
 *
 * <p>Reference order of a nested walk (Bhargava et al., "Accelerating two-dimensional page walks for virtualized systems", ASPLOS 2008;
 * Intel SDM vol. 3C, EPT translation mechanism; virtualization.md §2):
 * for each guest level from the root down, first the host walk of the guest-physical address of that
 * guest table's entry, then the guest entry itself; last, the host walk of the final guest-physical
 * address. The guest root's address (guest CR3) is itself guest physical, hence the first host walk.
 */
final class WalkCore {
    /** VPID is 16 bits (virtualization.md §2; Intel SDM vol. 3C), PCID 12 bits (Intel SDM vol. 3A). */
    static final int MAX_VM = 0xFFFF;
    static final int MAX_PROCESS = 0xFFF;

    private final TranslationMode mode;
    private final boolean nested;
    private final PageTableKind firstTable;
    private final int firstLevels;
    private final int firstLeaf;
    private final int guestPageShift;
    private final int hostLevels;
    private final int hostLeaf;
    private final int hostPageShift;
    private final long virtualMask;
    private final int tlbPageShift;
    /** Nested 4-level 4 KiB tables over the same: the common case, walked by code with its levels constant. */
    private final boolean fourOverFour;

    WalkCore(TranslationMode mode) {
        this.mode = mode;
        PageTableConfig first;
        PageTableConfig host;
        if (mode instanceof TranslationMode.Native n) {
            first = n.tables();
            host = null;
            firstTable = PageTableKind.NATIVE;
        } else if (mode instanceof TranslationMode.Shadow s) {
            first = s.shadowTables();
            host = s.host();
            firstTable = PageTableKind.SHADOW;
        } else {
            TranslationMode.Nested n = (TranslationMode.Nested) mode;
            first = n.guest();
            host = n.host();
            firstTable = PageTableKind.GUEST;
        }
        this.nested = mode instanceof TranslationMode.Nested;
        this.firstLevels = first.levels();
        this.firstLeaf = first.leafLevel();
        this.guestPageShift = mode.guest().pageSize().shiftBits();
        this.hostLevels = host == null ? 0 : host.levels();
        this.hostLeaf = host == null ? 0 : host.leafLevel();
        this.hostPageShift = host == null ? 0 : host.pageSize().shiftBits();
        this.virtualMask = (1L << first.addressBits()) - 1;
        this.tlbPageShift = mode.tlbPageSize().shiftBits();
        this.fourOverFour = nested && firstLevels == 4 && firstLeaf == 1 && hostLevels == 4 && hostLeaf == 1
                && guestPageShift == PageTableConfig.OFFSET_BITS;
    }

    TranslationMode mode() {
        return mode;
    }

    int tlbPageShift() {
        return tlbPageShift;
    }

    /** The address space a translation belongs to: the VM in the high bits, the process (PCID) in the low 12. */
    static int context(int vm, int process) {
        return vm << 12 | process;
    }

    /** The bits of a canonical virtual address the tables index (the sign-extension dropped). */
    long virtualBits(long virtualAddress) {
        return virtualAddress & virtualMask;
    }

    long guestPhysical(long virtualAddress, int process) {
        return Layout.map(virtualAddress & virtualMask, guestPageShift, Layout.GUEST_MEMORY_BYTES, process);
    }

    long hostPhysical(long guestPhysicalAddress, int vm) {
        return Layout.map(guestPhysicalAddress, hostPageShift, Layout.HOST_MEMORY_BYTES, vm);
    }

    /** The machine address {@code virtualAddress} maps to. */
    long machineAddress(long virtualAddress, int vm, int process) {
        if (hostLevels == 0) {
            return Layout.map(virtualAddress & virtualMask, guestPageShift, Layout.HOST_MEMORY_BYTES, process);
        }
        return hostPhysical(guestPhysical(virtualAddress, process), vm);
    }

    /**
     * Walks {@code virtualAddress} in address space (vm, process), starting below the lowest entries the
     * page-walk cache holds (if any) and filling it; returns the references made and appends them to
     * {@code out} when given.
     */
    int walk(long virtualAddress, int vm, int process, PageWalkCache walkCache, List<MemoryReference> out) {
        long bits = virtualAddress & virtualMask;
        int context = context(vm, process);
        if (!nested) {
            int layoutContext = firstTable == PageTableKind.SHADOW ? context : process;
            return walkTables(firstTable, firstLevels, firstLeaf, bits, virtualAddress, layoutContext, context,
                    walkCache, Purpose.TRANSLATE, out);
        }
        int hostTag = PageWalkCache.hostTag(vm);
        if (out == null && walkCache != null) {
            if (fourOverFour) {
                return countFourOverFour(bits, process, context, hostTag, walkCache);
            }
            return countNested(bits, vm, process, context, hostTag, walkCache);
        }
        int count = 0;
        for (int level = startLevel(firstLevels, firstLeaf, bits, context, walkCache); level >= firstLeaf; level--) {
            long entry = Layout.entryAddress(PageTableKind.GUEST, level, bits, process);
            count += walkTables(PageTableKind.HOST, hostLevels, hostLeaf, entry, entry, vm, hostTag, walkCache,
                    Purpose.LOCATE_GUEST_TABLE, out);
            count++;
            if (out != null) {
                out.add(new MemoryReference(out.size() + 1, PageTableKind.GUEST, level,
                        PageTableConfig.index(bits, level), AddressSpace.GUEST_PHYSICAL, entry,
                        hostPhysical(entry, vm), Purpose.TRANSLATE, virtualAddress));
            }
            if (walkCache != null && level > firstLeaf) {
                walkCache.remember(level, bits, context);
            }
        }
        long data = guestPhysical(bits, process);
        return count + walkTables(PageTableKind.HOST, hostLevels, hostLeaf, data, data, vm, hostTag, walkCache,
                Purpose.LOCATE_DATA, out);
    }

    /**
     * {@link #walk} of nested paging behind a page-walk cache, counting only: the same lookups and fills in the
     * same order, unrolled over the guest levels (at most 5) so that each guest level's host walk is code of
     * its own, whose branches the processor predicts apart (the host walks of the upper guest tables hit the
     * cache at the PD, of the lowest at the PDPT, of the data at the PML4).
     */
    private int countNested(long bits, int vm, int process, int context, int hostTag, PageWalkCache walkCache) {
        int level = startLevel(firstLevels, firstLeaf, bits, context, walkCache);
        int count = 0;
        if (level >= firstLeaf) {
            count += guestLevel(level--, bits, process, context, hostTag, walkCache);
            if (level >= firstLeaf) {
                count += guestLevel(level--, bits, process, context, hostTag, walkCache);
                if (level >= firstLeaf) {
                    count += guestLevel(level--, bits, process, context, hostTag, walkCache);
                    if (level >= firstLeaf) {
                        count += guestLevel(level--, bits, process, context, hostTag, walkCache);
                        if (level >= firstLeaf) {
                            count += guestLevel(level, bits, process, context, hostTag, walkCache);
                        }
                    }
                }
            }
        }
        return count + hostWalk(guestPhysical(bits, process), hostTag, walkCache);
    }

    /**
     * {@link #countNested} for 4-level 4 KiB tables over the same (levels 4, leaves 1): the same lookups and
     * fills in the same order, with the levels constant. Each host walk is a copy of its own although they
     * do the same: the processor predicts a branch by where it sits, and the host walks of different guest
     * levels hit the cache at different levels (of the guest PT at the PD or the PDPT, of the guest's upper
     * tables at the PD, of the data at the PML4), which one shared copy mispredicts. One method called five
     * times stays one copy (the JIT does not inline a method it has already compiled big); five copies took
     * a nested random translation from about 106 to about 86 ns of CPU time.
     */
    private static int countFourOverFour(long bits, int process, int context, int hostTag, PageWalkCache walkCache) {
        int cached = walkCache.lowestCachedLevelOfFour(bits, context);
        int count = 0;
        switch (cached) { // falls through: from the level below the hit (or the root) down to the leaf
            case 0:
                count += hostWalkOfGuestPml4(Layout.entryAddress(PageTableKind.GUEST, 4, bits, process), hostTag,
                        walkCache);
                walkCache.remember(4, bits, context);
                // fall through
            case 4:
                count += hostWalkOfGuestPdpt(Layout.entryAddress(PageTableKind.GUEST, 3, bits, process), hostTag,
                        walkCache);
                walkCache.remember(3, bits, context);
                // fall through
            case 3:
                count += hostWalkOfGuestPd(Layout.entryAddress(PageTableKind.GUEST, 2, bits, process), hostTag,
                        walkCache);
                walkCache.remember(2, bits, context);
                // fall through
            default:
                count += hostWalkOfGuestPt(Layout.entryAddress(PageTableKind.GUEST, 1, bits, process), hostTag,
                        walkCache);
        }
        int guestLevels = cached == 0 ? 4 : cached - 1;
        return count + guestLevels + hostWalkOfData(
                Layout.map(bits, PageTableConfig.OFFSET_BITS, Layout.GUEST_MEMORY_BYTES, process), hostTag, walkCache);
    }

    /** The host walk of the guest PML4 entry (see {@link #countFourOverFour}): {@link #hostWalk} of 4-level 4 KiB tables. */
    private static int hostWalkOfGuestPml4(long guestPhysical, int hostTag, PageWalkCache walkCache) {
        int cached = walkCache.lowestCachedLevelOfFour(guestPhysical, hostTag);
        switch (cached) { // falls through, as above
            case 0:
                walkCache.remember(4, guestPhysical, hostTag);
                // fall through
            case 4:
                walkCache.remember(3, guestPhysical, hostTag);
                // fall through
            case 3:
                walkCache.remember(2, guestPhysical, hostTag);
                // fall through
            default:
                return cached == 0 ? 4 : cached - 1;
        }
    }

    /** The host walk of the guest PDPT entry (see {@link #countFourOverFour}): {@link #hostWalk} of 4-level 4 KiB tables. */
    private static int hostWalkOfGuestPdpt(long guestPhysical, int hostTag, PageWalkCache walkCache) {
        int cached = walkCache.lowestCachedLevelOfFour(guestPhysical, hostTag);
        switch (cached) { // falls through, as above
            case 0:
                walkCache.remember(4, guestPhysical, hostTag);
                // fall through
            case 4:
                walkCache.remember(3, guestPhysical, hostTag);
                // fall through
            case 3:
                walkCache.remember(2, guestPhysical, hostTag);
                // fall through
            default:
                return cached == 0 ? 4 : cached - 1;
        }
    }

    /** The host walk of the guest PD entry (see {@link #countFourOverFour}): {@link #hostWalk} of 4-level 4 KiB tables. */
    private static int hostWalkOfGuestPd(long guestPhysical, int hostTag, PageWalkCache walkCache) {
        int cached = walkCache.lowestCachedLevelOfFour(guestPhysical, hostTag);
        switch (cached) { // falls through, as above
            case 0:
                walkCache.remember(4, guestPhysical, hostTag);
                // fall through
            case 4:
                walkCache.remember(3, guestPhysical, hostTag);
                // fall through
            case 3:
                walkCache.remember(2, guestPhysical, hostTag);
                // fall through
            default:
                return cached == 0 ? 4 : cached - 1;
        }
    }

    /** The host walk of the guest PT entry (see {@link #countFourOverFour}): {@link #hostWalk} of 4-level 4 KiB tables. */
    private static int hostWalkOfGuestPt(long guestPhysical, int hostTag, PageWalkCache walkCache) {
        int cached = walkCache.lowestCachedLevelOfFour(guestPhysical, hostTag);
        switch (cached) { // falls through, as above
            case 0:
                walkCache.remember(4, guestPhysical, hostTag);
                // fall through
            case 4:
                walkCache.remember(3, guestPhysical, hostTag);
                // fall through
            case 3:
                walkCache.remember(2, guestPhysical, hostTag);
                // fall through
            default:
                return cached == 0 ? 4 : cached - 1;
        }
    }

    /** The host walk of the data (see {@link #countFourOverFour}): {@link #hostWalk} of 4-level 4 KiB tables. */
    private static int hostWalkOfData(long guestPhysical, int hostTag, PageWalkCache walkCache) {
        int cached = walkCache.lowestCachedLevelOfFour(guestPhysical, hostTag);
        switch (cached) { // falls through, as above
            case 0:
                walkCache.remember(4, guestPhysical, hostTag);
                // fall through
            case 4:
                walkCache.remember(3, guestPhysical, hostTag);
                // fall through
            case 3:
                walkCache.remember(2, guestPhysical, hostTag);
                // fall through
            default:
                return cached == 0 ? 4 : cached - 1;
        }
    }

    /** One guest level of {@link #countNested}: the host walk of its entry, the entry, its fill. */
    private int guestLevel(int level, long bits, int process, int context, int hostTag, PageWalkCache walkCache) {
        int count = hostWalk(Layout.entryAddress(PageTableKind.GUEST, level, bits, process), hostTag, walkCache) + 1;
        if (level > firstLeaf) {
            walkCache.remember(level, bits, context);
        }
        return count;
    }

    /** A counting host walk behind the page-walk cache, as {@link #walkTables} makes it. */
    private int hostWalk(long guestPhysical, int hostTag, PageWalkCache walkCache) {
        int cached = walkCache.lowestCachedLevel(hostLevels, hostLeaf, guestPhysical, hostTag);
        int start = cached == 0 ? hostLevels : cached - 1;
        for (int level = start; level > hostLeaf; level--) {
            walkCache.remember(level, guestPhysical, hostTag);
        }
        return start - hostLeaf + 1;
    }

    /** One dimension: tables that live in host-physical memory (native, shadow, host). */
    private static int walkTables(PageTableKind kind, int levels, int leaf, long bits, long translated,
                                  int layoutContext, int tag, PageWalkCache walkCache, Purpose purpose,
                                  List<MemoryReference> out) {
        int start = startLevel(levels, leaf, bits, tag, walkCache);
        for (int level = start; level >= leaf; level--) {
            if (out != null) {
                long entry = Layout.entryAddress(kind, level, bits, layoutContext);
                out.add(new MemoryReference(out.size() + 1, kind, level, PageTableConfig.index(bits, level),
                        AddressSpace.HOST_PHYSICAL, entry, entry, purpose, translated));
            }
            if (walkCache != null && level > leaf) {
                walkCache.remember(level, bits, tag);
            }
        }
        return start - leaf + 1;
    }

    private static int startLevel(int levels, int leaf, long bits, int tag, PageWalkCache walkCache) {
        if (walkCache == null) {
            return levels;
        }
        int cached = walkCache.lowestCachedLevel(levels, leaf, bits, tag);
        return cached == 0 ? levels : cached - 1;
    }

    /** A translation explained: walks (unless {@code tlbHit}) and lists the references. */
    Walk explain(long virtualAddress, int vm, int process, PageWalkCache walkCache, boolean tlbHit) {
        List<MemoryReference> references = new ArrayList<>();
        if (!tlbHit) {
            walk(virtualAddress, vm, process, walkCache, references);
        }
        OptionalLong guestPhysical = hostLevels == 0 ? OptionalLong.empty()
                : OptionalLong.of(guestPhysical(virtualAddress, process));
        return new Walk(mode, virtualAddress, guestPhysical, machineAddress(virtualAddress, vm, process), tlbHit,
                references);
    }

    static void checkAddressSpace(int vm, int process) {
        if (vm < 0 || vm > MAX_VM) {
            throw new IllegalArgumentException("vm must be between 0 and " + MAX_VM + ", was " + vm);
        }
        if (process < 0 || process > MAX_PROCESS) {
            throw new IllegalArgumentException("process must be between 0 and " + MAX_PROCESS + ", was " + process);
        }
    }
}
