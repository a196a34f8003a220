package org.virtlab.engine.io;

import org.virtlab.engine.Input;

/**
 * Another workload for a device's guest, of the same kind (a disk stays a disk). Requests already issued carry on;
 * an open loop's next arrival is drawn anew, a closed loop tops up to its new depth.
 */
public record SetIoWorkload(String deviceId, IoWorkload workload) implements Input {
    public SetIoWorkload {
        if (workload == null) {
            throw new IllegalArgumentException("workload is required");
        }
    }
}
