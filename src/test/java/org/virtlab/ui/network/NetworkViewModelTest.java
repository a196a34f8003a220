package org.virtlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.Protocol;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;

/**
 * The Network tab's state without a window, on the lesson network-models (scenarios/network-models.json: Host 1
 * with the NAT network "default" and the isolated "backend"; Host 2 with the routed "lab" and the bridged "LAN";
 * the distributed switch "DSwitch" with port groups Web, VLAN 10, and DB, VLAN 20).
 */
class NetworkViewModelTest {

    private static Scenario lesson() throws Exception {
        return Lessons.load("network-models").scenario();
    }

    private static NetworkViewModel model(Locale locale) throws Exception {
        // The heat map's work in place, so that its result is there when setShowing returns (ReachModelTest
        // covers the threads).
        NetworkViewModel vm = new NetworkViewModel(new I18n(locale), Runnable::run, Runnable::run);
        LocalNetwork.attach(vm, lesson());
        return vm;
    }

    private static void send(NetworkViewModel vm, String from, String to) {
        vm.choosePair(from, to);
        assertTrue(vm.send(), from + " → " + to);
    }

    @Test
    void listsTheLessonsEndpointsByName() throws Exception {
        NetworkViewModel vm = model(Locale.ENGLISH);
        // NetTopology.endpoints(): hosts, then every plugged-in NIC in scenario order (Test VM's nic1 is plugged
        // into nothing, the lesson's second step says so), then the LAN machine and the Internet (PhysicalLan).
        assertEquals(List.of("host1", "host2", "web1:nic0", "web1:nic1", "db1:nic0", "db1:nic1", "test1:nic0",
                "web2:nic0", "web2:nic1", "files:nic0", "files:nic1", "lan-pc", "internet"), vm.endpoints());
        // "VM name · nic (network)": the names the lesson gives Web 1, its network "default" and port group "Web".
        assertEquals("Web 1 · nic0 (default)", vm.endpointLabel("web1:nic0"));
        assertEquals("Web 1 · nic1 (Web)", vm.endpointLabel("web1:nic1"));
        assertEquals("Host 2", vm.endpointLabel("host2"));
        assertEquals("LAN PC", vm.endpointLabel("lan-pc"));
        assertEquals("互联网", model(Locale.SIMPLIFIED_CHINESE).endpointLabel("internet"));
        // Test VM's nic1 is wired to nothing: no endpoint, and the tab says so, naming the VM and the NIC.
        assertEquals("Not connected, so no traces from or to them: Test VM · nic1", vm.unwiredProperty().get());
        assertEquals("未连接，因此不能作为追踪的起点或终点：Test VM · nic1",
                model(Locale.SIMPLIFIED_CHINESE).unwiredProperty().get());
    }

    @Test
    void aNatTraceBecomesRowsWithTheMasqueradeShown() throws Exception {
        NetworkViewModel vm = model(Locale.ENGLISH);
        send(vm, "web1:nic0", "internet");
        List<HopRow> hops = vm.hops();
        // A network that has seen no traffic: before each machine sends on, it asks for the next hop's MAC (RFC 826),
        // four ARP rows each (the request, the bridge or switch flooding it, the answer, the switch forwarding it).
        // web1 asks for its gateway 192.168.122.1, Host 1 for the router, the router for the Internet server.
        HopRow ask = hops.get(0);
        assertTrue(ask.arp());
        assertEquals("ARP request", ask.frame());
        assertEquals("who has 192.168.122.1? tell 192.168.122.2", ask.ips());
        assertEquals("52:54:00" + ask.macs().substring(8, 17) + " → ff:ff:ff:ff:ff:ff", ask.macs());
        assertTrue(hops.get(1).lookups().get(0).startsWith("broadcast vlan 1 ff:ff:ff:ff:ff:ff: flooded to "),
                hops.get(1).lookups().toString());
        assertEquals("ARP reply", hops.get(2).frame());
        assertEquals("Host 1", hops.get(2).device());
        // The packet's own rows: web1 → virbr0 → host1 → LAN switch → router → WAN switch → internet (the engine's
        // PhysicalLan: the router sits between the LAN and the WAN); the reply comes back the same way, without
        // ARP: each machine noted the asker's MAC from the request (RFC 826's merge step).
        List<HopRow> packet = hops.stream().filter(h -> !h.arp()).toList();
        assertEquals(List.of("Web 1", "virbr0", "Host 1", "LAN", "Router", "WAN", "Internet"),
                packet.subList(0, 7).stream().map(HopRow::device).toList());
        assertEquals(7 + 3 * 4, vm.requestHopsProperty().get());
        assertEquals(7 + 3 * 4 + 7, hops.size());
        assertEquals(14, packet.size());
        assertEquals("Linux bridge · Host 1", packet.get(1).caption());
        // The guest's lease is the first of the default network's DHCP range, .2 (libvirt formatnetwork.html:
        // 192.168.122.2–254); its echo id the first ephemeral port, 32768 (Linux ip_local_port_range).
        HopRow guest = packet.get(0);
        assertEquals("192.168.122.2 → 203.0.113.10 (echo id 32768)", guest.ips());
        assertEquals("· → nic0", guest.ports());
        assertEquals("—", guest.vlan());
        // Host 1 masquerades behind its LAN address 10.0.0.11 (PhysicalLan: hosts from .11 in scenario order),
        // keeping the port, which is free (libvirt's -j MASQUERADE --to-ports 1024-65535; nf_nat keeps a free one).
        HopRow host = packet.get(2);
        assertEquals(List.of(new HopRow.RewriteText("masquerade: source", "192.168.122.2:32768", "10.0.0.11:32768")),
                host.rewrites());
        assertTrue(host.lookups().contains("route to 203.0.113.10: default via 10.0.0.1 dev eth0"), host.lookups().toString());
        assertEquals("10.0.0.11 → 203.0.113.10 (echo id 32768)", host.ips());
        // The reply is translated back at Host 1 through its conntrack entry (virtualization.md §4).
        HopRow back = packet.get(11);
        assertTrue(back.reply());
        assertEquals(List.of(new HopRow.RewriteText("reply translated back: destination", "10.0.0.11:32768",
                "192.168.122.2:32768")), back.rewrites());
        assertEquals("ICMP echo from Web 1 · nic0 (default) to Internet", vm.tracedProperty().get());
        assertEquals("Delivered to Web 1.", vm.replyVerdictProperty().get());
    }

    @Test
    void stepsThroughTheRequestThenTheReply() throws Exception {
        NetworkViewModel vm = model(Locale.ENGLISH);
        assertEquals(-1, vm.stepProperty().get());
        send(vm, "web1:nic0", "internet");
        assertEquals(0, vm.stepProperty().get(), "Send shows the packet at its source");
        assertFalse(vm.canStepBackBinding().get());
        vm.stepForward();
        vm.stepForward();
        // 19 request hops: 7 of the packet and 3 ARP exchanges of 4 (see aNatTraceBecomesRows…); the third is
        // Host 1 answering web1's ARP request for its gateway address.
        assertEquals("Request, hop 3 of 19: Host 1 (host). ARP reply: 192.168.122.1 is at "
                + vm.hops().get(2).macs().substring(0, 17) + ".", vm.currentBinding().get());
        assertEquals("host1", vm.tables().chosenProperty().get(), "the tables follow the packet");
        vm.togglePlay();
        for (int i = 0; i < 30; i++) {
            vm.tick();
        }
        assertEquals(25, vm.stepProperty().get());
        assertFalse(vm.playingProperty().get(), "Play stops at the end");
        assertEquals("Reply, hop 7 of 7: Web 1 (VM). Delivered to Web 1.", vm.currentBinding().get());
        vm.stepBack();
        assertEquals(24, vm.stepProperty().get());
        vm.rewind();
        assertEquals(0, vm.stepProperty().get());
    }

    @Test
    void aDropIsSaidInWordsInBothLanguages() throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            NetworkViewModel vm = model(locale);
            send(vm, "lan-pc", "web1:nic0");
            // The LAN router has routes only to the LAN, the WAN and networks that ask for one (lanRoute): a NAT
            // network's subnet is not among them (libvirt: NAT guests are reached only through port forwards).
            int last = vm.requestHopsProperty().get() - 1;
            assertTrue(vm.isDropAt(last));
            assertEquals(vm.hops().size() - 1, last, "no reply after a dropped request");
            String expected = locale == Locale.ENGLISH ? "Dropped at Router: Router has no route to 192.168.122.2."
                    : "在 路由器 被丢弃：路由器 没有到 192.168.122.2 的路由。";
            assertEquals(expected, vm.requestVerdictProperty().get());
        }
        NetworkViewModel vm = model(Locale.SIMPLIFIED_CHINESE);
        send(vm, "internet", "host1");
        // The router masquerades the LAN behind its WAN address and forwards no port (PhysicalLan).
        assertEquals("在 路由器 被丢弃：路由器 拒绝进入 \"wan\" 的新连接：NAT 之后只有应答和端口转发能进入。",
                vm.requestVerdictProperty().get());
    }

    @Test
    void theNetworkRemembersBetweenSendsUntilAReset() throws Exception {
        NetworkViewModel vm = new NetworkViewModel(new I18n(Locale.ENGLISH), Runnable::run, Runnable::run);
        LocalNetwork local = LocalNetwork.attach(vm, lesson());
        send(vm, "db1:nic0", "test1:nic0");
        // RFC 826: the first packet to a neighbour waits for an ARP request broadcast on the segment and its answer;
        // the bridge floods the broadcast (IEEE 802.1D), and the rows say so before the packet's own.
        assertTrue(vm.hops().get(0).arp());
        assertTrue(vm.hops().get(1).lookups().get(0).startsWith("broadcast vlan 1 ff:ff:ff:ff:ff:ff: flooded to "),
                vm.hops().get(1).lookups().toString());
        assertTrue(vm.hops().get(4).lookups().get(1).startsWith("ARP request for "), vm.hops().get(4).lookups().toString());
        // The broadcast and its answer taught the isolated network's bridge virbr1 both MACs (IEEE 802.1D learning,
        // as the engine's LinuxBridgeTest shows): one frame to one port, not flooded.
        assertTrue(vm.hops().get(5).lookups().get(0).startsWith("MAC table: vlan 1 "), vm.hops().get(5).lookups().toString());
        vm.tables().chosenProperty().set("host1/virbr1");
        assertEquals(2, vm.tables().macRows().size(), "virbr1 learned db1 and test1");

        send(vm, "db1:nic0", "test1:nic0");
        // Linux keeps the neighbour entry for about a minute (gc_stale_time 60 s, ip-sysctl): no second broadcast.
        assertTrue(vm.hops().get(0).lookups().get(1).startsWith("ARP cache: "), vm.hops().get(0).lookups().toString());

        // the simulation's time is the network's clock: 61 s later the entry is stale
        local.simulation().runUntil(local.simulation().nowMicros() + 61_000_000);
        vm.update(local.simulation().snapshot());
        send(vm, "db1:nic0", "test1:nic0");
        assertTrue(vm.hops().get(0).arp(), "asked again");

        send(vm, "db1:nic0", "test1:nic0");
        assertTrue(vm.hops().get(0).lookups().get(1).startsWith("ARP cache: "));
        // An edit the simulation follows (a VM renamed) keeps what the network learned: still cached.
        Scenario renamed = lesson().withVm(lesson().vm("db1").orElseThrow().withName("Database 2"));
        vm.edited(renamed);
        send(vm, "db1:nic0", "test1:nic0");
        assertTrue(vm.hops().get(0).lookups().get(1).startsWith("ARP cache: "));
        assertEquals("Database 2", vm.hops().get(0).device());
        // A Reset (a new simulation from time zero) starts a network that has seen no traffic: nothing cached.
        LocalNetwork.attach(vm, lesson());
        vm.tables().chosenProperty().set("host1/virbr1");
        assertEquals(0, vm.tables().macRows().size());
        send(vm, "db1:nic0", "test1:nic0");
        assertTrue(vm.hops().get(0).arp(), "asked again");
    }

    @Test
    void natLeavesAConntrackEntryWithBothTuples() throws Exception {
        NetworkViewModel vm = model(Locale.ENGLISH);
        vm.protocolProperty().set(Protocol.TCP);
        vm.portTextProperty().set("443");
        send(vm, "web1:nic0", "internet");
        vm.tables().chosenProperty().set("host1");
        // nf_conntrack: the original tuple as the guest sent it, the reply tuple to the host's masquerade address.
        assertEquals(List.of(List.of("tcp", "192.168.122.2:32768 → 203.0.113.10:443",
                "203.0.113.10:443 → 10.0.0.11:32768", "masquerade (source NAT)", "120.0 s")),
                vm.tables().conntrackRows()); // nf_conntrack_tcp_timeout_syn_sent: 120 s
        assertEquals(List.of("default", "10.0.0.1", "eth0"), vm.tables().routeRows().get(vm.tables().routeRows().size() - 1));
    }

    @Test
    void aPortOutOfRangeIsRefusedWhereTyped() throws Exception {
        NetworkViewModel vm = model(Locale.ENGLISH);
        vm.protocolProperty().set(Protocol.UDP);
        vm.portTextProperty().set("70000");
        // TCP and UDP ports are 16 bits; 0 is reserved (RFC 793, RFC 768): 1–65535.
        assertEquals("The port must be a whole number from 1 to 65535, was \"70000\"", vm.portErrorBinding().get());
        assertFalse(vm.canSendBinding().get());
        assertFalse(vm.send());
        vm.portTextProperty().set("53");
        assertEquals("", vm.portErrorBinding().get());
        assertTrue(vm.canSendBinding().get());
        vm.portTextProperty().set("x");
        vm.protocolProperty().set(Protocol.ICMP);
        assertTrue(vm.canSendBinding().get(), "ICMP has no port");
    }

    @Test
    void theHeatMapMatchesTheEngineAndAClickLoadsThePair() throws Exception {
        NetworkViewModel vm = model(Locale.ENGLISH);
        assertEquals(ReachModel.Matrix.EMPTY, vm.reach().matrixProperty().get(), "worked out only when shown");
        vm.setShowing(true);
        ReachModel.Matrix m = vm.reach().matrixProperty().get();
        assertEquals(13, m.ids().size());
        int web1 = m.ids().indexOf("web1:nic0");
        int lanPc = m.ids().indexOf("lan-pc");
        int internet = m.ids().indexOf("internet");
        // As `virtlab reach scenarios/network-models.json` prints it: NAT out is delivered, LAN in has no route.
        assertEquals(ReachModel.Outcome.DELIVERED, m.cells().get(web1).get(internet).outcome());
        ReachModel.Cell in = m.cells().get(lanPc).get(web1);
        assertEquals(ReachModel.Outcome.DROPPED, in.outcome());
        assertEquals("LAN PC → Web 1 · nic0 (default): dropped at Router: no route", in.tooltip());
        // Routed network "lab" without the router's route back: the request arrives, the reply is lost
        // (libvirt formatnetwork.html, routed mode; the lesson's third step).
        int web2 = m.ids().indexOf("web2:nic0");
        assertEquals(ReachModel.Outcome.REPLY_DROPPED, m.cells().get(web2).get(lanPc).outcome());
        vm.choosePair(in.from(), in.to());
        assertEquals("lan-pc", vm.fromProperty().get());
        assertEquals("web1:nic0", vm.toProperty().get());
        // With the sender's protocol: the matrix follows it (the same topology, TCP to port 22).
        vm.protocolProperty().set(Protocol.TCP);
        vm.portTextProperty().set("22");
        assertEquals("Reachability with TCP SYN 22: from the row to the column, on a network that has seen no traffic",
                vm.reach().matrixProperty().get().title());
    }
}
