package org.virtlab.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.Scenario;

/**
 * The truth table of libvirt's four network models (libvirt.org/formatnetwork.html, the {@code forward} element;
 * wiki.libvirt.org/VirtualNetworking.html; virtualization.md §4), on {@link NetScenarios#fourModels}: one host
 * with a NAT, an isolated, a routed and a bridged network, two guests on each, the LAN machine and the Internet
 * server. Each row: from, to, what comes of an ICMP echo, and the device that delivered or dropped it.
 */
class FourModelsTest {

    private static String outcome(Scenario scenario, String from, String to) {
        Trace t = new PacketTracer(new NetState(NetTopology.of(scenario), 0)).trace(from, to, Protocol.ICMP, 0);
        return t.summary() + " @" + t.verdict().device();
    }

    private static void assertTable(Scenario scenario, String[][] table) {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (String[] row : table) {
            expected.add(row[0] + " → " + row[1] + ": " + row[2]);
            actual.add(row[0] + " → " + row[1] + ": " + outcome(scenario, row[0], row[1]));
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    @Test
    void isolatedGuestsReachEachOtherAndTheHostAndNothingElse() {
        // formatnetwork.html: "If there is no forward element, the network will be isolated from any other
        // network"; the host's own address on the bridge is on the network, so guests reach it. libvirt's dnsmasq
        // gives an isolated network no default router, so a guest has no route off its subnet.
        assertTable(NetScenarios.fourModels(), new String[][] {
            {"iso1", "iso2", "delivered @iso1"},
            {"iso1", "host1", "delivered @iso1"},
            {"host1", "iso1", "delivered @host1"},
            {"iso1", "lan-pc", "dropped: no-route @iso1"},
            {"lan-pc", "iso1", "dropped: no-route @router"},
            {"iso1", "internet", "dropped: no-route @iso1"},
            {"internet", "iso1", "dropped: no-route @router"},
        });
    }

    @Test
    void natGuestsReachOutButNobodyConnectsIn() {
        // formatnetwork.html, mode='nat': traffic to the physical network is forwarded "after the guest's IP
        // address is translated to appear as the host machine's public IP address"; "Inbound connections from
        // other networks are all prohibited; all connections between guests on the same network, and to/from the
        // host to the guests, are unrestricted and not NATed" (replies come back through conntrack).
        assertTable(NetScenarios.fourModels(), new String[][] {
            {"nat1", "nat2", "delivered @nat1"},
            {"nat1", "host1", "delivered @nat1"},
            {"host1", "nat1", "delivered @host1"},
            {"nat1", "lan-pc", "delivered @nat1"},
            {"lan-pc", "nat1", "dropped: no-route @router"},
            {"nat1", "internet", "delivered @nat1"},
            {"internet", "nat1", "dropped: no-route @router"},
        });
    }

    @Test
    void routedGuestsGetOutButRepliesNeedTheLanRoutersRouteBack() {
        // formatnetwork.html, mode='route': forwarded "via the host's IP routing stack, but without having NAT
        // applied"; "This presumes that the local LAN router has suitable routing table entries to return traffic
        // to this host" — without them requests leave and the replies (and anything aimed at the guests) die at
        // the router.
        assertTable(NetScenarios.fourModels(), new String[][] {
            {"routed1", "routed2", "delivered @routed1"},
            {"routed1", "host1", "delivered @routed1"},
            {"host1", "routed1", "delivered @host1"},
            {"routed1", "lan-pc", "dropped: no-route (reply) @router"},
            {"lan-pc", "routed1", "dropped: no-route @router"},
            {"routed1", "internet", "dropped: no-route (reply) @router"},
            {"internet", "routed1", "dropped: no-route @router"},
        });
    }

    @Test
    void routedGuestsAreLanHostsOnceTheRouterHasTheRoute() {
        // The same with the static route on the LAN router (lanRoute): both ways work on the LAN; the Internet
        // still cannot open connections through the router's own masquerade (only replies get in).
        assertTable(NetScenarios.fourModels(true, List.of(NicSpec.toNetwork(NetScenarios.NAT))), new String[][] {
            {"routed1", "routed2", "delivered @routed1"},
            {"routed1", "host1", "delivered @routed1"},
            {"host1", "routed1", "delivered @host1"},
            {"routed1", "lan-pc", "delivered @routed1"},
            {"lan-pc", "routed1", "delivered @lan-pc"},
            {"routed1", "internet", "delivered @routed1"},
            {"internet", "routed1", "dropped: nat-inbound-refused @router"},
        });
    }

    @Test
    void bridgedGuestsAreHostsOfTheLan() {
        // formatnetwork.html, mode='bridge': "at the IP level, the guest interface appears to be directly
        // connected to the physical interface", with LAN addresses (here from the router's DHCP, 10.0.0.100 on);
        // virtualization.md §4: the guest is a LAN host.
        assertTable(NetScenarios.fourModels(), new String[][] {
            {"br1", "br2", "delivered @br1"},
            {"br1", "host1", "delivered @br1"},
            {"host1", "br1", "delivered @host1"},
            {"br1", "lan-pc", "delivered @br1"},
            {"lan-pc", "br1", "delivered @lan-pc"},
            {"br1", "internet", "delivered @br1"},
            {"internet", "br1", "dropped: nat-inbound-refused @router"},
        });
    }

    @Test
    void theHostFirewallStopsWhatTheRouterWouldLetThrough() {
        // With the router routing every subnet to host1, the host's own rules decide (libvirt.org/firewall.html):
        // an isolated network forwards nothing, a NAT network accepts only replies, a routed one everything.
        Scenario s = NetScenarios.fourModels(true, List.of(NicSpec.toNetwork(NetScenarios.NAT)));
        Scenario all = s.withNetworks(s.networks().stream()
                .map(n -> n.subnet() == null ? n : n.withLanRoute(true)).toList());
        assertTable(all, new String[][] {
            {"lan-pc", "iso1", "dropped: isolated-network @host1"},
            {"lan-pc", "nat1", "dropped: nat-inbound-refused @host1"},
            {"lan-pc", "routed1", "delivered @lan-pc"},
            {"routed1", "nat1", "dropped: nat-inbound-refused @host1"},
            {"nat1", "routed1", "delivered @nat1"},
        });
    }

    @Test
    void theMatrixAgreesWithSingleTraces() {
        NetTopology t = NetTopology.of(NetScenarios.fourModels());
        Reachability r = Reachability.of(t, 0, Protocol.ICMP, 0);
        assertEquals(12, r.endpoints().size()); // host1, host2, 8 NICs, lan-pc, internet
        assertEquals("delivered", r.cell("nat1:nic0", "internet").summary());
        assertEquals("dropped: no-route (reply)", r.cell("routed1:nic0", "lan-pc").summary());
        assertEquals("dropped: no-route", r.cell("iso1:nic0", "lan-pc").summary());
        for (String e : r.endpoints()) {
            assertEquals("delivered", r.cell(e, e).summary(), e + " reaches itself over loopback");
        }
        // host2 (no networks of its own) reaches the bridged guests over the LAN, not host1's private subnets.
        assertEquals("delivered", r.cell("host2", "br1:nic0").summary());
        assertEquals("dropped: no-route", r.cell("host2", "nat1:nic0").summary());
    }
}
