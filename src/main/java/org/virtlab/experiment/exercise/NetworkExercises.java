package org.virtlab.experiment.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.Lease;
import org.virtlab.engine.net.Leg;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PacketTracer;
import org.virtlab.engine.net.PhysicalLan;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Trace;
import org.virtlab.engine.net.Verdict;

/**
 * Network questions, each answered by the packet tracer on the generated scenario's network (what
 * {@code virtlab trace} and the Network tab run): can X reach Y in a mode, what source address a NAT'd guest's
 * packet arrives with, and where a probe across a routed network ends.
 */
final class NetworkExercises {
    static final String VM = "vm1";
    static final String NET = "net1";

    private NetworkExercises() {
    }

    static List<ExerciseKind> kinds() {
        return List.of(new Reach(), new NatSource(), new RoutedReturn());
    }

    /** Can one endpoint ping another across a network of some mode? */
    static final class Reach implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.NETWORK;
        }

        @Override
        public String id() {
            return "network.reach";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            NetworkMode mode = g.pick(List.of(NetworkMode.ISOLATED, NetworkMode.NAT, NetworkMode.ROUTED,
                    NetworkMode.BRIDGED));
            boolean lanRoute = mode == NetworkMode.ROUTED && g.coin();
            Scenario scenario = scenario(id(), seed, g, 1, 0, mode, lanRoute);
            List<String> pair = g.pick(List.of(List.of(VM, PhysicalLan.LAN_PC), List.of(PhysicalLan.LAN_PC, VM),
                    List.of(VM, PhysicalLan.INTERNET), List.of(PhysicalLan.INTERNET, VM)));
            NetTopology topology = NetTopology.of(scenario);
            Trace t = trace(topology, pair.get(0), pair.get(1));
            Line question = Line.of("network.reach.question", modeLine(mode, scenario, lanRoute), who(pair.get(0), topology),
                    who(pair.get(1), topology));
            return new Exercise(Topic.NETWORK, id(), seed, question, new Answer.YesNo(t.delivered()),
                    Line.of(t.delivered() ? "network.reach.answer.yes" : "network.reach.answer.no"), legs(t), null,
                    scenario);
        }
    }

    /** What source address a NAT'd guest's packet carries when it arrives. */
    static final class NatSource implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.NETWORK;
        }

        @Override
        public String id() {
            return "network.nat";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            int hosts = g.between(1, 3);
            int on = g.between(0, hosts - 1);
            Scenario scenario = scenario(id(), seed, g, hosts, on, NetworkMode.NAT, false);
            String to = g.pick(List.of(PhysicalLan.LAN_PC, PhysicalLan.INTERNET));
            NetTopology topology = NetTopology.of(scenario);
            Trace t = trace(topology, VM, to);
            List<Hop> hops = t.request().packetHops();
            String seen = Ip.format(hops.get(hops.size() - 1).headers().srcIp());
            List<String> choices = new ArrayList<>(List.of(Ip.format(vmIp(topology)),
                    Ip.format(PhysicalLan.hostIp(on)), Ip.format(PhysicalLan.ROUTER_LAN_IP),
                    Ip.format(PhysicalLan.ROUTER_WAN_IP)));
            if (!choices.contains(seen)) { // never: the address comes from the engine, the choices from the LAN plan
                choices.add(seen);
            }
            Line question = Line.of("network.nat.question", modeLine(NetworkMode.NAT, scenario, false),
                    scenario.hosts().get(on).name(), Ip.format(PhysicalLan.hostIp(on)), who(VM, topology),
                    who(to, topology), String.join(" / ", choices));
            return new Exercise(Topic.NETWORK, id(), seed, question, new Answer.Choice(seen, choices),
                    Line.of("network.nat.answer", who(to, topology), seen), legs(t), null, scenario);
        }
    }

    /** Across a routed network with or without the LAN's return route: where does the probe end? */
    static final class RoutedReturn implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.NETWORK;
        }

        @Override
        public String id() {
            return "network.routed";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            boolean lanRoute = g.coin();
            Scenario scenario = scenario(id(), seed, g, 1, 0, NetworkMode.ROUTED, lanRoute);
            List<String> pair = g.pick(List.of(List.of(VM, PhysicalLan.LAN_PC), List.of(PhysicalLan.LAN_PC, VM),
                    List.of(VM, PhysicalLan.INTERNET)));
            NetTopology topology = NetTopology.of(scenario);
            Trace t = trace(topology, pair.get(0), pair.get(1));
            String end = t.delivered() ? DELIVERED : t.verdict().device();
            List<String> choices = new ArrayList<>(List.of(DELIVERED, PhysicalLan.ROUTER, scenario.hosts().get(0).name(),
                    PhysicalLan.LAN_PC, PhysicalLan.INTERNET, VM));
            if (!choices.contains(end)) {
                choices.add(end);
            }
            Line question = Line.of("network.routed.question", modeLine(NetworkMode.ROUTED, scenario, lanRoute),
                    who(pair.get(0), topology), who(pair.get(1), topology), String.join(" / ", choices));
            Line answer = t.delivered() ? Line.of("network.routed.answer.delivered")
                    : Line.of(t.reply() != null ? "network.routed.answer.reply" : "network.routed.answer.request", end);
            return new Exercise(Topic.NETWORK, id(), seed, question, new Answer.Choice(end, choices), answer, legs(t),
                    null, scenario);
        }
    }

    /** The word typed for "the probe came back". */
    static final String DELIVERED = "delivered";

    /**
     * {@code hosts} hosts; on host {@code on} a network {@link #NET} of {@code mode} (a fresh 192.168.x.0/24 unless
     * bridged) with one VM {@link #VM} plugged into it.
     */
    static Scenario scenario(String kind, long seed, Gen g, int hosts, int on, NetworkMode mode, boolean lanRoute) {
        List<HostSpec> hs = hosts(hosts);
        String hostId = hs.get(on).id();
        String subnet = mode == NetworkMode.BRIDGED ? null : "192.168." + g.between(100, 199) + ".0/24";
        NetworkSpec net = new NetworkSpec(NET, mode.name().toLowerCase(Locale.ROOT), hostId, mode, subnet,
                mode == NetworkMode.BRIDGED ? "br0" : "virbr1", lanRoute, 60 + 300 * on, 330);
        VmSpec vm = new VmSpec(VM, VM, hostId, 1, 1_024, new Workload.Idle(2), 60 + 300 * on, 180)
                .withNics(List.of(NicSpec.toNetwork(NET)));
        return new Scenario(Gen.title(kind, seed), Gen.goal("scenario.goal.network"), List.of(), seed, Gen.TICK_MICROS, 10 * Gen.SECOND, hs,
                List.of(vm), List.of(net), List.of(), List.of(), null, null);
    }

    /** {@code count} small hosts {@code host1}, {@code host2}, … side by side on the canvas. */
    static List<HostSpec> hosts(int count) {
        List<HostSpec> hs = new ArrayList<>();
        for (int h = 0; h < count; h++) {
            hs.add(new HostSpec("host" + (h + 1), "host" + (h + 1), new CpuTopology(1, 4, 1, 2_000), 16_384,
                    60 + 300 * h, 60));
        }
        return hs;
    }

    /** A ping from one endpoint to another on a network that has seen no traffic. */
    static Trace trace(NetTopology topology, String from, String to) {
        return new PacketTracer(new NetState(topology, 0)).trace(from, to, Protocol.ICMP, 0);
    }

    static int vmIp(NetTopology topology) {
        return topology.leases().stream().filter(l -> l.nic().startsWith(VM + ":")).findFirst().map(Lease::ip)
                .orElseThrow();
    }

    private static Line modeLine(NetworkMode mode, Scenario s, boolean lanRoute) {
        NetworkSpec n = s.networks().get(0);
        String host = s.host(n.hostId()).orElseThrow().name();
        if (mode == NetworkMode.BRIDGED) {
            return Line.of("network.mode.BRIDGED", host);
        }
        if (mode == NetworkMode.ROUTED) {
            return Line.of(lanRoute ? "network.mode.ROUTED.route" : "network.mode.ROUTED.noRoute", host, n.subnet());
        }
        return Line.of("network.mode." + mode.name(), host, n.subnet());
    }

    /** An endpoint with its address: {@code vm1 (192.168.122.2)}. */
    private static String who(String endpoint, NetTopology topology) {
        if (endpoint.equals(VM)) {
            return VM + " (" + Ip.format(vmIp(topology)) + ")";
        }
        if (endpoint.equals(PhysicalLan.LAN_PC)) {
            return PhysicalLan.LAN_PC + " (" + Ip.format(PhysicalLan.LAN_PC_IP) + ")";
        }
        return PhysicalLan.INTERNET + " (" + Ip.format(PhysicalLan.INTERNET_IP) + ")";
    }

    /** The worked answer: each leg's path of devices with the addresses they saw, then its verdict. */
    static List<Line> legs(Trace t) {
        List<Line> out = new ArrayList<>();
        out.add(leg("network.step.request", t.request()));
        if (t.reply() != null) {
            out.add(leg("network.step.reply", t.reply()));
        }
        return out;
    }

    private static Line leg(String key, Leg leg) {
        List<String> path = new ArrayList<>();
        for (Hop h : leg.packetHops()) {
            path.add(h.device() + " [" + Ip.format(h.headers().srcIp()) + " → " + Ip.format(h.headers().dstIp()) + "]");
        }
        Verdict v = leg.verdict();
        Line verdict = v.delivered() ? Line.of("network.delivered", v.device())
                : Line.of("network.dropped", v.device(), new Line("network.drop." + v.reason().name(),
                List.copyOf(v.params())));
        return Line.of(key, String.join(" → ", path), verdict);
    }
}
