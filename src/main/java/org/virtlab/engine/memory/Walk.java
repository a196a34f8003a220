package org.virtlab.engine.memory;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One translation explained: the address asked for, the addresses it became, and the memory references
 * made to get there, in order (none when the TLB held the translation).
 *
 * @param mode                 how the address was translated
 * @param virtualAddress       the (guest) virtual address asked for
 * @param guestPhysicalAddress the guest-physical address it maps to; empty in native mode
 * @param physicalAddress      the machine address it maps to (host physical)
 * @param tlbHit               whether the TLB held the translation, so no walk was made
 * @param references           the page-table entries read, in order
 */
public record Walk(TranslationMode mode, long virtualAddress, OptionalLong guestPhysicalAddress,
                   long physicalAddress, boolean tlbHit, List<MemoryReference> references) {
    public Walk {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(guestPhysicalAddress, "guestPhysicalAddress");
        references = List.copyOf(references);
    }

    /** The number of memory references. */
    public int count() {
        return references.size();
    }
}
