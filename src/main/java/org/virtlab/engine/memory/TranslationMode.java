package org.virtlab.engine.memory;

import java.util.Objects;

/**
 * How a virtual address becomes a machine address: a closed set of three ways.
 *
 * <ul>
 *   <li>{@link Native}: no hypervisor; one walk of the OS's tables.</li>
 *   <li>{@link Shadow}: the hypervisor keeps shadow tables mapping guest-virtual straight to host-physical
 *       addresses, so a walk costs like native; the price is paid elsewhere: every guest page-table write
 *       and every guest CR3 switch is a VM exit (KVM write-protects the guest's tables).</li>
 *   <li>{@link Nested}: Intel EPT / AMD NPT; the guest's tables hold guest-physical addresses, so each guest
 *       table reference, and the final data address, is first translated through the host's tables.</li>
 * </ul>
 */
public sealed interface TranslationMode {

    /** The name used on the command line and in JSON: {@code native}, {@code shadow}, {@code nested}. */
    String id();

    /** The tables that translate the virtual address: the OS's own (native) or the guest's. */
    PageTableConfig guest();

    /** Memory references of a walk with nothing cached: the numbers the tests check against the sources. */
    int coldWalkReferences();

    /**
     * The size of the pages the TLB caches: a translation through two sets of tables can only be cached at
     * the smaller of their page sizes (a 2 MiB guest page backed by 4 KiB host pages is cached as 4 KiB
     * pieces).
     */
    PageSize tlbPageSize();

    /** Bare metal: the OS's tables translate virtual to physical addresses in one walk. */
    record Native(PageTableConfig tables) implements TranslationMode {
        public Native {
            Objects.requireNonNull(tables, "tables");
        }

        @Override
        public String id() {
            return "native";
        }

        @Override
        public PageTableConfig guest() {
            return tables;
        }

        /** One reference per level walked (Intel SDM vol. 3A, 4.5): 4 for 4-level paging with 4 KiB pages. */
        @Override
        public int coldWalkReferences() {
            return tables.walkedLevels();
        }

        @Override
        public PageSize tlbPageSize() {
            return tables.pageSize();
        }
    }

    /**
     * Shadow paging. The shadow tables have the guest's levels and map pages of the smaller of the guest's
     * and the host's page sizes (a shadow entry can map a large page only where both map one).
     */
    record Shadow(PageTableConfig guest, PageTableConfig host) implements TranslationMode {
        public Shadow {
            Objects.requireNonNull(guest, "guest");
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String id() {
            return "shadow";
        }

        /** The tables the hardware walks: guest virtual → host physical. */
        public PageTableConfig shadowTables() {
            return new PageTableConfig(guest.levels(), tlbPageSize());
        }

        /** Like native: one reference per shadow level walked (the exits are counted apart). */
        @Override
        public int coldWalkReferences() {
            return shadowTables().walkedLevels();
        }

        @Override
        public PageSize tlbPageSize() {
            return PageSize.smaller(guest.pageSize(), host.pageSize());
        }
    }

    /** Nested paging (EPT / NPT): a two-dimensional walk. */
    record Nested(PageTableConfig guest, PageTableConfig host) implements TranslationMode {
        public Nested {
            Objects.requireNonNull(guest, "guest");
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String id() {
            return "nested";
        }

        /**
         * (n + 1)(m + 1) − 1 for n guest and m host levels walked: each of the n guest entries costs a host
         * walk of m plus the entry itself, and the final guest-physical address one more host walk
         * (Bhargava et al., ASPLOS 2008: 24 for 4 over 4).
         */
        @Override
        public int coldWalkReferences() {
            int n = guest.walkedLevels();
            int m = host.walkedLevels();
            return (n + 1) * (m + 1) - 1;
        }

        @Override
        public PageSize tlbPageSize() {
            return PageSize.smaller(guest.pageSize(), host.pageSize());
        }
    }
}
