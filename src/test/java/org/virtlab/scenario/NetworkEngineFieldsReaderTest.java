package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtlab.scenario.ScenarioFixtures.at;
import static org.virtlab.scenario.ScenarioFixtures.english;
import static org.virtlab.scenario.ScenarioFixtures.networkedChanged;
import static org.virtlab.scenario.ScenarioFixtures.networkedProblemsAfter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortForwardSpec;
import org.virtlab.engine.model.Scenario;

/**
 * The fields the network engine reads: a NIC's fixed {@code mac}, {@code address} and {@code portForwards}, a
 * network's {@code lanRoute}; each mistake at its pointer. The document is {@link
 * org.virtlab.engine.TestScenarios#networked}: web (h1) has nic0 on the NAT network default (192.168.122.0/24),
 * nic1 on port group pg-web; db (h2) nic0 on the routed network; files (h2) nic0 on the bridged lan.
 */
class NetworkEngineFieldsReaderTest {

    private static void assertProblem(String pointer, String message, Consumer<ObjectNode> change) {
        List<Problem> problems = networkedProblemsAfter(change);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        assertEquals(pointer, problems.get(0).pointer());
        assertEquals(message, english(problems.get(0)));
    }

    private static ObjectNode nic(ObjectNode root, String pointer) {
        return at(root, pointer);
    }

    @Test
    void readsAndWritesTheFields() throws ScenarioException {
        Scenario s = ScenarioReader.read(networkedChanged(root -> {
            ObjectNode web0 = nic(root, "/vms/0/nics/0");
            web0.put("mac", "52:54:00:AB:CD:EF").put("address", "192.168.122.10");
            web0.putArray("portForwards").addObject().put("protocol", "tcp").put("hostPort", 8080).put("guestPort", 80);
            at(root, "/networks/2").put("lanRoute", true);
        }), "t.json");
        NicSpec web0 = s.vm("web").orElseThrow().nics().get(0);
        assertEquals(new NicSpec("default", null, "52:54:00:ab:cd:ef", "192.168.122.10",
                List.of(new PortForwardSpec(PortForwardSpec.Protocol.TCP, 8080, 80))), web0);
        assertEquals(true, s.network("routed").orElseThrow().lanRoute());
        assertEquals(s, ScenarioReader.read(ScenarioWriter.toJson(s), "saved.json"));
    }

    @Test
    void aMacMustBeUnicastAndOnlyOnes() {
        assertProblem("/vms/0/nics/0/mac", "must be a unicast MAC address of six two-digit hex octets, such as "
                + "\"52:54:00:12:34:56\" (the first octet even), was \"01:00:5e:00:00:01\"",
                root -> nic(root, "/vms/0/nics/0").put("mac", "01:00:5e:00:00:01"));
        assertProblem("/vms/1/nics/0/mac", "MAC 52:54:00:00:00:01 is already the MAC of the NIC at /vms/0/nics/0; "
                + "no two NICs may share one", root -> {
                    nic(root, "/vms/0/nics/0").put("mac", "52:54:00:00:00:01");
                    nic(root, "/vms/1/nics/0").put("mac", "52:54:00:00:00:01");
                });
    }

    @Test
    void anAddressMustBeAGuestAddressOfItsNetwork() {
        assertProblem("/vms/0/nics/0/address", "192.168.123.5 is outside network \"default\"'s subnet 192.168.122.0/24",
                root -> nic(root, "/vms/0/nics/0").put("address", "192.168.123.5"));
        assertProblem("/vms/0/nics/0/address", "192.168.122.1 is not for a guest: on network \"default\", "
                + "192.168.122.0 is the network's own address, 192.168.122.1 the host's bridge and 192.168.122.255 "
                + "broadcast; guests take 192.168.122.2–192.168.122.254",
                root -> nic(root, "/vms/0/nics/0").put("address", "192.168.122.1"));
        assertProblem("/vms/0/nics/0/address", "must be an IPv4 address such as \"192.168.122.10\", was \"192.168.122\"",
                root -> nic(root, "/vms/0/nics/0").put("address", "192.168.122"));
        assertProblem("/vms/2/nics/0/address", "network \"lan\" is bridged: its guests take addresses from the LAN, "
                + "not fixed here; remove \"address\"", root -> nic(root, "/vms/2/nics/0").put("address", "10.0.0.7"));
        assertProblem("/vms/0/nics/1/address", "only a NIC plugged into a network can have a fixed address; "
                + "remove \"address\"", root -> nic(root, "/vms/0/nics/1").put("address", "172.16.10.7"));
    }

    @Test
    void twoNicsOfANetworkNeverShareAnAddress() {
        assertProblem("/vms/0/nics/2/address", "192.168.122.9 is already the address of the NIC at /vms/0/nics/0 on "
                + "network \"default\"", root -> {
                    nic(root, "/vms/0/nics/0").put("address", "192.168.122.9");
                    ObjectNode third = nic(root, "/vms/0/nics/2");
                    third.put("network", "default").put("address", "192.168.122.9");
                });
    }

    @Test
    void portForwardsGoIntoANatNetworkOncePerHostPort() {
        assertProblem("/vms/1/nics/0/portForwards", "only a NIC plugged into a NAT network can have port forwards; "
                + "remove \"portForwards\"", root -> nic(root, "/vms/1/nics/0").putArray("portForwards").addObject()
                .put("protocol", "tcp").put("hostPort", 80).put("guestPort", 80));
        assertProblem("/vms/0/nics/0/portForwards/0/protocol", "unknown protocol \"sctp\"; allowed: tcp, udp",
                root -> nic(root, "/vms/0/nics/0").putArray("portForwards").addObject()
                        .put("protocol", "sctp").put("hostPort", 80).put("guestPort", 80));
        assertProblem("/vms/0/nics/2/portForwards/0/hostPort", "tcp port 8080 of host \"h1\" is already forwarded by "
                + "/vms/0/nics/0/portForwards/0; each port of a host forwards to one guest", root -> {
                    nic(root, "/vms/0/nics/0").putArray("portForwards").addObject()
                            .put("protocol", "tcp").put("hostPort", 8080).put("guestPort", 80);
                    ObjectNode third = nic(root, "/vms/0/nics/2");
                    third.put("network", "default");
                    third.putArray("portForwards").addObject()
                            .put("protocol", "tcp").put("hostPort", 8080).put("guestPort", 8080);
                });
    }

    @Test
    void aBridgedNetworkHasNoLanRoute() {
        assertProblem("/networks/3/lanRoute", "a bridged network has no subnet of its own for the LAN's router to "
                + "route to; remove \"lanRoute\"", root -> at(root, "/networks/3").put("lanRoute", true));
    }
}
