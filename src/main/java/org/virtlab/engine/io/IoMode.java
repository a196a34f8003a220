package org.virtlab.engine.io;

import org.virtlab.engine.model.Ranges;

/**
 * How a guest reaches its device: the three ways of I/O virtualization (virtualization.md §3), a closed set.
 */
public sealed interface IoMode {
    /** Longest virtio poll window and batch wait: 1 s. */
    long MAX_WAIT_MICROS = 1_000_000;
    /** Most register accesses per request or per interrupt an emulated device may be given. */
    int MAX_ACCESSES = 64;
    /** Largest IOTLB and passthrough queue. */
    int MAX_IOTLB_ENTRIES = 4_096;
    int MAX_QUEUE_ENTRIES = 65_536;

    /** Whether the guest owns the physical device, so the VM cannot be live-migrated (virtualization.md §5). */
    default boolean passthrough() {
        return false;
    }

    /**
     * Trap and emulate: the guest runs the real device's driver; each register access is a VM exit served by the
     * device model in user space (QEMU), and each interrupt is acknowledged by more accesses.
     *
     * @param accessesPerRequest   register accesses to issue one request, 1 to {@value #MAX_ACCESSES}
     * @param accessesPerInterrupt register accesses to take one interrupt, 0 to {@value #MAX_ACCESSES}
     */
    record Emulated(EmulatedModel model, int accessesPerRequest, int accessesPerInterrupt) implements IoMode {
        public Emulated {
            if (model == null) {
                throw new IllegalArgumentException("model is required; allowed: " + EmulatedModel.allowedNames());
            }
            Ranges.check("accessesPerRequest", accessesPerRequest, 1, MAX_ACCESSES);
            Ranges.check("accessesPerInterrupt", accessesPerInterrupt, 0, MAX_ACCESSES);
        }

        /** The model with its Linux driver's access counts. */
        public Emulated(EmulatedModel model) {
            this(model, model == null ? 1 : model.accessesPerRequest(), model == null ? 0 : model.accessesPerInterrupt());
        }
    }

    /**
     * Paravirtual: a virtio driver in the guest and a back-end in the host share a split virtqueue.
     *
     * @param queueSize       descriptors in the queue: a power of 2 up to 32768 (QEMU's default for virtio-net and
     *                        virtio-blk is 256)
     * @param requestsPerKick the batch: the driver kicks after adding this many requests, or sooner when it has no
     *                        more to add (1 to 32768)
     * @param suppression     how notifications are suppressed both ways
     * @param indirect        whether VIRTIO_F_INDIRECT_DESC is used: a request then takes one descriptor
     * @param backend         vhost in the kernel or QEMU in user space
     * @param pollMicros      how long the back-end keeps polling the ring once it is empty before it asks for kicks
     *                        again (vhost's busy-loop timeout, QEMU's poll-max-ns); 0 for none, vhost-net's default
     *                        (QEMU's IOThreads poll up to 32 µs by default)
     * @param batchWaitMicros how long the driver waits for a batch to fill before it kicks anyway; 0 kicks as soon
     *                        as it has nothing more to add, as Linux does
     */
    record Virtio(int queueSize, int requestsPerKick, Suppression suppression, boolean indirect, VirtioBackend backend,
                  long pollMicros, long batchWaitMicros) implements IoMode {
        /** QEMU's defaults: 256 descriptors, EVENT_IDX, a vhost back-end, one kick per request, no polling. */
        public static final Virtio DEFAULT = new Virtio(256, 1, Suppression.EVENT_IDX, false, VirtioBackend.VHOST, 0, 0);

        public Virtio {
            SplitVirtqueue.checkSize(queueSize);
            Ranges.check("requestsPerKick", requestsPerKick, 1, SplitVirtqueue.MAX_SIZE);
            if (suppression == null) {
                throw new IllegalArgumentException("suppression is required; allowed: NONE, FLAGS, EVENT_IDX");
            }
            if (backend == null) {
                throw new IllegalArgumentException("backend is required; allowed: VHOST, QEMU");
            }
            Ranges.check("pollMicros", pollMicros, 0, MAX_WAIT_MICROS);
            Ranges.check("batchWaitMicros", batchWaitMicros, 0, MAX_WAIT_MICROS);
        }

        public Virtio withQueueSize(int size) {
            return new Virtio(size, requestsPerKick, suppression, indirect, backend, pollMicros, batchWaitMicros);
        }

        public Virtio withRequestsPerKick(int batch) {
            return new Virtio(queueSize, batch, suppression, indirect, backend, pollMicros, batchWaitMicros);
        }

        public Virtio withSuppression(Suppression s) {
            return new Virtio(queueSize, requestsPerKick, s, indirect, backend, pollMicros, batchWaitMicros);
        }

        public Virtio withIndirect(boolean on) {
            return new Virtio(queueSize, requestsPerKick, suppression, on, backend, pollMicros, batchWaitMicros);
        }

        public Virtio withBackend(VirtioBackend b) {
            return new Virtio(queueSize, requestsPerKick, suppression, indirect, b, pollMicros, batchWaitMicros);
        }

        public Virtio withPollMicros(long micros) {
            return new Virtio(queueSize, requestsPerKick, suppression, indirect, backend, micros, batchWaitMicros);
        }

        public Virtio withBatchWaitMicros(long micros) {
            return new Virtio(queueSize, requestsPerKick, suppression, indirect, backend, pollMicros, micros);
        }
    }

    /**
     * Passthrough (VFIO with VT-d / AMD-Vi): the guest drives the physical device, or an SR-IOV virtual function of
     * it, itself. Its doorbell writes reach the device without an exit; the device's DMA is translated by the IOMMU
     * through its IOTLB.
     *
     * @param postedInterrupts interrupts posted straight into the running vCPU (no exit), or else remapped to the host,
     *                         which takes an external-interrupt exit and injects them
     * @param iotlbEntries     translations the IOTLB caches, 1 to {@value #MAX_IOTLB_ENTRIES}
     * @param queueEntries     requests the device's own queue holds, 1 to {@value #MAX_QUEUE_ENTRIES}
     */
    record Passthrough(boolean postedInterrupts, int iotlbEntries, int queueEntries) implements IoMode {
        /**
         * Posted interrupts, a 64-entry IOTLB (vendors do not publish IOTLB sizes: 64 is an assumption, a small
         * TLB's size), a 1024-entry queue.
         */
        public static final Passthrough DEFAULT = new Passthrough(true, 64, 1_024);

        public Passthrough {
            Ranges.check("iotlbEntries", iotlbEntries, 1, MAX_IOTLB_ENTRIES);
            Ranges.check("queueEntries", queueEntries, 1, MAX_QUEUE_ENTRIES);
        }

        @Override
        public boolean passthrough() {
            return true;
        }
    }
}
