package org.virtlab.ui.topology;

import org.virtlab.ui.common.WireId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.shell.ShellViewModel;
import org.virtlab.ui.sim.SimulationRunner;

/**
 * Networks, switches and wires on the topology, through the shell (so every edit is undoable), on the
 * network lesson: host1 has libvirt's NAT network "default" and an isolated "backend"; host2 a routed "lab"
 * and a bridged "LAN"; the switch dvs1 spans both hosts with port groups Web (VLAN 10) and DB (VLAN 20).
 */
class NetworkEditingTest {
    private final Scenario lesson = load();
    private final SimulationRunner runner = new SimulationRunner(lesson);
    private final ShellViewModel shell = new ShellViewModel(new I18n(Locale.ENGLISH), runner);
    private final TopologyViewModel topology = shell.topology();

    private static Scenario load() {
        try {
            return Lessons.load("network-models").scenario();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void aNicPlugsIntoANetworkOfItsOwnHostOrAPortGroupOfASwitchSpanningIt() {
        // test1's second NIC (nic1) is not connected.
        assertTrue(topology.checkWire("test1", 1, "default").allowed()); // host1's NAT network
        assertTrue(topology.checkWire("test1", 1, "pg-web").allowed());  // dvs1 spans host1
        TopologyViewModel.MoveCheck elsewhere = topology.checkWire("test1", 1, "lab"); // host2's network
        assertFalse(elsewhere.allowed());
        assertEquals("Host 2's network lab is not on Host 1, where Test VM runs: a NIC plugs only into networks"
                + " of its own host.", elsewhere.message());
        topology.wire("test1", 1, "default");
        assertEquals(NicSpec.toNetwork("default"), shell.scenario().vm("test1").orElseThrow().nics().get(1));
        assertEquals(Optional.of("wire:test1:1"), shell.selection().selectedId());
        shell.undo();
        assertEquals(lesson, shell.scenario());
    }

    @Test
    void draggingFromTheAddPortGivesTheVmANewNic() {
        int before = lesson.vm("web1").orElseThrow().nics().size();
        topology.wire("web1", before, "pg-db");
        List<NicSpec> nics = shell.scenario().vm("web1").orElseThrow().nics();
        assertEquals(before + 1, nics.size());
        assertEquals(NicSpec.toPortGroup("pg-db"), nics.get(before));
    }

    @Test
    void deletingAWireUnplugsItsNicAndDeletingANetworkUnplugsEveryNicOnIt() {
        shell.selection().select(new WireId("web1", 0).id());
        assertTrue(topology.deleteSelection());
        assertEquals(NicSpec.UNWIRED, shell.scenario().vm("web1").orElseThrow().nics().get(0));
        assertEquals(2, shell.scenario().vm("web1").orElseThrow().nics().size()); // unplugged, not removed

        shell.selection().select("backend"); // db1 and test1 are on it
        assertTrue(topology.deleteSelection());
        assertTrue(shell.scenario().network("backend").isEmpty());
        assertEquals(NicSpec.UNWIRED, shell.scenario().vm("db1").orElseThrow().nics().get(0));
        assertEquals(NicSpec.UNWIRED, shell.scenario().vm("test1").orElseThrow().nics().get(0));
        shell.undo();
        shell.undo();
        assertEquals(lesson, shell.scenario());
    }

    @Test
    void networksDroppedOnAHostGetLibvirtStyleSubnetsAndBridges() {
        topology.drop(TopologyViewModel.PaletteItem.HOST, null, 60, 700); // host3: no networks yet
        String nat = topology.drop(TopologyViewModel.PaletteItem.NET_NAT, "host3", 0, 0).orElseThrow();
        NetworkSpec n = shell.scenario().network(nat).orElseThrow();
        // libvirt's default network: virbr0, 192.168.122.0/24 (libvirt.org/formatnetwork.html, NAT example)
        assertEquals(NetworkMode.NAT, n.mode());
        assertEquals("192.168.122.0/24", n.subnet());
        assertEquals("virbr0", n.bridge());
        String iso = topology.drop(TopologyViewModel.PaletteItem.NET_ISOLATED, "host3", 0, 0).orElseThrow();
        NetworkSpec i = shell.scenario().network(iso).orElseThrow();
        assertEquals("192.168.100.0/24", i.subnet()); // the next free /24, not overlapping the NAT one
        assertEquals("virbr1", i.bridge());
        String bridged = topology.drop(TopologyViewModel.PaletteItem.NET_BRIDGED, "host3", 0, 0).orElseThrow();
        NetworkSpec b = shell.scenario().network(bridged).orElseThrow();
        assertEquals(null, b.subnet()); // a bridged guest is on the LAN's subnet
        assertEquals("br0", b.bridge());
        assertFalse(topology.accepts(TopologyViewModel.PaletteItem.NET_NAT, null)); // a network needs a host
    }

    @Test
    void aSwitchSpansEveryHostAndItsPortGroupsTakeTheNextVlan() {
        String sw = topology.drop(TopologyViewModel.PaletteItem.SWITCH, null, 400, 600).orElseThrow();
        assertEquals(List.of("host1", "host2"), shell.scenario().switchSpec(sw).orElseThrow().hostIds());
        String pg = topology.drop(TopologyViewModel.PaletteItem.PORT_GROUP, "dvs1", 0, 0).orElseThrow();
        // dvs1 has VLAN 10 and 20: the next multiple of ten (IEEE 802.1Q allows 1–4094)
        assertEquals(30, shell.scenario().portGroup(pg).orElseThrow().vlanId());
        assertFalse(topology.accepts(TopologyViewModel.PaletteItem.PORT_GROUP, "host1")); // only on a switch
    }

    @Test
    void aVmMovedToAnotherHostKeepsItsPortGroupAndLeavesHostLocalNetworks() {
        // web1: nic0 on host1's "default" (NAT), nic1 on Web. host2 has no network called "default".
        topology.moveVm("web1", "host2");
        List<NicSpec> nics = shell.scenario().vm("web1").orElseThrow().nics();
        assertEquals(NicSpec.UNWIRED, nics.get(0));
        assertEquals(NicSpec.toPortGroup("pg-web"), nics.get(1)); // dvs1 spans host2: same port group
    }
}
