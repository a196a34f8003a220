package org.virtlab.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.Scenario;

/**
 * The network as a subsystem of the simulation: a probe sent as an input is traced at its tick, its hops, NAT
 * rewrites and verdicts journaled in order, and what it taught the network (connection tracking above all) is part
 * of every checkpoint, so Back across a NAT rewrite forgets it and Forward re-creates it exactly. The scenario is
 * NetScenarios.fourModels (host1 with the NAT network "default": nat1 = 192.168.122.2, nat2 = .3; host1 on the LAN as
 * 10.0.0.11; lan-pc 10.0.0.50); the expected translations are NatTest's (libvirt.org/firewall.html: MASQUERADE
 * --to-ports 1024-65535; nf_nat keeps a free source port, else takes another).
 */
class NetSubsystemTest {
    private static final long NAT1_PORT = NetSubsystem.ipPort(Ip.of(192, 168, 122, 2), 32768);
    private static final long NAT2_PORT = ipPortOf(192, 168, 122, 3, 32768);
    private static final long HOST1_32768 = ipPortOf(10, 0, 0, 11, 32768);
    private static final long HOST1_32769 = ipPortOf(10, 0, 0, 11, 32769);

    private static long ipPortOf(int a, int b, int c, int d, int port) {
        return NetSubsystem.ipPort(Ip.of(a, b, c, d), port);
    }

    /** fourModels with a journal; nat1 sends UDP to lan-pc:53 at 1 s, nat2 the same at 2 s; run to {@code until}. */
    private static Simulation twoProbes(long until) {
        Scenario s = NetScenarios.fourModels();
        Simulation sim = Simulations.of(s, s.seed(), true);
        sim.enableJournal(1_000_000);
        sim.runUntil(Math.min(until, 1_000_000));
        if (until > 1_000_000) {
            sim.submit(new SendProbe("nat1", "lan-pc", Protocol.UDP, 53));
            sim.runUntil(Math.min(until, 2_000_000));
        }
        if (until > 2_000_000) {
            sim.submit(new SendProbe("nat2", "lan-pc", Protocol.UDP, 53));
            sim.runUntil(until);
        }
        return sim;
    }

    private static List<SimEvent> network(Simulation sim) {
        List<SimEvent> out = new ArrayList<>();
        for (SimEvent e : sim.journal().events()) {
            if (e.kind().name().startsWith("PACKET_") || e.kind().name().startsWith("NAT_")) {
                out.add(e);
            }
        }
        return out;
    }

    private static NetSnapshot net(Simulation sim) {
        return sim.snapshot().find(NetSnapshot.class).orElseThrow();
    }

    @Test
    void aProbeIsJournaledHopByHopAsThePacketTracerTracesIt() {
        Simulation sim = twoProbes(1_500_000);
        // The same probe traced directly on a network that has seen no traffic: the events must tell its story.
        NetState fresh = new NetState(NetTopology.of(NetScenarios.fourModels()), 1_000_000);
        Trace expected = new PacketTracer(fresh).trace("nat1", "lan-pc", Protocol.UDP, 53);
        NetSnapshot snap = net(sim);
        assertEquals(1, snap.probes());
        assertEquals(expected, snap.last());

        List<SimEvent> events = network(sim);
        List<String> told = new ArrayList<>();
        for (SimEvent e : events) {
            assertEquals(1_000_000, e.atMicros(), "all at the start of the tick the probe took effect in");
            assertEquals(1, e.arg(0), "the first probe");
            assertEquals("nat1:nic0", e.peerId(), "the probe's source endpoint (NetTopology.endpoint: a VM name means its first NIC)");
            if (e.kind() == EventKind.PACKET_HOP) {
                told.add(e.arg(1) + ":" + e.arg(2) + ":" + e.deviceId() + ":" + e.cause());
            }
        }
        List<String> hops = new ArrayList<>();
        int n = 1;
        for (Hop h : expected.request().hops()) {
            hops.add("0:" + n++ + ":" + h.device() + ":" + h.frame());
        }
        n = 1;
        for (Hop h : expected.reply().hops()) {
            hops.add("1:" + n++ + ":" + h.device() + ":" + h.frame());
        }
        assertEquals(hops, told);
        // host1 masquerades the request's source and translates the reply's destination back (NatTest).
        List<SimEvent> nat = events.stream().filter(e -> e.kind().name().startsWith("NAT_")).toList();
        assertEquals(2, nat.size());
        assertEquals(EventKind.NAT_SOURCE_REWRITE, nat.get(0).kind());
        assertEquals(Rewrite.Kind.MASQUERADE, nat.get(0).cause());
        assertEquals("host1", nat.get(0).deviceId());
        assertEquals("host1", nat.get(0).hostId());
        assertEquals(List.of(1L, NAT1_PORT, HOST1_32768), nat.get(0).args());
        assertEquals(EventKind.NAT_DESTINATION_REWRITE, nat.get(1).kind());
        assertEquals(Rewrite.Kind.REVERSE, nat.get(1).cause());
        assertEquals(List.of(1L, HOST1_32768, NAT1_PORT), nat.get(1).args());
        // Each leg ends in a verdict: the request delivered to lan-pc, the reply to nat1, a guest of host1.
        List<SimEvent> ends = events.stream().filter(e -> e.kind() == EventKind.PACKET_DELIVERED).toList();
        assertEquals(List.of("lan-pc", "nat1"), ends.stream().map(SimEvent::deviceId).toList());
        assertEquals("nat1", ends.get(1).vmId());
        assertEquals("host1", ends.get(1).hostId());
        // a hop at the guest is the VM's; a hop at host1's bridge is host1's
        SimEvent first = events.get(0);
        assertEquals("nat1", first.vmId());
        SimEvent bridge = events.stream().filter(e -> e.deviceId().startsWith("host1/")).findFirst().orElseThrow();
        assertNull(bridge.vmId());
        assertEquals("host1", bridge.hostId());
    }

    @Test
    void backAcrossANatRewriteForgetsItsConntrackEntryAndForwardRestoresIt() {
        Simulation sim = twoProbes(3_000_000);
        NetSnapshot atEnd = net(sim);
        List<SimEvent> all = sim.journal().events();
        int host1 = NetTopology.of(NetScenarios.fourModels()).nodeIndex("host1");
        // Two masquerades: nat2 clashed with nat1's tuple and was remapped to 32769 (NatTest).
        List<SimEvent> masq = network(sim).stream().filter(e -> e.kind() == EventKind.NAT_SOURCE_REWRITE).toList();
        assertEquals(List.of(List.of(1L, NAT1_PORT, HOST1_32768), List.of(2L, NAT2_PORT, HOST1_32769)),
                masq.stream().map(SimEvent::args).toList());
        assertEquals(2, atEnd.state().conntrack(host1).entries(3_000_000).size());

        // Back to between the two probes: one conntrack entry (nat1's), the second rewrite gone from the journal
        sim.rewindTo(1_500_000);
        NetSnapshot between = net(sim);
        assertEquals(1, between.probes());
        assertEquals("nat1:nic0", between.last().from());
        List<Conntrack.Entry> entries = between.state().conntrack(host1).entries(1_500_000);
        assertEquals(1, entries.size());
        assertEquals(32768, entries.get(0).replyDstPort(), "nat1's masquerade kept its port");
        assertEquals(twoProbes(1_500_000).snapshot(), sim.snapshot(), "as a straight run to 1.5 s");
        assertTrue(network(sim).stream().allMatch(e -> e.arg(0) == 1), "only the first probe's events");

        // Back to before any probe: the network has seen no traffic
        sim.rewindTo(500_000);
        assertNull(net(sim).state());
        assertEquals(0, net(sim).probes());
        assertEquals(List.of(), network(sim));

        // Forward again: bit-identical to the straight run, the remapped second masquerade included
        sim.runUntil(3_000_000);
        assertEquals(atEnd, net(sim));
        assertEquals(all, sim.journal().events());
        assertEquals(twoProbes(3_000_000).snapshot(), sim.snapshot());
    }

    @Test
    void aNewProbeAfterBackStartsANewFutureOnTheRestoredNetwork() {
        Simulation sim = twoProbes(3_000_000);
        sim.rewindTo(500_000);
        // nat2 first this time: nobody holds 32768 behind host1 yet, so its masquerade keeps the port (nf_nat)
        sim.submit(new SendProbe("nat2", "lan-pc", Protocol.UDP, 53));
        sim.runUntil(3_000_000);
        List<SimEvent> masq = network(sim).stream().filter(e -> e.kind() == EventKind.NAT_SOURCE_REWRITE).toList();
        assertEquals(List.of(List.of(1L, NAT2_PORT, HOST1_32768)), masq.stream().map(SimEvent::args).toList());
        assertEquals(1, net(sim).probes());
    }

    @Test
    void connectionTrackingAgesWithSimulatedTime() {
        Simulation sim = twoProbes(1_500_000);
        int host1 = NetTopology.of(NetScenarios.fourModels()).nodeIndex("host1");
        assertEquals(1, net(sim).state().conntrack(host1).entries(sim.nowMicros()).size());
        // UDP entries live 30 s (Conntrack.UDP_TIMEOUT_MICROS, nf_conntrack_udp_timeout): gone at 1 s + 30 s + 1 ms
        sim.runUntil(1_000_000 + Conntrack.UDP_TIMEOUT_MICROS + 1_000);
        NetState later = net(sim).state();
        assertEquals(sim.nowMicros(), later.nowMicros());
        assertEquals(0, later.conntrack(host1).entries(later.nowMicros()).size());
    }

    @Test
    void aRefusedProbeTeachesNothingAndJournalsNothing() {
        Simulation sim = twoProbes(1_500_000);
        NetSnapshot before = net(sim);
        int events = sim.journal().size();
        sim.submit(new SendProbe("nat1", "nowhere", Protocol.ICMP, 0));
        assertThrows(IllegalArgumentException.class, sim::step);
        assertEquals(before.probes(), net(sim).probes());
        assertEquals(events, sim.journal().size());
        assertThrows(IllegalArgumentException.class, () -> new SendProbe("a", "b", Protocol.TCP, 70_000));
    }

    @Test
    void aRewireCarriesWhatTheNetworkLearnedToTheEditedScenario() {
        Simulation sim = twoProbes(1_500_000);
        int host1 = NetTopology.of(NetScenarios.fourModels()).nodeIndex("host1");
        // nat2's NIC unplugged: the network changes, host1's conntrack entry for nat1 stays
        Scenario s = NetScenarios.fourModels();
        Scenario edited = s.withVm(s.vm("nat2").orElseThrow().withNics(List.of(NicSpec.UNWIRED)));
        sim.submit(new Rewire(edited));
        sim.step();
        NetState after = net(sim).state();
        assertEquals(1, after.conntrack(after.topology().nodeIndex("host1")).entries(after.nowMicros()).size());
        assertTrue(host1 >= 0);
        sim.submit(new SendProbe("nat2:nic0", "lan-pc", Protocol.UDP, 53));
        assertThrows(IllegalArgumentException.class, sim::step, "an unplugged NIC is no endpoint");
    }

    @Test
    void aVmMovedByLiveMigrationIsFoundOnItsNewHostWithoutAnEdit() {
        // NetScenarios.dvs: web1 (host1) and web2 (host2) on port group pg-web of dvs1, which spans both hosts: a frame
        // between them crosses the physical LAN between host1's and host2's proxies of the switch
        Scenario s = NetScenarios.dvs();
        Simulation sim = Simulations.of(s, s.seed(), false);
        sim.enableJournal(1_000_000);
        sim.submit(new SendProbe("web1", "web2", Protocol.ICMP, 0));
        sim.step();
        assertTrue(net(sim).last().request().hops().stream().anyMatch(h -> h.device().startsWith("host1/")));
        sim.submit(new org.virtlab.engine.migration.StartMigration("web1", "host2"));
        org.virtlab.engine.cpu.CpuSubsystem cpu = sim.subsystems().stream()
                .filter(org.virtlab.engine.cpu.CpuSubsystem.class::isInstance)
                .map(org.virtlab.engine.cpu.CpuSubsystem.class::cast).findFirst().orElseThrow();
        while (!cpu.hostOf("web1").equals("host2") && sim.nowMicros() < 120_000_000) {
            sim.step();
        }
        assertEquals("host2", cpu.hostOf("web1"), "the live migration ended");
        // no Rewire: at the next probe the network finds web1's NIC on host2's proxy of the same port group (a port
        // group stays plugged where its switch spans the target, Scenario.withVmMoved), so the ping stays on host2
        sim.submit(new SendProbe("web1", "web2", Protocol.ICMP, 0));
        sim.step();
        Trace after = net(sim).last();
        assertTrue(after.delivered());
        assertTrue(after.request().hops().stream().noneMatch(h -> h.device().startsWith("host1/")),
                after.request().hops().toString());
        SimEvent first = network(sim).stream().filter(e -> e.arg(0) == 2).findFirst().orElseThrow();
        assertEquals("web1", first.vmId());
        assertEquals("host2", first.hostId(), "the guest's hop is on its new host");
    }
}
