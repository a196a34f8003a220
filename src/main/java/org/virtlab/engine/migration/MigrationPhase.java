package org.virtlab.engine.migration;

/** Where a migration is: two phases under way, four ends. */
public enum MigrationPhase {
    /** Copying memory round after round while the VM runs on the source. */
    PRE_COPY,
    /** The VM is paused on the source while the rest is sent: this is the downtime. */
    STOP_AND_COPY,
    /** The VM runs on the target. */
    DONE,
    /** Gave up: the VM runs on the source (see the reason). */
    FAILED,
    /** Cancelled by the user: the VM runs on the source. */
    CANCELLED,
    /** Never started (see the reason). */
    REFUSED;

    /** Pre-copy or stop-and-copy: not finished. */
    public boolean underWay() {
        return this == PRE_COPY || this == STOP_AND_COPY;
    }
}
