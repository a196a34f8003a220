package org.virtlab.engine.net;

/**
 * A packet's headers as they are on the wire at one hop.
 *
 * @param srcMac  Ethernet source
 * @param dstMac  Ethernet destination ({@link Mac#BROADCAST} for broadcast)
 * @param vlan    the IEEE 802.1Q tag's VLAN ID on the wire, 0 for an untagged frame
 * @param srcPort TCP/UDP source port; for ICMP the echo identifier (RFC 792), the same in both port fields
 * @param dstPort TCP/UDP destination port; for ICMP the echo identifier
 * @param ttl     IP time to live, one less after each router (RFC 791)
 */
public record Headers(long srcMac, long dstMac, int vlan, int srcIp, int dstIp, Protocol protocol, int srcPort,
                      int dstPort, int ttl) {

    @Override
    public String toString() {
        String ports = protocol == Protocol.ICMP ? " id " + srcPort : ":" + srcPort + " → ";
        String to = protocol == Protocol.ICMP ? Ip.format(dstIp) : Ip.format(dstIp) + ":" + dstPort;
        return Mac.format(srcMac) + " → " + Mac.format(dstMac) + (vlan == 0 ? "" : " vlan " + vlan) + ", "
                + protocol.spelling() + " " + Ip.format(srcIp)
                + (protocol == Protocol.ICMP ? " → " + to + ports : ports + to) + ", ttl " + ttl;
    }
}
