package org.virtlab.experiment.exercise;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.engine.net.DeviceKind;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.Lease;
import org.virtlab.engine.net.Leg;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PhysicalLan;
import org.virtlab.engine.net.Trace;

/**
 * VLANs on a distributed switch: a switch spans two hosts with two port groups on different VLAN IDs, two VMs on
 * each host in either port group, and a VM on the first host pings one on the second. Whether the ping gets through,
 * and the IEEE 802.1Q tag its request carries across the physical LAN, are what the packet tracer finds.
 */
final class VlanExercise implements ExerciseKind {
    static final String SWITCH = "dvs1";
    /** The words typed for "the frame crossed the LAN without a tag" and "the reply did not come back". */
    static final String UNTAGGED = "untagged";
    static final String DROPPED = "dropped";
    static final int MIN_VLAN = 2;
    static final int MAX_VLAN = 999;

    /** Port group names that go together. */
    private static final List<List<String>> GROUPS = List.of(List.of("Web", "DB"), List.of("Frontend", "Backend"),
            List.of("Prod", "Test"), List.of("Staff", "Guests"), List.of("App", "Storage"));

    @Override
    public Topic topic() {
        return Topic.NETWORK;
    }

    @Override
    public String id() {
        return "network.vlan";
    }

    @Override
    public Exercise generate(long seed) {
        Gen g = new Gen(seed);
        List<String> names = g.pick(GROUPS);
        int vlanA = g.between(MIN_VLAN, MAX_VLAN);
        int vlanB = g.between(MIN_VLAN, MAX_VLAN - 1);
        if (vlanB >= vlanA) {
            vlanB++; // a second, different VLAN, still drawn evenly
        }
        List<PortGroupSpec> groups = List.of(new PortGroupSpec("pg-a", names.get(0), vlanA),
                new PortGroupSpec("pg-b", names.get(1), vlanB));
        List<PortGroupSpec> of = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            of.add(g.pick(groups));
        }
        Scenario scenario = scenario(id(), seed, groups, of);
        int fromIndex = g.between(0, 1);
        int toIndex = g.between(2, 3);
        String from = scenario.vms().get(fromIndex).id();
        String to = scenario.vms().get(toIndex).id();
        NetTopology topology = NetTopology.of(scenario);
        Trace t = NetworkExercises.trace(topology, from, to);

        String value = t.delivered() ? lanTag(t.request()) : DROPPED;
        List<String> choices = new ArrayList<>(List.of(Integer.toString(vlanA), Integer.toString(vlanB), UNTAGGED,
                DROPPED));
        if (!choices.contains(value)) {
            choices.add(value);
        }
        PortGroupSpec a = of.get(fromIndex);
        PortGroupSpec b = of.get(toIndex);
        Line question = Line.of("network.vlan.question", scenario.switches().get(0).name(),
                scenario.hosts().get(0).name(), scenario.hosts().get(1).name(),
                names.get(0), vlanA, names.get(1), vlanB, members(of, 0), members(of, 2), who(topology, from, a),
                who(topology, to, b), String.join(" / ", choices));
        Line answer = t.delivered() ? Line.of("network.vlan.answer.delivered", lanTag(t.request()),
                lanTag(t.reply()))
                : Line.of("network.vlan.answer.dropped", t.verdict().device(), new Line("network.drop."
                + t.verdict().reason().name(), List.copyOf(t.verdict().params())));
        List<Line> worked = new ArrayList<>();
        worked.add(Line.of("network.vlan.step.groups", from, a.name(), a.vlanId(), subnet(a), to, b.name(),
                b.vlanId(), subnet(b)));
        worked.addAll(NetworkExercises.legs(t));
        if (t.request().packetHops().size() > 1) { // it left the VM: the tags on the way
            worked.add(tags("network.vlan.step.tags.request", t.request()));
        }
        if (t.reply() != null && t.reply().packetHops().size() > 1) {
            worked.add(tags("network.vlan.step.tags.reply", t.reply()));
        }
        return new Exercise(Topic.NETWORK, id(), seed, question, new Answer.Choice(value, choices), answer, worked,
                null, scenario);
    }

    /**
     * The VLAN tag a leg's packet carried on the physical LAN between the hosts (IEEE 802.1Q), as typed:
     * {@code 10}, or {@link #UNTAGGED} if it crossed untagged or not at all.
     */
    static String lanTag(Leg leg) {
        for (Hop h : leg.packetHops()) {
            if (h.kind() == DeviceKind.PHYSICAL_SWITCH && h.headers().vlan() != 0) {
                return Integer.toString(h.headers().vlan());
            }
        }
        return UNTAGGED;
    }

    /** The tag each device sent the packet on with: {@code host1/dvs1 (VLAN 10)}, {@code vm3 (untagged)}. */
    private static Line tags(String key, Leg leg) {
        List<Line> path = new ArrayList<>();
        for (Hop h : leg.packetHops()) {
            int vlan = h.headers().vlan();
            path.add(vlan == 0 ? Line.of("network.vlan.hop.untagged", h.device())
                    : Line.of("network.vlan.hop.tagged", h.device(), vlan));
        }
        return Line.of(key, path);
    }

    /** "vm1 in Web, vm2 in DB": the VMs of one host, from {@code first}. */
    private static List<Line> members(List<PortGroupSpec> of, int first) {
        return List.of(Line.of("network.vlan.member", "vm" + (first + 1), of.get(first).name()),
                Line.of("network.vlan.member", "vm" + (first + 2), of.get(first + 1).name()));
    }

    /** A VM with its address and port group: {@code vm1 (172.16.10.2, Web)}. */
    private static String who(NetTopology topology, String vm, PortGroupSpec group) {
        int ip = topology.leases().stream().filter(l -> l.nic().startsWith(vm + ":")).findFirst().map(Lease::ip)
                .orElseThrow();
        return vm + " (" + Ip.format(ip) + ", " + group.name() + ")";
    }

    private static String subnet(PortGroupSpec group) {
        return Ip.format(PhysicalLan.vlanSubnet(group.vlanId())) + "/24";
    }

    /** host1 and host2, the switch over both, and vm1, vm2 on host1 and vm3, vm4 on host2 in their port groups. */
    private static Scenario scenario(String kind, long seed, List<PortGroupSpec> groups, List<PortGroupSpec> of) {
        SwitchSpec dvs = new SwitchSpec(SWITCH, "DSwitch", List.of("host1", "host2"), groups, 360, 330);
        List<VmSpec> vms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String host = i < 2 ? "host1" : "host2";
            vms.add(new VmSpec("vm" + (i + 1), "vm" + (i + 1), host, 1, 1_024, new Workload.Idle(2), 60 + 150 * i, 180)
                    .withNics(List.of(NicSpec.toPortGroup(of.get(i).id()))));
        }
        return new Scenario(Gen.title(kind, seed), Gen.goal("scenario.goal.network"), List.of(), seed, Gen.TICK_MICROS,
                10 * Gen.SECOND, NetworkExercises.hosts(2), vms, List.of(), List.of(dvs), List.of(), null, null);
    }
}
