package org.virtlab.engine.model;

/**
 * How a virtual network on a host reaches the outside, as libvirt's network XML says it with the
 * {@code <forward>} element (libvirt.org/formatnetwork.html; KVM's four network models in the course
 * article, ../shared/reference/virtualization.md §4).
 */
public enum NetworkMode {
    /**
     * No {@code <forward>} element: guests talk to each other and to the host's address on the bridge,
     * nothing leaves the host. dnsmasq still hands out addresses.
     */
    ISOLATED("none"),
    /**
     * {@code <forward mode='nat'/>} (also what a {@code <forward>} without a mode means): outgoing traffic
     * is masqueraded behind the host's address; new connections from outside are refused. libvirt's
     * {@code default} network is of this kind: bridge virbr0, 192.168.122.0/24.
     */
    NAT("nat"),
    /**
     * {@code <forward mode='route'/>}: the host forwards the guests' packets without translating them, so
     * the LAN's router needs a route back to the guest subnet or replies never arrive.
     */
    ROUTED("route"),
    /**
     * {@code <forward mode='bridge'/>} on an existing bridge that holds the host's physical NIC: each guest
     * is a host of the LAN, with an address from the LAN; libvirt gives no subnet, DHCP or firewall rules.
     */
    BRIDGED("bridge");

    private final String forwardMode;

    NetworkMode(String forwardMode) {
        this.forwardMode = forwardMode;
    }

    /** The {@code <forward mode=...>} libvirt writes for it; {@code "none"} for isolated (no element at all). */
    public String libvirtForwardMode() {
        return forwardMode;
    }

    /** Whether the network has a subnet of its own (all but bridged: a bridged guest takes the LAN's). */
    public boolean hasSubnet() {
        return this != BRIDGED;
    }
}
