package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.PortForwardSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.Conntrack;
import org.virtlab.engine.net.DropReason;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.Leg;
import org.virtlab.engine.net.Lookup;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PacketTracer;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Reachability;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.engine.net.Trace;

/**
 * The lesson net-nat-port-forward (issue #7, "must hold" 2): the rewritten source address and port, the conntrack
 * entry, the reply translated back, and one inbound service let through by a port forward, each number its steps
 * quote, on one network state sent through in the steps' order. Sources: libvirt's docs/formatnetwork.rst,
 * mode='nat' (libvirt.org/formatnetwork.html); libvirt's masquerade rule {@code --to-ports 1024-65535}
 * (libvirt.org/firewall.html; virtualization.md §4); Linux's ephemeral ports from 32768 (ip_local_port_range).
 */
class NetNatPortForwardLessonTest {
    private static final int HOST1 = Ip.of(10, 0, 0, 11);
    private static final int LAN_PC = Ip.of(10, 0, 0, 50);
    private static final int WEB = Ip.of(192, 168, 122, 10);
    private static final int CLIENT1 = Ip.of(192, 168, 122, 2);
    private static final int CLIENT2 = Ip.of(192, 168, 122, 3);

    private Scenario lesson;
    private NetState state;
    private PacketTracer tracer;

    @BeforeEach
    void freshNetwork() throws ScenarioException {
        lesson = Lessons.load("net-nat-port-forward").scenario();
        state = new NetState(NetTopology.of(lesson), 0);
        tracer = new PacketTracer(state);
    }

    private static Hop at(Leg leg, String device) {
        return leg.packetHops().stream().filter(h -> h.device().equals(device)).findFirst().orElseThrow();
    }

    private List<String> conntrack() {
        return state.conntrack(state.topology().nodeIndex("host1")).entries(state.nowMicros()).stream()
                .map(Conntrack.Entry::toString).toList();
    }

    @Test
    void theLessonIsTheDefaultNetworkWithAWebServerForwardedFromPort8080() {
        // The goal: libvirt's default network, the web server's fixed address and its one forward, tcp 8080 → 80.
        assertEquals("default virbr0 192.168.122.0/24 NAT", lesson.networks().stream()
                .map(n -> n.name() + " " + n.bridge() + " " + n.subnet() + " " + n.mode()).reduce("", String::concat));
        var web = lesson.vm("web").orElseThrow().nics().get(0);
        assertEquals("192.168.122.10", web.address());
        assertEquals(List.of(new PortForwardSpec(PortForwardSpec.Protocol.TCP, 8080, 80)), web.portForwards());
        // The leases the goal quotes: from .2 on, in file order, skipping nothing (.10 is the web server's).
        assertEquals(List.of("web:nic0 192.168.122.10", "client1:nic0 192.168.122.2", "client2:nic0 192.168.122.3"),
                state.topology().leases().stream().map(l -> l.nic() + " " + Ip.format(l.ip())).toList());
        assertEquals("network", lesson.view().tab());
        // The goal's port range: libvirt's masquerade rules, --to-ports 1024-65535.
        assertEquals(List.of(1024, 65535), List.of(Conntrack.MIN_NAT_PORT, Conntrack.MAX_NAT_PORT));
        for (String text : List.of(lesson.goal().en(), lesson.goal().zh())) {
            assertTrue(text.contains("1024–65535") && text.contains("10.0.0.11") && text.contains("192.168.122.10")
                    && text.contains("8080"), text);
        }
    }

    @Test
    void theStepsInTheirOrder() {
        // Step 1: Client 1 to lan-pc, TCP 80. The guest sends from Linux's first ephemeral port, 32768; host1
        // masquerades behind its LAN address and, the port being in 1024–65535 and free, keeps it.
        Trace first = tracer.trace("client1", "lan-pc", Protocol.TCP, 80);
        assertTrue(first.delivered());
        assertEquals(List.of(new Rewrite(Rewrite.Kind.MASQUERADE, Rewrite.Field.SOURCE, CLIENT1, 32768, HOST1, 32768)),
                at(first.request(), "host1").rewrites());
        Hop atPc = first.request().packetHops().get(first.request().packetHops().size() - 1);
        assertEquals(HOST1, atPc.headers().srcIp(), "lan-pc sees host1, not the guest");
        // The conntrack entry, as the step writes it.
        assertEquals(List.of("tcp src=192.168.122.2:32768 dst=10.0.0.50:80 | reply src=10.0.0.50:80 "
                + "dst=10.0.0.11:32768 [MASQUERADE]"), conntrack());
        assertTrue(conntrack().get(0).startsWith(stepConntrackText()), "the step quotes the entry as conntrack shows it");
        // The reply matched it and was translated back to the guest's address and port.
        Hop back = at(first.reply(), "host1");
        assertEquals(Lookup.Kind.CONNTRACK_REPLY, back.lookups().get(0).kind());
        assertEquals(List.of(new Rewrite(Rewrite.Kind.REVERSE, Rewrite.Field.DESTINATION, HOST1, 32768, CLIENT1, 32768)),
                back.rewrites());
        assertEquals("client1", first.reply().verdict().device());

        // Step 2: Client 2 also sends from 32768 to 10.0.0.50:80; that reply tuple is taken, so nf_nat gives it
        // another port (every tuple unique; here the next free one): 32769.
        Trace second = tracer.trace("client2", "lan-pc", Protocol.TCP, 80);
        assertTrue(second.delivered());
        assertEquals(List.of(new Rewrite(Rewrite.Kind.MASQUERADE, Rewrite.Field.SOURCE, CLIENT2, 32768, HOST1, 32769)),
                at(second.request(), "host1").rewrites());
        assertEquals(2, conntrack().size());
        assertEquals("client2", second.reply().verdict().device(), "each reply finds its own guest");
        assertEquals(CLIENT2, second.reply().packetHops().get(second.reply().packetHops().size() - 1).headers().dstIp());

        // Step 3: lan-pc to host1:8080 is DNATed to 192.168.122.10:80; the reply leaves host1 as 10.0.0.11:8080.
        Trace in = tracer.trace("lan-pc", "host1", Protocol.TCP, 8080);
        assertTrue(in.delivered());
        assertEquals("web", in.request().verdict().device());
        assertEquals(List.of(new Rewrite(Rewrite.Kind.PORT_FORWARD, Rewrite.Field.DESTINATION, HOST1, 8080, WEB, 80)),
                at(in.request(), "host1").rewrites());
        Hop reply = in.reply().packetHops().get(in.reply().packetHops().size() - 1);
        assertEquals("lan-pc", reply.device());
        assertEquals(HOST1, reply.headers().srcIp());
        assertEquals(8080, reply.headers().srcPort());
        assertEquals(LAN_PC, reply.headers().dstIp());
        // Port 8081 has no forward: host1 answers it itself.
        Trace other = tracer.trace("lan-pc", "host1", Protocol.TCP, 8081);
        assertTrue(other.delivered());
        assertEquals("host1", other.request().verdict().device());
        assertTrue(at(other.request(), "host1").rewrites().isEmpty());

        // Step 4: lan-pc straight to the web server's private address dies at the router (no route to it).
        Trace direct = tracer.trace("lan-pc", "web", Protocol.TCP, 80);
        assertFalse(direct.delivered());
        assertEquals("router", direct.verdict().device());
        assertEquals(DropReason.NO_ROUTE, direct.verdict().reason());
        assertEquals(List.of("router", "192.168.122.10"), direct.verdict().params());
    }

    /** The entry as step 1 quotes it, from "tcp src=" to the reply's destination. */
    private String stepConntrackText() {
        String step = lesson.steps().get(0).en();
        int from = step.indexOf("tcp src=");
        return step.substring(from, step.indexOf(", and the reply", from));
    }

    @Test
    void theStepsQuoteTheRewritesInBothLanguages() {
        // The numbers above, as the texts write them.
        for (String text : List.of(lesson.steps().get(0).en(), lesson.steps().get(0).zh())) {
            for (String quoted : List.of("192.168.122.2:32768", "10.0.0.11:32768",
                    "tcp src=192.168.122.2:32768 dst=10.0.0.50:80 | reply src=10.0.0.50:80 dst=10.0.0.11:32768")) {
                assertTrue(text.contains(quoted), quoted + " in " + text);
            }
        }
        for (String text : List.of(lesson.steps().get(1).en(), lesson.steps().get(1).zh())) {
            assertTrue(text.contains("32768") && text.contains("10.0.0.11:32769"), text);
        }
        for (String text : List.of(lesson.steps().get(2).en(), lesson.steps().get(2).zh())) {
            assertTrue(text.contains("10.0.0.11:8080") && text.contains("192.168.122.10:80") && text.contains("8081"),
                    text);
        }
    }

    @Test
    void inTheMatrixTheGuestsReachOutAndNeitherLanPcNorTheInternetReachesThem() {
        // Step 4; formatnetwork.rst mode='nat': "Inbound connections from other networks are all prohibited".
        Reachability r = Reachability.of(state.topology(), 0, Protocol.ICMP, 0);
        for (String vm : List.of("web:nic0", "client1:nic0", "client2:nic0")) {
            for (String outside : List.of("lan-pc", "internet")) {
                assertEquals("delivered", r.cell(vm, outside).summary(), vm + " → " + outside);
                assertFalse(r.cell(outside, vm).delivered(), outside + " → " + vm);
            }
            // "to/from the host to the guests, are unrestricted and not NATed"
            assertEquals("delivered", r.cell("host1", vm).summary());
        }
    }
}
