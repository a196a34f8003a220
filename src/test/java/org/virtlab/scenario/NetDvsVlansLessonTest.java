package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.engine.net.DropReason;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.NetIface;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PacketTracer;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Reachability;
import org.virtlab.engine.net.Trace;

/**
 * The lesson net-dvs-vlans (issue #7, "must hold" 4): a distributed switch's port group is one network across
 * hosts, VLANs never meet, and a VM moved to the other host keeps its port group, MAC and address, and its traces
 * still succeed. Sources: virtualization.md §4 (a proxy switch on each host, uplinks, port groups with VLANs
 * 1–4094, "a VM keeps its port and policy when it moves between hosts"); IEEE 802.1Q (frames between switches
 * carry the VLAN tag, an access port only its own VLAN's frames); engine.net package-info (VLAN v is the segment
 * 172.(16 + v/256).(v mod 256).0/24, no router serves it).
 */
class NetDvsVlansLessonTest {
    private Scenario lesson;

    @BeforeEach
    void load() throws ScenarioException {
        lesson = Lessons.load("net-dvs-vlans").scenario();
    }

    private static NetIface nic(NetTopology t, String vm) {
        return t.nodes().get(t.nodeIndex(vm)).ifaces().get(0);
    }

    /** The lesson with Web 1 dragged onto Host 2, as the topology does it: a port group NIC stays plugged in. */
    private Scenario web1OnHost2() {
        HostSpec host2 = lesson.host("host2").orElseThrow();
        VmSpec web1 = lesson.vm("web1").orElseThrow();
        return lesson.withVm(web1.onHost("host2", host2.x() + 30, host2.y() + 80));
    }

    @Test
    void twoHostsOneSwitchTwoVlansAVmOfEachOnEach() {
        assertEquals(List.of("host1", "host2"), lesson.switches().get(0).hostIds());
        assertEquals(List.of(new PortGroupSpec("pg-web", "Web", 10), new PortGroupSpec("pg-db", "DB", 20)),
                lesson.switches().get(0).portGroups());
        assertEquals(List.of("web1 host1 pg-web", "db1 host1 pg-db", "web2 host2 pg-web", "db2 host2 pg-db"),
                lesson.vms().stream().map(v -> v.id() + " " + v.hostId() + " " + v.nics().get(0).portGroupId()).toList());
        // The addresses the goal quotes: VLAN 10 is 172.16.10.0/24, VLAN 20 172.16.20.0/24, leases from .2.
        assertEquals(List.of("web1:nic0 172.16.10.2", "db1:nic0 172.16.20.2", "web2:nic0 172.16.10.3",
                "db2:nic0 172.16.20.3"), NetTopology.of(lesson).leases().stream()
                .map(l -> l.nic() + " " + Ip.format(l.ip())).toList());
        assertEquals("network", lesson.view().tab());
    }

    @Test
    void thePortGroupSpansTheHostsTaggedBetweenThem() {
        // Step 1.
        Trace t = new PacketTracer(new NetState(NetTopology.of(lesson), 0)).trace("web1", "web2", Protocol.ICMP, 0);
        assertTrue(t.delivered());
        assertEquals(List.of("web1", "host1/dvs1", "lan-switch", "host2/dvs1", "web2"),
                t.request().packetHops().stream().map(Hop::device).toList());
        assertEquals("eth1", t.request().packetHops().get(1).outPort(), "host1's uplink");
        assertEquals(List.of(0, 10, 10, 0, 0), t.request().packetHops().stream().map(h -> h.headers().vlan()).toList());
    }

    @Test
    void differentVlansNeverMeetNotEvenOnOneHost() {
        // Step 2: 172.16.20.0/24 is on none of Web 1's routes and no router joins the VLANs.
        PacketTracer tracer = new PacketTracer(new NetState(NetTopology.of(lesson), 0));
        for (String db : List.of("db2", "db1")) {
            Trace t = tracer.trace("web1", db, Protocol.ICMP, 0);
            assertEquals("dropped: no-route", t.summary(), db);
            assertEquals("web1", t.verdict().device(), db);
        }
        assertTrue(tracer.trace("db1", "db2", Protocol.ICMP, 0).delivered());
        // The matrix: two blocks, the VLANs.
        Reachability r = Reachability.of(NetTopology.of(lesson), 0, Protocol.ICMP, 0);
        List<String> vms = List.of("web1:nic0", "db1:nic0", "web2:nic0", "db2:nic0");
        for (String a : vms) {
            for (String b : vms) {
                boolean sameVlan = a.startsWith("web") == b.startsWith("web");
                assertEquals(sameVlan, r.cell(a, b).delivered(), a + " → " + b);
            }
        }
    }

    @Test
    void aVmMovedToTheOtherHostKeepsItsAddressesAndItsTracesSucceed() {
        // Step 3, after some traffic: the state carried over to the edited scenario (NetState.carriedTo).
        NetTopology before = NetTopology.of(lesson);
        NetState state = new NetState(before, 0);
        assertTrue(new PacketTracer(state).trace("web2", "web1", Protocol.ICMP, 0).delivered());
        NetIface was = nic(before, "web1");

        NetTopology after = NetTopology.of(web1OnHost2());
        state.advance(1_000_000);
        NetState moved = state.carriedTo(after);
        NetIface now = nic(after, "web1");
        assertEquals(was.mac(), now.mac(), "its MAC");
        assertEquals(was.ip(), now.ip(), "its address");
        assertEquals(Ip.of(172, 16, 10, 2), now.ip());
        assertEquals("host2/dvs1", after.switches().get(now.sw()).name());

        PacketTracer tracer = new PacketTracer(moved);
        Trace t = tracer.trace("web2", "web1", Protocol.ICMP, 0);
        assertTrue(t.delivered(), t.toString());
        assertEquals(List.of("web2", "host2/dvs1", "web1"), t.request().packetHops().stream().map(Hop::device).toList());
        assertTrue(tracer.trace("web1", "web2", Protocol.TCP, 80).delivered());
        // Still nothing on VLAN 20, though Database 2 is now on the same host and Database 1 on the other.
        for (String db : List.of("db2", "db1")) {
            Trace x = tracer.trace("web1", db, Protocol.ICMP, 0);
            assertEquals(DropReason.NO_ROUTE, x.verdict().reason(), db);
        }
    }

    @Test
    void theTextsQuoteTheVlansAndAddresses() {
        for (String text : List.of(lesson.goal().en(), lesson.goal().zh())) {
            for (String quoted : List.of("VLAN 10", "VLAN 20", "172.16.10.2", "172.16.10.3", "172.16.20.0/24")) {
                assertTrue(text.contains(quoted), quoted + " in " + text);
            }
        }
        assertTrue(lesson.steps().get(2).en().contains("172.16.10.2"));
        assertTrue(lesson.steps().get(2).zh().contains("172.16.10.2"));
        assertTrue(lesson.steps().get(0).en().contains("eth1") && lesson.steps().get(0).zh().contains("eth1"));
    }
}
