package org.virtlab.engine.io;

import org.virtlab.engine.model.Ranges;

/**
 * The I/O a guest asks of one device: requests of one kind and size, either arriving at a rate whatever happens
 * to them (open loop) or kept at a fixed number outstanding (closed loop, as fio's iodepth). A closed set of
 * shapes. Deterministic from the seed: open-loop arrivals are a Poisson process drawn from the simulation's
 * generator.
 */
public sealed interface IoWorkload {
    /** Largest block request: 1 MiB. */
    int MAX_BLOCK_BYTES = 1 << 20;
    /** Largest packet: 65535 bytes, what one send with segmentation offload can hand the device. */
    int MAX_PACKET_BYTES = 65_535;
    /** Fastest open-loop rate: 10 million requests per second. */
    long MAX_REQUESTS_PER_SECOND = 10_000_000;
    /** Deepest closed loop: as many requests as the largest virtqueue holds. */
    int MAX_QUEUE_DEPTH = SplitVirtqueue.MAX_SIZE;
    /** No limit on the number of requests. */
    long UNLIMITED = 0;

    IoKind kind();

    /** Data bytes per request: a block's size or a packet's payload. */
    int requestBytes();

    /** How many requests the guest issues in all; {@link #UNLIMITED} for no end. */
    long requestLimit();

    /** The same workload with requests of another size. */
    IoWorkload withRequestBytes(int bytes);

    /** Checks a request size for a kind: 1 byte up to 1 MiB for a block, up to 65535 for a packet. */
    static int checkRequestBytes(IoKind kind, int bytes) {
        return Ranges.check("requestBytes", bytes, 1, kind.network() ? MAX_PACKET_BYTES : MAX_BLOCK_BYTES);
    }

    /** Requests arriving at {@code requestsPerSecond} on average, exponentially spaced (a Poisson process). */
    record OpenLoop(IoKind kind, int requestBytes, long requestsPerSecond, long requestLimit) implements IoWorkload {
        public OpenLoop {
            if (kind == null) {
                throw new IllegalArgumentException("kind is required: one of BLOCK_READ, BLOCK_WRITE, NET_TX");
            }
            checkRequestBytes(kind, requestBytes);
            Ranges.check("requestsPerSecond", requestsPerSecond, 1, MAX_REQUESTS_PER_SECOND);
            Ranges.check("requestLimit", requestLimit, 0, Long.MAX_VALUE);
        }

        public OpenLoop(IoKind kind, int requestBytes, long requestsPerSecond) {
            this(kind, requestBytes, requestsPerSecond, UNLIMITED);
        }

        @Override
        public OpenLoop withRequestBytes(int bytes) {
            return new OpenLoop(kind, bytes, requestsPerSecond, requestLimit);
        }
    }

    /** {@code queueDepth} requests outstanding at all times: each completion issues the next at once. */
    record ClosedLoop(IoKind kind, int requestBytes, int queueDepth, long requestLimit) implements IoWorkload {
        public ClosedLoop {
            if (kind == null) {
                throw new IllegalArgumentException("kind is required: one of BLOCK_READ, BLOCK_WRITE, NET_TX");
            }
            checkRequestBytes(kind, requestBytes);
            Ranges.check("queueDepth", queueDepth, 1, MAX_QUEUE_DEPTH);
            Ranges.check("requestLimit", requestLimit, 0, Long.MAX_VALUE);
        }

        public ClosedLoop(IoKind kind, int requestBytes, int queueDepth) {
            this(kind, requestBytes, queueDepth, UNLIMITED);
        }

        @Override
        public ClosedLoop withRequestBytes(int bytes) {
            return new ClosedLoop(kind, bytes, queueDepth, requestLimit);
        }
    }
}
