package org.virtlab.engine.model;

import java.util.Locale;

/**
 * A port forward into a guest on a NAT network: new connections to the host's LAN address on {@code hostPort}
 * are translated (DNAT) to the guest's address on {@code guestPort}. A libvirt NAT network has no such element:
 * "Inbound connections from other networks are all prohibited" (libvirt.org/formatnetwork.html, mode='nat'), so
 * a forward is an iptables DNAT rule added outside libvirt (by hand or by a hook); passt-backed interfaces take a
 * {@code <portForward>} element (libvirt.org/formatdomain.html). Without one, a NAT network refuses every new
 * connection from outside.
 *
 * @param protocol  the transport protocol forwarded
 * @param hostPort  the port on the host's LAN address, 1–65535
 * @param guestPort the port on the guest, 1–65535
 */
public record PortForwardSpec(Protocol protocol, int hostPort, int guestPort) {
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;

    /** The protocols a port forward can carry: those with ports. */
    public enum Protocol {
        TCP, UDP;

        /** As files spell it: {@code tcp}, {@code udp}. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PortForwardSpec {
        if (protocol == null) {
            throw new IllegalArgumentException("a port forward needs a protocol: tcp or udp");
        }
        Ranges.check("hostPort", hostPort, MIN_PORT, MAX_PORT);
        Ranges.check("guestPort", guestPort, MIN_PORT, MAX_PORT);
    }
}
