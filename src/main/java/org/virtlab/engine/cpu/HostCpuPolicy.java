package org.virtlab.engine.cpu;

import org.virtlab.engine.model.Ranges;

/**
 * How a host's hypervisor shares its CPUs.
 *
 * @param reservationMode what happens to unused reservations
 * @param htFactor        what two busy hyper-threads of one core deliver together, relative to one thread
 *                        alone: VMware says a thread on a busy core gets "slightly more than half"; typical
 *                        whole-core gains are 25–30 % (../shared/reference/virtualization.md §1). Default 1.3.
 * @param quantumMicros   the scheduler's time slice; default 30 ms, as Xen's credit scheduler
 */
public record HostCpuPolicy(ReservationMode reservationMode, double htFactor, long quantumMicros) {
    public static final double DEFAULT_HT_FACTOR = 1.3;
    public static final double MIN_HT_FACTOR = 0.5;
    public static final double MAX_HT_FACTOR = 2.0;
    public static final long DEFAULT_QUANTUM_MICROS = 30_000;
    public static final long MIN_QUANTUM_MICROS = 100;
    public static final long MAX_QUANTUM_MICROS = 1_000_000;

    public static final HostCpuPolicy DEFAULT =
            new HostCpuPolicy(ReservationMode.REUSABLE, DEFAULT_HT_FACTOR, DEFAULT_QUANTUM_MICROS);

    public HostCpuPolicy {
        if (reservationMode == null) {
            throw new IllegalArgumentException("reservation mode is required");
        }
        Ranges.check("htFactor", htFactor, MIN_HT_FACTOR, MAX_HT_FACTOR);
        Ranges.check("quantumMicros", quantumMicros, MIN_QUANTUM_MICROS, MAX_QUANTUM_MICROS);
    }

    public HostCpuPolicy withReservationMode(ReservationMode mode) {
        return new HostCpuPolicy(mode, htFactor, quantumMicros);
    }
}
