package org.virtlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.migration.MigrationSettings;

/** The topology records: networks, switches and port groups, NICs, and the references the scenario checks. */
class NetworkModelTest {

    private static String refused(Runnable build) {
        return assertThrows(IllegalArgumentException.class, build::run).getMessage();
    }

    private static NetworkSpec nat(String id, String host, String subnet, String bridge) {
        return new NetworkSpec(id, id, host, NetworkMode.NAT, subnet, bridge, 0, 0);
    }

    /** The networked test scenario with its networks changed. */
    private static Scenario networks(UnaryOperator<List<NetworkSpec>> change) {
        Scenario s = TestScenarios.networked();
        return s.withNetworks(change.apply(s.networks()));
    }

    @Test
    void cidrNotationIsReadStrictly() {
        assertEquals(Optional.of(new Ipv4Cidr(0xC0A87A00, 24)), Ipv4Cidr.parse("192.168.122.0/24"));
        assertEquals("192.168.122.0/24", Ipv4Cidr.parse("192.168.122.0/24").orElseThrow().toString());
        assertEquals("255.255.255.255/32", Ipv4Cidr.parse("255.255.255.255/32").orElseThrow().toString());
        for (String bad : List.of("192.168.122.0", "192.168.122/24", "192.168.122.256/24", "192.168.122.0/33",
                "192.168.122.0/", "192.168.122.00/24", "010.0.0.0/8", "1.2.3.4/08", " 1.2.3.4/8", "1.2.3.4/8 ",
                "1.2.3.-4/8", "1.2.3.4/+8", "1.2.3.4.5/8", "１.2.3.4/8", "")) {
            assertEquals(Optional.empty(), Ipv4Cidr.parse(bad), bad);
        }
    }

    @Test
    void aSubnetIsANetworkWhenItsHostBitsAreZero() {
        assertTrue(Ipv4Cidr.parse("192.168.122.0/24").orElseThrow().isNetwork());
        Ipv4Cidr address = Ipv4Cidr.parse("192.168.122.1/24").orElseThrow();
        assertFalse(address.isNetwork());
        assertEquals("192.168.122.0/24", address.network().toString());
        assertTrue(Ipv4Cidr.parse("0.0.0.0/0").orElseThrow().isNetwork());
    }

    @Test
    void subnetsOverlapWhenOneLiesInsideTheOther() {
        Ipv4Cidr wide = Ipv4Cidr.parse("10.0.0.0/8").orElseThrow();
        assertTrue(wide.overlaps(Ipv4Cidr.parse("10.20.0.0/16").orElseThrow()));
        assertTrue(Ipv4Cidr.parse("10.20.0.0/16").orElseThrow().overlaps(wide));
        assertFalse(Ipv4Cidr.parse("192.168.122.0/24").orElseThrow()
                .overlaps(Ipv4Cidr.parse("192.168.123.0/24").orElseThrow()));
    }

    @Test
    void libvirtsDefaultNetworkIsANatNetworkOnVirbr0() {
        // libvirt.org/formatnetwork.html and virtualization.md §4: default network, virbr0, 192.168.122.0/24, NAT
        NetworkSpec n = nat("default", "h1", "192.168.122.0/24", "virbr0");
        assertEquals("nat", n.mode().libvirtForwardMode());
        assertEquals(24, n.subnetCidr().orElseThrow().prefix());
        assertEquals("none", NetworkMode.ISOLATED.libvirtForwardMode()); // no <forward> element
        assertEquals("route", NetworkMode.ROUTED.libvirtForwardMode());
        assertEquals("bridge", NetworkMode.BRIDGED.libvirtForwardMode());
    }

    @Test
    void aNetworkRefusesASubnetThatIsNotAnIpv4Network() {
        assertEquals("subnet must be an IPv4 subnet in CIDR notation such as 192.168.122.0/24, was 192.168.122.0",
                refused(() -> nat("n", "h1", "192.168.122.0", null)));
        assertEquals("subnet 192.168.122.1/24 has host bits set; the network is 192.168.122.0/24",
                refused(() -> nat("n", "h1", "192.168.122.1/24", null)));
        // /8 to /30: a /31 or /32 leaves no address for a guest beside the host's
        assertEquals("subnet prefix must be between 8 and 30, was 31",
                refused(() -> nat("n", "h1", "192.168.122.0/31", null)));
        assertEquals("subnet prefix must be between 8 and 30, was 7", refused(() -> nat("n", "h1", "10.0.0.0/7", null)));
        refused(() -> new NetworkSpec("n", "n", "h1", NetworkMode.ROUTED, null, null, 0, 0));
    }

    @Test
    void aBridgedNetworkHasNoSubnetOfItsOwn() {
        // virtualization.md §4: a bridged guest is a LAN host; libvirt adds no DHCP (no subnet of its own)
        assertEquals("a bridged network has no subnet of its own (its guests take the LAN's), was 192.168.1.0/24",
                refused(() -> new NetworkSpec("lan", "LAN", "h1", NetworkMode.BRIDGED, "192.168.1.0/24", "br0", 0, 0)));
        assertFalse(NetworkMode.BRIDGED.hasSubnet());
    }

    @Test
    void bridgeNamesAreLinuxInterfaceNamesAndDefaultFromTheId() {
        // Linux: IFNAMSIZ is 16 with the terminating NUL, and "." and ".." are not valid names
        assertEquals("virbr-iso", nat("iso", "h1", "10.0.0.0/24", null).bridge());
        assertEquals("br-lan", new NetworkSpec("lan", null, "h1", NetworkMode.BRIDGED, null, null, 0, 0).bridge());
        assertEquals("virbr-a-very-lo", nat("a-very-long-network-id", "h1", "10.0.0.0/24", null).bridge());
        assertTrue(NetworkSpec.isBridgeName("x".repeat(15)));
        for (String bad : List.of("", "x".repeat(16), "br 0", "br/0", "br:0", ".", "..", "网桥")) {
            assertFalse(NetworkSpec.isBridgeName(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> nat("n", "h1", "10.0.0.0/24", bad));
        }
    }

    @Test
    void vlanIdsAreOneTo4094() {
        // IEEE 802.1Q: VID 0 means "priority tag, no VLAN" and 4095 (0xFFF) is reserved
        assertEquals(1, new PortGroupSpec("pg", null, 1).vlanId());
        assertEquals(4094, new PortGroupSpec("pg", null, 4094).vlanId());
        assertEquals("vlanId must be between 1 and 4094, was 0", refused(() -> new PortGroupSpec("pg", "PG", 0)));
        assertEquals("vlanId must be between 1 and 4094, was 4095", refused(() -> new PortGroupSpec("pg", "PG", 4095)));
    }

    @Test
    void aSwitchListsEachHostOnce() {
        assertEquals("switch dvs lists host h1 twice",
                refused(() -> new SwitchSpec("dvs", null, List.of("h1", "h1"), List.of(), 0, 0)));
        assertEquals("switch dvs has two port groups pg",
                refused(() -> new SwitchSpec("dvs", null, List.of(), List.of(new PortGroupSpec("pg", null, 1),
                        new PortGroupSpec("pg", null, 2)), 0, 0)));
    }

    @Test
    void aNicPlugsIntoANetworkOrAPortGroupOrNothing() {
        assertFalse(NicSpec.UNWIRED.wired());
        assertTrue(NicSpec.toNetwork("default").wired());
        assertEquals("nic2", NicSpec.name(2));
        assertTrue(refused(() -> new NicSpec("default", "pg-web"))
                .startsWith("a NIC is plugged into a network or a port group, not both"));
    }

    @Test
    void aVmHasAtMostEightNics() {
        // issue #4: 0–8 NICs per VM
        VmSpec vm = new VmSpec("vm", "vm", "h1", 1, 1024, new Workload.Idle(1), 0, 0);
        assertEquals(8, vm.withNics(java.util.Collections.nCopies(8, NicSpec.UNWIRED)).nics().size());
        assertEquals("nics must be between 0 and 8, was 9",
                refused(() -> vm.withNics(java.util.Collections.nCopies(9, NicSpec.UNWIRED))));
        assertEquals(16, vm.dirtyMibPerSecond()); // the default dirty rate
        assertEquals("dirtyMibPerSecond must be between 0.0 and 100000.0, was -1.0",
                refused(() -> vm.withDirtyMibPerSecond(-1)));
    }

    @Test
    void aNetworkMustBeOnAHostOfTheScenario() {
        assertEquals("network gone is on unknown host h9", refused(() -> networks(n -> List.of(
                nat("gone", "h9", "10.1.0.0/24", null)))));
    }

    @Test
    void networksOfOneHostNeedTheirOwnBridgeAndSubnet() {
        assertEquals("networks default and second on host h1 both use bridge virbr0", refused(() -> networks(n ->
                append(n, nat("second", "h1", "10.9.0.0/24", "virbr0")))));
        assertEquals("network second's subnet 192.168.0.0/16 overlaps network default's 192.168.122.0/24 on host h1",
                refused(() -> networks(n -> append(n, nat("second", "h1", "192.168.0.0/16", "virbr9")))));
        // Another host may use the same bridge and subnet: every libvirt host has its own virbr0 default network.
        Scenario s = networks(n -> append(n, nat("default2", "h2", "192.168.122.0/24", "virbr0")));
        assertEquals(2, s.networks().stream().filter(x -> x.bridge().equals("virbr0")).count());
    }

    @Test
    void aNicPlugsOnlyIntoANetworkOfItsOwnHost() {
        Scenario s = TestScenarios.networked();
        VmSpec web = s.vm("web").orElseThrow(); // on h1; "routed" is on h2
        assertEquals("VM web nic0 is plugged into network routed of host h2, but the VM is on host h1",
                refused(() -> s.withVm(web.withNic(0, NicSpec.toNetwork("routed")))));
        assertEquals("VM web nic2 is plugged into unknown network nowhere",
                refused(() -> s.withVm(web.withNic(2, NicSpec.toNetwork("nowhere")))));
    }

    @Test
    void aNicPlugsOnlyIntoAPortGroupOfASwitchThatSpansItsHost() {
        Scenario s = TestScenarios.networked();
        SwitchSpec onlyH2 = s.switches().get(0).withHostIds(List.of("h2"));
        assertEquals("VM web nic1 is plugged into port group pg-web of switch dvs, which does not span the VM's host h1",
                refused(() -> s.withSwitches(List.of(onlyH2))));
        assertEquals("VM web nic1 is plugged into unknown port group pg-x",
                refused(() -> s.withVm(s.vm("web").orElseThrow().withNic(1, NicSpec.toPortGroup("pg-x")))));
        assertEquals("switch dvs spans unknown host h9", refused(() -> s.withSwitches(List.of(
                s.switches().get(0).withHostIds(List.of("h1", "h2", "h9"))))));
    }

    @Test
    void hostsVmsNetworksSwitchesAndPortGroupsShareOneNameSpace() {
        Scenario s = TestScenarios.networked();
        assertEquals("duplicate id h1", refused(() -> networks(n -> append(n, nat("h1", "h2", "10.1.0.0/24", null)))));
        assertEquals("duplicate id web", refused(() -> s.withSwitches(List.of(s.switches().get(0),
                new SwitchSpec("web", null, List.of(), List.of(), 0, 0)))));
        assertEquals("duplicate id default", refused(() -> s.withSwitches(List.of(s.switches().get(0)
                .withPortGroups(List.of(new PortGroupSpec("pg-web", null, 10), new PortGroupSpec("pg-db", null, 20),
                        new PortGroupSpec("default", null, 30)))))));
        assertTrue(s.hasId("pg-db"));
        assertEquals("pg1", s.freeId("pg"));
    }

    @Test
    void stepsNeedTextAndTheRunLastsWholeSecondsUpToADay() {
        Scenario s = TestScenarios.networked();
        assertEquals("step 2 has no text in either language",
                refused(() -> s.withSteps(List.of(LocalizedText.of("a", ""), LocalizedText.EMPTY))));
        assertEquals(86_400_000_000L, s.withDurationMicros(Scenario.MAX_DURATION_MICROS).durationMicros());
        assertEquals("durationMicros must be between 1000000 and 86400000000, was 999999",
                refused(() -> s.withDurationMicros(999_999)));
        assertEquals("durationMicros must be whole seconds, was 1500000", refused(() -> s.withDurationMicros(1_500_000)));
    }

    @Test
    void theViewIsATabOfTheWindowAndAZoomFromATenthToFourTimes() {
        assertEquals(ViewState.DEFAULT, new ViewState("topology", 1));
        assertEquals("tab must be one of topology, cpu, memory, io, network, was disk",
                refused(() -> new ViewState("disk", 1)));
        assertEquals("zoom must be between 0.1 and 4.0, was 0.05", refused(() -> new ViewState("cpu", 0.05)));
    }

    @Test
    void theShortConstructorGivesTheDefaults() {
        Scenario s = new Scenario(null, null, 1, 1_000, List.of(TestScenarios.host()), List.of());
        assertEquals(List.of(), s.steps());
        assertEquals(60_000_000, s.durationMicros()); // issue #4: a run lasts 60 s unless the lesson says
        assertEquals(MigrationSettings.QEMU_DEFAULTS, s.migration());
        assertEquals(ViewState.DEFAULT, s.view());
        assertEquals(List.of(), s.networks());
        assertEquals(List.of(), s.switches());
    }

    @Test
    void withMethodsChangeOnePartAndKeepTheRest() {
        Scenario s = TestScenarios.networked();
        Scenario moved = s.withHosts(List.of(s.hosts().get(0).at(1, 2), s.hosts().get(1)));
        assertEquals(s.networks(), moved.networks());
        assertEquals(s.switches(), moved.switches());
        assertEquals(s.view(), moved.view());
        assertEquals(s.steps(), moved.steps());
        assertEquals(s.migration(), moved.migration());
        assertEquals(s.durationMicros(), moved.durationMicros());
        assertEquals(s, moved.withHost(s.hosts().get(0)));
        assertEquals(99, s.withSeed(99).withSeed(s.seed()).withSeed(99).seed());
        assertEquals(s, s.withSeed(99).withSeed(s.seed()));
        VmSpec web = s.vm("web").orElseThrow();
        VmSpec resized = web.withSize(1, 1_024);
        assertEquals(web.nics(), resized.nics());
        assertEquals(web.dirtyMibPerSecond(), resized.dirtyMibPerSecond());
    }

    @Test
    void deletingAHostTakesItsVmsAndNetworksAndItsUplinksAndUnplugsWhatCannotReachTheSwitchAnyMore() {
        Scenario s = TestScenarios.networked();
        Scenario without = s.without("h1");
        assertEquals(List.of("h2"), without.hosts().stream().map(HostSpec::id).toList());
        assertEquals(List.of("db", "files"), without.vms().stream().map(VmSpec::id).toList());
        assertEquals(List.of("routed", "lan"), without.networks().stream().map(NetworkSpec::id).toList());
        assertEquals(List.of("h2"), without.switches().get(0).hostIds());
        assertEquals(s.vm("db"), without.vm("db"), "db's NICs still reach routed and the switch on h2");
    }

    @Test
    void deletingANetworkOrPortGroupUnplugsItsNicsAndKeepsTheirPlaces() {
        Scenario s = TestScenarios.networked();
        assertEquals(List.of(NicSpec.UNWIRED, NicSpec.toPortGroup("pg-web"), NicSpec.UNWIRED),
                s.without("default").vm("web").orElseThrow().nics());
        assertEquals(List.of(NicSpec.toNetwork("default"), NicSpec.UNWIRED, NicSpec.UNWIRED),
                s.without("pg-web").vm("web").orElseThrow().nics());
        assertEquals(List.of("pg-db"), s.without("pg-web").switches().get(0).portGroups().stream()
                .map(PortGroupSpec::id).toList());
        assertEquals(List.of(NicSpec.toNetwork("routed"), NicSpec.UNWIRED), s.without("dvs").vm("db").orElseThrow().nics());
        assertEquals(s, s.without("no-such-id"));
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> out = new java.util.ArrayList<>(list);
        out.add(element);
        return out;
    }
}
