package org.virtlab.engine.net;

import java.util.Objects;
import org.virtlab.engine.Input;

/**
 * A probe sent from the Network tab (or a test): a ping, or a TCP or UDP connection attempt, from one endpoint to
 * another ({@link NetTopology#endpoint} ids such as {@code web1:nic0}, {@code host1}, {@code internet}). Applied
 * at the start of a tick by {@link NetSubsystem}, which traces it and journals its hops.
 *
 * @param port the destination port for TCP and UDP (1–65535); 0 for ICMP
 */
public record SendProbe(String from, String to, Protocol protocol, int port) implements Input {

    public SendProbe {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(protocol, "protocol");
        if (protocol == Protocol.ICMP) {
            port = 0;
        } else if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
    }
}
