package org.virtlab.engine.io;

/** Why a vCPU left guest mode on the I/O path (Intel SDM vol. 3C appendix C names; AMD's equivalents). */
public enum ExitReason {
    /** An in/out instruction to a trapped port (Intel exit reason 30, AMD IOIO). */
    IO_INSTRUCTION,
    /**
     * A load or store to a guest-physical page the EPT does not map for it: MMIO (Intel 48; AMD NPF). KVM then marks
     * the page so later accesses take the EPT-misconfiguration fast path (Intel 49); both are counted here.
     */
    EPT_VIOLATION,
    /** A physical interrupt arrived while the guest ran (Intel 1): a remapped interrupt of a passthrough device. */
    EXTERNAL_INTERRUPT
}
