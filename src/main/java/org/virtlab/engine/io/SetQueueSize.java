package org.virtlab.engine.io;

import org.virtlab.engine.Input;

/**
 * A virtio device's queue size. The queue is set up anew, so the device is reset: the requests it held are issued
 * again.
 */
public record SetQueueSize(String deviceId, int queueSize) implements Input {
    public SetQueueSize {
        SplitVirtqueue.checkSize(queueSize);
    }
}
