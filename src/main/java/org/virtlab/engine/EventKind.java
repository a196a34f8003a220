package org.virtlab.engine;

import java.util.List;

/**
 * What a journaled {@link SimEvent} is: the closed set of things the engine's subsystems really model and emit
 * (see the engine's package comment). Each kind names the numbers it carries in {@link SimEvent#args()}, in order,
 * and says which of the source fields it fills and what its cause is; the window and the command line render an
 * event from its {@link #messageKey()} with those as arguments. Units are in the names.
 */
public enum EventKind {
    // ---- CPU (cpu.CpuSubsystem, cpu.SliceScheduler) ----
    /** Host, VM: admission control powered the VM on at the start (emitted in the tick at time 0). */
    POWER_ON(),
    /**
     * Host, VM: admission control kept the VM off; cause {@code alloc.Admission.Resource} (CPU or MEMORY). Args: the
     * refused reservation and what was unreserved of that resource (MHz or MiB).
     */
    POWER_REFUSED("reservation", "unreserved"),
    /**
     * Host, VM, peer = the VM that last ran there (null: none yet): another vCPU starts on a logical CPU (time slices
     * only, emitted when the vCPU on the CPU changes, not for every slice). Args: logical CPU, the vCPU starting,
     * the vCPU that ran there before (−1: none).
     */
    VCPU_SWITCH("logicalCpu", "vcpu", "previousVcpu"),

    // ---- host memory (memory.host.MemorySubsystem), one event per VM or host and tick ----
    /**
     * Host, VM: first writes to pages that read the shared zero frame, each a copy-on-write fault that takes a
     * frame. Args: faults in the tick.
     */
    COW_FAULT("faults"),
    /** Host, VM: writes to pages shared by page sharing, each copied first (copy-on-write). Args: pages copied. */
    SHARE_BROKEN("pages"),
    /** Host: the page-sharing scanner (KSM) merged identical pages at a wake-up. Args: pages merged, frames freed. */
    KSM_MERGE("pagesMerged", "framesFreed"),
    /** Host, VM: the balloon took pages; cause {@code memory.host.Reclamation.Reason}. Args: pages, frames freed. */
    BALLOON_INFLATE("pages", "framesFreed"),
    /** Host, VM: the balloon gave pages back; cause {@code Reclamation.Reason}. Args: pages. */
    BALLOON_DEFLATE("pages"),
    /** Host, VM: the host swapped pages out; cause {@code Reclamation.Reason}. Args: pages, frames freed. */
    SWAP_OUT("pages", "framesFreed"),
    /** Host, VM: writes to swapped pages swapped them in. Args: pages, the guest's wait (µs). */
    SWAP_IN("pages", "waitMicros"),

    // ---- page walks (memory.WalkSubsystem), one event per memory reference of an address walked ----
    /**
     * No source: a memory reference of the nested (EPT / NPT) walk of the address the Memory tab walked, at the start
     * of the tick the walk was asked in, in walk order; cause {@code memory.WalkRole} (a guest entry, a host entry
     * locating the guest's table of some level, or the data). Args: its 1-based step in the walk, the entry's table
     * level (5 = PML5 ... 1 = PT), the entry's address (guest-physical for a guest entry, else host-physical).
     */
    WALK_REFERENCE("step", "level", "address"),

    // ---- I/O (io.IoSubsystem), one event per occurrence, at its nanosecond rounded down ----
    /** VM, device: the driver added a request. Args: its head descriptor or slot, avail.idx after (−1: no ring). */
    REQUEST_SUBMIT("head", "availIdx"),
    /** VM, device: the virtio driver notified the device (an MMIO write that exits). Args: avail.idx. */
    VIRTQUEUE_KICK("availIdx"),
    /** VM, device: notification suppression said no kick was needed. Args: avail.idx. */
    KICK_SUPPRESSED("availIdx"),
    /** VM, device: a passthrough driver rang the device's doorbell, a write to the device itself: no exit. */
    DOORBELL(),
    /**
     * VM, device: the vCPU left guest mode; cause {@code io.ExitReason}. Or, with no source (memory.WalkSubsystem), the
     * exit shadow paging takes when the Memory tab's guest writes CR3 or a page-table entry; cause
     * {@code memory.PagingExit}.
     */
    VM_EXIT(),
    /** VM, device: the device interrupted the guest. Args: used.idx (−1: not virtio). */
    INTERRUPT("usedIdx"),
    /** VM, device: completions were ready but suppression or masking said no interrupt. Args: used.idx. */
    INTERRUPT_SUPPRESSED("usedIdx"),
    /** VM, device: the driver took a completed request back. Args: head or slot, last_used_idx (−1: not virtio). */
    REQUEST_COMPLETE("head", "lastUsedIdx"),
    /** VM, device: the IOMMU missed in its IOTLB translating a DMA address. Args: the request's slot, misses. */
    IOTLB_MISS("slot", "misses"),
    /** VM, device: the guest's queue of waiting requests was full: a request was dropped. */
    REQUEST_DROPPED(),
    /** VM, device: a new queue size, suppression or mode reset the device; requests in flight are issued again. */
    DEVICE_RESET(),

    // ---- live migration (migration.MigrationSubsystem) ----
    /** Host = source, VM, peer = target: a live migration started. Args: memory (MiB), serial. */
    MIGRATION_START("memoryMib", "serial"),
    /** Host = source, VM, peer = target: a start or cancel was refused; cause {@code migration.MigrationReason}. */
    MIGRATION_REFUSED(),
    /** Host = source, VM, peer = target: a pre-copy round ended. Args: round (0: all memory), KiB sent, KiB dirtied. */
    MIGRATION_ROUND("round", "sentKib", "dirtiedKib"),
    /** Host = source, VM, peer = target: pre-copy ended, the VM is paused. Args: KiB left to stop-and-copy, its µs. */
    MIGRATION_SWITCH_OVER("stopAndCopyKib", "stopAndCopyMicros"),
    /** Host = source, VM, peer = target: the VM runs on the target. Args: downtime (µs), total (µs). */
    MIGRATION_DONE("downtimeMicros", "totalMicros"),
    /** Host = source, VM, peer = target: the migration failed, the VM runs on; cause {@code MigrationReason}. */
    MIGRATION_FAILED("rounds"),
    /** Host = source, VM, peer = target: a person cancelled the migration. */
    MIGRATION_CANCELLED(),

    // ---- network (net.NetSubsystem), a probe's way in order, all at the start of the tick it was sent in ----
    /**
     * Host = the device's host (if any), VM = the guest when the device is one, device = the machine or switch
     * ({@code web1}, {@code host1/virbr0}, {@code router}), peer = the probe's source endpoint: a frame at a device on a
     * probe's way; cause {@code net.Hop.Frame} (the packet, or an ARP request or reply resolving a next hop). Args: the
     * probe (its serial, from 1), the leg (0: request, 1: reply), the hop (from 1, within its leg).
     */
    PACKET_HOP("probe", "leg", "hop"),
    /**
     * As {@link #PACKET_HOP}: the device rewrote the packet's source address (masquerade, a port-forwarded reply
     * translated back); cause {@code net.Rewrite.Kind}. Args: the probe, the address and port before and after, each
     * as IPv4 address × 65536 + port ({@code net.NetSubsystem.ipPort}).
     */
    NAT_SOURCE_REWRITE("probe", "fromIpPort", "toIpPort"),
    /** As {@link #NAT_SOURCE_REWRITE}, for the destination (a port forward, a masqueraded reply translated back). */
    NAT_DESTINATION_REWRITE("probe", "fromIpPort", "toIpPort"),
    /** As {@link #PACKET_HOP}, device = where it arrived: a leg of the probe was delivered. Args: probe, leg. */
    PACKET_DELIVERED("probe", "leg"),
    /** As {@link #PACKET_HOP}, device = where: a leg was dropped; cause {@code net.DropReason}. Args: probe, leg. */
    PACKET_DROPPED("probe", "leg");

    /** The most numbers an event carries. */
    public static final int MAX_ARGS = 3;

    private final List<String> argNames;

    EventKind(String... argNames) {
        if (argNames.length > MAX_ARGS) {
            throw new IllegalStateException(name() + " has too many arguments");
        }
        this.argNames = List.of(argNames);
    }

    /** The names of the numbers in {@link SimEvent#args()}, in order (a CSV header, a message's arguments). */
    public List<String> argNames() {
        return argNames;
    }

    /** How many numbers the event carries. */
    public int arity() {
        return argNames.size();
    }

    /** The resource-bundle key of the one-line description, e.g. {@code event.VM_EXIT}. */
    public String messageKey() {
        return "event." + name();
    }
}
