package org.virtlab.engine.cpu;

import org.virtlab.engine.Input;

/** Switches a host between reusable and held reservations from the next tick on. */
public record SetReservationMode(String hostId, ReservationMode mode) implements Input {
}
