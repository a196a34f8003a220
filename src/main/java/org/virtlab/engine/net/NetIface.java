package org.virtlab.engine.net;

import org.virtlab.engine.model.NetworkMode;

/**
 * A network interface with an IP address, plugged into a port of a switch.
 *
 * @param name      as the machine calls it: {@code nic0} for a guest's first NIC, {@code virbr0}, {@code eth0}
 * @param role      what it is for, which the host firewall and NAT look at
 * @param networkId for a host's bridge interface or a guest NIC, the scenario network (or port group) it is on;
 *                  {@code null} otherwise
 * @param mode      the network's mode for a host's bridge interface, else {@code null}
 * @param sw        index of the switch it is plugged into
 * @param port      index of the port on that switch
 */
public record NetIface(String name, Role role, long mac, int ip, int prefix, String networkId, NetworkMode mode,
                       int sw, int port) {

    /** What an interface is for. */
    public enum Role {
        /** A VM's NIC (its tap device on the host is the switch port). */
        GUEST_NIC,
        /** A host's address on the LAN (eth0, or br0 when its first bridged network took eth0). */
        HOST_LAN,
        /** A host's address on one of its libvirt networks: the bridge's own interface (virbr0, 192.168.122.1). */
        HOST_BRIDGE,
        /** The router's LAN side. */
        ROUTER_LAN,
        /** The router's WAN side, behind which it masquerades the LAN. */
        ROUTER_WAN,
        /** The only interface of a LAN machine or the Internet server. */
        MACHINE
    }

    /** The network address of its subnet. */
    public int subnet() {
        return ip & Ip.mask(prefix);
    }

    @Override
    public String toString() {
        return name + " " + Mac.format(mac) + " " + Ip.format(ip) + "/" + prefix;
    }
}
