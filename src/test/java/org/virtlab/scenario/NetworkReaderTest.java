package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtlab.scenario.ScenarioFixtures.at;
import static org.virtlab.scenario.ScenarioFixtures.english;
import static org.virtlab.scenario.ScenarioFixtures.networkedChanged;
import static org.virtlab.scenario.ScenarioFixtures.networkedProblemsAfter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.Scenario;

/**
 * Networks, switches, port groups and NICs in scenario files: each rule reported at its JSON pointer, with
 * what is allowed. The document is {@link TestScenarios#networked}: networks default and iso on h1, routed
 * and lan (bridged) on h2; switch dvs over h1 and h2 with pg-web and pg-db; VMs web (h1), db and files (h2).
 */
class NetworkReaderTest {

    private static Problem onlyProblem(Consumer<ObjectNode> change) {
        List<Problem> problems = networkedProblemsAfter(change);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0);
    }

    private static void assertProblem(String pointer, String message, Consumer<ObjectNode> change) {
        Problem p = onlyProblem(change);
        assertEquals(pointer, p.pointer());
        assertEquals(message, english(p));
    }

    @Test
    void readsNetworksSwitchesAndNics() throws ScenarioException {
        Scenario s = ScenarioReader.read(networkedChanged(root -> { }), "test.json");
        assertEquals(TestScenarios.networked(), s);
        assertEquals(NetworkMode.BRIDGED, s.network("lan").orElseThrow().mode());
        assertEquals(20, s.portGroup("pg-db").orElseThrow().vlanId());
        assertEquals(NicSpec.UNWIRED, s.vm("web").orElseThrow().nics().get(2));
    }

    @Test
    void aBridgeIsDerivedFromTheIdWhenNotGiven() throws ScenarioException {
        Scenario s = ScenarioReader.read(networkedChanged(root -> at(root, "/networks/0").remove("bridge")), "t");
        assertEquals("virbr-default", s.network("default").orElseThrow().bridge());
    }

    @Test
    void aSubnetThatIsNoCidrIsRefusedWithAnExample() {
        assertProblem("/networks/0/subnet",
                "must be an IPv4 subnet in CIDR notation, such as \"192.168.122.0/24\", was \"192.168.122.0\"",
                root -> at(root, "/networks/0").put("subnet", "192.168.122.0"));
        assertProblem("/networks/0/subnet",
                "must be an IPv4 subnet in CIDR notation, such as \"192.168.122.0/24\", was \"192.168.300.0/24\"",
                root -> at(root, "/networks/0").put("subnet", "192.168.300.0/24"));
    }

    @Test
    void aSubnetWithHostBitsSetNamesItsNetwork() {
        // 192.168.122.1 is the host's own address on libvirt's default network; the network is .0/24
        assertProblem("/networks/0/subnet", "\"192.168.122.1/24\" has host bits set: it is an address in the network "
                + "192.168.122.0/24; write the network, 192.168.122.0/24",
                root -> at(root, "/networks/0").put("subnet", "192.168.122.1/24"));
    }

    @Test
    void aSubnetPrefixIsEightToThirty() {
        // NetworkSpec.MIN_SUBNET_PREFIX and MAX_SUBNET_PREFIX: a /30 holds the host and one guest
        assertProblem("/networks/0/subnet", "must have a prefix from /8 to /30 (a /30 leaves one address for a guest), "
                + "was /31", root -> at(root, "/networks/0").put("subnet", "192.168.122.0/31"));
    }

    @Test
    void aBridgedNetworkWithASubnetIsRefused() {
        // libvirt.org/formatnetwork.html: <forward mode='bridge'> uses an existing bridge; libvirt gives it no
        // addresses, the guests are hosts of the LAN
        assertProblem("/networks/3/subnet", "a bridged network has no subnet of its own: its guests take addresses of "
                + "the LAN the bridge is on; remove \"subnet\"",
                root -> at(root, "/networks/3").put("subnet", "192.168.1.0/24"));
    }

    @Test
    void aNatNetworkWithoutASubnetIsRefused() {
        assertProblem("/networks/0", "missing required field \"subnet\": a nat network has a subnet of its own, such as "
                + "\"192.168.122.0/24\"", root -> at(root, "/networks/0").remove("subnet"));
    }

    @Test
    void anUnknownModeListsTheFour() {
        // libvirt's <forward mode='bridge'> is "bridged" here, like the course's four models
        assertProblem("/networks/3/mode", "unknown network mode \"bridge\"; allowed: isolated, nat, routed, bridged",
                root -> at(root, "/networks/3").put("mode", "bridge"));
    }

    @Test
    void aNetworkOnAnUnknownHostListsTheHosts() {
        assertProblem("/networks/2/host", "unknown host \"h3\"; hosts are: h1, h2",
                root -> at(root, "/networks/2").put("host", "h3"));
    }

    @Test
    void aBridgeNameMustBeALinuxInterfaceName() {
        // Linux IFNAMSIZ: 16 bytes with the terminating NUL
        assertProblem("/networks/0/bridge", "must be a Linux interface name of 1–15 letters, digits, \".\", \"_\" or "
                + "\"-\" (not \".\" or \"..\"), such as \"virbr0\" or \"br0\", was \"virbr0-with-a-long-name\"",
                root -> at(root, "/networks/0").put("bridge", "virbr0-with-a-long-name"));
    }

    @Test
    void twoNetworksOfOneHostCannotShareABridgeOrOverlap() {
        assertProblem("/networks/1/bridge", "bridge \"virbr0\" is already used by network \"default\" on host \"h1\"; "
                + "each network of a host needs a bridge of its own",
                root -> at(root, "/networks/1").put("bridge", "virbr0"));
        assertProblem("/networks/1/subnet", "overlaps 192.168.122.0/24 of network \"default\" on the same host \"h1\"; "
                + "the networks of one host need subnets of their own",
                root -> at(root, "/networks/1").put("subnet", "192.168.0.0/16"));
    }

    @Test
    void aNicCannotPlugIntoANetworkOfAnotherHost() {
        assertProblem("/vms/0/nics/0/network", "network \"routed\" is on host \"h2\", but this VM is on host \"h1\"; "
                + "a NIC plugs into a network of its own host: default, iso",
                root -> at(root, "/vms/0/nics/0").put("network", "routed"));
    }

    @Test
    void aNicCannotPlugIntoAPortGroupWhoseSwitchDoesNotSpanItsHost() {
        // virtualization.md §4: a vDS has a proxy switch on each host it spans; VMs elsewhere cannot join
        assertProblem("/vms/0/nics/1/portGroup", "port group \"pg-web\" belongs to switch \"dvs\", which does not span "
                + "this VM's host \"h1\"; the switch spans: h2",
                root -> ((ArrayNode) root.at("/switches/0/hosts")).remove(0));
    }

    @Test
    void unknownNetworksAndPortGroupsListWhatThereIs() {
        assertProblem("/vms/0/nics/0/network", "unknown network \"nat\"; networks are: default, iso, routed, lan",
                root -> at(root, "/vms/0/nics/0").put("network", "nat"));
        assertProblem("/vms/0/nics/1/portGroup", "unknown port group \"web\"; port groups are: pg-web, pg-db",
                root -> at(root, "/vms/0/nics/1").put("portGroup", "web"));
    }

    @Test
    void vlanZeroAnd4095AreRefused() {
        // IEEE 802.1Q: VID 0 carries only a priority, 4095 is reserved; usable VLANs are 1–4094
        for (int vlan : List.of(0, 4095)) {
            assertProblem("/switches/0/portGroups/0/vlan",
                    "must be a VLAN ID from 1 to 4094 (IEEE 802.1Q reserves 0 and 4095), was " + vlan,
                    root -> at(root, "/switches/0/portGroups/0").put("vlan", vlan));
        }
    }

    @Test
    void idsAreUniqueAcrossHostsVmsNetworksSwitchesAndPortGroups() {
        assertProblem("/switches/0/portGroups/2/id", "duplicate id \"h1\" (also at /hosts/0/id)",
                root -> ((ArrayNode) root.at("/switches/0/portGroups")).addObject().put("id", "h1").put("vlan", 30));
        List<Problem> problems = networkedProblemsAfter(root -> at(root, "/networks/1").put("id", "dvs"));
        assertEquals("/switches/0/id", problems.get(0).pointer()); // the network came first in the file
        assertEquals("duplicate id \"dvs\" (also at /networks/1/id)", english(problems.get(0)));
    }

    @Test
    void anUnknownFieldInANicIsNamed() {
        assertProblem("/vms/0/nics/0/vlan", "unknown field \"vlan\"; allowed: network, portGroup, mac, address, portForwards",
                root -> at(root, "/vms/0/nics/0").put("vlan", 10));
    }

    @Test
    void aNicPlugsIntoOneThing() {
        assertProblem("/vms/0/nics/0", "a NIC plugs into a network or a port group, not both",
                root -> at(root, "/vms/0/nics/0").put("portGroup", "pg-web"));
    }

    @Test
    void aVmHasAtMostEightNics() {
        // VmSpec.MAX_NICS (issue #4: 0–8 NICs)
        assertProblem("/vms/2/nics", "a VM may have at most 8 NICs, this one has 9", root -> {
            ArrayNode nics = (ArrayNode) root.at("/vms/2/nics");
            for (int i = 0; i < 8; i++) {
                nics.addObject();
            }
        });
    }

    @Test
    void aSwitchListsEachHostOnce() {
        assertProblem("/switches/0/hosts/2", "host \"h1\" is already listed at /switches/0/hosts/0",
                root -> ((ArrayNode) root.at("/switches/0/hosts")).add("h1"));
    }

    @Test
    void problemsSpeakChinese() {
        Problem p = onlyProblem(root -> at(root, "/switches/0/portGroups/0").put("vlan", 4095));
        assertEquals("应为 1 到 4094 之间的 VLAN ID（IEEE 802.1Q 保留了 0 和 4095），实际为 4095",
                p.message(Locale.CHINESE));
    }
}
