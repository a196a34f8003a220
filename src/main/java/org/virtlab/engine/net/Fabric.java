package org.virtlab.engine.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Layer 2: carries one frame through the switches and links from the port it enters by to the interface that
 * takes it. Each switch a frame (or a flooded copy of it) passes learns the source MAC; only the switches on
 * the way to the receiver are recorded as hops. The topology is a tree (hosts' switches hang off the LAN
 * switch), so a flood ends.
 */
final class Fabric {
    private final NetTopology topology;
    private final NetState state;
    /** Where the last successful walk ended. */
    int foundNode;
    int foundIface;
    /** What the frames being walked are, for the hops recorded. */
    private Hop.Frame frame = Hop.Frame.PACKET;

    Fabric(NetTopology topology, NetState state) {
        this.topology = topology;
        this.state = state;
    }

    /**
     * Carries a unicast frame from {@code srcMac} to the interface with {@code dstMac}; appends a hop for each switch
     * on the way to {@code hops} ({@code null}: record nothing). False if no interface took it.
     */
    boolean unicast(int sw, int inPort, long srcMac, long dstMac, Headers headers, List<Hop> hops) {
        foundNode = -1;
        SwitchPort in = topology.switches().get(sw).ports().get(inPort);
        return walk(sw, inPort, in.accessVlan(), srcMac, dstMac, 0, headers, hops);
    }

    /**
     * Broadcasts an ARP request for {@code targetIp} from an interface on {@code (sw, inPort)} and, if an interface
     * with that address takes it, carries the unicast answer back: both teach the switches on their way. The
     * target's MAC, or -1 if nobody answered; {@link #foundNode}/{@link #foundIface} say who did.
     */
    long arp(int sw, int inPort, long srcMac, int targetIp) {
        return arp(sw, inPort, srcMac, 0, targetIp, Protocol.ICMP, null);
    }

    /**
     * The same, recording into {@code hops} (unless {@code null}) the request's switches on the way to the target
     * (each with the ports it flooded the broadcast to), the target's answer and the reply's switches (RFC 826:
     * "who has {@code targetIp}? tell {@code srcIp}", then unicast "{@code targetIp} is at …"). Nothing is recorded
     * of a request nobody answered. {@code protocol} only fills the unused field of the frames' {@link Headers}.
     */
    long arp(int sw, int inPort, long srcMac, int srcIp, int targetIp, Protocol protocol, List<Hop> hops) {
        foundNode = -1;
        SwitchPort in = topology.switches().get(sw).ports().get(inPort);
        Headers request = new Headers(srcMac, Mac.BROADCAST, 0, srcIp, targetIp, protocol, 0, 0, 0);
        frame = Hop.Frame.ARP_REQUEST;
        walk(sw, inPort, in.accessVlan(), srcMac, Mac.BROADCAST, targetIp, request, hops);
        if (foundNode < 0) {
            frame = Hop.Frame.PACKET;
            return -1;
        }
        int node = foundNode;
        int iface = foundIface;
        NetIface target = topology.iface(node, iface);
        Headers reply = new Headers(target.mac(), srcMac, 0, targetIp, srcIp, protocol, 0, 0, 0);
        if (hops != null) {
            NetNode n = topology.nodes().get(node);
            hops.add(new Hop(n.name(), n.kind(), target.name(), target.name(), reply,
                    List.of(new Lookup(Lookup.Kind.ARP_ANSWER, Ip.format(targetIp), Mac.format(target.mac()))),
                    List.of(), Hop.Frame.ARP_REPLY));
        }
        frame = Hop.Frame.ARP_REPLY;
        walk(target.sw(), target.port(), topology.switches().get(target.sw()).ports().get(target.port()).accessVlan(),
                target.mac(), srcMac, 0, reply, hops);
        frame = Hop.Frame.PACKET;
        foundNode = node;
        foundIface = iface;
        return target.mac();
    }

    /** A broadcast from {@code mac} on {@code (sw, inPort)} that nobody answers: it only teaches the switches. */
    void announce(int sw, int inPort, long mac) {
        foundNode = -1;
        SwitchPort in = topology.switches().get(sw).ports().get(inPort);
        walk(sw, inPort, in.accessVlan(), mac, Mac.BROADCAST, 0, null, null);
    }

    private boolean walk(int sw, int inPort, int vlan, long src, long dst, int arpTarget, Headers headers,
                         List<Hop> hops) {
        NetSwitch s = topology.switches().get(sw);
        List<SwitchPort> ports = s.ports();
        SwitchPort in = ports.get(inPort);
        int vid = in.trunk() ? vlan : in.accessVlan();
        MacTable table = state.macTable(sw);
        long now = state.nowMicros();
        if (s.learns()) {
            table.learn(vid, src, inPort, now);
        }
        int single = -1;
        Lookup.Kind kind;
        if (dst == Mac.BROADCAST) {
            kind = Lookup.Kind.MAC_BROADCAST;
        } else if (s.learns()) {
            single = table.lookup(vid, dst, now);
            if (single == inPort) {
                return false; // it is on the side it came from: the switch filters it (IEEE 802.1D)
            }
            kind = single >= 0 ? Lookup.Kind.MAC_HIT : Lookup.Kind.MAC_FLOOD;
        } else {
            single = localPort(s, vid, dst);
            if (single >= 0) {
                kind = Lookup.Kind.MAC_STATIC;
            } else if (inPort != s.uplink()) {
                single = s.uplink();
                kind = Lookup.Kind.MAC_UPLINK;
            } else {
                return false; // from the uplink and not one of its VMs: a vDS proxy drops it
            }
        }
        if (single >= 0) {
            return out(sw, s, inPort, single, vid, src, dst, arpTarget, headers, hops, kind, null);
        }
        List<String> flooded = hops == null ? null : new ArrayList<>();
        if (flooded != null) {
            for (int p = 0; p < ports.size(); p++) {
                if (floods(s, inPort, p, vid)) {
                    flooded.add(ports.get(p).name());
                }
            }
        }
        boolean found = false;
        for (int p = 0; p < ports.size(); p++) {
            if (floods(s, inPort, p, vid)) {
                found |= out(sw, s, inPort, p, vid, src, dst, arpTarget, headers, found ? null : hops, kind, flooded);
            }
        }
        return found;
    }

    private static boolean floods(NetSwitch s, int inPort, int p, int vid) {
        if (p == inPort || !s.ports().get(p).carries(vid)) {
            return false;
        }
        // A vDS proxy never sends what came from its uplink back to the uplink.
        return s.learns() || inPort != s.uplink() || p != s.uplink();
    }

    /** The proxy's port of its VM with {@code mac} in {@code vid}, from configuration; -1 if it has none. */
    private int localPort(NetSwitch s, int vid, long mac) {
        List<SwitchPort> ports = s.ports();
        for (int p = 0; p < ports.size(); p++) {
            SwitchPort port = ports.get(p);
            if (port.node() >= 0 && port.carries(vid) && topology.iface(port.node(), port.iface()).mac() == mac) {
                return p;
            }
        }
        return -1;
    }

    /** Sends the frame out of port {@code p}; true if it reached the receiver that way. */
    private boolean out(int sw, NetSwitch s, int inPort, int p, int vid, long src, long dst, int arpTarget,
                        Headers headers, List<Hop> hops, Lookup.Kind kind, List<String> flooded) {
        SwitchPort port = s.ports().get(p);
        if (port.node() >= 0) {
            NetIface f = topology.iface(port.node(), port.iface());
            boolean takes = dst == Mac.BROADCAST ? arpTarget != 0 && f.ip() == arpTarget && foundNode < 0 : f.mac() == dst;
            if (takes) {
                foundNode = port.node();
                foundIface = port.iface();
                if (hops != null) {
                    hops.add(hop(s, inPort, p, vid, dst, headers, kind, flooded));
                }
            }
            return takes;
        }
        if (port.peerSwitch() < 0) {
            return false;
        }
        int at = hops == null ? -1 : hops.size();
        if (hops != null) {
            hops.add(hop(s, inPort, p, vid, dst, headers, kind, flooded));
        }
        boolean found = walk(port.peerSwitch(), port.peerPort(), vid, src, dst, arpTarget, headers, hops);
        if (!found && hops != null) {
            while (hops.size() > at) {
                hops.remove(hops.size() - 1);
            }
        }
        return found;
    }

    private Hop hop(NetSwitch s, int inPort, int p, int vid, long dst, Headers h, Lookup.Kind kind,
                           List<String> flooded) {
        SwitchPort out = s.ports().get(p);
        String key = "vlan " + vid + " " + Mac.format(dst);
        String result = flooded != null ? String.join(", ", flooded) : out.name();
        Headers onWire = new Headers(h.srcMac(), h.dstMac(), out.tag(vid), h.srcIp(), h.dstIp(), h.protocol(),
                h.srcPort(), h.dstPort(), h.ttl());
        return new Hop(s.name(), s.kind(), s.ports().get(inPort).name(), out.name(), onWire,
                List.of(new Lookup(kind, key, result)), List.of(), frame);
    }
}
