package org.virtlab.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortForwardSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;

/** Issue #7's bad input: each refused with a message that names the element and says what is allowed. */
class BadInputTest {

    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    private static Scenario withNat1Nic(NicSpec nic) {
        return NetScenarios.fourModels(false, List.of(nic));
    }

    @Test
    void overlappingSubnetsOnOneHost() {
        Scenario s = NetScenarios.fourModels();
        String m = refused(() -> s.withNetworks(List.of(s.networks().get(0),
                NetScenarios.network("other", "host1", NetworkMode.ROUTED, "192.168.0.0/16", "virbr9", false))));
        assertEquals("network other's subnet 192.168.0.0/16 overlaps network default's 192.168.122.0/24 on host host1", m);
    }

    @Test
    void anAddressOutsideItsSubnetOrKeptByTheNetwork() {
        assertEquals("VM nat1 nic0 has address 192.168.123.5, outside network default's subnet 192.168.122.0/24",
                refused(() -> withNat1Nic(NicSpec.toNetwork("default").withAddress("192.168.123.5"))));
        assertEquals("VM nat1 nic0 has address 192.168.122.1, which network default keeps for the host's bridge",
                refused(() -> withNat1Nic(NicSpec.toNetwork("default").withAddress("192.168.122.1"))));
        assertEquals("VM nat1 nic0 has address 192.168.122.255, which network default keeps for broadcast",
                refused(() -> withNat1Nic(NicSpec.toNetwork("default").withAddress("192.168.122.255"))));
        assertTrue(refused(() -> withNat1Nic(NicSpec.toNetwork("lan").withAddress("10.0.0.5")))
                .contains("network lan is bridged"));
    }

    @Test
    void duplicateMacsAndAddresses() {
        Scenario s = NetScenarios.fourModels();
        NicSpec mac = NicSpec.toNetwork("default").withMac("52:54:00:AA:BB:CC");
        assertEquals("VM nat2 nic0 has MAC 52:54:00:aa:bb:cc, as VM nat1 nic0 has", refused(() -> s.withVms(s.vms().stream()
                .map(v -> v.id().startsWith("nat") ? v.withNics(List.of(mac)) : v).toList())));
        assertTrue(refused(() -> NicSpec.toNetwork("default").withMac("01:00:5e:00:00:01")).contains("unicast"));
        NicSpec address = NicSpec.toNetwork("default").withAddress("192.168.122.9");
        assertEquals("VM nat2 nic0 has address 192.168.122.9 on network default, as VM nat1 nic0 has",
                refused(() -> s.withVms(s.vms().stream()
                        .map(v -> v.id().startsWith("nat") ? v.withNics(List.of(address)) : v).toList())));
    }

    @Test
    void vlanOutOfRange() {
        assertEquals("vlanId must be between 1 and 4094, was 4095", refused(() -> new PortGroupSpec("pg", "pg", 4095)));
        assertEquals("vlanId must be between 1 and 4094, was 0", refused(() -> new PortGroupSpec("pg", "pg", 0)));
    }

    @Test
    void portForwardsOnlyIntoNatAndEachHostPortOnce() {
        PortForwardSpec http = new PortForwardSpec(PortForwardSpec.Protocol.TCP, 8080, 80);
        assertEquals("VM nat1 nic0 has port forwards, but network routed is routed; only a NAT network forwards ports",
                refused(() -> withNat1Nic(NicSpec.toNetwork("routed").withPortForwards(List.of(http)))));
        Scenario s = NetScenarios.fourModels();
        NicSpec forwarded = NicSpec.toNetwork("default").withPortForwards(List.of(http));
        assertEquals("VM nat2 nic0 forwards tcp port 8080 of host host1, which VM nat1 nic0 forwards already",
                refused(() -> s.withVms(s.vms().stream()
                        .map(v -> v.id().startsWith("nat") ? v.withNics(List.of(forwarded)) : v).toList())));
    }

    @Test
    void aTraceFromOrToANicPluggedIntoNothing() {
        NetTopology t = NetTopology.of(withNat1Nic(NicSpec.UNWIRED));
        PacketTracer tracer = new PacketTracer(new NetState(t, 0));
        NetException e = assertThrows(NetException.class, () -> tracer.trace("nat1:nic0", "lan-pc", Protocol.ICMP, 0));
        assertEquals(NetException.Kind.UNWIRED_NIC, e.kind());
        assertEquals("nat1:nic0", e.element());
        assertEquals("nat1:nic0 is plugged into nothing: plug it into a network or a port group first", e.getMessage());
        // A VM with no NIC plugged in has no endpoint at all.
        assertEquals(NetException.Kind.UNKNOWN_ENDPOINT,
                assertThrows(NetException.class, () -> tracer.trace("lan-pc", "nat1", Protocol.ICMP, 0)).kind());
    }

    @Test
    void aTraceToAnUnknownEndpoint() {
        PacketTracer tracer = new PacketTracer(new NetState(NetTopology.of(NetScenarios.dvs()), 0));
        NetException e = assertThrows(NetException.class, () -> tracer.trace("web1", "web9", Protocol.ICMP, 0));
        assertEquals("web9", e.element());
        assertEquals("unknown endpoint \"web9\"; endpoints are: host1, host2, host3, web1:nic0, web2:nic0, db1:nic0, "
                + "db2:nic0, lan-pc, internet", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tracer.trace("web1", "web2", Protocol.TCP, 0));
    }

    @Test
    void aSubnetOnTheLanOrTwoRoutesToOneSubnet() {
        Scenario s = NetScenarios.fourModels();
        Scenario lan = s.withNetwork(s.networks().get(1).withMode(NetworkMode.ISOLATED, "10.0.0.0/16"));
        NetException e = assertThrows(NetException.class, () -> NetTopology.of(lan));
        assertEquals(NetException.Kind.SUBNET_COLLIDES, e.kind());
        assertEquals("network iso's subnet 10.0.0.0/16 overlaps the LAN 10.0.0.0/24; give it another subnet",
                e.getMessage());
        Scenario twice = s.withVms(List.of()).withNetworks(List.of(
                NetScenarios.network("r2", "host2", NetworkMode.ROUTED, "192.168.100.0/25", "virbr0", true),
                NetScenarios.network("r1", "host1", NetworkMode.ROUTED, "192.168.100.0/24", "virbr7", true)));
        e = assertThrows(NetException.class, () -> NetTopology.of(twice));
        assertEquals(NetException.Kind.ROUTE_CONFLICT, e.kind());
        assertEquals("r1", e.element());
    }

    @Test
    void scenarioIdsThePhysicalSideUses() {
        Scenario s = NetScenarios.dvs();
        Scenario clash = s.withVms(s.vms().stream().map(v -> v.id().equals("web1")
                ? NetScenarios.vm("internet", "host1", NicSpec.toPortGroup("pg-web")) : v).toList());
        NetException e = assertThrows(NetException.class, () -> NetTopology.of(clash));
        assertEquals(NetException.Kind.RESERVED_NAME, e.kind());
        assertEquals("internet", e.element());
    }

    @Test
    void aCopiedVmLeavesItsFixedMacAddressAndForwardsBehind() {
        NicSpec fixed = NicSpec.toNetwork("default").withMac("52:54:00:00:00:07").withAddress("192.168.122.7")
                .withPortForwards(List.of(new PortForwardSpec(PortForwardSpec.Protocol.TCP, 2222, 22)));
        Scenario s = withNat1Nic(fixed);
        org.virtlab.engine.model.VmSpec copy = s.vm("nat1").orElseThrow().copy("nat9", "nat9");
        assertEquals(List.of(NicSpec.toNetwork("default")), copy.nics());
        List<org.virtlab.engine.model.VmSpec> vms = new java.util.ArrayList<>(s.vms());
        vms.add(copy);
        Scenario pasted = s.withVms(vms); // the original's MAC, address and host port 2222 would clash
        assertEquals("nat9:nic0", NetTopology.of(pasted).endpoint("nat9").id());
    }
}
