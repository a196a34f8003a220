package org.virtlab.engine.alloc;

/**
 * One admission-control decision: may a VM power on on a host (or arrive there by live migration)? As in
 * vSphere, only if each of its reservations fits in what the host has left unreserved: its CPU reservation in
 * cores × clock minus the CPU reservations of the powered-on VMs there, and its memory reservation in the host's
 * memory minus their memory reservations (../shared/reference/virtualization.md §1: "power-on is refused when
 * unreserved capacity can't cover it"; §2: memory QoS "limit / shares / reservation as for CPU"). Nothing else
 * is counted: no per-VM overhead memory (vSphere adds each VM's virtualization overhead to its reservation), no
 * memory kept for the hypervisor itself. CPU is checked first, so a VM that fits neither is refused for its CPU.
 *
 * @param reservationMhz the VM's CPU reservation
 * @param unreservedMhz  what the host has unreserved (may be negative if reservations grew past it)
 * @param reservationMib the VM's memory reservation
 * @param unreservedMib  the host's memory not reserved by its powered-on VMs
 */
public record Admission(long reservationMhz, long unreservedMhz, long reservationMib, long unreservedMib) {

    /** What a refusal is for. */
    public enum Resource {
        /** Nothing: the VM is admitted. */
        NONE,
        CPU,
        MEMORY
    }

    public boolean fits() {
        return refused() == Resource.NONE;
    }

    /** The first reservation that does not fit, CPU before memory; {@link Resource#NONE} when both fit. */
    public Resource refused() {
        if (reservationMhz > unreservedMhz) {
            return Resource.CPU;
        }
        return reservationMib > unreservedMib ? Resource.MEMORY : Resource.NONE;
    }
}
