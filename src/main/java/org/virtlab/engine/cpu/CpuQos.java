package org.virtlab.engine.cpu;

import org.virtlab.engine.model.Ranges;

/**
 * A VM's CPU quality of service, as vSphere defines it (../shared/reference/virtualization.md §1):
 * a <b>limit</b> its use never exceeds, even on an idle host (none by default); <b>shares</b>, its weight
 * under contention; a <b>reservation</b>, a guaranteed minimum that power-on admission control checks.
 * The limit is at least the reservation.
 */
public record CpuQos(Shares shares, long limitMhz, long reservationMhz) {
    /** "No limit": VMware's default. */
    public static final long NO_LIMIT = Long.MAX_VALUE;
    /** Largest limit or reservation a file may give (10 THz: far above any host). */
    public static final long MAX_MHZ = 10_000_000;

    public static final CpuQos DEFAULT = new CpuQos(Shares.NORMAL, NO_LIMIT, 0);

    public CpuQos {
        if (shares == null) {
            throw new IllegalArgumentException("shares are required");
        }
        Ranges.check("reservationMhz", reservationMhz, 0, MAX_MHZ);
        if (limitMhz != NO_LIMIT) {
            Ranges.check("limitMhz", limitMhz, Math.max(1, reservationMhz), MAX_MHZ);
        }
    }

    public boolean limited() {
        return limitMhz != NO_LIMIT;
    }
}
