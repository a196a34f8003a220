package org.virtlab.engine.io;

/** How a virtio driver and device suppress each other's notifications (virtio 1.1 §2.6.7, §2.6.10). */
public enum Suppression {
    /** Neither side asks for fewer: every kickPrepare kicks, every used entry interrupts (a teaching baseline). */
    NONE,
    /** The flags method: the device sets used.flags NO_NOTIFY while busy, the driver avail.flags NO_INTERRUPT. */
    FLAGS,
    /** VIRTIO_F_EVENT_IDX: each side publishes the index it wants to be notified at (avail_event, used_event). */
    EVENT_IDX
}
