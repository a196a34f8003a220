package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.DropReason;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.Lease;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PacketTracer;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Reachability;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.engine.net.Trace;

/**
 * The lesson net-four-models (issue #7, "must hold" 1): the truth table of libvirt's four network models that its
 * goal writes out, cell by cell, from the engine's reachability matrix (ICMP, as the Network tab's matrix), and
 * the hops its steps point at. Sources: libvirt's docs/formatnetwork.rst, the {@code <forward>} element
 * (libvirt.org/formatnetwork.html); virtualization.md §4; the physical LAN of engine.net's package-info.
 */
class NetFourModelsLessonTest {
    private static Scenario lesson;
    private static NetTopology topology;
    private static Reachability matrix;

    /** The goal's rows: the model's name in the English and the Chinese text, and its two VMs. */
    private static final String[][] MODELS = {
        {"Isolated", "隔离模型", "iso1", "iso2"},
        {"NAT", "NAT 模型", "nat1", "nat2"},
        {"Routed", "路由模型", "routed1", "routed2"},
        {"Bridged", "桥接模型", "br1", "br2"},
    };

    @BeforeAll
    static void load() throws ScenarioException {
        lesson = Lessons.load("net-four-models").scenario();
        topology = NetTopology.of(lesson);
        matrix = Reachability.of(topology, 0, Protocol.ICMP, 0);
    }

    /** ✓ answered, ✗* the request arrived and the reply was lost, ✗ the request never arrived: the goal's marks. */
    private static String mark(Reachability.Cell c) {
        return c.delivered() ? "✓" : c.inReply() ? "✗*" : "✗";
    }

    /** A VM's first NIC, or another endpoint by its id. */
    private static Reachability.Cell cell(String from, String to) {
        return matrix.cell(id(from), id(to));
    }

    private static String id(String name) {
        return lesson.vm(name).isPresent() ? name + ":nic0" : name;
    }

    /**
     * One model's row from the matrix, seen from VM {@code a} (its neighbour {@code b}): VM↔VM on the same network
     * (both ways, ✓ only if both are), VM→host, host→VM, VM→LAN machine, LAN machine→VM, VM→Internet, Internet→VM.
     */
    private static String row(String a, String b) {
        Reachability.Cell there = cell(a, b);
        Reachability.Cell back = cell(b, a);
        String vmVm = there.delivered() && back.delivered() ? "✓" : mark(there.delivered() ? back : there);
        return String.join(" ", vmVm, mark(cell(a, "host1")), mark(cell("host1", a)), mark(cell(a, "lan-pc")),
                mark(cell("lan-pc", a)), mark(cell(a, "internet")), mark(cell("internet", a)));
    }

    @Test
    void theTruthTableIsLibvirtsForEachModelAndEachVm() {
        // formatnetwork.rst, <forward>: without it "the network will be isolated from any other network"; guests
        // and the host still talk (RHEL 7 Virtualization Guide §17.6 "Isolated Mode": guests "can communicate
        // with each other, and with the host physical machine, but their traffic will not pass outside").
        // mode='nat': traffic to the physical network goes out "after the guest's IP address is translated to
        // appear as the host machine's public IP address"; "Inbound connections from other networks are all
        // prohibited; all connections between guests on the same network, and to/from the host to the guests,
        // are unrestricted and not NATed".
        // mode='route': forwarded "without having NAT applied. […] This presumes that the local LAN router has
        // suitable routing table entries to return traffic to this host" — the lesson's router has none
        // (lanRoute false), so what goes out loses its reply (✗*) and nothing comes in.
        // mode='bridge': "at the IP level, the guest interface appears to be directly connected to the
        // physical interface": a LAN host. The Internet reaches no one: the LAN's router masquerades the LAN and
        // forwards no port (engine.net package-info, "The physical side").
        List<String> expected = List.of(
                "Isolated: ✓ ✓ ✓ ✗ ✗ ✗ ✗",
                "NAT: ✓ ✓ ✓ ✓ ✗ ✓ ✗",
                "Routed: ✓ ✓ ✓ ✗* ✗ ✗* ✗",
                "Bridged: ✓ ✓ ✓ ✓ ✓ ✓ ✗");
        for (int vm = 2; vm <= 3; vm++) {
            List<String> actual = new ArrayList<>();
            for (String[] m : MODELS) {
                actual.add(m[0] + ": " + row(m[vm], m[5 - vm]));
            }
            assertEquals(expected, actual, "seen from " + (vm == 2 ? "the first" : "the second") + " VM of each");
        }
    }

    @Test
    void theGoalWritesOutTheTableTheEngineGivesInBothLanguages() {
        for (String[] m : MODELS) {
            String row = row(m[2], m[3]);
            assertTrue(lesson.goal().en().contains(m[0] + ": " + row + "."), m[0] + ": " + row);
            assertTrue(lesson.goal().zh().contains(m[1] + "：" + row + "。"), m[1] + "：" + row);
        }
    }

    @Test
    void theNetworksAreTheOnesTheGoalNames() {
        // formatnetwork.rst: the default network is NAT on virbr0, 192.168.122.0/24; the goal's other three.
        List<String> networks = lesson.networks().stream().map(n -> n.mode() + " " + n.bridge() + " "
                + (n.subnet() == null ? "-" : n.subnet()) + (n.lanRoute() ? " lanRoute" : "")).toList();
        assertEquals(List.of("ISOLATED virbr1 192.168.150.0/24", "NAT virbr0 192.168.122.0/24",
                "ROUTED virbr2 192.168.100.0/24", "BRIDGED br0 -"), networks);
        assertEquals("default", lesson.networks().stream().filter(n -> n.mode() == NetworkMode.NAT)
                .map(NetworkSpec::name).findFirst().orElseThrow());
        assertEquals(1, lesson.hosts().size(), "one host");
        assertEquals("network", lesson.view().tab());
    }

    @Test
    void addressesAreTheOnesTheTextQuotes() {
        // Leases from each range's third address (.2; .1 is the host's bridge), bridged guests from the LAN
        // router's DHCP range, 10.0.0.100 on; host1 is the LAN's .11 (engine.net package-info).
        List<String> leases = topology.leases().stream().map(l -> l.nic() + " " + Ip.format(l.ip())).toList();
        assertEquals(List.of("iso1:nic0 192.168.150.2", "iso2:nic0 192.168.150.3", "nat1:nic0 192.168.122.2",
                "nat2:nic0 192.168.122.3", "routed1:nic0 192.168.100.2", "routed2:nic0 192.168.100.3",
                "br1:nic0 10.0.0.100", "br2:nic0 10.0.0.101"), leases);
        for (Lease l : topology.leases()) {
            assertFalse(l.fixed(), l.toString());
        }
        PacketTracer tracer = new PacketTracer(new NetState(topology, 0));
        // Step 4: the isolated guest reaches its host at the host's address on the bridge.
        Trace toHost = tracer.trace("iso1", "host1", Protocol.ICMP, 0);
        assertTrue(toHost.delivered());
        assertEquals(Ip.of(192, 168, 150, 1), last(toHost.request().packetHops()).headers().dstIp());
        Trace fromPc = tracer.trace("lan-pc", "host1", Protocol.ICMP, 0);
        assertEquals(Ip.of(10, 0, 0, 11), last(fromPc.request().packetHops()).headers().dstIp());
        assertEquals(Ip.of(10, 0, 0, 50), last(fromPc.request().packetHops()).headers().srcIp());
        // The goal's Internet server, 203.0.113.10 (TEST-NET-3, RFC 5737).
        Trace out = tracer.trace("br1", "internet", Protocol.ICMP, 0);
        assertEquals(Ip.of(203, 0, 113, 10), last(out.request().packetHops()).headers().dstIp());
    }

    @Test
    void eachCrossSaysWhyAndWhereAsTheStepsTell() {
        // Step 3: libvirt's dnsmasq offers an isolated network's guests no default router, so the guest itself
        // has no route; the LAN's router knows neither private subnet (no lanRoute).
        assertEquals(dropped("iso1", DropReason.NO_ROUTE, false), outcome(cell("iso1", "lan-pc")));
        assertEquals(dropped("router", DropReason.NO_ROUTE, false), outcome(cell("lan-pc", "nat1")));
        assertEquals(dropped("router", DropReason.NO_ROUTE, false), outcome(cell("lan-pc", "routed1")));
        assertEquals("delivered", cell("lan-pc", "br1").summary());
        // Step 2: the routed guest's reply dies at the router (formatnetwork.rst's "suitable routing table
        // entries" missing).
        assertEquals(dropped("router", DropReason.NO_ROUTE, true), outcome(cell("routed1", "lan-pc")));
        // Step 4: the host's firewall refuses to forward into an isolated network (libvirt.org/firewall.html).
        assertEquals(dropped("host1", DropReason.ISOLATED_NETWORK, false), outcome(cell("nat1", "iso1")));
        // The goal: the Internet gets in nowhere, the router refuses it (it forwards no port).
        assertEquals(dropped("router", DropReason.NAT_INBOUND_REFUSED, false), outcome(cell("internet", "br1")));
    }

    @Test
    void natRewritesTheSourceAndRoutedLeavesItAsStepTwoShows() {
        PacketTracer tracer = new PacketTracer(new NetState(topology, 0));
        Trace nat = tracer.trace("nat1", "lan-pc", Protocol.ICMP, 0);
        assertTrue(nat.delivered());
        // formatnetwork.rst mode='nat': the source "translated to appear as the host machine's" address.
        Hop host = nat.request().packetHops().stream().filter(h -> h.device().equals("host1")).findFirst().orElseThrow();
        assertEquals(Rewrite.Kind.MASQUERADE, host.rewrites().get(0).kind());
        assertEquals(Ip.of(192, 168, 122, 2), host.rewrites().get(0).fromIp());
        assertEquals(Ip.of(10, 0, 0, 11), host.rewrites().get(0).toIp());
        Hop back = nat.reply().packetHops().stream().filter(h -> h.device().equals("host1")).findFirst().orElseThrow();
        assertEquals(Rewrite.Kind.REVERSE, back.rewrites().get(0).kind());
        assertEquals(Ip.of(192, 168, 122, 2), back.rewrites().get(0).toIp());

        // mode='route': "without having NAT applied": lan-pc sees 192.168.100.2; its reply has no way back.
        Trace routed = tracer.trace("routed1", "lan-pc", Protocol.ICMP, 0);
        assertEquals("delivered to lan-pc", routed.request().verdict().toString());
        assertEquals(Ip.of(192, 168, 100, 2), last(routed.request().packetHops()).headers().srcIp());
        assertTrue(routed.request().packetHops().stream().allMatch(h -> h.rewrites().isEmpty()));
        assertEquals(List.of("router", "192.168.100.2"), routed.reply().verdict().params());
    }

    private static Hop last(List<Hop> hops) {
        return hops.get(hops.size() - 1);
    }

    private static String outcome(Reachability.Cell c) {
        return c.summary() + " @" + c.device();
    }

    private static String dropped(String device, DropReason reason, boolean inReply) {
        return "dropped: " + reason.code() + (inReply ? " (reply)" : "") + " @" + device;
    }
}
