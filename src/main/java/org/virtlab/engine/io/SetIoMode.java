package org.virtlab.engine.io;

import org.virtlab.engine.Input;

/**
 * Another mode or other settings of a mode for a device (emulated, virtio, passthrough). A different device for the
 * guest, so a reset: the requests it held are issued again. Except when only a virtio device's batch or batch wait
 * changes, which takes effect at once.
 */
public record SetIoMode(String deviceId, IoMode mode) implements Input {
    public SetIoMode {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required: Emulated, Virtio or Passthrough");
        }
    }
}
