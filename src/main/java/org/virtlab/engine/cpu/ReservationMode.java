package org.virtlab.engine.cpu;

/**
 * What happens to reserved CPU its owner doesn't use (../shared/reference/virtualization.md §1).
 */
public enum ReservationMode {
    /** VMware's behaviour: unused reserved CPU goes to other VMs and comes back the moment its owner wants it. */
    REUSABLE,
    /** The course article's reading: reserved capacity stays idle when its owner doesn't use it. */
    HELD
}
