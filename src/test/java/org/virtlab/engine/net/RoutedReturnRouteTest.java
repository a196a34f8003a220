package org.virtlab.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NicSpec;

/**
 * libvirt's routed mode without the LAN router's route back (libvirt.org/formatnetwork.html, mode='route': "This
 * presumes that the local LAN router has suitable routing table entries to return traffic to this host";
 * virtualization.md §4: the LAN router needs a route back to the guest subnet or replies never arrive).
 */
class RoutedReturnRouteTest {

    @Test
    void theRequestArrivesAndTheReplyDiesAtTheRouter() {
        NetState state = new NetState(NetTopology.of(NetScenarios.fourModels()), 0);
        Trace t = new PacketTracer(state).trace("routed1", "lan-pc", Protocol.TCP, 22);
        // Delivered, untranslated: the LAN machine sees the guest's own address.
        assertEquals(Verdict.delivered("lan-pc"), t.request().verdict());
        Hop atPc = t.request().packetHops().get(t.request().packetHops().size() - 1);
        assertEquals(Ip.of(192, 168, 100, 2), atPc.headers().srcIp());
        assertTrue(t.request().packetHops().stream().allMatch(h -> h.rewrites().isEmpty()), "routed mode does no NAT");
        // The reply goes to the LAN machine's default gateway, which has no route to 192.168.100.0/24.
        assertEquals(Verdict.dropped("router", DropReason.NO_ROUTE, "router", "192.168.100.2"), t.reply().verdict());
        Hop router = t.reply().packetHops().get(t.reply().packetHops().size() - 1);
        assertEquals(List.of(new Lookup(Lookup.Kind.ROUTE_MISS, "192.168.100.2", "")), router.lookups());
        assertEquals("dropped: no-route (reply)", t.summary());
    }

    @Test
    void withTheRouteTheReplyComesBack() {
        NetState state = new NetState(NetTopology.of(NetScenarios.fourModels(true,
                List.of(NicSpec.toNetwork(NetScenarios.NAT)))), 0);
        Trace t = new PacketTracer(state).trace("routed1", "lan-pc", Protocol.TCP, 22);
        assertTrue(t.delivered());
        Hop router = t.reply().packetHops().stream().filter(h -> h.device().equals("router")).findFirst().orElseThrow();
        assertEquals("192.168.100.0/24 via 10.0.0.11 dev lan", router.lookups().get(0).result());
    }
}
