package org.virtlab.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Linux bridge (virtualization.md §4 "learns source MACs, floods unknown unicast and broadcast; ageing 300 s";
 * IEEE 802.1D's learning and filtering), ARP (RFC 826) and the DHCP leases of libvirt's networks.
 */
class LinuxBridgeTest {

    private static Lookup.Kind frame(Fabric fabric, NetTopology t, String from, String to) {
        NetIface src = t.iface(t.nodeIndex(from), 0);
        NetIface dst = t.iface(t.nodeIndex(to), 0);
        List<Hop> hops = new ArrayList<>();
        Headers h = new Headers(src.mac(), dst.mac(), 0, src.ip(), dst.ip(), Protocol.UDP, 1, 2, 64);
        assertTrue(fabric.unicast(src.sw(), src.port(), src.mac(), dst.mac(), h, hops));
        assertEquals(1, hops.size());
        return hops.get(0).lookups().get(0).kind();
    }

    @Test
    void floodsTheFirstFrameToAnUnknownMacAndForwardsTheNextToOnePort() {
        NetTopology t = NetTopology.of(NetScenarios.fourModels());
        NetState state = new NetState(t, 0);
        Fabric fabric = new Fabric(t, state);
        NetIface iso1 = t.iface(t.nodeIndex("iso1"), 0);
        NetIface iso2 = t.iface(t.nodeIndex("iso2"), 0);
        List<Hop> hops = new ArrayList<>();
        Headers h = new Headers(iso1.mac(), iso2.mac(), 0, iso1.ip(), iso2.ip(), Protocol.UDP, 1, 2, 64);
        fabric.unicast(iso1.sw(), iso1.port(), iso1.mac(), iso2.mac(), h, hops);
        // Unknown destination: out of every other port of virbr1 (the host's own port and iso2's tap).
        assertEquals(new Lookup(Lookup.Kind.MAC_FLOOD, "vlan 1 " + Mac.format(iso2.mac()), "virbr1, vnet3"),
                hops.get(0).lookups().get(0));
        // The frame taught the bridge where iso1 is: the answer goes to one port.
        assertEquals(Lookup.Kind.MAC_HIT, frame(fabric, t, "iso2", "iso1"));
        // And now iso2 is known too.
        assertEquals(Lookup.Kind.MAC_HIT, frame(fabric, t, "iso1", "iso2"));
        MacTable table = state.macTable(iso1.sw());
        assertEquals(2, table.entries(0).size());
        // 300 s without a frame from iso2 and the bridge has forgotten it: flooding again.
        state.advance(MacTable.DEFAULT_AGEING_MICROS + 1);
        assertEquals(Lookup.Kind.MAC_FLOOD, frame(fabric, t, "iso1", "iso2"));
    }

    @Test
    void arpBroadcastsOnceThenUsesItsCache() {
        NetState state = new NetState(NetTopology.of(NetScenarios.fourModels()), 0);
        PacketTracer tracer = new PacketTracer(state);
        List<Hop> first = tracer.trace("iso1", "iso2", Protocol.ICMP, 0).request().packetHops();
        assertEquals(Lookup.Kind.ARP_RESOLVED, first.get(0).lookups().get(1).kind());
        Trace second = tracer.trace("iso1", "iso2", Protocol.ICMP, 0);
        assertEquals(Lookup.Kind.ARP_CACHED, second.request().hops().get(0).lookups().get(1).kind());
        // The broadcast request and the unicast answer taught virbr1 both MACs: the echo itself was not flooded.
        assertEquals(Lookup.Kind.MAC_HIT, second.request().hops().get(1).lookups().get(0).kind());
        // The cache holds an answer 60 s (NetState.ARP_VALID_MICROS, Linux's gc_stale_time): then it asks again.
        state.advance(NetState.ARP_VALID_MICROS + 1);
        assertEquals(Hop.Frame.ARP_REQUEST, tracer.trace("iso1", "iso2", Protocol.ICMP, 0).request().hops().get(0)
                .frame());
    }

    /**
     * Issue 7's "must hold" 3 through a trace. RFC 826: a machine with no ARP entry for the next hop broadcasts
     * "who has X? tell Y" to ff:ff:ff:ff:ff:ff, the owner of X notes the asker and answers by unicast. IEEE 802.1D:
     * a learning bridge learns each frame's source port, floods broadcast and unknown unicast out of every other
     * port, forwards a known destination out of its one port.
     */
    @Test
    void theFirstTraceFloodsAndTheNextForwardsToOnePort() {
        NetTopology t = NetTopology.of(NetScenarios.fourModels());
        PacketTracer tracer = new PacketTracer(new NetState(t, 0));
        NetIface iso1 = t.iface(t.nodeIndex("iso1"), 0);
        NetIface iso2 = t.iface(t.nodeIndex("iso2"), 0);
        String iso1Port = t.switches().get(iso1.sw()).ports().get(iso1.port()).name();
        String iso2Port = t.switches().get(iso2.sw()).ports().get(iso2.port()).name();
        String bcast = "vlan 1 ff:ff:ff:ff:ff:ff";

        List<Hop> first = tracer.trace("iso1", "iso2", Protocol.ICMP, 0).request().hops();
        // computed by hand: iso1 asks, virbr1 floods, iso2 answers, virbr1 forwards the answer, then the echo
        // iso1 → virbr1 → iso2: seven hops where the packet alone makes three
        assertEquals(List.of("iso1", "host1/virbr1", "iso2", "host1/virbr1", "iso1", "host1/virbr1", "iso2"),
                first.stream().map(Hop::device).toList());
        assertEquals(List.of(Hop.Frame.ARP_REQUEST, Hop.Frame.ARP_REQUEST, Hop.Frame.ARP_REPLY, Hop.Frame.ARP_REPLY,
                Hop.Frame.PACKET, Hop.Frame.PACKET, Hop.Frame.PACKET), first.stream().map(Hop::frame).toList());
        // The request: to the broadcast address, asking for iso2's address on behalf of iso1's.
        Hop ask = first.get(0);
        assertEquals(Mac.BROADCAST, ask.headers().dstMac());
        assertEquals(iso2.ip(), ask.headers().dstIp());
        assertEquals(iso1.ip(), ask.headers().srcIp());
        assertEquals(new Lookup(Lookup.Kind.ARP_MISS, Ip.format(iso2.ip()), Ip.format(iso1.ip())), ask.lookups().get(0));
        // virbr1 floods the broadcast out of every other port: the host's own (virbr1) and iso2's tap.
        assertEquals(new Lookup(Lookup.Kind.MAC_BROADCAST, bcast, "virbr1, " + iso2Port), first.get(1).lookups().get(0));
        // iso2 answers by unicast; virbr1 learned iso1 from the request, so the answer goes to iso1's port alone.
        assertEquals(new Lookup(Lookup.Kind.ARP_ANSWER, Ip.format(iso2.ip()), Mac.format(iso2.mac())),
                first.get(2).lookups().get(0));
        assertEquals(iso1.mac(), first.get(2).headers().dstMac());
        assertEquals(new Lookup(Lookup.Kind.MAC_HIT, "vlan 1 " + Mac.format(iso1.mac()), iso1Port),
                first.get(3).lookups().get(0));
        // The answer taught virbr1 iso2's port: the echo is forwarded to that one port.
        assertEquals(new Lookup(Lookup.Kind.MAC_HIT, "vlan 1 " + Mac.format(iso2.mac()), iso2Port),
                first.get(5).lookups().get(0));

        // Within ARP's 60 s and the bridge's 300 s: no ARP, and every switch hop a hit to one port.
        Trace next = tracer.trace("iso1", "iso2", Protocol.ICMP, 0);
        assertTrue(next.request().hops().stream().allMatch(h -> h.frame() == Hop.Frame.PACKET));
        assertTrue(next.reply().hops().stream().allMatch(h -> h.frame() == Hop.Frame.PACKET));
        assertEquals(List.of("iso1", "host1/virbr1", "iso2"), next.request().hops().stream().map(Hop::device).toList());
        assertEquals(new Lookup(Lookup.Kind.MAC_HIT, "vlan 1 " + Mac.format(iso2.mac()), iso2Port),
                next.request().hops().get(1).lookups().get(0));
        assertEquals(new Lookup(Lookup.Kind.MAC_HIT, "vlan 1 " + Mac.format(iso1.mac()), iso1Port),
                next.reply().hops().get(1).lookups().get(0));
    }

    @Test
    void theReplyNeedsNoArpBecauseTheTargetNotedTheAsker() {
        // RFC 826's merge step: the target of a request adds the sender's pair to its table, so the echo reply
        // goes back without a request of its own.
        Trace t = new PacketTracer(new NetState(NetTopology.of(NetScenarios.fourModels()), 0))
                .trace("iso1", "iso2", Protocol.ICMP, 0);
        assertTrue(t.delivered());
        assertEquals(List.of(Hop.Frame.PACKET, Hop.Frame.PACKET, Hop.Frame.PACKET),
                t.reply().hops().stream().map(Hop::frame).toList());
        assertEquals(Lookup.Kind.ARP_CACHED, t.reply().hops().get(0).lookups().get(1).kind());
    }

    @Test
    void leasesComeFromTheRangeInOrderAndMacsFromLibvirtsPrefix() {
        NetTopology t = NetTopology.of(NetScenarios.fourModels());
        List<String> leases = t.leases().stream().map(l -> l.nic() + " " + Ip.format(l.ip())).toList();
        // libvirt's default network: host 192.168.122.1, DHCP .2–.254 (formatnetwork.html); bridged guests
        // lease from the LAN router's range (PhysicalLan), 10.0.0.100 on.
        assertEquals(List.of("nat1:nic0 192.168.122.2", "nat2:nic0 192.168.122.3", "iso1:nic0 192.168.150.2",
                "iso2:nic0 192.168.150.3", "routed1:nic0 192.168.100.2", "routed2:nic0 192.168.100.3",
                "br1:nic0 10.0.0.100", "br2:nic0 10.0.0.101"), leases);
        for (Lease l : t.leases()) {
            assertEquals(Mac.LIBVIRT_PREFIX, l.mac() & ~0xFF_FFFFL, l.nic() + " " + Mac.format(l.mac()));
        }
        // The same NIC gets the same MAC in any scenario: derived from the VM's id and the NIC's place.
        assertEquals(Mac.derive("nat1:nic0"), t.leases().get(0).mac());
    }

    @Test
    void aFixedAddressIsReservedAndTheRangeSkipsIt() {
        NetTopology t = NetTopology.of(NetScenarios.fourModels(false,
                List.of(org.virtlab.engine.model.NicSpec.toNetwork(NetScenarios.NAT).withAddress("192.168.122.3")
                        .withMac("52:54:00:12:34:56"))));
        assertEquals("nat1:nic0 52:54:00:12:34:56 192.168.122.3 (fixed)", t.leases().get(0).toString()
                .substring("default ".length()));
        assertEquals(Ip.of(192, 168, 122, 2), t.leases().get(1).ip(), "nat2 takes the lowest free address");
    }
}
