package org.virtlab.ui.io;

/**
 * One device's column in the mode comparison, over the last complete metrics window (100 ms of simulated time).
 *
 * @param title           "hda — IDE VM"
 * @param mode            its way of I/O virtualization
 * @param exitsPerRequest VM exits on the I/O path per completed request
 * @param iops            completed requests per second
 * @param gbitPerSecond   completed data
 * @param meanLatencyUs   issue to completion, mean
 * @param p99LatencyUs    and 99th percentile
 * @param hostCpuPercent  host CPU time on I/O, as a percentage of one core
 */
public record ComparisonBar(String title, ModeKind mode, double exitsPerRequest, double iops, double gbitPerSecond,
                            double meanLatencyUs, double p99LatencyUs, double hostCpuPercent) {
}
