package org.virtlab.engine.io;

import org.virtlab.engine.model.Ranges;

/**
 * The real device under every mode: how fast it moves data and how long a request takes inside it. Transfers
 * share the bandwidth one after the other; the latency overlaps, as requests in a NIC's or an SSD's queue do.
 */
public record PhysicalDevice(long bytesPerSecond, long latencyNanos) {
    public static final long MAX_BYTES_PER_SECOND = 1_000_000_000_000L;
    public static final long MAX_LATENCY_NANOS = 1_000_000_000L;
    /** A 10 GbE NIC: 1.25 GB/s; 2 µs through the NIC to the wire (an assumption of the order of a NIC's latency). */
    public static final PhysicalDevice NIC_10G = new PhysicalDevice(1_250_000_000L, 2_000);
    /** A datacenter NVMe SSD: 3 GB/s; 20 µs per request (an assumption, between NAND and low-latency flash). */
    public static final PhysicalDevice NVME_SSD = new PhysicalDevice(3_000_000_000L, 20_000);

    public PhysicalDevice {
        Ranges.check("bytesPerSecond", bytesPerSecond, 1, MAX_BYTES_PER_SECOND);
        Ranges.check("latencyNanos", latencyNanos, 0, MAX_LATENCY_NANOS);
    }

    /** The NIC for packets, the SSD for blocks. */
    public static PhysicalDevice forKind(IoKind kind) {
        return kind.network() ? NIC_10G : NVME_SSD;
    }

    /** Time the transfer of {@code bytes} occupies the device, rounded up to a whole nanosecond. */
    public long transferNanos(long bytes) {
        return (bytes * 1_000_000_000L + bytesPerSecond - 1) / bytesPerSecond;
    }
}
