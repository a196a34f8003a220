package org.virtlab.engine.net;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.model.NetworkMode;

/**
 * Layer 3: sends a probe from one endpoint to another and follows it device by device, then follows the reply
 * back. At each machine, in Linux's netfilter order: connection tracking and port forwards (PREROUTING), local
 * delivery or the routing table, the forwarding policy libvirt's firewall rules give a host (FORWARD),
 * masquerade (POSTROUTING), ARP for the next hop; then {@link Fabric} carries the frame to the next machine.
 * Every probe changes the {@link NetState} as real traffic would (switches learn, caches fill, NAT adds entries).
 */
public final class PacketTracer {
    /** A new packet's time to live (Linux's {@code ip_default_ttl}). */
    public static final int INITIAL_TTL = 64;
    private static final int MAX_MACHINES = 32;

    private final NetTopology topology;
    private final NetState state;
    private final Fabric fabric;
    private int lastNode;
    private int lastIface;

    public PacketTracer(NetState state) {
        this.topology = state.topology();
        this.state = state;
        this.fabric = new Fabric(topology, state);
    }

    /** What a packet carries through the machines; its MACs change per segment and live in {@link Headers}. */
    private static final class Packet {
        Protocol protocol;
        int srcIp;
        int dstIp;
        int srcPort;
        int dstPort;
        int ttl = INITIAL_TTL;
        long srcMac;
        long dstMac;
    }

    /**
     * Sends a probe and its reply.
     *
     * @param from,to endpoint names ({@link NetTopology#endpoint})
     * @param port    the destination port for TCP and UDP (1–65535); ignored for ICMP
     * @throws NetException if an endpoint is unknown or a NIC plugged into nothing
     */
    public Trace trace(String from, String to, Protocol protocol, int port) {
        Endpoint src = topology.endpoint(from);
        Endpoint dst = topology.endpoint(to);
        if (protocol != Protocol.ICMP && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        return trace(src, dst, protocol, port);
    }

    Trace trace(Endpoint src, Endpoint dst, Protocol protocol, int port) {
        Packet p = new Packet();
        p.protocol = protocol;
        p.dstIp = addressOf(dst, src);
        p.srcPort = state.ephemeralPort(src.node());
        p.dstPort = protocol == Protocol.ICMP ? p.srcPort : port;
        int usedPort = protocol == Protocol.ICMP ? 0 : port;
        Leg request = forward(src.node(), src.iface(), p, false);
        if (!request.verdict().delivered()) {
            return new Trace(src.id(), dst.id(), protocol, usedPort, request, null);
        }
        Packet r = new Packet();
        r.protocol = protocol;
        r.srcIp = p.dstIp;
        r.dstIp = p.srcIp;
        r.srcPort = p.dstPort;
        r.dstPort = p.srcPort;
        int from = lastNode;
        boolean guest = topology.nodes().get(from).kind() == DeviceKind.GUEST;
        Leg reply = forward(from, guest ? lastIface : -1, r, true);
        return new Trace(src.id(), dst.id(), protocol, usedPort, request, reply);
    }

    /**
     * The address a probe from {@code src} goes to: a NIC's own; a host's address on the source's network when
     * the source is one of its guests there (the guest's gateway, virbr0's 192.168.122.1), else its LAN address.
     */
    int addressOf(Endpoint dst, Endpoint src) {
        NetNode node = topology.nodes().get(dst.node());
        if (dst.iface() >= 0) {
            return node.ifaces().get(dst.iface()).ip();
        }
        if (dst.kind() == Endpoint.Kind.HOST && src.kind() == Endpoint.Kind.VM_NIC) {
            String network = topology.iface(src.node(), src.iface()).networkId();
            for (NetIface f : node.ifaces()) {
                if (f.role() == NetIface.Role.HOST_BRIDGE && f.networkId().equals(network)) {
                    return f.ip();
                }
            }
        }
        for (NetIface f : node.ifaces()) {
            if (f.role() == NetIface.Role.HOST_LAN || f.role() == NetIface.Role.MACHINE) {
                return f.ip();
            }
        }
        throw new IllegalStateException("no address for " + dst.id());
    }

    private Leg forward(int node, int onlyIface, Packet p, boolean sourceFixed) {
        List<Hop> hops = new ArrayList<>();
        if (onlyIface >= 0 && !sourceFixed) {
            p.srcIp = topology.iface(node, onlyIface).ip();
        }
        int inIface = -1;
        boolean originating = true;
        for (int machines = 0; machines < MAX_MACHINES; machines++) {
            NetNode n = topology.nodes().get(node);
            List<Lookup> lookups = new ArrayList<>(4);
            List<Rewrite> rewrites = new ArrayList<>(1);
            String inName = inIface < 0 ? "" : n.ifaces().get(inIface).name();
            boolean established = false;
            boolean forwarded = false;
            if (!originating) {
                Conntrack.Entry e = state.conntrack(node).reply(p.protocol, p.srcIp, p.srcPort, p.dstIp, p.dstPort,
                        state.nowMicros());
                if (e != null) {
                    established = true;
                    lookups.add(new Lookup(Lookup.Kind.CONNTRACK_REPLY, tuple(p), e.toString()));
                    reverse(e, p, rewrites);
                } else {
                    forwarded = portForward(node, n, p, lookups, rewrites);
                }
            }
            int local = n.ifaceWithIp(p.dstIp);
            if (local >= 0) {
                if (originating && !sourceFixed) {
                    p.srcIp = p.dstIp; // to one of its own addresses: over loopback, from that address
                }
                lastNode = node;
                lastIface = originating ? local : inIface;
                hops.add(hop(n, inName, originating ? "lo" : "", p, lookups, rewrites));
                return new Leg(hops, Verdict.delivered(n.name()));
            }
            if (!originating) {
                if (!n.forwards()) {
                    hops.add(hop(n, inName, "", p, lookups, rewrites));
                    return dropped(hops, n, DropReason.NOT_FORWARDING, Ip.format(p.dstIp));
                }
                if (--p.ttl == 0) {
                    hops.add(hop(n, inName, "", p, lookups, rewrites));
                    return dropped(hops, n, DropReason.TTL_EXCEEDED);
                }
            }
            Route route = route(n, p.dstIp, originating ? onlyIface : -1);
            if (route == null) {
                lookups.add(new Lookup(Lookup.Kind.ROUTE_MISS, Ip.format(p.dstIp), ""));
                hops.add(hop(n, inName, "", p, lookups, rewrites));
                return dropped(hops, n, DropReason.NO_ROUTE, Ip.format(p.dstIp));
            }
            lookups.add(new Lookup(Lookup.Kind.ROUTE, Ip.format(p.dstIp), route.describe(n)));
            NetIface out = n.ifaces().get(route.iface());
            if (originating && !sourceFixed) {
                p.srcIp = out.ip();
            }
            if (!originating) {
                Leg refused = forwardPolicy(hops, n, inIface, route.iface(), established || forwarded, p, inName, lookups,
                        rewrites);
                if (refused != null) {
                    return refused;
                }
                if (!established && !forwarded && !masquerade(node, n, out, route.iface(), p, lookups, rewrites)) {
                    hops.add(hop(n, inName, "", p, lookups, rewrites));
                    return dropped(hops, n, DropReason.NAT_PORTS_EXHAUSTED);
                }
            }
            int nextHop = route.gateway() == 0 ? p.dstIp : route.gateway();
            long mac = resolve(node, n, route.iface(), out, nextHop, p.protocol, lookups, hops);
            if (mac < 0) {
                hops.add(hop(n, inName, "", p, lookups, rewrites));
                return dropped(hops, n, DropReason.ARP_UNANSWERED, Ip.format(nextHop));
            }
            p.srcMac = out.mac();
            p.dstMac = mac;
            Headers h = headers(p, 0);
            hops.add(new Hop(n.name(), n.kind(), inName, out.name(), h, lookups, rewrites));
            int firstSwitchHop = hops.size();
            if (!fabric.unicast(out.sw(), out.port(), out.mac(), mac, h, hops)) {
                NetSwitch s = topology.switches().get(out.sw());
                while (hops.size() > firstSwitchHop) {
                    hops.remove(hops.size() - 1);
                }
                return new Leg(hops, Verdict.dropped(s.name(), DropReason.NO_SUCH_MAC, s.name(), Mac.format(mac)));
            }
            node = fabric.foundNode;
            inIface = fabric.foundIface;
            originating = false;
        }
        NetNode n = topology.nodes().get(node);
        return dropped(hops, n, DropReason.TTL_EXCEEDED);
    }

    private static Leg dropped(List<Hop> hops, NetNode n, DropReason reason, String... more) {
        String[] params = new String[more.length + 1];
        params[0] = n.name();
        System.arraycopy(more, 0, params, 1, more.length);
        return new Leg(hops, Verdict.dropped(n.name(), reason, params));
    }

    private static Headers headers(Packet p, int vlan) {
        return new Headers(p.srcMac, p.dstMac, vlan, p.srcIp, p.dstIp, p.protocol, p.srcPort, p.dstPort, p.ttl);
    }

    private static Hop hop(NetNode n, String in, String out, Packet p, List<Lookup> lookups, List<Rewrite> rewrites) {
        return new Hop(n.name(), n.kind(), in, out, headers(p, 0), lookups, rewrites);
    }

    private static String tuple(Packet p) {
        return p.protocol.spelling() + " " + Ip.format(p.srcIp) + ":" + p.srcPort + " → " + Ip.format(p.dstIp) + ":"
                + p.dstPort;
    }

    /** The longest-prefix match among the routes (through {@code onlyIface} alone if it is not -1). */
    private static Route route(NetNode n, int dst, int onlyIface) {
        Route best = null;
        for (Route r : n.routes()) {
            if ((onlyIface < 0 || r.iface() == onlyIface) && Ip.in(dst, r.network(), r.prefix())
                    && (best == null || r.prefix() > best.prefix())) {
                best = r;
            }
        }
        return best;
    }

    /** A reply through a NAT: the masqueraded destination or the port-forwarded source back to what it was. */
    private static void reverse(Conntrack.Entry e, Packet p, List<Rewrite> rewrites) {
        if (e.nat() == Rewrite.Kind.MASQUERADE) {
            rewrites.add(new Rewrite(Rewrite.Kind.REVERSE, Rewrite.Field.DESTINATION, p.dstIp, p.dstPort,
                    e.origSrcIp(), e.origSrcPort()));
            p.dstIp = e.origSrcIp();
            p.dstPort = e.origSrcPort();
            if (p.protocol == Protocol.ICMP) {
                p.srcPort = e.origSrcPort();
            }
        } else {
            rewrites.add(new Rewrite(Rewrite.Kind.REVERSE, Rewrite.Field.SOURCE, p.srcIp, p.srcPort, e.origDstIp(),
                    e.origDstPort()));
            p.srcIp = e.origDstIp();
            p.srcPort = e.origDstPort();
        }
    }

    /** A host's DNAT rule for a new connection to its LAN address; true if one matched (and rewrote {@code p}). */
    private boolean portForward(int node, NetNode n, Packet p, List<Lookup> lookups, List<Rewrite> rewrites) {
        for (NetNode.PortForward f : n.portForwards()) {
            if (f.protocol() == p.protocol && f.hostIp() == p.dstIp && f.hostPort() == p.dstPort) {
                lookups.add(new Lookup(Lookup.Kind.PORT_FORWARD, p.protocol.spelling() + " " + Ip.format(f.hostIp()) + ":"
                        + f.hostPort(), f.target() + " " + Ip.format(f.guestIp()) + ":" + f.guestPort()));
                rewrites.add(new Rewrite(Rewrite.Kind.PORT_FORWARD, Rewrite.Field.DESTINATION, p.dstIp, p.dstPort,
                        f.guestIp(), f.guestPort()));
                Conntrack.Entry e = state.conntrack(node).add(p.protocol, p.srcIp, p.srcPort, p.dstIp, p.dstPort,
                        f.guestIp(), f.guestPort(), p.srcIp, p.srcPort, Rewrite.Kind.PORT_FORWARD, state.nowMicros());
                lookups.add(new Lookup(Lookup.Kind.CONNTRACK_NEW, tuple(p), e.toString()));
                p.dstIp = f.guestIp();
                p.dstPort = f.guestPort();
                return true;
            }
        }
        return false;
    }

    /**
     * libvirt's FORWARD rules on a host (libvirt.org/firewall.html): nothing in or out of an isolated network; into
     * a NAT network only replies and port forwards; a routed network both ways. The router lets in from the WAN
     * only replies. {@code null} if the packet may pass.
     */
    private Leg forwardPolicy(List<Hop> hops, NetNode n, int inIface, int outIface, boolean tracked, Packet p,
                              String inName, List<Lookup> lookups, List<Rewrite> rewrites) {
        NetIface in = n.ifaces().get(inIface);
        NetIface out = n.ifaces().get(outIface);
        DropReason reason = null;
        String where = null;
        if (n.kind() == DeviceKind.HOST && inIface != outIface) {
            if (in.mode() == NetworkMode.ISOLATED || out.mode() == NetworkMode.ISOLATED) {
                reason = DropReason.ISOLATED_NETWORK;
                where = in.mode() == NetworkMode.ISOLATED ? in.networkId() : out.networkId();
            } else if (out.mode() == NetworkMode.NAT && !tracked) {
                reason = DropReason.NAT_INBOUND_REFUSED;
                where = out.networkId();
            }
        } else if (n.kind() == DeviceKind.ROUTER && in.role() == NetIface.Role.ROUTER_WAN && !tracked) {
            reason = DropReason.NAT_INBOUND_REFUSED;
            where = "wan";
        }
        if (reason == null) {
            return null;
        }
        lookups.add(new Lookup(Lookup.Kind.FIREWALL, in.name() + " → " + out.name(), "reject"));
        hops.add(hop(n, inName, "", p, lookups, rewrites));
        return dropped(hops, n, reason, where);
    }

    /**
     * Masquerade on the way out: a host's NAT network's guests behind the outgoing interface's address (libvirt's
     * {@code -s 192.168.122.0/24 ! -d 192.168.122.0/24 -j MASQUERADE --to-ports 1024-65535}); the LAN behind the
     * router's WAN address. False if no port was free.
     */
    private boolean masquerade(int node, NetNode n, NetIface out, int outIface, Packet p, List<Lookup> lookups,
                               List<Rewrite> rewrites) {
        boolean nat = false;
        if (n.kind() == DeviceKind.HOST) {
            List<NetIface> ifaces = n.ifaces();
            for (int i = 0; i < ifaces.size(); i++) {
                NetIface f = ifaces.get(i);
                if (f.mode() == NetworkMode.NAT && i != outIface && Ip.in(p.srcIp, f.ip(), f.prefix())
                        && !Ip.in(p.dstIp, f.ip(), f.prefix())) {
                    nat = true;
                }
            }
        } else if (n.kind() == DeviceKind.ROUTER) {
            nat = out.role() == NetIface.Role.ROUTER_WAN && !Ip.in(p.srcIp, out.ip(), out.prefix());
        }
        if (!nat) {
            return true;
        }
        Conntrack ct = state.conntrack(node);
        long now = state.nowMicros();
        int port = ct.masqueradePort(p.protocol, out.ip(), p.srcPort, p.dstIp, p.dstPort, now);
        if (port < 0) {
            return false;
        }
        int replySrcPort = p.protocol == Protocol.ICMP ? port : p.dstPort;
        Conntrack.Entry e = ct.add(p.protocol, p.srcIp, p.srcPort, p.dstIp, p.dstPort, p.dstIp, replySrcPort, out.ip(),
                port, Rewrite.Kind.MASQUERADE, now);
        lookups.add(new Lookup(Lookup.Kind.CONNTRACK_NEW, tuple(p), e.toString()));
        rewrites.add(new Rewrite(Rewrite.Kind.MASQUERADE, Rewrite.Field.SOURCE, p.srcIp, p.srcPort, out.ip(), port));
        p.srcIp = out.ip();
        p.srcPort = port;
        if (p.protocol == Protocol.ICMP) {
            p.dstPort = port;
        }
        return true;
    }

    /**
     * The next hop's MAC from the ARP cache, or by asking (RFC 826): then the request, its way through the switches
     * and the answer join {@code hops} before the packet's own hop. -1 if nobody answered.
     */
    private long resolve(int node, NetNode n, int iface, NetIface out, int ip, Protocol protocol, List<Lookup> lookups,
                         List<Hop> hops) {
        long mac = state.arpLookup(node, iface, ip);
        if (mac >= 0) {
            lookups.add(new Lookup(Lookup.Kind.ARP_CACHED, Ip.format(ip), Mac.format(mac)));
            return mac;
        }
        Headers request = new Headers(out.mac(), Mac.BROADCAST, 0, out.ip(), ip, protocol, 0, 0, 0);
        hops.add(new Hop(n.name(), n.kind(), "", out.name(), request,
                List.of(new Lookup(Lookup.Kind.ARP_MISS, Ip.format(ip), Ip.format(out.ip()))), List.of(),
                Hop.Frame.ARP_REQUEST));
        mac = fabric.arp(out.sw(), out.port(), out.mac(), out.ip(), ip, protocol, hops);
        if (mac < 0) {
            lookups.add(new Lookup(Lookup.Kind.ARP_UNANSWERED, Ip.format(ip), ""));
            return -1;
        }
        state.arpLearn(node, iface, ip, mac);
        // The target learns the asker from the request (RFC 826's merge step).
        state.arpLearn(fabric.foundNode, fabric.foundIface, out.ip(), out.mac());
        lookups.add(new Lookup(Lookup.Kind.ARP_RESOLVED, Ip.format(ip), Mac.format(mac)));
        return mac;
    }
}
