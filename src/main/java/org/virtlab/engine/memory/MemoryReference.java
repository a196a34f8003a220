package org.virtlab.engine.memory;

import java.util.Objects;

/**
 * One memory reference a page walk makes: one page-table entry read. A translation's references, in
 * order, are what the page-walk animation plays and what the command line prints.
 *
 * @param step                 1-based position in the translation
 * @param table                whose table the entry belongs to
 * @param level                the table's level: 5 = PML5, 4 = PML4, 3 = PDPT, 2 = PD, 1 = PT
 * @param index                the 9-bit index of the entry in its table
 * @param space                the address space {@code address} is in: {@link AddressSpace#GUEST_PHYSICAL} for a
 *                             guest table's entry under nested paging, {@link AddressSpace#HOST_PHYSICAL} otherwise
 * @param address              the entry's address in {@code space}
 * @param hostPhysicalAddress  where the entry really is: the address the memory bus sees
 * @param purpose              why the walk reads it
 * @param translatedAddress    the address this entry helps translate: the virtual address for
 *                             {@link Purpose#TRANSLATE}, the guest-physical address being located otherwise
 */
public record MemoryReference(int step, PageTableKind table, int level, int index, AddressSpace space,
                              long address, long hostPhysicalAddress, Purpose purpose, long translatedAddress) {

    /** Why a reference is made. */
    public enum Purpose {
        /** An entry on the walk of the virtual address itself (native, shadow or guest table). */
        TRANSLATE("translate"),
        /** A host-table entry on the walk that finds where a guest table lies in host memory (nested). */
        LOCATE_GUEST_TABLE("locate-guest-table"),
        /** A host-table entry on the walk of the final guest-physical address (nested). */
        LOCATE_DATA("locate-data");

        private final String id;

        Purpose(String id) {
            this.id = id;
        }

        /** The name used in JSON. */
        public String id() {
            return id;
        }
    }

    public MemoryReference {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(purpose, "purpose");
    }

    /** The SDM's name of the level: PML5, PML4, PDPT, PD, PT. */
    public String levelName() {
        return PageTableConfig.levelName(level);
    }
}
