package org.virtlab.engine.io;

import org.virtlab.engine.Input;
import org.virtlab.engine.model.Ranges;

/** Requests the guest issues on the device from now on carry {@code requestBytes} of data (those waiting keep theirs). */
public record SetRequestBytes(String deviceId, int requestBytes) implements Input {
    public SetRequestBytes {
        Ranges.check("requestBytes", requestBytes, 1, IoWorkload.MAX_BLOCK_BYTES);
    }
}
