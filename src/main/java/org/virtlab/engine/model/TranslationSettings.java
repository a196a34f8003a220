package org.virtlab.engine.model;

import java.util.Objects;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.memory.PageTableConfig;

/**
 * How the Memory tab's page-walk animator and TLB experiment are set up when a scenario opens: the guest's and
 * the host's page tables (levels and page size), the guest-virtual address walked, and the TLB experiment. A
 * lesson about address translation sets them so that it opens on what it talks about. Layout for the window, as
 * {@link ViewState} is, but for the walk: the simulation starts its page walk ({@code memory.WalkSubsystem}) from
 * the tables and address. The defaults are the tab's own, and those of
 * {@code virtlab walk}.
 *
 * @param guestLevels 4 or 5 ({@link PageTableConfig}: 48- or 57-bit guest-virtual addresses)
 * @param guestPage   the page size the guest's tables map
 * @param hostLevels  4 or 5, the host's (EPT / NPT) tables
 * @param hostPage    the page size the host's tables map
 * @param address     the guest-virtual address walked, canonical for the guest's levels
 * @param tlb         the TLB experiment
 */
public record TranslationSettings(int guestLevels, PageSize guestPage, int hostLevels, PageSize hostPage,
                                  long address, TlbSettings tlb) {
    /** A user-space address near the top of the lower half, where Linux puts the stack (as {@code virtlab walk}). */
    public static final long DEFAULT_ADDRESS = 0x7ffd_1234_5678L;
    public static final TranslationSettings DEFAULT = new TranslationSettings(4, PageSize.FOUR_KIB, 4,
            PageSize.FOUR_KIB, DEFAULT_ADDRESS, TlbSettings.DEFAULT);

    public TranslationSettings {
        Objects.requireNonNull(guestPage, "guestPage");
        Objects.requireNonNull(hostPage, "hostPage");
        Objects.requireNonNull(tlb, "tlb");
        Ranges.check("guestLevels", guestLevels, PageTableConfig.MIN_LEVELS, PageTableConfig.MAX_LEVELS);
        Ranges.check("hostLevels", hostLevels, PageTableConfig.MIN_LEVELS, PageTableConfig.MAX_LEVELS);
        new PageTableConfig(guestLevels, guestPage).checkVirtualAddress(address); // fields are not set yet here
    }

    public PageTableConfig guestTables() {
        return new PageTableConfig(guestLevels, guestPage);
    }

    public PageTableConfig hostTables() {
        return new PageTableConfig(hostLevels, hostPage);
    }

    public TranslationSettings withGuest(int newLevels, PageSize newPage) {
        return new TranslationSettings(newLevels, newPage, hostLevels, hostPage, address, tlb);
    }

    public TranslationSettings withHost(int newLevels, PageSize newPage) {
        return new TranslationSettings(guestLevels, guestPage, newLevels, newPage, address, tlb);
    }

    public TranslationSettings withAddress(long newAddress) {
        return new TranslationSettings(guestLevels, guestPage, hostLevels, hostPage, newAddress, tlb);
    }

    public TranslationSettings withTlb(TlbSettings newTlb) {
        return new TranslationSettings(guestLevels, guestPage, hostLevels, hostPage, address, newTlb);
    }
}
