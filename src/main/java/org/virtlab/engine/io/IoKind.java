package org.virtlab.engine.io;

/**
 * What a guest I/O request does, and so which kind of device serves it and how a virtio driver lays it out in
 * the virtqueue.
 */
public enum IoKind {
    /** Read a block from a disk: virtio-blk, an emulated IDE disk, a passed-through NVMe drive. */
    BLOCK_READ,
    /** Write a block to a disk. */
    BLOCK_WRITE,
    /** Send a network packet: virtio-net, an emulated e1000, a passed-through NIC (an SR-IOV VF). */
    NET_TX;

    /**
     * The header of a virtio-blk request: le32 type, le32 reserved, le64 sector (virtio 1.1 §5.2.6,
     * struct virtio_blk_req).
     */
    public static final int VIRTIO_BLK_HEADER_BYTES = 16;
    /** The status byte the device writes at the end of a virtio-blk request (§5.2.6). */
    public static final int VIRTIO_BLK_STATUS_BYTES = 1;
    /** struct virtio_net_hdr with num_buffers, as every virtio 1.x device uses it (§5.1.6). */
    public static final int VIRTIO_NET_HEADER_BYTES = 12;

    public boolean network() {
        return this == NET_TX;
    }

    /**
     * Buffers per request in a virtio chain: header, data, status for a block request (readable header, then
     * data readable for a write or writable for a read, then the writable status); header and data for a packet.
     */
    public int buffersPerRequest() {
        return network() ? 2 : 3;
    }

    /** Of those buffers, how many the device reads (the rest it writes). */
    public int readableBuffers() {
        return switch (this) {
            case BLOCK_READ -> 1;
            case BLOCK_WRITE -> 2;
            case NET_TX -> 2;
        };
    }

    /** The bytes the device writes into a request's buffers: the used element's len (§2.6.8). */
    public int deviceWrittenBytes(int requestBytes) {
        return switch (this) {
            case BLOCK_READ -> requestBytes + VIRTIO_BLK_STATUS_BYTES;
            case BLOCK_WRITE -> VIRTIO_BLK_STATUS_BYTES;
            case NET_TX -> 0;
        };
    }

    /** The length of buffer {@code k} of a request of {@code requestBytes} data bytes. */
    public int bufferBytes(int k, int requestBytes) {
        if (network()) {
            return k == 0 ? VIRTIO_NET_HEADER_BYTES : requestBytes;
        }
        return switch (k) {
            case 0 -> VIRTIO_BLK_HEADER_BYTES;
            case 1 -> requestBytes;
            default -> VIRTIO_BLK_STATUS_BYTES;
        };
    }
}
