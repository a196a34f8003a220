package org.virtlab.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The distributed switch (virtualization.md §4: a proxy switch on each host, uplinks, port groups with VLANs
 * 1–4094; "a VM keeps its port and policy when it moves between hosts"), its port groups' VLANs carried between
 * hosts tagged over the LAN (IEEE 802.1Q), each VLAN its own broadcast domain.
 */
class DistributedSwitchTest {

    @Test
    void aPortGroupSpansHostsTaggedOverTheLan() {
        NetState state = new NetState(NetTopology.of(NetScenarios.dvs()), 0);
        Trace t = new PacketTracer(state).trace("web1", "web2", Protocol.ICMP, 0);
        assertTrue(t.delivered());
        List<String> devices = t.request().packetHops().stream().map(Hop::device).toList();
        assertEquals(List.of("web1", "host1/dvs1", "lan-switch", "host2/dvs1", "web2"), devices);
        // 802.1Q: tagged with VLAN 10 on the trunks between the hosts' uplinks and the LAN switch, untagged at
        // the VMs' access ports.
        assertEquals(List.of(0, 10, 10, 0, 0),
                t.request().packetHops().stream().map(h -> h.headers().vlan()).toList());
        // The proxy does not learn: it knows its VMs from their configuration and sends the rest to its uplink.
        assertEquals(Lookup.Kind.MAC_UPLINK, t.request().packetHops().get(1).lookups().get(0).kind());
        assertEquals(Lookup.Kind.MAC_STATIC, t.request().packetHops().get(3).lookups().get(0).kind());
    }

    @Test
    void differentVlansAreIsolated() {
        NetTopology topology = NetTopology.of(NetScenarios.dvs());
        NetState state = new NetState(topology, 0);
        PacketTracer tracer = new PacketTracer(state);
        assertTrue(tracer.trace("db1", "db2", Protocol.TCP, 5432).delivered());
        // web1's VLAN 10 has its own subnet and no router: db2 (VLAN 20) is not on any of its routes.
        Trace t = tracer.trace("web1", "db2", Protocol.TCP, 5432);
        assertEquals("dropped: no-route", t.summary());
        // And at layer 2: an ARP broadcast for db2's address on VLAN 10 never reaches VLAN 20's ports (an
        // access port of VLAN 20 takes no frame of VLAN 10, IEEE 802.1Q's egress rules), nobody answers.
        NetIface web1 = topology.iface(topology.nodeIndex("web1"), 0);
        NetIface db2 = topology.iface(topology.nodeIndex("db2"), 0);
        assertEquals(-1, new Fabric(topology, state).arp(web1.sw(), web1.port(), web1.mac(), db2.ip()));
        // The same request from db1, on VLAN 20, is answered.
        NetIface db1 = topology.iface(topology.nodeIndex("db1"), 0);
        assertEquals(db2.mac(), new Fabric(topology, state).arp(db1.sw(), db1.port(), db1.mac(), db2.ip()));
    }

    @Test
    void aVmMovedToAnotherHostKeepsItsPortGroupAddressesAndReachability() {
        NetTopology before = NetTopology.of(NetScenarios.dvs("host1"));
        NetState state = new NetState(before, 0);
        PacketTracer tracer = new PacketTracer(state);
        assertTrue(tracer.trace("web2", "web1", Protocol.ICMP, 0).delivered());
        NetIface was = before.iface(before.nodeIndex("web1"), 0);

        NetTopology after = NetTopology.of(NetScenarios.dvs("host3"));
        state.advance(1_000_000);
        NetState moved = state.carriedTo(after);
        NetIface now = after.iface(after.nodeIndex("web1"), 0);
        assertEquals(was.mac(), now.mac());
        assertEquals(was.ip(), now.ip());
        assertEquals("host3/dvs1", after.switches().get(now.sw()).name());
        // The move's announcement taught the LAN switch where web1 went before any traffic: host3's uplink
        // (eth1; eth0 is the host's own LAN NIC).
        int lan = after.switchIndex(PhysicalLan.LAN_SWITCH);
        MacTable.Entry entry = moved.macTable(lan).entries(moved.nowMicros()).stream()
                .filter(e -> e.mac() == now.mac()).findFirst().orElseThrow();
        assertEquals("host3-eth1", after.switches().get(lan).ports().get(entry.port()).name());
        // web2 still has web1's MAC in its ARP cache: its frames now go to host3.
        Trace t = new PacketTracer(moved).trace("web2", "web1", Protocol.ICMP, 0);
        assertTrue(t.delivered(), t.toString());
        assertEquals(Lookup.Kind.ARP_CACHED, t.request().packetHops().get(0).lookups().get(1).kind());
        assertEquals(List.of("web2", "host2/dvs1", "lan-switch", "host3/dvs1", "web1"),
                t.request().packetHops().stream().map(Hop::device).toList());
        assertTrue(new PacketTracer(moved).trace("web1", "web2", Protocol.TCP, 80).delivered());
    }
}
