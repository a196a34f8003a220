package org.virtlab.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PacketTracer;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Trace;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.topology.TracePlace.Where;

/**
 * Which element of the topology canvas each hop of a trace lands on. The hops are the engine's, as
 * {@code virtlab trace} prints them for the same scenario and probe (quoted at each test). Each probe is sent
 * twice on one network and the second trace is mapped: by then ARP caches and MAC tables are warm, so the trace
 * holds the packet's own hops only (an ARP exchange before the first packet is the same devices, in other order).
 */
class TracePlaceTest {

    private static Scenario lesson(String id) throws Exception {
        return Lessons.load(id).scenario();
    }

    private static Trace warm(Scenario s, String from, String to, Protocol protocol, int port) {
        NetState state = new NetState(NetTopology.of(s), 0);
        new PacketTracer(state).trace(from, to, protocol, port);
        return new PacketTracer(state).trace(from, to, protocol, port);
    }

    private static TracePlace nic(String vm, int index) {
        return new TracePlace(Where.NIC, vm, String.valueOf(index));
    }

    private static TracePlace net(String id) {
        return new TracePlace(Where.NETWORK, id, "");
    }

    private static TracePlace host(String id) {
        return new TracePlace(Where.HOST, id, "");
    }

    private static TracePlace lan(String towards) {
        return new TracePlace(Where.LAN, TracePlace.LAN, towards);
    }

    private static final TracePlace LAN_PC = new TracePlace(Where.LAN_PC, "lan-pc", "");
    private static final TracePlace ROUTER = new TracePlace(Where.ROUTER, "router", "");

    @Test
    void aMasqueradedConnectionGoesNicBridgeHostLanThenBackTheSameWay() throws Exception {
        // virtlab trace scenarios/net-nat-port-forward.json --from client1 --to lan-pc --proto tcp --port 80:
        //   client1 [· → nic0], host1/virbr0 [vnet1 → virbr0], host1 [virbr0 → eth0] (masquerade),
        //   lan-switch [host1-eth0 → lan-pc], lan-pc [eth0 → ·]; the reply the same devices backwards.
        // virbr0 is the bridge of the NAT network "default" (libvirt formatnetwork: <forward mode='nat'/> with
        // <bridge name='virbr0'/>): the NAT happens in the host, between the bridge and eth0.
        Scenario s = lesson("net-nat-port-forward");
        Trace t = warm(s, "client1:nic0", "lan-pc", Protocol.TCP, 80);
        assertEquals(List.of(nic("client1", 0), net("default"), host("host1"), lan("lan-pc"), LAN_PC,
                        LAN_PC, lan("host1"), host("host1"), net("default"), nic("client1", 0)),
                TracePlace.of(s, t));
        assertEquals("wire:client1:0", TracePlace.of(s, t).get(0).wireId());
    }

    @Test
    void aPortForwardComesInFromTheLanThroughTheHostToTheGuest() throws Exception {
        // virtlab trace scenarios/net-nat-port-forward.json --from lan-pc --to host1 --proto tcp --port 8080:
        //   lan-pc, lan-switch [lan-pc → host1-eth0], host1 [eth0 → virbr0] (port forward to 192.168.122.10:80),
        //   host1/virbr0 [virbr0 → vnet0], web [nic0 → ·]; and back.
        Scenario s = lesson("net-nat-port-forward");
        Trace t = warm(s, "lan-pc", "host1", Protocol.TCP, 8080);
        assertEquals(List.of(LAN_PC, lan("host1"), host("host1"), net("default"), nic("web", 0),
                        nic("web", 0), net("default"), host("host1"), lan("lan-pc"), LAN_PC),
                TracePlace.of(s, t));
    }

    @Test
    void aPacketToAGuestBehindNatStopsAtTheRouter() throws Exception {
        // The lesson's fourth step: lan-pc to Web server's 192.168.122.10 is dropped at the router, which has no
        // route to a NAT network's subnet (libvirt formatnetwork: NAT "hides" the guests behind the host).
        Scenario s = lesson("net-nat-port-forward");
        Trace t = warm(s, "lan-pc", "web:nic0", Protocol.ICMP, 0);
        List<TracePlace> places = TracePlace.of(s, t);
        assertEquals(LAN_PC, places.get(0));
        assertEquals(ROUTER, places.get(places.size() - 1));
        assertEquals(t.request().hops().size(), places.size()); // no reply: the request never arrived
    }

    @Test
    void aDistributedSwitchCarriesAVlanAcrossTheLanBetweenItsProxies() throws Exception {
        // virtlab trace scenarios/net-dvs-vlans.json --from web1 --to web2:
        //   web1 [· → nic0], host1/dvs1 [web1.nic0 → eth1], lan-switch [host1-eth1 → host2-eth1] (VLAN 10),
        //   host2/dvs1 [eth1 → web2.nic0], web2 [nic0 → ·]; the reply from web2 the same way back.
        Scenario s = lesson("net-dvs-vlans");
        Trace t = warm(s, "web1", "web2", Protocol.ICMP, 0);
        TracePlace proxy1 = new TracePlace(Where.DVS_UPLINK, "dvs1", "host1");
        TracePlace proxy2 = new TracePlace(Where.DVS_UPLINK, "dvs1", "host2");
        assertEquals(List.of(nic("web1", 0), proxy1, lan("host2"), proxy2, nic("web2", 0),
                        nic("web2", 0), proxy2, lan("host1"), proxy1, nic("web1", 0)),
                TracePlace.of(s, t));
    }

    @Test
    void aBridgedGuestReachesTheInternetOverBr0TheLanTheRouterAndTheWan() throws Exception {
        // virtlab trace scenarios/net-four-models.json --from br1 --to internet: br1, host1/br0 [vnet6 → eth0],
        // lan-switch [host1-eth0 → router], router (masquerade), wan-switch [router → internet], internet.
        // A bridged network is the host bridge holding the physical NIC (libvirt formatnetwork, <forward
        // mode='bridge'/>): the guest is a LAN host, its frames go from br0 straight onto the LAN.
        Scenario s = lesson("net-four-models");
        Trace t = warm(s, "br1", "internet", Protocol.ICMP, 0);
        List<TracePlace> request = TracePlace.of(s, t).subList(0, t.request().hops().size());
        assertEquals(List.of(nic("br1", 0), net("lan"), lan("router"), ROUTER,
                new TracePlace(Where.WAN, TracePlace.WAN, ""), new TracePlace(Where.INTERNET, "internet", "")), request);
    }
}
