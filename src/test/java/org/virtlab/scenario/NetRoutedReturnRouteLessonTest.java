package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.DropReason;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.Lookup;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PacketTracer;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.engine.net.Trace;

/**
 * The lesson net-routed-return-route (issue #7, "must hold" 5): a routed network without the LAN router's route
 * back delivers the request and loses the reply, and says so; with the route (lanRoute) the reply comes back.
 * Source: libvirt's docs/formatnetwork.rst, mode='route' (libvirt.org/formatnetwork.html): forwarded "without
 * having NAT applied. […] This presumes that the local LAN router has suitable routing table entries to return
 * traffic to this host"; virtualization.md §4: "the LAN router needs a route back to the guest subnet or replies
 * never arrive".
 */
class NetRoutedReturnRouteLessonTest {
    private Scenario lesson;
    private PacketTracer tracer;

    @BeforeEach
    void freshNetwork() throws ScenarioException {
        lesson = Lessons.load("net-routed-return-route").scenario();
        tracer = new PacketTracer(new NetState(NetTopology.of(lesson), 0));
    }

    private static Hop last(List<Hop> hops) {
        return hops.get(hops.size() - 1);
    }

    @Test
    void twoHostsEachWithARoutedNetworkOnlyTheSecondWithTheRouteBack() {
        assertEquals(List.of("host1 ROUTED 192.168.100.0/24 false", "host2 ROUTED 192.168.101.0/24 true"),
                lesson.networks().stream().map(n -> n.hostId() + " " + n.mode() + " " + n.subnet() + " " + n.lanRoute())
                        .toList());
        assertTrue(lesson.networks().stream().allMatch(n -> n.mode() == NetworkMode.ROUTED));
        // The addresses the goal quotes: each network's first lease, .2; the hosts are the LAN's .11 and .12.
        assertEquals(List.of("lab1:nic0 192.168.100.2", "lab2:nic0 192.168.101.2"),
                NetTopology.of(lesson).leases().stream().map(l -> l.nic() + " " + Ip.format(l.ip())).toList());
        assertEquals("network", lesson.view().tab());
    }

    @Test
    void withoutTheRouteTheRequestArrivesUntranslatedAndTheReplyDiesAtTheRouter() {
        // Step 1.
        Trace t = tracer.trace("lab1", "lan-pc", Protocol.TCP, 22);
        assertEquals("delivered to lan-pc", t.request().verdict().toString());
        assertEquals(Ip.of(192, 168, 100, 2), last(t.request().packetHops()).headers().srcIp());
        assertTrue(t.request().packetHops().stream().allMatch(h -> h.rewrites().isEmpty()), "no rewrite at any hop");
        assertFalse(t.delivered());
        assertEquals("router", t.reply().verdict().device());
        assertEquals(DropReason.NO_ROUTE, t.reply().verdict().reason());
        assertEquals(List.of("router", "192.168.100.2"), t.reply().verdict().params());
        // The router looked for a route and found none; lan-pc had sent the reply to it, its default gateway.
        assertEquals(List.of(new Lookup(Lookup.Kind.ROUTE_MISS, "192.168.100.2", "")),
                last(t.reply().packetHops()).lookups());
        assertEquals("default via 10.0.0.1 dev eth0", t.reply().packetHops().get(0).lookups().get(0).result());
        assertEquals("dropped: no-route (reply)", t.summary());
    }

    @Test
    void withTheRouteTheReplyComesBackThroughHost2() {
        // Step 2.
        Trace t = tracer.trace("lab2", "lan-pc", Protocol.TCP, 22);
        assertTrue(t.delivered());
        assertEquals(Ip.of(192, 168, 101, 2), last(t.request().packetHops()).headers().srcIp());
        Hop router = t.reply().packetHops().stream().filter(h -> h.device().equals("router")).findFirst().orElseThrow();
        assertEquals("192.168.101.0/24 via 10.0.0.12 dev lan", router.lookups().get(0).result());
        assertEquals(List.of("lan-pc", "lan-switch", "router", "lan-switch", "host2"),
                t.reply().packetHops().stream().map(Hop::device).toList().subList(0, 5));
        assertEquals("lab2", t.reply().verdict().device());
    }

    @Test
    void lanPcReachesOnlyTheGuestBehindTheRoute() {
        // Step 3: formatnetwork.rst, mode='route': "All incoming and outgoing sessions to guest on these networks
        // are unrestricted" — once the LAN can find them.
        Trace toLab1 = tracer.trace("lan-pc", "lab1", Protocol.TCP, 22);
        assertEquals("dropped: no-route", toLab1.summary());
        assertEquals("router", toLab1.verdict().device());
        assertTrue(tracer.trace("lan-pc", "lab2", Protocol.TCP, 22).delivered());
    }

    @Test
    void theInternetAnswersOnlyTheGuestBehindTheRoute() {
        // Step 4: the LAN's router masquerades both (engine.net package-info), only Lab 2's reply finds its way.
        Trace lab1 = tracer.trace("lab1", "internet", Protocol.ICMP, 0);
        assertEquals("delivered to internet", lab1.request().verdict().toString());
        Hop out = lab1.request().packetHops().stream().filter(h -> h.device().equals("router")).findFirst().orElseThrow();
        assertEquals(Rewrite.Kind.MASQUERADE, out.rewrites().get(0).kind());
        Hop back = last(lab1.reply().packetHops());
        assertEquals("router", back.device());
        assertEquals(Rewrite.Kind.REVERSE, back.rewrites().get(0).kind());
        assertEquals(Ip.of(192, 168, 100, 2), back.rewrites().get(0).toIp(), "translated back to 192.168.100.2");
        assertEquals("dropped: no-route (reply)", lab1.summary());
        Trace lab2 = tracer.trace("lab2", "internet", Protocol.ICMP, 0);
        assertTrue(lab2.delivered());
        assertEquals(Rewrite.Kind.MASQUERADE, lab2.request().packetHops().stream().filter(h -> h.device().equals("router"))
                .findFirst().orElseThrow().rewrites().get(0).kind(), "the router masquerades both");
    }

    @Test
    void theTextsQuoteTheAddressesAndTheRoute() {
        for (String text : List.of(lesson.goal().en(), lesson.goal().zh())) {
            for (String quoted : List.of("192.168.100.0/24", "192.168.101.0/24", "10.0.0.12", "192.168.100.2",
                    "192.168.101.2")) {
                assertTrue(text.contains(quoted), quoted + " in " + text);
            }
        }
        assertTrue(lesson.steps().get(1).en().contains("192.168.101.0/24 via 10.0.0.12"));
        assertTrue(lesson.steps().get(1).zh().contains("192.168.101.0/24 经 10.0.0.12"));
    }
}
