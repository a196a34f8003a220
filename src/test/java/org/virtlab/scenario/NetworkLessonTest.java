package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;

/** The network lesson sets up what its goal describes (../shared/reference/virtualization.md §4). */
class NetworkLessonTest {
    /** Host cards are about 720 px wide on the topology canvas. */
    private static final double HOST_WIDTH = 720;

    private static Scenario lesson() throws ScenarioException {
        return Lessons.load("network-models").scenario();
    }

    @Test
    void host1HasLibvirtsDefaultNatNetworkAndAnIsolatedOne() throws ScenarioException {
        Scenario s = lesson();
        // libvirt's default network: NAT on virbr0, 192.168.122.0/24
        NetworkSpec def = s.network("default").orElseThrow();
        assertEquals(List.of("host1", NetworkMode.NAT, "192.168.122.0/24", "virbr0"),
                List.of(def.hostId(), def.mode(), def.subnet(), def.bridge()));
        assertEquals(List.of(NetworkMode.NAT, NetworkMode.ISOLATED),
                s.networksOn("host1").stream().map(NetworkSpec::mode).toList());
    }

    @Test
    void host2HasARoutedAndABridgedNetwork() throws ScenarioException {
        Scenario s = lesson();
        assertEquals(List.of(NetworkMode.ROUTED, NetworkMode.BRIDGED),
                s.networksOn("host2").stream().map(NetworkSpec::mode).toList());
        NetworkSpec bridged = s.networksOn("host2").get(1);
        assertEquals(null, bridged.subnet()); // the guests take the LAN's addresses
        assertEquals("br0", bridged.bridge());
        // the goal names the routed subnet the LAN's router needs a route back to
        assertTrue(s.goal().en().contains(s.networksOn("host2").get(0).subnet()), s.goal().en());
        assertTrue(s.goal().zh().contains(s.networksOn("host2").get(0).subnet()), s.goal().zh());
    }

    @Test
    void aDistributedSwitchSpansBothHostsWithWebAndDbVlans() throws ScenarioException {
        Scenario s = lesson();
        SwitchSpec dvs = s.switches().get(0);
        assertEquals(List.of("host1", "host2"), dvs.hostIds());
        assertEquals(List.of(new PortGroupSpec("pg-web", "Web", 10), new PortGroupSpec("pg-db", "DB", 20)),
                dvs.portGroups());
        for (String text : List.of(s.goal().en(), s.goal().zh())) {
            assertTrue(text.contains("VLAN 10") && text.contains("VLAN 20"), text);
        }
    }

    @Test
    void everyNetworkAndPortGroupHasAVmPluggedInAndOneNicIsLeftUnplugged() throws ScenarioException {
        Scenario s = lesson();
        List<NicSpec> nics = s.vms().stream().flatMap(v -> v.nics().stream()).toList();
        for (NetworkSpec n : s.networks()) {
            assertTrue(nics.contains(NicSpec.toNetwork(n.id())), n.id());
        }
        for (PortGroupSpec g : s.switches().get(0).portGroups()) {
            assertTrue(nics.stream().filter(nic -> g.id().equals(nic.portGroupId())).count() >= 2,
                    g.id() + " joins VMs of both hosts");
        }
        assertEquals(1, nics.stream().filter(nic -> !nic.wired()).count()); // step 2 asks to find it
    }

    @Test
    void networksSitBelowTheirHostsVmsAndTheSwitchBetweenTheHosts() throws ScenarioException {
        Scenario s = lesson();
        Map<String, HostSpec> hosts = s.hosts().stream().collect(Collectors.toMap(HostSpec::id, h -> h));
        for (NetworkSpec n : s.networks()) {
            HostSpec h = hosts.get(n.hostId());
            assertTrue(n.x() >= h.x() && n.x() < h.x() + HOST_WIDTH, n.id() + " within its host's width");
            double lowestVm = s.vmsOn(h.id()).stream().mapToDouble(VmSpec::y).max().orElseThrow();
            assertTrue(n.y() > lowestVm, n.id() + " below the VMs");
        }
        SwitchSpec dvs = s.switches().get(0);
        HostSpec left = s.hosts().get(0);
        HostSpec right = s.hosts().get(1);
        assertTrue(dvs.x() > left.x() && dvs.x() < right.x(), "between the hosts");
        assertTrue(dvs.y() > s.networks().stream().mapToDouble(NetworkSpec::y).max().orElseThrow(), "below");
    }
}
