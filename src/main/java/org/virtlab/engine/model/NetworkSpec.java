package org.virtlab.engine.model;

import java.util.Optional;

/**
 * A virtual network defined on one host, as libvirt defines one with {@code virsh net-define}: a Linux
 * bridge the host's guests plug their NICs into, and how the bridge reaches the outside ({@link #mode}).
 * libvirt's {@code default} network is {@code new NetworkSpec("default", "default", host, NAT,
 * "192.168.122.0/24", "virbr0", x, y)} (libvirt.org/formatnetwork.html, virtualization.md §4).
 *
 * @param subnet the network's own IPv4 subnet in CIDR notation, such as {@code 192.168.122.0/24}: required
 *               for isolated, NAT and routed networks, none ({@code null}) for bridged ones, whose guests
 *               take addresses of the LAN
 * @param bridge the Linux bridge's interface name, such as {@code virbr0} or {@code br0}; derived from the
 *               id when {@code null} ({@link #defaultBridge})
 * @param lanRoute whether the LAN's router has a static route to {@link #subnet} via this host, so that LAN
 *               machines can reach the guests and their replies find the way back (what libvirt's routed mode
 *               needs, libvirt.org/formatnetwork.html "Routed network config"); only for networks with a subnet
 * @param x,y    position on the topology canvas (layout only; the engine ignores it)
 */
public record NetworkSpec(String id, String name, String hostId, NetworkMode mode, String subnet, String bridge,
                          boolean lanRoute, double x, double y) {
    /** The widest subnet a lesson may give a network: a /8, such as 10.0.0.0/8. */
    public static final int MIN_SUBNET_PREFIX = 8;
    /**
     * The narrowest: a /30 has two usable addresses, the host's on the bridge and one guest's; /31 and /32
     * leave none for guests.
     */
    public static final int MAX_SUBNET_PREFIX = 30;
    /** Linux interface names are at most 15 characters (IFNAMSIZ 16 with the terminating NUL). */
    public static final int MAX_BRIDGE_CHARS = 15;

    public NetworkSpec {
        Ranges.id("id", id);
        name = name == null || name.isBlank() ? id : name;
        Ranges.id("host", hostId);
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (mode.hasSubnet()) {
            checkSubnet(subnet);
        } else if (subnet != null) {
            throw new IllegalArgumentException("a bridged network has no subnet of its own (its guests take the LAN's), was "
                    + subnet);
        }
        bridge = bridge == null ? defaultBridge(id, mode) : bridge;
        if (!isBridgeName(bridge)) {
            throw new IllegalArgumentException("bridge must be 1–" + MAX_BRIDGE_CHARS
                    + " letters, digits, '.', '_' or '-', not . or .., was " + bridge);
        }
        if (lanRoute && !mode.hasSubnet()) {
            throw new IllegalArgumentException("a bridged network has no subnet for the LAN's router to route to");
        }
    }

    /** A network the LAN's router has no route to. */
    public NetworkSpec(String id, String name, String hostId, NetworkMode mode, String subnet, String bridge,
                       double x, double y) {
        this(id, name, hostId, mode, subnet, bridge, false, x, y);
    }

    private static void checkSubnet(String subnet) {
        Ipv4Cidr cidr = Ipv4Cidr.parse(subnet).orElseThrow(() -> new IllegalArgumentException(
                "subnet must be an IPv4 subnet in CIDR notation such as 192.168.122.0/24, was " + subnet));
        Ranges.check("subnet prefix", cidr.prefix(), MIN_SUBNET_PREFIX, MAX_SUBNET_PREFIX);
        if (!cidr.isNetwork()) {
            throw new IllegalArgumentException("subnet " + subnet + " has host bits set; the network is " + cidr.network());
        }
    }

    /**
     * The bridge a network gets when none is named: {@code virbr-ID} for networks with a subnet of their own
     * (libvirt's own are virbr0, virbr1, ...), {@code br-ID} for a bridged one, cut to 15 characters.
     */
    public static String defaultBridge(String id, NetworkMode mode) {
        String name = (mode.hasSubnet() ? "virbr-" : "br-") + id;
        return name.length() > MAX_BRIDGE_CHARS ? name.substring(0, MAX_BRIDGE_CHARS) : name;
    }

    /** Whether Linux would take {@code name} for an interface: 1–15 of {@code [A-Za-z0-9_.-]}, not . or .. */
    public static boolean isBridgeName(String name) {
        return name != null && name.matches("[A-Za-z0-9_.-]{1," + MAX_BRIDGE_CHARS + "}")
                && !name.equals(".") && !name.equals("..");
    }

    /** The subnet as address and prefix; empty for a bridged network. */
    public Optional<Ipv4Cidr> subnetCidr() {
        return subnet == null ? Optional.empty() : Ipv4Cidr.parse(subnet);
    }

    /** The same network at another place on the canvas. */
    public NetworkSpec at(double newX, double newY) {
        return new NetworkSpec(id, name, hostId, mode, subnet, bridge, lanRoute, newX, newY);
    }

    public NetworkSpec withName(String newName) {
        return new NetworkSpec(id, newName, hostId, mode, subnet, bridge, lanRoute, x, y);
    }

    /**
     * Another mode; {@code newSubnet} must be {@code null} for bridged and a subnet for the others. A bridged
     * network loses its LAN route (it has no subnet to route to).
     */
    public NetworkSpec withMode(NetworkMode newMode, String newSubnet) {
        return new NetworkSpec(id, name, hostId, newMode, newSubnet, bridge, lanRoute && newMode.hasSubnet(), x, y);
    }

    public NetworkSpec withBridge(String newBridge) {
        return new NetworkSpec(id, name, hostId, mode, subnet, newBridge, lanRoute, x, y);
    }

    /** The same network with or without a route to it on the LAN's router. */
    public NetworkSpec withLanRoute(boolean newLanRoute) {
        return new NetworkSpec(id, name, hostId, mode, subnet, bridge, newLanRoute, x, y);
    }
}
