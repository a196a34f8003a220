package org.virtlab.experiment.exercise;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortForwardSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.engine.net.Headers;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.Leg;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PacketTracer;
import org.virtlab.engine.net.PhysicalLan;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.engine.net.Trace;
import org.virtlab.engine.net.Verdict;

/**
 * A port forward into a NAT network: a guest serves on a port, its host forwards one of its LAN ports to it (an
 * iptables DNAT rule, {@link PortForwardSpec}), and a machine outside connects to the host's port, another port,
 * with the other protocol, to the guest's private address, or from the Internet. Where the packet ends, and the
 * destination the guest sees, are what the packet tracer finds on the generated scenario.
 */
final class PortForwardExercise implements ExerciseKind {
    /** A guest's service: its name (the VM's too), protocol and port. */
    private record Service(String name, PortForwardSpec.Protocol protocol, int port) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("web", PortForwardSpec.Protocol.TCP, 80),
            new Service("shop", PortForwardSpec.Protocol.TCP, 443),
            new Service("git", PortForwardSpec.Protocol.TCP, 22),
            new Service("db", PortForwardSpec.Protocol.TCP, 5432),
            new Service("dns", PortForwardSpec.Protocol.UDP, 53),
            new Service("voip", PortForwardSpec.Protocol.UDP, 5060));

    /** Which probe the question sends; the forwarded port comes up most often, so yes is not rare. */
    enum Probe { FORWARDED, OTHER_PORT, OTHER_PROTOCOL, PRIVATE_ADDRESS, FROM_INTERNET }

    private static final List<Probe> PROBES = List.of(Probe.FORWARDED, Probe.FORWARDED, Probe.OTHER_PORT,
            Probe.OTHER_PROTOCOL, Probe.PRIVATE_ADDRESS, Probe.FROM_INTERNET);

    @Override
    public Topic topic() {
        return Topic.NETWORK;
    }

    @Override
    public String id() {
        return "network.forward";
    }

    @Override
    public Exercise generate(long seed) {
        Gen g = new Gen(seed);
        int hosts = g.between(1, 2);
        int on = g.between(0, hosts - 1);
        Service service = g.pick(SERVICES);
        int drawn = g.between(1_024, 9_999);
        int hostPort = drawn == service.port() ? drawn + 1 : drawn; // never the guest's own port: the choices differ
        String subnet = "192.168." + g.between(100, 199);
        String address = subnet + "." + g.between(10, 200);
        Probe probe = g.pick(PROBES);
        Scenario scenario = scenario(id(), seed, hosts, on, service, hostPort, subnet + ".0/24", address);
        HostSpec host = scenario.hosts().get(on);

        Protocol forwarded = protocol(service.protocol());
        Protocol protocol = probe == Probe.OTHER_PROTOCOL ? other(forwarded) : forwarded;
        String from = probe == Probe.FROM_INTERNET ? PhysicalLan.INTERNET : PhysicalLan.LAN_PC;
        String to = probe == Probe.PRIVATE_ADDRESS ? service.name() : host.id();
        int port = switch (probe) {
            case PRIVATE_ADDRESS -> service.port();
            case OTHER_PORT -> g.coin() ? service.port() : hostPort + 1;
            default -> hostPort;
        };
        Trace t = new PacketTracer(new NetState(NetTopology.of(scenario), 0)).trace(from, to, protocol, port);
        Headers sent = t.request().packetHops().get(0).headers();
        String target = Ip.format(sent.dstIp()) + ":" + sent.dstPort();

        String end = end(t, service.name());
        String hostLan = Ip.format(PhysicalLan.hostIp(on));
        List<String> choices = new ArrayList<>(List.of(address + ":" + service.port(), hostLan + ":" + hostPort,
                address + ":" + hostPort, host.id(), PhysicalLan.ROUTER));
        if (!choices.contains(end)) {
            choices.add(end);
        }
        Line question = Line.of("network.forward.question", host.id(), hostLan, scenario.networks().get(0).subnet(),
                service.name(), address, service.protocol().name(), service.port(), hostPort,
                who(from), Line.of("network.forward.probe." + protocol.name(), target), String.join(" / ", choices));
        return new Exercise(Topic.NETWORK, id(), seed, question, new Answer.Choice(end, choices),
                answer(t, service.name(), host.id(), protocol, sent.dstPort()), worked(t), null, scenario);
    }

    /**
     * What the answer is: the destination {@code address:port} the guest (its VM id, as the tracer names machines)
     * saw if it got there, else the device that took or dropped it.
     */
    static String end(Trace t, String guest) {
        Verdict v = t.request().verdict();
        if (v.delivered() && v.device().equals(guest)) {
            Headers arrived = last(t.request()).headers();
            return Ip.format(arrived.dstIp()) + ":" + arrived.dstPort();
        }
        return v.device();
    }

    private static Line answer(Trace t, String guest, String host, Protocol protocol, int port) {
        Verdict v = t.request().verdict();
        if (!v.delivered()) {
            return Line.of("network.forward.answer.dropped", v.device(), reason(v));
        }
        if (!v.device().equals(guest)) {
            return Line.of("network.forward.answer.host", v.device(), protocol.name(), port);
        }
        Rewrite dnat = rewrites(t.request()).stream().filter(r -> r.kind() == Rewrite.Kind.PORT_FORWARD).findFirst()
                .orElseThrow();
        return Line.of("network.forward.answer.guest", guest, host, address(dnat.fromIp(), dnat.fromPort()),
                address(dnat.toIp(), dnat.toPort()));
    }

    /** Each leg's path with addresses and ports, the translations on the way, and how it ended. */
    private static List<Line> worked(Trace t) {
        List<Line> out = new ArrayList<>();
        out.addAll(leg("network.step.request", t.request()));
        if (t.reply() != null) {
            out.addAll(leg("network.step.reply", t.reply()));
        }
        return out;
    }

    private static List<Line> leg(String key, Leg leg) {
        List<String> path = new ArrayList<>();
        List<Line> rewrites = new ArrayList<>();
        for (Hop h : leg.packetHops()) {
            Headers x = h.headers();
            path.add(h.device() + " [" + address(x.srcIp(), x.srcPort()) + " → " + address(x.dstIp(), x.dstPort()) + "]");
            for (Rewrite r : h.rewrites()) {
                rewrites.add(Line.of("network.forward.rewrite." + r.kind().name() + "." + r.field().name(), h.device(),
                        address(r.fromIp(), r.fromPort()), address(r.toIp(), r.toPort())));
            }
        }
        Verdict v = leg.verdict();
        Line verdict = v.delivered() ? Line.of("network.delivered", v.device())
                : Line.of("network.dropped", v.device(), reason(v));
        List<Line> out = new ArrayList<>();
        out.add(Line.of(key, String.join(" → ", path), verdict));
        out.addAll(rewrites);
        return out;
    }

    private static Line reason(Verdict v) {
        return new Line("network.drop." + v.reason().name(), List.copyOf(v.params()));
    }

    static List<Rewrite> rewrites(Leg leg) {
        List<Rewrite> out = new ArrayList<>();
        for (Hop h : leg.packetHops()) {
            out.addAll(h.rewrites());
        }
        return out;
    }

    private static Hop last(Leg leg) {
        List<Hop> hops = leg.packetHops();
        return hops.get(hops.size() - 1);
    }

    private static String address(int ip, int port) {
        return Ip.format(ip) + ":" + port;
    }

    private static String who(String endpoint) {
        int ip = endpoint.equals(PhysicalLan.LAN_PC) ? PhysicalLan.LAN_PC_IP : PhysicalLan.INTERNET_IP;
        return endpoint + " (" + Ip.format(ip) + ")";
    }

    static Protocol protocol(PortForwardSpec.Protocol p) {
        return p == PortForwardSpec.Protocol.TCP ? Protocol.TCP : Protocol.UDP;
    }

    private static Protocol other(Protocol p) {
        return p == Protocol.TCP ? Protocol.UDP : Protocol.TCP;
    }

    /**
     * {@code hosts} hosts; on host {@code on} a NAT network {@code default} (virbr0, like libvirt's default network)
     * with the service's VM at a fixed {@code address} and a port forward {@code hostPort} → its port.
     */
    private static Scenario scenario(String kind, long seed, int hosts, int on, Service service, int hostPort,
                                     String subnet, String address) {
        List<HostSpec> hs = NetworkExercises.hosts(hosts);
        String hostId = hs.get(on).id();
        NetworkSpec net = new NetworkSpec("default", "default", hostId, NetworkMode.NAT, subnet, "virbr0", false,
                60 + 300 * on, 330);
        NicSpec nic = NicSpec.toNetwork(net.id()).withAddress(address)
                .withPortForwards(List.of(new PortForwardSpec(service.protocol(), hostPort, service.port())));
        VmSpec vm = new VmSpec(service.name(), service.name(), hostId, 1, 1_024, new Workload.Idle(2), 60 + 300 * on,
                180).withNics(List.of(nic));
        return new Scenario(Gen.title(kind, seed), Gen.goal("scenario.goal.network"), List.of(), seed, Gen.TICK_MICROS,
                10 * Gen.SECOND, hs, List.of(vm), List.of(net), List.of(), List.of(), null, null);
    }
}
