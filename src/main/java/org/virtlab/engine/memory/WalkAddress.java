package org.virtlab.engine.memory;

import java.util.Objects;
import org.virtlab.engine.Input;
import org.virtlab.engine.model.TranslationSettings;

/**
 * The Memory tab's page-walk animator walks a guest-virtual address over the guest's and the host's tables: an
 * {@link Input} for the {@link WalkSubsystem}, so that the walk is a moment of the run, journaled and restored by a
 * rewind. Valid by construction: the tables are what {@link PageTableConfig} accepts and the address is canonical
 * for the guest's levels (a refusal names the range allowed).
 *
 * @param guestLevels 4 or 5
 * @param guestPage   the page size the guest's tables map
 * @param hostLevels  4 or 5, the host's (EPT / NPT) tables
 * @param hostPage    the page size the host's tables map
 * @param address     the guest-virtual address walked
 */
public record WalkAddress(int guestLevels, PageSize guestPage, int hostLevels, PageSize hostPage, long address)
        implements Input {

    public WalkAddress {
        Objects.requireNonNull(guestPage, "guestPage");
        Objects.requireNonNull(hostPage, "hostPage");
        new PageTableConfig(hostLevels, hostPage); // throws with the levels allowed
        new PageTableConfig(guestLevels, guestPage).checkVirtualAddress(address); // throws with the range allowed
    }

    /** The walk a scenario's translation settings describe (the TLB experiment is not part of it). */
    public static WalkAddress of(TranslationSettings settings) {
        return new WalkAddress(settings.guestLevels(), settings.guestPage(), settings.hostLevels(),
                settings.hostPage(), settings.address());
    }

    public PageTableConfig guestTables() {
        return new PageTableConfig(guestLevels, guestPage);
    }

    public PageTableConfig hostTables() {
        return new PageTableConfig(hostLevels, hostPage);
    }

    /** The two-stage walk (EPT / NPT) of the address, cold: the longest of the three, the one the journal tells. */
    public Walk nestedWalk() {
        return new Walker(new TranslationMode.Nested(guestTables(), hostTables())).walk(address);
    }
}
