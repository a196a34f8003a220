package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.virtlab.engine.net.Mac;
import org.virtlab.engine.net.MacTable;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetSwitch;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PacketTracer;
import org.virtlab.engine.net.PhysicalLan;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.engine.net.Trace;

/**
 * The lesson net-bridged-lan (issue #7, "must hold" 3): bridged guests are hosts of the LAN with the LAN's
 * addresses, and a Linux bridge floods a frame to a MAC it has not learned and sends the next to one port.
 * Sources: libvirt's docs/formatnetwork.rst, mode='bridge' (libvirt.org/formatnetwork.html): "no iptables rules,
 * IP addresses, or DHCP/DNS services are added; at the IP level, the guest interface appears to be directly
 * connected to the physical interface"; IEEE 802.1D's learning and filtering (a frame whose destination is not in
 * the filtering database goes out of every other port; virtualization.md §4 "learns source MACs, floods unknown
 * unicast and broadcast"); RFC 826 (the ARP request is a broadcast, the answer unicast); the LAN router's DHCP
 * range .100–.254 (engine.net package-info).
 */
class NetBridgedLanLessonTest {
    private static final long LAN_PC_MAC = Mac.parse("02:00:00:00:00:50");

    private Scenario lesson;
    private NetTopology topology;
    private NetState state;
    private PacketTracer tracer;

    @BeforeEach
    void freshNetwork() throws ScenarioException {
        lesson = Lessons.load("net-bridged-lan").scenario();
        topology = NetTopology.of(lesson);
        state = new NetState(topology, 0);
        tracer = new PacketTracer(state);
    }

    private List<String> macTable(String bridge) {
        int sw = topology.switchIndex(bridge);
        NetSwitch s = topology.switches().get(sw);
        return state.macTable(sw).entries(state.nowMicros()).stream()
                .map(e -> Mac.format(e.mac()) + " " + s.ports().get(e.port()).name()).toList();
    }

    private long mac(String vm) {
        return topology.nodes().get(topology.nodeIndex(vm)).ifaces().get(0).mac();
    }

    private static Hop at(List<Hop> hops, String device) {
        return hops.stream().filter(h -> h.device().equals(device)).findFirst().orElseThrow();
    }

    @Test
    void theGuestsLeaseLanAddressesFromTheRouter() {
        assertTrue(lesson.networks().stream().allMatch(n -> n.mode() == NetworkMode.BRIDGED && n.subnet() == null));
        assertEquals(List.of("web:nic0 10.0.0.100", "files:nic0 10.0.0.101", "backup:nic0 10.0.0.102"),
                topology.leases().stream().map(l -> l.nic() + " " + Ip.format(l.ip())).toList());
        assertTrue(topology.leases().stream().allMatch(l -> l.server().equals("router dhcp 10.0.0.1")));
        assertEquals("network", lesson.view().tab());
        // The goal's range, the router's DHCP pool 10.0.0.100–10.0.0.254.
        assertEquals(List.of(100, 254), List.of(PhysicalLan.FIRST_LAN_LEASE_OCTET, PhysicalLan.LAST_LAN_LEASE_OCTET));
        assertTrue(lesson.goal().en().contains("10.0.0.100–10.0.0.254"));
        assertTrue(lesson.goal().zh().contains("10.0.0.100–10.0.0.254"));
    }

    @Test
    void lanPcReachesTheWebServerAndNothingIsRewritten() {
        // Step 1: the bridge adds no NAT; the answer comes from the guest's own LAN address.
        Trace t = tracer.trace("lan-pc", "web", Protocol.ICMP, 0);
        assertTrue(t.delivered());
        assertTrue(t.request().packetHops().stream().allMatch(h -> h.rewrites().isEmpty()));
        assertTrue(t.reply().packetHops().stream().allMatch(h -> h.rewrites().isEmpty()));
        assertEquals(List.of("lan-pc", "lan-switch", "host1/br0", "web"),
                t.request().packetHops().stream().map(Hop::device).toList());
        assertEquals(Ip.of(10, 0, 0, 100), t.reply().packetHops().get(0).headers().srcIp());
        assertEquals(Ip.of(10, 0, 0, 50), t.reply().packetHops().get(t.reply().packetHops().size() - 1).headers().dstIp());
    }

    @Test
    void theFirstFrameIsFloodedEverywhereAndTheNextLeavesByTheOneLearnedPort() {
        // Before any traffic no bridge knows the web server: a frame to its MAC would be flooded (802.1D).
        assertEquals(List.of(), macTable("host1/br0"));
        assertEquals(List.of(), macTable("host2/br0"));
        assertEquals(-1, state.macTable(topology.switchIndex("host1/br0")).lookup(1, mac("web"), 0));

        // Step 1's send. Its first frame, the ARP request, went to the broadcast address and was flooded by every
        // switch out of every port: even host2's br0, on no path between lan-pc and the web server, learned
        // lan-pc behind its eth0. The answer was unicast back to lan-pc: host2's br0 never saw the web server.
        Trace first = tracer.trace("lan-pc", "web", Protocol.ICMP, 0);
        assertTrue(first.delivered());
        assertEquals(Lookup.Kind.ARP_RESOLVED, first.request().packetHops().get(0).lookups().get(1).kind());
        // The trace shows that flood as the step says (RFC 826 request to ff:ff:ff:ff:ff:ff; IEEE 802.1D floods a
        // broadcast out of every other port): lan-pc asks, then every switch on the way to the web server floods.
        assertEquals(Hop.Frame.ARP_REQUEST, first.request().hops().get(0).frame());
        assertEquals(Mac.BROADCAST, first.request().hops().get(0).headers().dstMac());
        assertEquals(Lookup.Kind.MAC_BROADCAST, at(first.request().hops(), "host1/br0").lookups().get(0).kind());
        assertEquals(Lookup.Kind.MAC_BROADCAST, at(first.request().hops(), "lan-switch").lookups().get(0).kind());
        assertEquals(List.of(Mac.format(LAN_PC_MAC) + " eth0"), macTable("host2/br0"));
        // Step 2: host1's br0 has learned both, the web server on its tap vnet0.
        assertEquals(List.of(Mac.format(LAN_PC_MAC) + " eth0", Mac.format(mac("web")) + " vnet0").stream().sorted()
                .toList(), macTable("host1/br0").stream().sorted().toList());

        // Step 3: the next frame to the web server is a MAC table hit, out of vnet0 alone.
        Trace second = tracer.trace("lan-pc", "web", Protocol.ICMP, 0);
        assertEquals(List.of(new Lookup(Lookup.Kind.MAC_HIT, "vlan 1 " + Mac.format(mac("web")), "vnet0")),
                at(second.request().packetHops(), "host1/br0").lookups());
        assertEquals("vnet0", at(second.request().packetHops(), "host1/br0").outPort());
        assertEquals(Lookup.Kind.ARP_CACHED, second.request().packetHops().get(0).lookups().get(1).kind());
        assertEquals(second.request().packetHops(), second.request().hops(), "step 3: no ARP rows this time");
        assertEquals(List.of(Mac.format(LAN_PC_MAC) + " eth0"), macTable("host2/br0"), "still nothing else");
        // The learning lasts the bridge's ageing time, 300 s (brctl setageing's default; 802.1D).
        assertEquals(300_000_000L, MacTable.DEFAULT_AGEING_MICROS);
    }

    @Test
    void theGuestsReachTheInternetThroughTheRouterAndTheInternetDoesNotReachThem() {
        // Step 4: the LAN's router masquerades the LAN behind 203.0.113.1; host1 rewrites nothing.
        Trace out = tracer.trace("web", "internet", Protocol.ICMP, 0);
        assertTrue(out.delivered());
        Hop router = at(out.request().packetHops(), "router");
        assertEquals(Rewrite.Kind.MASQUERADE, router.rewrites().get(0).kind());
        assertEquals(Ip.of(203, 0, 113, 1), router.rewrites().get(0).toIp());
        assertTrue(out.request().packetHops().stream().filter(h -> !h.device().equals("router"))
                .allMatch(h -> h.rewrites().isEmpty()));
        Trace in = tracer.trace("internet", "web", Protocol.ICMP, 0);
        assertEquals("router", in.verdict().device());
        assertEquals(DropReason.NAT_INBOUND_REFUSED, in.verdict().reason());
    }

    @Test
    void theTextsQuoteTheLeasesAndTheLearnedPort() {
        for (String text : List.of(lesson.steps().get(0).en(), lesson.steps().get(0).zh())) {
            assertTrue(text.contains("10.0.0.100") && text.contains("10.0.0.101") && text.contains("10.0.0.102"), text);
        }
        for (String text : List.of(lesson.steps().get(1).en(), lesson.steps().get(1).zh(), lesson.steps().get(2).en(),
                lesson.steps().get(2).zh())) {
            assertTrue(text.contains("vnet0"), text);
        }
        for (String text : List.of(lesson.steps().get(1).en(), lesson.steps().get(1).zh())) {
            assertTrue(text.contains("ARP") && text.contains("ff:ff:ff:ff:ff:ff"), text);
        }
        assertTrue(lesson.steps().get(3).en().contains("203.0.113.1"));
        assertTrue(lesson.steps().get(3).zh().contains("203.0.113.1"));
    }
}
