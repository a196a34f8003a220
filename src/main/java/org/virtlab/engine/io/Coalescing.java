package org.virtlab.engine.io;

import org.virtlab.engine.model.Ranges;

/**
 * Interrupt coalescing (moderation) in the device: it raises an interrupt once {@code maxCompletions} requests
 * have completed since the last one, or {@code maxDelayMicros} after the first of them, whichever comes first;
 * like a NIC's interrupt throttling or virtio-net's VIRTIO_NET_F_NOTF_COAL (max_packets, max_usecs). Notification
 * suppression still decides whether the interrupt is sent.
 */
public record Coalescing(int maxCompletions, long maxDelayMicros) {
    public static final int MAX_COMPLETIONS = 1_024;
    public static final long MAX_DELAY_MICROS = 100_000;
    /** An interrupt decision after every completion. */
    public static final Coalescing NONE = new Coalescing(1, 0);

    public Coalescing {
        Ranges.check("maxCompletions", maxCompletions, 1, MAX_COMPLETIONS);
        Ranges.check("maxDelayMicros", maxDelayMicros, 0, MAX_DELAY_MICROS);
        if (maxCompletions > 1 && maxDelayMicros == 0) {
            throw new IllegalArgumentException("maxDelayMicros must be between 1 and " + MAX_DELAY_MICROS
                    + " when maxCompletions is above 1, or the last completions could wait for ever");
        }
    }
}
