package org.virtlab.engine.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One virtual NIC of a VM, plugged into a network of the VM's host, into a port group of a distributed
 * switch that spans the host, or into nothing. A NIC has no id: its place in the VM's list is its name
 * ({@code nic0}, {@code nic1}, ...), as a guest sees its first, second, ... adapter. In the topology
 * editor, a wire is a NIC that is plugged in.
 *
 * <p>The MAC, the address and the port forwards are optional: the network engine derives a MAC
 * (52:54:00:…, as libvirt does) and takes an address from the network's DHCP range when none is given.
 *
 * @param networkId    the {@link NetworkSpec} it is plugged into, or {@code null}
 * @param portGroupId  the {@link PortGroupSpec} it is plugged into, or {@code null}
 * @param mac          a fixed MAC address ({@code 52:54:00:12:34:56}, lower case, unicast, not all zeros), or
 *                     {@code null} to have one derived; no two NICs of a scenario share one
 * @param address      a fixed IPv4 address in the network's subnet ({@code 192.168.122.10}), as a libvirt
 *                     {@code <dhcp><host mac=… ip=…/>} reservation; only on a network with a subnet of its own
 *                     (checked by the scenario); {@code null} for a lease from the DHCP range
 * @param portForwards inbound port forwards to this NIC; only on a NAT network (checked by the scenario)
 */
public record NicSpec(String networkId, String portGroupId, String mac, String address,
                      List<PortForwardSpec> portForwards) {
    /** A NIC plugged into nothing. */
    public static final NicSpec UNWIRED = new NicSpec(null, null);

    public NicSpec {
        if (networkId != null && portGroupId != null) {
            throw new IllegalArgumentException("a NIC is plugged into a network or a port group, not both: "
                    + networkId + " and " + portGroupId);
        }
        if (networkId != null) {
            Ranges.id("network", networkId);
        }
        if (portGroupId != null) {
            Ranges.id("portGroup", portGroupId);
        }
        if (mac != null) {
            mac = mac.toLowerCase(Locale.ROOT);
            if (!isUnicastMac(mac)) {
                throw new IllegalArgumentException("mac must be a unicast MAC address such as 52:54:00:12:34:56, was "
                        + mac);
            }
        }
        if (address != null) {
            if (parseAddress(address).isEmpty()) {
                throw new IllegalArgumentException("address must be an IPv4 address such as 192.168.122.10, was "
                        + address);
            }
            if (networkId == null) {
                throw new IllegalArgumentException("only a NIC plugged into a network can have a fixed address, was "
                        + address);
            }
        }
        portForwards = portForwards == null ? List.of() : List.copyOf(portForwards);
        if (!portForwards.isEmpty() && networkId == null) {
            throw new IllegalArgumentException("only a NIC plugged into a (NAT) network can have port forwards");
        }
    }

    /** A NIC without a fixed MAC, address or port forwards. */
    public NicSpec(String networkId, String portGroupId) {
        this(networkId, portGroupId, null, null, List.of());
    }

    public static NicSpec toNetwork(String networkId) {
        return new NicSpec(networkId, null);
    }

    public static NicSpec toPortGroup(String portGroupId) {
        return new NicSpec(null, portGroupId);
    }

    /** Whether it is plugged into something. */
    public boolean wired() {
        return networkId != null || portGroupId != null;
    }

    /** The name the NIC at {@code index} goes by: {@code nic0}, {@code nic1}, ... */
    public static String name(int index) {
        return "nic" + index;
    }

    /** The same NIC with a fixed MAC ({@code null}: derived). */
    public NicSpec withMac(String newMac) {
        return new NicSpec(networkId, portGroupId, newMac, address, portForwards);
    }

    /** The same NIC with a fixed address ({@code null}: a DHCP lease). */
    public NicSpec withAddress(String newAddress) {
        return new NicSpec(networkId, portGroupId, mac, newAddress, portForwards);
    }

    public NicSpec withPortForwards(List<PortForwardSpec> newPortForwards) {
        return new NicSpec(networkId, portGroupId, mac, address, newPortForwards);
    }

    /** Plugged in the same way, without a fixed MAC, address or port forwards: what a copy of the VM gets. */
    public NicSpec plugOnly() {
        return mac == null && address == null && portForwards.isEmpty() ? this : new NicSpec(networkId, portGroupId);
    }

    /** Whether {@code text} is six two-digit hex octets separated by colons, unicast and not all zeros. */
    public static boolean isUnicastMac(String text) {
        if (text == null || !text.matches("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}")) {
            return false;
        }
        int first = Integer.parseInt(text.substring(0, 2), 16);
        // IEEE 802: the least significant bit of the first octet set means a group (multicast) address.
        return (first & 1) == 0 && !text.equals("00:00:00:00:00:00");
    }

    /** The 32 bits of a dotted IPv4 address ({@code 192.168.122.10}), read as strictly as {@link Ipv4Cidr#parse}. */
    public static Optional<Integer> parseAddress(String text) {
        if (text == null || text.contains("/")) {
            return Optional.empty();
        }
        return Ipv4Cidr.parse(text + "/32").map(Ipv4Cidr::address);
    }
}
