package org.virtlab.engine.net;

/**
 * A routing table entry: {@code network/prefix} out of interface {@code iface}, directly or via {@code gateway}.
 *
 * @param iface   index into the owning node's interfaces
 * @param gateway the next hop, 0 for a directly connected network
 */
public record Route(int network, int prefix, int iface, int gateway) {

    /** As {@code ip route} prints it, with the interface's name. */
    public String describe(NetNode node) {
        String dev = " dev " + node.ifaces().get(iface).name();
        String to = prefix == 0 ? "default" : Ip.cidr(network, prefix);
        return gateway == 0 ? to + dev : to + " via " + Ip.format(gateway) + dev;
    }
}
