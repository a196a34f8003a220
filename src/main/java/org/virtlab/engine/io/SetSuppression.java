package org.virtlab.engine.io;

import org.virtlab.engine.Input;

/**
 * How a virtio device suppresses notifications: turning VIRTIO_F_EVENT_IDX on ({@link Suppression#EVENT_IDX}) or off
 * (the flags method, {@link Suppression#FLAGS}), or no suppression at all. Features are negotiated when the device is
 * set up (virtio 1.1 §3.1.1), so the device is reset: the requests it held are issued again.
 */
public record SetSuppression(String deviceId, Suppression suppression) implements Input {
    public SetSuppression {
        if (suppression == null) {
            throw new IllegalArgumentException("suppression is required; allowed: NONE, FLAGS, EVENT_IDX");
        }
    }
}
