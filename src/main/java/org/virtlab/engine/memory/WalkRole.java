package org.virtlab.engine.memory;

import java.util.List;

/**
 * What one memory reference of a nested (EPT / NPT) walk is for: the cause of a journaled
 * {@link org.virtlab.engine.EventKind#WALK_REFERENCE}. A host-table entry is read either to find where one of the
 * guest's tables lies in host memory (which one is part of the role, so that an event alone can say it) or to find
 * the data; a guest-table entry translates the virtual address itself.
 */
public enum WalkRole {
    /** An entry of the guest's own table (its address is guest-physical). */
    GUEST_ENTRY,
    /** A host-table entry on the walk that locates the guest's PML5. */
    HOST_FOR_GUEST_PML5,
    /** A host-table entry on the walk that locates the guest's PML4. */
    HOST_FOR_GUEST_PML4,
    /** A host-table entry on the walk that locates the guest's PDPT. */
    HOST_FOR_GUEST_PDPT,
    /** A host-table entry on the walk that locates the guest's PD. */
    HOST_FOR_GUEST_PD,
    /** A host-table entry on the walk that locates the guest's PT. */
    HOST_FOR_GUEST_PT,
    /** A host-table entry on the walk of the final guest-physical address: it locates the data. */
    HOST_FOR_DATA;

    /** The role of reference {@code i} of a nested walk's {@code references}. */
    public static WalkRole of(List<MemoryReference> references, int i) {
        MemoryReference r = references.get(i);
        switch (r.purpose()) {
            case LOCATE_DATA:
                return HOST_FOR_DATA;
            case LOCATE_GUEST_TABLE: {
                int j = i;
                while (references.get(j).table() != PageTableKind.GUEST) { // the guest entry this host walk finds
                    j++;
                }
                return forGuestLevel(references.get(j).level());
            }
            default:
                return GUEST_ENTRY;
        }
    }

    /** The host walk that locates the guest's table of {@code level} (5 = PML5 ... 1 = PT). */
    public static WalkRole forGuestLevel(int level) {
        switch (level) {
            case 5: return HOST_FOR_GUEST_PML5;
            case 4: return HOST_FOR_GUEST_PML4;
            case 3: return HOST_FOR_GUEST_PDPT;
            case 2: return HOST_FOR_GUEST_PD;
            case 1: return HOST_FOR_GUEST_PT;
            default: throw new IllegalArgumentException("level must be between 1 and 5, was " + level);
        }
    }
}
