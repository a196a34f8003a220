package org.virtlab.engine.memory.host;

/**
 * A host's memory state by its free memory (ESX; Waldspurger, "Memory Resource Management in VMware ESX
 * Server", OSDI 2002, §6; ../shared/reference/virtualization.md §2), in order of growing shortage. A host
 * falls to SOFT when free memory drops below the soft threshold, to HARD below the hard one, to LOW below the
 * low one; it climbs back one state once free memory is again above the threshold of the state above (above
 * high for HIGH): the paper's hysteresis. Whatever the state, reclamation aims for the high threshold.
 */
public enum MemoryState {
    /** Enough free memory: nothing is reclaimed; balloons deflate as far as the free memory allows. */
    HIGH,
    /** Reclaims by ballooning; swaps only what a balloon cannot take. */
    SOFT,
    /** Reclaims by ballooning and host swapping. */
    HARD,
    /** As hard, and VMs above their target get no new memory: their first writes wait. */
    LOW
}
