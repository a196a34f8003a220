package org.virtlab.engine.net;

import java.util.List;

/**
 * A machine with an IP stack: a guest, a host, the router, a LAN machine or the Internet server.
 *
 * @param hostId       for a guest the host it runs on, for a host its own id; {@code null} for the rest
 * @param routes       its routing table, most specific first is not required: lookups take the longest prefix
 * @param forwards     whether it routes packets that are not for it (hosts and the router)
 * @param portForwards a host's DNAT rules into its NAT networks
 */
public record NetNode(String name, DeviceKind kind, String hostId, List<NetIface> ifaces, List<Route> routes,
                      boolean forwards, List<PortForward> portForwards) {

    public NetNode {
        ifaces = List.copyOf(ifaces);
        routes = List.copyOf(routes);
        portForwards = List.copyOf(portForwards);
    }

    /**
     * A host's DNAT rule: new {@code protocol} connections to {@code hostIp:hostPort} go to
     * {@code guestIp:guestPort}, the NIC {@code target}.
     */
    public record PortForward(Protocol protocol, int hostIp, int hostPort, int guestIp, int guestPort, String target) {
    }

    /** The index of the interface with this address, or -1. */
    public int ifaceWithIp(int ip) {
        for (int i = 0; i < ifaces.size(); i++) {
            if (ifaces.get(i).ip() == ip) {
                return i;
            }
        }
        return -1;
    }
}
