package org.virtlab.engine.migration;

import org.virtlab.engine.model.Ranges;

/**
 * How a live migration may use the network and how long it may stop the VM, as QEMU's migration
 * parameters name them ({@code max-bandwidth}, {@code downtime-limit}).
 *
 * @param bandwidthMibPerSecond what the pre-copy rounds may send per second
 * @param downtimeLimitMillis   the longest acceptable stop-and-copy: switch over once what is left to send
 *                              takes no longer than this at the bandwidth
 * @param maxRounds             pre-copy rounds before the migration gives up as not converging (QEMU itself
 *                              iterates until someone cancels; a lesson needs an end to show)
 */
public record MigrationSettings(long bandwidthMibPerSecond, long downtimeLimitMillis, int maxRounds) {
    /** QEMU's defaults: max-bandwidth 128 MiB/s, downtime-limit 300 ms (virtualization.md §5). */
    public static final MigrationSettings QEMU_DEFAULTS = new MigrationSettings(128, 300, 30);
    public static final long MAX_BANDWIDTH_MIB_PER_SECOND = 100_000;
    public static final long MAX_DOWNTIME_LIMIT_MILLIS = 60_000;
    public static final int MAX_ROUNDS = 1_000;

    public MigrationSettings {
        Ranges.check("bandwidthMibPerSecond", bandwidthMibPerSecond, 1, MAX_BANDWIDTH_MIB_PER_SECOND);
        Ranges.check("downtimeLimitMillis", downtimeLimitMillis, 1, MAX_DOWNTIME_LIMIT_MILLIS);
        Ranges.check("maxRounds", maxRounds, 1, MAX_ROUNDS);
    }
}
