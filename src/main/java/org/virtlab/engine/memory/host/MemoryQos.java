package org.virtlab.engine.memory.host;

import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.model.Ranges;

/**
 * A VM's memory quality of service, as vSphere defines it (../shared/reference/virtualization.md §2, "Memory
 * QoS: limit / shares / reservation as for CPU"): a <b>limit</b> on the host memory it may hold (none by
 * default); <b>shares</b>, its weight when the host is short; a <b>reservation</b> it keeps once it has touched
 * it, even when idle. The shares presets count per MiB configured: Low 5, Normal 10, High 20 (§1, "memory:
 * 5 / 10 / 20 per MB configured"); a custom value is the VM's total. The limit is at least the reservation.
 */
public record MemoryQos(Shares shares, long limitMib, long reservationMib) {
    public static final long NO_LIMIT = Long.MAX_VALUE;
    public static final int LOW_PER_MIB = 5;
    public static final int NORMAL_PER_MIB = 10;
    public static final int HIGH_PER_MIB = 20;
    /** The largest guest a VM may have (VmSpec.MAX_MEMORY_MIB, 4 TiB): no limit or reservation is larger. */
    public static final long MAX_MIB = 4L * 1024 * 1024;

    public static final MemoryQos DEFAULT = new MemoryQos(Shares.NORMAL, NO_LIMIT, 0);

    public MemoryQos {
        if (shares == null) {
            throw new IllegalArgumentException("shares are required");
        }
        Ranges.check("reservationMib", reservationMib, 0, MAX_MIB);
        if (limitMib != NO_LIMIT) {
            Ranges.check("limitMib", limitMib, Math.max(1, reservationMib), MAX_MIB);
        }
    }

    public boolean limited() {
        return limitMib != NO_LIMIT;
    }

    /** The VM's weight: preset × MiB configured, or the custom value. */
    public long sharesTotal(long configuredMib) {
        return switch (shares.level()) {
            case LOW -> LOW_PER_MIB * configuredMib;
            case NORMAL -> NORMAL_PER_MIB * configuredMib;
            case HIGH -> HIGH_PER_MIB * configuredMib;
            case CUSTOM -> shares.custom();
        };
    }
}
