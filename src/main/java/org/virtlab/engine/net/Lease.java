package org.virtlab.engine.net;

/**
 * An address a guest NIC holds: from a DHCP server's range or fixed by the scenario.
 *
 * @param segment the network, port group's VLAN or LAN it is on ({@code default}, {@code vlan 10}, {@code lan})
 * @param server  who hands it out: the network's dnsmasq on the host's bridge address, the LAN router
 * @param nic     the NIC, {@code vm:nic0}
 * @param fixed   whether the scenario fixed it (a {@code <host mac ip>} reservation) rather than the range
 */
public record Lease(String segment, String server, String nic, long mac, int ip, boolean fixed) {

    @Override
    public String toString() {
        return segment + " " + nic + " " + Mac.format(mac) + " " + Ip.format(ip) + (fixed ? " (fixed)" : "");
    }
}
