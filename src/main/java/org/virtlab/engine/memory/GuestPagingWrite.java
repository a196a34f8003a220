package org.virtlab.engine.memory;

import java.util.Objects;
import org.virtlab.engine.Input;

/**
 * The Memory tab's guest writes CR3 (switches process) or a page-table entry: under shadow paging a VM exit, which
 * {@link WalkSubsystem} journals; under EPT / NPT and natively none (see {@link PagingExit}).
 */
public record GuestPagingWrite(PagingExit write) implements Input {

    public GuestPagingWrite {
        Objects.requireNonNull(write, "write");
    }
}
