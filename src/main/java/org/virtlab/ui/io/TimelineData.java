package org.virtlab.ui.io;

import java.util.List;

/**
 * The exit timeline: the devices' recent events on one time axis, one lane per device. Immutable.
 *
 * @param startNanos the axis' left end, simulated time
 * @param endNanos   its right end (the snapshot's time)
 * @param lanes      one per device, in scenario order
 */
public record TimelineData(long startNanos, long endNanos, List<Lane> lanes) {
    public static final TimelineData EMPTY = new TimelineData(0, 1, List.of());

    public TimelineData {
        lanes = List.copyOf(lanes);
    }

    /** What the timeline marks, each with its colour and legend entry. */
    public enum Mark {
        /** The driver hands a request to the device (adds a chain, fills a slot). */
        SUBMIT(false),
        /** virtio: the driver notifies the device. */
        KICK(false),
        /** passthrough: the driver writes the device's doorbell itself, no exit. */
        DOORBELL(false),
        /** A VM exit on the way to the device: a port I/O instruction. */
        EXIT_IO_INSTRUCTION(false),
        /** A VM exit on the way to the device: an MMIO access (EPT violation), e.g. a kick or a register write. */
        EXIT_MMIO(false),
        /** A VM exit on the way back: the guest acknowledges an emulated device's interrupt (register accesses). */
        EXIT_INTERRUPT_ACK(true),
        /** A VM exit on the way back: a remapped (not posted) interrupt of a passthrough device. */
        EXIT_EXTERNAL_INTERRUPT(true),
        /** The device interrupts the guest. */
        INTERRUPT(true),
        /** The driver takes a finished request back. */
        COMPLETE(true);

        private final boolean completionPath;

        Mark(boolean completionPath) {
            this.completionPath = completionPath;
        }

        /** Drawn in the lane's lower row (device → guest) rather than its upper one (guest → device). */
        public boolean completionPath() {
            return completionPath;
        }

        /** Whether the mark is a VM exit. */
        public boolean exit() {
            return name().startsWith("EXIT_");
        }

        public String key() {
            return "io.mark." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        }
    }

    /** One event on the axis. */
    public record Event(long atNanos, Mark mark) {
    }

    /**
     * One device's lane.
     *
     * @param title  "hda — IDE VM"
     * @param mode   its way of I/O virtualization
     * @param exits  VM exits within the axis' span
     * @param events its events within the span, in time order
     */
    public record Lane(String title, ModeKind mode, int exits, List<Event> events) {
        public Lane {
            events = List.copyOf(events);
        }
    }
}
