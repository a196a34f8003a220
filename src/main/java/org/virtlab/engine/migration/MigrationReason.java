package org.virtlab.engine.migration;

/** Why a migration was refused, failed, or did nothing; {@link #NONE} when nothing went wrong. */
public enum MigrationReason {
    /** Nothing went wrong: under way, done, or cancelled by the user. */
    NONE,
    /** No VM with that id. */
    UNKNOWN_VM,
    /** No host with that id. */
    UNKNOWN_HOST,
    /** The target is the host the VM already runs on. */
    SAME_HOST,
    /** The VM is already being migrated: cancel that first. */
    ALREADY_MIGRATING,
    /**
     * Admission control kept the VM off: there is no running VM to migrate (a stopped VM is moved by
     * editing the scenario, which is a cold migration).
     */
    POWERED_OFF,
    /**
     * The VM's vCPUs are pinned to logical CPUs of its host, which the target does not have (vSphere refuses
     * vMotion for a VM with CPU affinity for the same reason).
     */
    PINNED,
    /**
     * The VM owns a passthrough device, whose state lives in hardware the hypervisor cannot copy
     * (virtualization.md §5).
     */
    PASSTHROUGH,
    /**
     * The VM's CPU reservation does not fit in what the target has unreserved (cores × clock minus the
     * reservations of its powered-on VMs), checked when the migration starts, at switch-over and at
     * completion.
     */
    TARGET_RESERVATION,
    /**
     * The VM's memory reservation does not fit in what the target has unreserved (its memory minus the memory
     * reservations of its powered-on VMs), checked like {@link #TARGET_RESERVATION} (which is checked first).
     */
    TARGET_MEMORY_RESERVATION,
    /**
     * The pre-copy rounds never shrink: the VM dirties memory at least as fast as the migration sends it
     * (ρ = dirty rate ÷ bandwidth ≥ 1), so no round left little enough for the downtime limit.
     */
    DIRTY_RATE_AT_LEAST_BANDWIDTH,
    /** The rounds shrink (ρ &lt; 1), but not below the threshold within the allowed number of rounds. */
    TOO_MANY_ROUNDS,
    /** A cancel for a VM that is not being migrated. */
    NOT_MIGRATING
}
