package org.virtlab.engine.io;

/** A device's mutable counters since time zero (see {@link IoSnapshot.Totals} for their meaning). */
final class IoCounters {
    long issued;
    long dropped;
    long submitted;
    long completed;
    long bytesCompleted;
    long exits;
    long ioInstructionExits;
    long eptViolationExits;
    long externalInterruptExits;
    long dataPathExits;
    long kicks;
    long kicksSuppressed;
    long deviceWakeups;
    long interrupts;
    long interruptsSuppressed;
    long interruptsHandled;
    long iotlbHits;
    long iotlbMisses;
    long hostExitNanos;
    long hostEmulationNanos;
    long hostBackendNanos;
    long hostInjectionNanos;
    long hostPollNanos;
    long guestDriverNanos;
    long guestExitNanos;
    long transferNanos;
    long iotlbNanos;
    long latencySumNanos;
    long occupancyRequestNanos;
    long occupancyDescriptorNanos;
    long resets;

    IoCounters copy() {
        IoCounters c = new IoCounters();
        c.issued = issued;
        c.dropped = dropped;
        c.submitted = submitted;
        c.completed = completed;
        c.bytesCompleted = bytesCompleted;
        c.exits = exits;
        c.ioInstructionExits = ioInstructionExits;
        c.eptViolationExits = eptViolationExits;
        c.externalInterruptExits = externalInterruptExits;
        c.dataPathExits = dataPathExits;
        c.kicks = kicks;
        c.kicksSuppressed = kicksSuppressed;
        c.deviceWakeups = deviceWakeups;
        c.interrupts = interrupts;
        c.interruptsSuppressed = interruptsSuppressed;
        c.interruptsHandled = interruptsHandled;
        c.iotlbHits = iotlbHits;
        c.iotlbMisses = iotlbMisses;
        c.hostExitNanos = hostExitNanos;
        c.hostEmulationNanos = hostEmulationNanos;
        c.hostBackendNanos = hostBackendNanos;
        c.hostInjectionNanos = hostInjectionNanos;
        c.hostPollNanos = hostPollNanos;
        c.guestDriverNanos = guestDriverNanos;
        c.guestExitNanos = guestExitNanos;
        c.transferNanos = transferNanos;
        c.iotlbNanos = iotlbNanos;
        c.latencySumNanos = latencySumNanos;
        c.occupancyRequestNanos = occupancyRequestNanos;
        c.occupancyDescriptorNanos = occupancyDescriptorNanos;
        c.resets = resets;
        return c;
    }

    /** Counts one exit of the I/O path and charges its time to the vCPU and the host. */
    void exit(ExitReason reason, boolean dataPath, long nanos) {
        exits++;
        switch (reason) {
            case IO_INSTRUCTION -> ioInstructionExits++;
            case EPT_VIOLATION -> eptViolationExits++;
            case EXTERNAL_INTERRUPT -> externalInterruptExits++;
        }
        if (dataPath) {
            dataPathExits++;
        }
        guestExitNanos += nanos;
        hostExitNanos += nanos;
    }

    long hostIoNanos() {
        return hostExitNanos + hostEmulationNanos + hostBackendNanos + hostInjectionNanos + hostPollNanos;
    }

    IoSnapshot.Totals toTotals(long elapsedNanos, long p99, long waiting, long inFlight, long descriptorsInUse) {
        return new IoSnapshot.Totals(elapsedNanos, issued, dropped, submitted, completed, bytesCompleted, exits,
                ioInstructionExits, eptViolationExits, externalInterruptExits, dataPathExits, kicks, kicksSuppressed,
                deviceWakeups, interrupts, interruptsSuppressed, interruptsHandled, iotlbHits, iotlbMisses, hostExitNanos,
                hostEmulationNanos, hostBackendNanos, hostInjectionNanos, hostPollNanos, guestDriverNanos,
                guestExitNanos, transferNanos, iotlbNanos, latencySumNanos, p99, occupancyRequestNanos,
                occupancyDescriptorNanos, waiting, inFlight, descriptorsInUse, resets);
    }

    /** The window from {@code base} (a copy of these counters at its start) to now. */
    IoSnapshot.Window windowSince(IoCounters base, long startMicros, long lengthMicros, long p99) {
        return new IoSnapshot.Window(startMicros, lengthMicros, completed - base.completed,
                bytesCompleted - base.bytesCompleted, exits - base.exits, dataPathExits - base.dataPathExits,
                kicks - base.kicks, interrupts - base.interrupts, hostIoNanos() - base.hostIoNanos(),
                latencySumNanos - base.latencySumNanos, p99, occupancyRequestNanos - base.occupancyRequestNanos,
                occupancyDescriptorNanos - base.occupancyDescriptorNanos);
    }
}
