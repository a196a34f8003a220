package org.virtlab.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortForwardSpec;

/**
 * libvirt's NAT mode: masquerade behind the host's LAN address with source ports in 1024–65535
 * (libvirt.org/firewall.html: {@code -j MASQUERADE --to-ports 1024-65535}; virtualization.md §4), replies
 * matched through connection tracking; formatnetwork.html, mode='nat': "Inbound connections from other networks are
 * all prohibited", so nothing new gets in except through a port forward, a DNAT rule libvirt does not add itself.
 */
class NatTest {
    private static final int HOST1 = Ip.of(10, 0, 0, 11);
    private static final int NAT1 = Ip.of(192, 168, 122, 2);
    private static final int NAT2 = Ip.of(192, 168, 122, 3);
    private static final int LAN_PC = Ip.of(10, 0, 0, 50);

    private static Hop at(Leg leg, String device) {
        return leg.packetHops().stream().filter(h -> h.device().equals(device)).findFirst().orElseThrow();
    }

    @Test
    void outboundIsMasqueradedAndTheReplyTranslatedBack() {
        NetState state = new NetState(NetTopology.of(NetScenarios.fourModels()), 0);
        NetTopology t = state.topology();
        Trace trace = new PacketTracer(state).trace("nat1", "lan-pc", Protocol.TCP, 80);
        assertTrue(trace.delivered());
        // The guest sends from its lease (libvirt's DHCP range starts at .2) and Linux's first ephemeral port.
        Hop guest = trace.request().packetHops().get(0);
        assertEquals(NAT1, guest.headers().srcIp());
        assertEquals(32768, guest.headers().srcPort());
        // host1 rewrites the source to its LAN address; 32768 lies in 1024–65535 and is free, so nf_nat keeps it.
        Hop host = at(trace.request(), "host1");
        assertEquals(List.of(new Rewrite(Rewrite.Kind.MASQUERADE, Rewrite.Field.SOURCE, NAT1, 32768, HOST1, 32768)),
                host.rewrites());
        assertEquals(HOST1, host.headers().srcIp());
        Hop delivered = trace.request().packetHops().get(trace.request().packetHops().size() - 1);
        assertEquals("lan-pc", delivered.device());
        assertEquals(HOST1, delivered.headers().srcIp(), "the LAN machine sees the host, not the guest");
        // The conntrack entry: original tuple from the guest, reply tuple to the host's address.
        Conntrack.Entry e = state.conntrack(t.nodeIndex("host1")).entries(0).get(0);
        assertEquals(new Conntrack.Entry(Protocol.TCP, NAT1, 32768, LAN_PC, 80, LAN_PC, 80, HOST1, 32768,
                Rewrite.Kind.MASQUERADE, Conntrack.TCP_TIMEOUT_MICROS), e);
        // The reply matches it and goes back to the guest's own address and port.
        Hop back = at(trace.reply(), "host1");
        assertEquals(Lookup.Kind.CONNTRACK_REPLY, back.lookups().get(0).kind());
        assertEquals(List.of(new Rewrite(Rewrite.Kind.REVERSE, Rewrite.Field.DESTINATION, HOST1, 32768, NAT1, 32768)),
                back.rewrites());
        assertEquals("nat1", trace.reply().verdict().device());
    }

    @Test
    void aClashingSourcePortIsRemappedWithinTheRange() {
        NetState state = new NetState(NetTopology.of(NetScenarios.fourModels()), 0);
        PacketTracer tracer = new PacketTracer(state);
        tracer.trace("nat1", "lan-pc", Protocol.UDP, 53);
        Trace second = tracer.trace("nat2", "lan-pc", Protocol.UDP, 53);
        // Both guests picked 32768 for the same destination: the second can't keep it behind the same address,
        // so it gets the next free port (nf_nat needs every tuple unique).
        Rewrite r = at(second.request(), "host1").rewrites().get(0);
        assertEquals(new Rewrite(Rewrite.Kind.MASQUERADE, Rewrite.Field.SOURCE, NAT2, 32768, HOST1, 32769), r);
        assertTrue(second.delivered());
        assertEquals(NAT2, second.reply().packetHops().get(second.reply().packetHops().size() - 1).headers().dstIp());
        assertEquals(2, state.conntrack(state.topology().nodeIndex("host1")).entries(0).size());
    }

    @Test
    void icmpEchoIdentifiersAreTrackedLikePorts() {
        NetState state = new NetState(NetTopology.of(NetScenarios.fourModels()), 0);
        Trace t = new PacketTracer(state).trace("nat1", "internet", Protocol.ICMP, 0);
        assertTrue(t.delivered());
        // Two masquerades: host1 (libvirt) and the LAN router; the Internet sees the router's WAN address.
        Hop last = t.request().packetHops().get(t.request().packetHops().size() - 1);
        assertEquals(PhysicalLan.ROUTER_WAN_IP, last.headers().srcIp());
        assertEquals(1, at(t.request(), "router").rewrites().size());
    }

    @Test
    void aPortForwardLetsOneInboundServiceThrough() {
        NicSpec forwarded = NicSpec.toNetwork(NetScenarios.NAT)
                .withPortForwards(List.of(new PortForwardSpec(PortForwardSpec.Protocol.TCP, 8080, 80)));
        NetState state = new NetState(NetTopology.of(NetScenarios.fourModels(false, List.of(forwarded))), 0);
        PacketTracer tracer = new PacketTracer(state);
        Trace in = tracer.trace("lan-pc", "host1", Protocol.TCP, 8080);
        assertTrue(in.delivered());
        assertEquals("nat1", in.request().verdict().device(), "host1:8080 is nat1:80");
        Hop host = at(in.request(), "host1");
        assertEquals(List.of(new Rewrite(Rewrite.Kind.PORT_FORWARD, Rewrite.Field.DESTINATION, HOST1, 8080, NAT1, 80)),
                host.rewrites());
        // The reply leaves with the host's address and port, as the LAN machine expects.
        Hop replyAtPc = in.reply().packetHops().get(in.reply().packetHops().size() - 1);
        assertEquals(HOST1, replyAtPc.headers().srcIp());
        assertEquals(8080, replyAtPc.headers().srcPort());
        // Another port, or UDP, reaches the host itself; the guest's address stays unreachable from outside.
        assertEquals("host1", tracer.trace("lan-pc", "host1", Protocol.TCP, 8081).request().verdict().device());
        assertEquals("host1", tracer.trace("lan-pc", "host1", Protocol.UDP, 8080).request().verdict().device());
        assertFalse(tracer.trace("lan-pc", "nat1", Protocol.TCP, 80).delivered());
    }

    @Test
    void conntrackEntriesTimeOut() {
        NetState state = new NetState(NetTopology.of(NetScenarios.fourModels()), 0);
        new PacketTracer(state).trace("nat1", "lan-pc", Protocol.UDP, 53);
        Conntrack ct = state.conntrack(state.topology().nodeIndex("host1"));
        // nf_conntrack_udp_timeout is 30 s; the reply refreshed the entry at time 0.
        assertEquals(1, ct.entries(Conntrack.UDP_TIMEOUT_MICROS).size());
        assertEquals(0, ct.entries(Conntrack.UDP_TIMEOUT_MICROS + 1).size());
    }
}
