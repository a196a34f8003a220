package org.virtlab.engine.net;

/**
 * Why a packet went no further, as a closed set the UI and the command line translate; the {@link Verdict}'s
 * parameters fill in the device and addresses.
 */
public enum DropReason {
    /** The device's routing table has no route to the destination. Params: device, destination. */
    NO_ROUTE,
    /** Nobody on the segment answered the ARP request for the next hop. Params: device, next hop. */
    ARP_UNANSWERED,
    /**
     * A host does not forward into or out of an isolated network (libvirt: no {@code <forward>}, its firewall
     * rejects forwarded traffic). Params: host, network.
     */
    ISOLATED_NETWORK,
    /**
     * A new connection from outside into a NAT'd network: only replies of tracked connections and port forwards
     * get in. Params: device, network (or {@code wan} at the router).
     */
    NAT_INBOUND_REFUSED,
    /** A machine that does not forward received a packet that is not for it. Params: device, destination. */
    NOT_FORWARDING,
    /** The time to live ran out (RFC 791): a routing loop. Params: device. */
    TTL_EXCEEDED,
    /** A NAT device found no free port in 1024–65535 for the connection. Params: device. */
    NAT_PORTS_EXHAUSTED,
    /** A switch had nowhere to send the frame (a distributed switch proxy and a MAC not its own). Params: switch, MAC. */
    NO_SUCH_MAC;

    /** A short spelling for machine-readable output: {@code no-route}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
