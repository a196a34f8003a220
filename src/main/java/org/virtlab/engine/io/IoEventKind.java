package org.virtlab.engine.io;

/** What happened on a device's I/O path, for the timeline and the ring animation. */
public enum IoEventKind {
    /** The driver added a request (virtio: a chain; head = its head descriptor, idx = avail.idx after). */
    SUBMIT,
    /** A passthrough driver rang the device's doorbell: a write straight to the device, no exit. */
    DOORBELL,
    /** The virtio driver notified the device (idx = avail.idx); a {@link #VM_EXIT} follows. */
    KICK,
    /** The virtio driver added requests but notification suppression said no kick was needed. */
    KICK_SUPPRESSED,
    /** The vCPU left guest mode, with its {@link ExitReason}. */
    VM_EXIT,
    /** The back-end woke up after a kick. */
    DEVICE_WAKE,
    /** The back-end took a chain from the available ring (head; idx = its last_avail_idx after). */
    DEVICE_TAKE,
    /** The back-end found the ring empty and polls it before it asks for kicks again. */
    DEVICE_POLL,
    /** The back-end asked for kicks again and sleeps. */
    DEVICE_SLEEP,
    /** The device finished a request (virtio: returned it in the used ring; idx = used.idx after). */
    USED,
    /** The device interrupted the guest (idx = used.idx for virtio). */
    INTERRUPT,
    /** The device had completions to report but suppression or masking said no interrupt was needed. */
    INTERRUPT_SUPPRESSED,
    /** The driver took a completed request back (head; idx = last_used_idx after for virtio). */
    COMPLETE,
    /** The IOMMU missed in its IOTLB while translating a DMA address (head = the request's slot). */
    IOTLB_MISS,
    /** The guest's queue of waiting requests was full: a request was dropped. */
    DROP,
    /** The device was reset (a new queue size, suppression or mode): requests in flight are issued again. */
    RESET
}
