package org.virtlab.engine.net;

/**
 * An address translation a device applied to a packet.
 *
 * @param kind   masquerade, port forward, or a reply translated back
 * @param field  which address the rewrite changed
 */
public record Rewrite(Kind kind, Field field, int fromIp, int fromPort, int toIp, int toPort) {

    public enum Kind {
        /** Source NAT behind the outgoing interface's address (iptables MASQUERADE), source port into 1024–65535. */
        MASQUERADE,
        /** Destination NAT of a port forward. */
        PORT_FORWARD,
        /** A reply translated back through the connection-tracking entry of its request. */
        REVERSE
    }

    public enum Field {
        SOURCE, DESTINATION
    }

    @Override
    public String toString() {
        return kind + " " + field.name().toLowerCase(java.util.Locale.ROOT) + " " + Ip.format(fromIp) + ":" + fromPort
                + " → " + Ip.format(toIp) + ":" + toPort;
    }
}
