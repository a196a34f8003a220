package org.virtlab.engine.memory;

import java.util.Objects;

/**
 * Cold page walks, nothing cached: each translation reads every level. For walks behind a TLB and a
 * page-walk cache use {@link Mmu}.
 */
public final class Walker {
    private final WalkCore core;

    public Walker(TranslationMode mode) {
        this.core = new WalkCore(Objects.requireNonNull(mode, "mode"));
    }

    public TranslationMode mode() {
        return core.mode();
    }

    /** Walks {@code virtualAddress} of process 0 in VM 0. */
    public Walk walk(long virtualAddress) {
        return walk(virtualAddress, 0, 0);
    }

    /**
     * Walks a canonical {@code virtualAddress} of a process (0–4095, its PCID) in a VM (0–65535, its VPID);
     * the VM is ignored in native mode.
     */
    public Walk walk(long virtualAddress, int vm, int process) {
        core.mode().guest().checkVirtualAddress(virtualAddress);
        WalkCore.checkAddressSpace(vm, process);
        return core.explain(virtualAddress, vm, process, null, false);
    }
}
