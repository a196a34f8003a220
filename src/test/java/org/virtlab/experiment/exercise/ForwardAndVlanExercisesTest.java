package org.virtlab.experiment.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortForwardSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.engine.net.DeviceKind;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PacketTracer;
import org.virtlab.engine.net.PhysicalLan;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.engine.net.Trace;
import org.virtlab.scenario.ScenarioReader;
import org.virtlab.scenario.ScenarioWriter;

/**
 * {@code network.forward} and {@code network.vlan}, 100 seeds each: the generated scenario is written as a scenario
 * file and read back (so "Run it" opens a valid scenario), the question's probe is traced again on what was read,
 * and the stated answer is checked against that trace and against the rule the specs give.
 */
class ForwardAndVlanExercisesTest {

    private static List<Exercise> generated(String kind) {
        ExerciseKind k = Exercises.kinds().stream().filter(x -> x.id().equals(kind)).findFirst().orElseThrow();
        List<Exercise> out = new ArrayList<>();
        for (long seed = 1; seed <= ExercisesTest.SEEDS; seed++) {
            out.add(k.generate(seed * 7919));
        }
        return out;
    }

    /** The scenario as the window's Run it and a saved file have it: through the writer and the validating reader. */
    private static Scenario reloaded(Exercise e) throws Exception {
        return ScenarioReader.read(ScenarioWriter.toJson(e.scenario()), e.kind() + " seed " + e.seed());
    }

    private static Trace trace(Scenario s, String from, String to, Protocol protocol, int port) {
        return new PacketTracer(new NetState(NetTopology.of(s), 0)).trace(from, to, protocol, port);
    }

    /** "lan-pc (10.0.0.50)" → "lan-pc". */
    private static String name(Object who) {
        String s = (String) who;
        return s.substring(0, s.indexOf(' '));
    }

    // ---- network.forward

    @Test
    void forwardAnswersAreWhereARetraceOfTheScenarioFileEnds() throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Exercise e : generated("network.forward")) {
            Scenario s = reloaded(e);
            List<Object> q = e.question().args();
            Line probe = (Line) q.get(9);
            Protocol protocol = Protocol.valueOf(probe.key().substring(probe.key().lastIndexOf('.') + 1));
            String target = (String) probe.args().get(0);
            String targetIp = target.substring(0, target.indexOf(':'));
            int port = Integer.parseInt(target.substring(target.indexOf(':') + 1));
            HostSpec host = s.hosts().stream().filter(h -> h.id().equals(q.get(0))).findFirst().orElseThrow();
            VmSpec guest = s.vm((String) q.get(3)).orElseThrow();
            NicSpec nic = guest.nics().get(0);
            PortForwardSpec forward = nic.portForwards().get(0);
            boolean toHost = targetIp.equals(q.get(1));
            assertTrue(toHost || targetIp.equals(nic.address()), target);

            Trace t = trace(s, name(q.get(8)), toHost ? host.id() : guest.id(), protocol, port);
            Rewrite dnat = null;
            for (Hop h : t.request().packetHops()) {
                for (Rewrite r : h.rewrites()) {
                    if (r.kind() == Rewrite.Kind.PORT_FORWARD) {
                        dnat = r;
                    }
                }
            }
            String value = ((Answer.Choice) e.answer()).value();
            // libvirt formatnetwork.html (mode='nat'): nothing new gets into a NAT network from outside; a port
            // forward is an iptables DNAT rule "-d <host LAN address> -p <proto> --dport <hostPort> -j DNAT
            // --to-destination <guest>:<guestPort>", matched only by a new connection from the LAN to exactly that
            boolean matches = toHost && name(q.get(8)).equals(PhysicalLan.LAN_PC)
                    && protocol == protocol(forward)
                    && port == forward.hostPort();
            if (matches) {
                assertEquals(nic.address() + ":" + forward.guestPort(), value, e.question().toString());
                assertEquals(Ip.format(dnat.toIp()) + ":" + dnat.toPort(), value, "the DNAT of the retrace");
                assertTrue(t.delivered(), "the guest's reply leaves through the same conntrack entry");
                outcomes.merge("guest", 1, Integer::sum);
            } else {
                assertEquals(null, dnat, e.question().toString());
                assertEquals(t.request().verdict().device(), value, e.question().toString());
                assertFalse(value.contains(":"), value);
                outcomes.merge(t.request().verdict().delivered() ? "host" : "dropped at " + value, 1, Integer::sum);
            }
            assertEquals(Answer.Verdict.RIGHT, e.answer().check(value.toUpperCase(Locale.ROOT)));
            for (String other : ((Answer.Choice) e.answer()).choices()) {
                if (!other.equals(value)) {
                    assertEquals(Answer.Verdict.WRONG, e.answer().check(other), other);
                }
            }
        }
        // the seeds pick every case: the guest reached, the host itself (another port or protocol), and the router
        // dropping a connection to the private address (no route) or from the Internet (nothing new gets in)
        assertTrue(outcomes.getOrDefault("guest", 0) >= 20, outcomes.toString());
        assertTrue(outcomes.getOrDefault("host", 0) >= 10, outcomes.toString());
        assertTrue(outcomes.getOrDefault("dropped at router", 0) >= 10, outcomes.toString());
    }

    private static Protocol protocol(PortForwardSpec f) {
        return f.protocol() == PortForwardSpec.Protocol.TCP ? Protocol.TCP : Protocol.UDP;
    }

    @Test
    void theLessonsPortForwardCase() throws Exception {
        // scenarios/net-nat-port-forward.json, step 3: lan-pc to Host 1 (10.0.0.11) TCP 8080 is rewritten to
        // 192.168.122.10:80; 8081 is taken by Host 1 itself (libvirt formatnetwork.html: no forward, no way in);
        // the tracer names machines by their ids (web, host1)
        Scenario lesson = org.virtlab.scenario.Lessons.load("net-nat-port-forward").scenario();
        assertEquals("192.168.122.10:80", PortForwardExercise.end(trace(lesson, "lan-pc", "host1", Protocol.TCP, 8080),
                "web"));
        assertEquals("host1", PortForwardExercise.end(trace(lesson, "lan-pc", "host1", Protocol.TCP, 8081),
                "web"));
    }

    // ---- network.vlan

    @Test
    void vlanAnswersFollow8021QOnARetraceOfTheScenarioFile() throws Exception {
        int delivered = 0;
        int dropped = 0;
        for (Exercise e : generated("network.vlan")) {
            Scenario s = reloaded(e);
            List<Object> q = e.question().args();
            String from = name(q.get(9));
            String to = name(q.get(10));
            PortGroupSpec a = s.portGroup(s.vm(from).orElseThrow().nics().get(0).portGroupId()).orElseThrow();
            PortGroupSpec b = s.portGroup(s.vm(to).orElseThrow().nics().get(0).portGroupId()).orElseThrow();
            assertTrue(!s.vm(from).orElseThrow().hostId().equals(s.vm(to).orElseThrow().hostId()), "two hosts");
            Trace t = trace(s, from, to, Protocol.ICMP, 0);
            String value = ((Answer.Choice) e.answer()).value();
            // IEEE 802.1Q: a frame stays in its VLAN; between the hosts it crosses the trunk tagged with its port
            // group's VLAN ID. Two VLANs with no router between them (the VMs have no default route) do not meet.
            if (a.vlanId() == b.vlanId()) {
                assertEquals(Integer.toString(a.vlanId()), value, e.question().toString());
                assertTrue(t.delivered());
                delivered++;
            } else {
                assertEquals(VlanExercise.DROPPED, value, e.question().toString());
                assertFalse(t.delivered());
                dropped++;
            }
            // the same from the retrace's hops: every tagged frame on the physical LAN carries that one VLAN ID
            for (Hop h : t.request().packetHops()) {
                if (h.kind() == DeviceKind.PHYSICAL_SWITCH) {
                    assertEquals(value, Integer.toString(h.headers().vlan()));
                }
            }
            assertEquals(Answer.Verdict.RIGHT, e.answer().check(" " + value + " "));
            assertEquals(Answer.Verdict.INVALID, e.answer().check("4095"));
        }
        // computed by hand: two VMs each in one of two port groups drawn evenly agree about half the time
        assertTrue(delivered >= 25 && dropped >= 25, delivered + " delivered, " + dropped + " dropped");
    }

    @Test
    void theLessonsVlans() throws Exception {
        // scenarios/net-dvs-vlans.json: Web 1 (host1) reaches Web 2 (host2) tagged VLAN 10 (IEEE 802.1Q);
        // Web 1 to Database 2 (VLAN 20) is dropped in Web 1 (the tracer's name for it: its id), no route
        Scenario lesson = org.virtlab.scenario.Lessons.load("net-dvs-vlans").scenario();
        Trace same = trace(lesson, "web1", "web2", Protocol.ICMP, 0);
        assertEquals("10", VlanExercise.lanTag(same.request()));
        assertEquals("10", VlanExercise.lanTag(same.reply()));
        Trace other = trace(lesson, "web1", "db2", Protocol.ICMP, 0);
        assertFalse(other.delivered());
        assertEquals("web1", other.verdict().device());
        assertEquals(org.virtlab.engine.net.DropReason.NO_ROUTE, other.verdict().reason());
    }

    @Test
    void runItOpensAScenarioThatRuns() throws Exception {
        // what the window's Run it hands the main window: the scenario read back from its file runs, and its network
        // has the same leases as the generated one (the addresses the question names)
        for (String kind : List.of("network.forward", "network.vlan")) {
            for (Exercise e : generated(kind).subList(0, 10)) {
                Scenario s = reloaded(e);
                org.virtlab.engine.Simulation simulation = org.virtlab.engine.Simulations.of(s);
                simulation.runUntil(Scenario.MICROS_PER_SECOND);
                assertEquals(Scenario.MICROS_PER_SECOND, simulation.nowMicros(), kind);
                assertEquals(NetTopology.of(e.scenario()).leases().toString(), NetTopology.of(s).leases().toString());
            }
        }
    }

    @Test
    void bothLanguagesRenderEveryGeneratedText() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            ExerciseText text = new ExerciseText(locale);
            for (String kind : List.of("network.forward", "network.vlan")) {
                for (Exercise e : generated(kind)) {
                    List<String> all = new ArrayList<>(text.worked(e));
                    all.add(text.question(e));
                    all.add(text.answer(e));
                    all.add(text.hintText(e));
                    for (String line : all) {
                        assertFalse(line.contains("{") || line.contains("''"), line);
                    }
                }
            }
        }
    }
}
