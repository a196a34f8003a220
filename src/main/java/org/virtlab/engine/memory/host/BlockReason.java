package org.virtlab.engine.memory.host;

/** Why a guest's first write (or copy-on-write, or swap-in) had to wait during the last tick. */
public enum BlockReason {
    /** It did not wait. */
    NONE,
    /** The host had no free frame at all. */
    HOST_FULL,
    /** The host is in the low state and the VM holds more than its target. */
    LOW_STATE,
    /** The VM holds as much host memory as its limit allows. */
    LIMIT
}
