package org.virtlab.engine.io;

/** Where a virtio device's back-end runs, and so what a kick costs. */
public enum VirtioBackend {
    /**
     * A vhost worker in the host kernel: the kick's MMIO write is caught by KVM and signals an ioeventfd, without
     * returning to user space; the worker thread wakes up and serves the queue.
     */
    VHOST,
    /** QEMU in user space: the kick exits all the way out to QEMU, which serves the queue. */
    QEMU
}
