package org.virtlab.engine.net;

import java.util.List;

/**
 * The network engine refused its input: what was wrong, about which element, with the parameters a message
 * needs. Subclasses {@link IllegalArgumentException}, as the model's refusals do.
 */
public final class NetException extends IllegalArgumentException {
    private final Kind kind;
    private final String element;
    private final List<String> params;

    /** What can be wrong; each names the element and says what is allowed. */
    public enum Kind {
        /** A trace names an endpoint there is not. Params: the name, the endpoints there are. */
        UNKNOWN_ENDPOINT,
        /** A trace starts or ends at a NIC plugged into nothing. Params: the NIC. */
        UNWIRED_NIC,
        /** A network's DHCP range has no address left. Params: network, range. */
        DHCP_EXHAUSTED,
        /** A network's subnet overlaps the LAN's or the WAN's, as libvirt refuses to start it. Params: network, subnet, other. */
        SUBNET_COLLIDES,
        /** Two networks ask the LAN router for routes to overlapping subnets. Params: network, other network. */
        ROUTE_CONFLICT,
        /** The LAN has no address left for a host. Params: host. */
        LAN_FULL,
        /** A scenario element has an id the physical side uses. Params: the id. */
        RESERVED_NAME
    }

    public NetException(Kind kind, String element, String message, String... params) {
        super(message);
        this.kind = kind;
        this.element = element;
        this.params = List.of(params);
    }

    public Kind kind() {
        return kind;
    }

    /** The element the problem is about: an endpoint, a NIC ({@code web:nic1}), a network, a host. */
    public String element() {
        return element;
    }

    public List<String> params() {
        return params;
    }
}
