package org.virtlab.engine.io;

import org.virtlab.engine.Input;
import org.virtlab.engine.model.Ranges;

/** A virtio device's batch: its driver kicks after adding this many requests. No reset: takes effect at once. */
public record SetRequestsPerKick(String deviceId, int requestsPerKick) implements Input {
    public SetRequestsPerKick {
        Ranges.check("requestsPerKick", requestsPerKick, 1, SplitVirtqueue.MAX_SIZE);
    }
}
