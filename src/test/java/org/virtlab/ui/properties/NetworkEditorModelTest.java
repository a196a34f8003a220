package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;

/**
 * A network's name, mode, subnet and bridge, edited in one form. The lesson network-models
 * (scenarios/network-models.json) has on host1 "default" (NAT, 192.168.122.0/24, virbr0) and "backend"
 * (isolated, 10.0.10.0/24, virbr1); on host2 "lab" (routed, 192.168.100.0/24, virbr2) and "LAN" (bridged on
 * br0, no subnet).
 */
class NetworkEditorModelTest {
    private final I18n en = new I18n(Locale.ENGLISH);
    private final Scenario before = Lessons.load("network-models").scenario();
    private final RecordingEditor editor = new RecordingEditor(before);

    NetworkEditorModelTest() throws Exception {
    }

    private NetworkEditorModel model(String id) {
        return new NetworkEditorModel(en, editor, before.network(id).orElseThrow());
    }

    private void assertNothingChanged() {
        assertEquals(before, editor.scenario());
        assertTrue(editor.restructured.isEmpty());
    }

    @Test
    void startsFromTheNetwork() {
        NetworkEditorModel m = model("default");
        assertEquals("default", m.nameProperty().get());
        assertEquals(NetworkMode.NAT, m.modeProperty().get());
        assertEquals("192.168.122.0/24", m.subnetProperty().get());
        assertEquals("virbr0", m.bridgeProperty().get());
        assertEquals("", model("lan").subnetProperty().get());
    }

    @Test
    void theModesAreLibvirtsFourWithTheirForwardElement() {
        NetworkEditorModel m = model("default");
        // libvirt.org/formatnetwork.html: no <forward> = isolated; mode='nat' masquerades outbound traffic
        // and refuses new inbound connections; mode='route' forwards without NAT, so the LAN needs a route
        // back; mode='bridge' puts guests on the LAN through a bridge with the physical NIC
        // (virtualization.md §4)
        assertEquals("Isolated network", m.modeLabel(NetworkMode.ISOLATED));
        assertEquals("Guests and the host only; nothing leaves the host", m.modeExplanation(NetworkMode.ISOLATED));
        assertEquals("Outbound traffic is masqueraded to the host's address; inbound is refused unless forwarded",
                m.modeExplanation(NetworkMode.NAT));
        assertEquals("The host forwards without NAT; the LAN needs a route back to the subnet",
                m.modeExplanation(NetworkMode.ROUTED));
        assertEquals("Guests join the physical LAN, with its addresses", m.modeExplanation(NetworkMode.BRIDGED));
        assertEquals("Outbound traffic is masqueraded to the host's address; inbound is refused unless forwarded. "
                + "libvirt: <forward mode='nat'/>", m.chosenModeExplanation().get());
        m.modeProperty().set(NetworkMode.ISOLATED);
        assertEquals("Guests and the host only; nothing leaves the host. libvirt: no <forward> element",
                m.chosenModeExplanation().get());
        assertTrue(m.subnetNeeded().get());
        m.modeProperty().set(NetworkMode.BRIDGED);
        assertFalse(m.subnetNeeded().get());
        assertNothingChanged(); // choosing is not applying
    }

    @Test
    void aValidFormIsOneEditThatDoesNotRestart() {
        NetworkEditorModel m = model("lab");
        m.nameProperty().set(" Lab net ");
        m.modeProperty().set(NetworkMode.NAT);
        m.subnetProperty().set("172.16.0.0/16");
        m.bridgeProperty().set("virbr9");
        assertTrue(m.commit());
        NetworkSpec lab = before.network("lab").orElseThrow();
        assertEquals(List.of(before.withNetwork(new NetworkSpec("lab", "Lab net", "host2", NetworkMode.NAT,
                "172.16.0.0/16", "virbr9", lab.x(), lab.y()))), editor.restructured);
        assertTrue(editor.inputs.isEmpty());
        // the engine has no network subsystem: the shell goes on without a restart
        assertTrue(ScenarioDiff.runtimeOnly(before, editor.scenario()));
        assertTrue(m.commit()); // unchanged: no second edit
        assertEquals(1, editor.restructured.size());
    }

    @Test
    void bridgedDropsTheSubnetAndAnotherModeNeedsOne() {
        NetworkEditorModel lab = model("lab");
        lab.modeProperty().set(NetworkMode.BRIDGED);
        lab.bridgeProperty().set("br1");
        assertTrue(lab.commit());
        // NetworkSpec: a bridged network has no subnet of its own (its guests take the LAN's)
        assertNull(editor.scenario().network("lab").orElseThrow().subnet());

        NetworkEditorModel lan = new NetworkEditorModel(en, editor, editor.scenario().network("lan").orElseThrow());
        lan.modeProperty().set(NetworkMode.ROUTED);
        assertFalse(lan.commit());
        // NetworkSpec.MIN_SUBNET_PREFIX..MAX_SUBNET_PREFIX: /8 to /30
        assertEquals("Enter an IPv4 subnet such as 192.168.122.0/24, prefix /8–/30: this mode needs a subnet",
                lan.subnetErrorProperty().get());
        assertEquals(1, editor.restructured.size());
    }

    @Test
    void aSubnetThatIsNoCidrIsRefusedWithTheAllowedForm() {
        NetworkEditorModel m = model("backend");
        for (String bad : List.of("10.0.10/24", "10.0.10.0", "010.0.10.0/24", "10.0.256.0/24", "10.0.10.0/ 24")) {
            m.subnetProperty().set(bad);
            assertFalse(m.check(), bad);
            assertEquals("Enter an IPv4 subnet such as 192.168.122.0/24, prefix /8–/30; was \"" + bad + "\"",
                    m.subnetErrorProperty().get());
        }
        assertNothingChanged();
    }

    @Test
    void aPrefixOutsideEightToThirtyIsRefused() {
        NetworkEditorModel m = model("backend");
        // NetworkSpec.MAX_SUBNET_PREFIX: a /31 leaves no address for a guest beside the host's
        m.subnetProperty().set("10.0.10.0/31");
        assertFalse(m.commit());
        assertEquals("Allowed prefix: /8–/30; was /31", m.subnetErrorProperty().get());
        m.subnetProperty().set("10.0.0.0/7");
        assertFalse(m.commit());
        assertEquals("Allowed prefix: /8–/30; was /7", m.subnetErrorProperty().get());
        assertNothingChanged();
    }

    @Test
    void anAddressWithHostBitsSetNamesItsNetwork() {
        NetworkEditorModel m = model("default");
        // libvirt gives the host 192.168.122.1 on virbr0; the network is 192.168.122.0/24
        m.subnetProperty().set("192.168.122.1/24");
        assertFalse(m.commit());
        assertEquals("192.168.122.1/24 has host bits set; the network is 192.168.122.0/24",
                m.subnetErrorProperty().get());
        assertNothingChanged();
    }

    @Test
    void aSubnetOverlappingAnotherNetworkOfTheHostNamesIt() {
        NetworkEditorModel m = model("backend");
        // 192.168.0.0/16 holds default's 192.168.122.0/24, both on host1 (the model's rule, ScenarioRules)
        m.subnetProperty().set("192.168.0.0/16");
        assertFalse(m.commit());
        assertEquals("Overlaps network \"default\" (192.168.122.0/24) on this host", m.subnetErrorProperty().get());
        assertNothingChanged();
        // lab's 192.168.100.0/24 is on host2: networks of different hosts may share addresses
        m.subnetProperty().set("192.168.100.0/24");
        assertTrue(m.commit());
        assertEquals("192.168.100.0/24", editor.scenario().network("backend").orElseThrow().subnet());
    }

    @Test
    void aBridgeNameLinuxWouldRefuseOrTheHostAlreadyUsesIsRefused() {
        NetworkEditorModel m = model("backend");
        // Linux interface names: at most 15 characters (IFNAMSIZ 16 with the NUL)
        m.bridgeProperty().set("virbr-backend-01");
        assertFalse(m.commit());
        assertEquals("Enter 1–15 letters, digits, \".\", \"_\" or \"-\" (not . or ..); was \"virbr-backend-01\"",
                m.bridgeErrorProperty().get());
        m.bridgeProperty().set("virbr0");
        assertFalse(m.commit());
        assertEquals("Network \"default\" on this host already uses bridge virbr0", m.bridgeErrorProperty().get());
        assertNothingChanged();
        m.bridgeProperty().set("virbr-backend");
        assertTrue(m.commit());
        assertEquals("virbr-backend", editor.scenario().network("backend").orElseThrow().bridge());
    }

    @Test
    void aBlankNameIsRefused() {
        NetworkEditorModel m = model("default");
        m.nameProperty().set(" ");
        assertFalse(m.commit());
        assertEquals("Enter a name, 1–64 characters", m.nameErrorProperty().get());
        assertNothingChanged();
    }

    @Test
    void theMessagesAreInChineseInAChineseWindow() {
        NetworkEditorModel m = new NetworkEditorModel(new I18n(Locale.SIMPLIFIED_CHINESE), editor,
                before.network("backend").orElseThrow());
        assertEquals("隔离网络", m.modeLabel(NetworkMode.ISOLATED));
        assertEquals("NAT 网络", m.modeLabel(NetworkMode.NAT));
        m.subnetProperty().set("192.168.0.0/16");
        assertFalse(m.commit());
        assertEquals("与本主机上的网络“default”（192.168.122.0/24）重叠", m.subnetErrorProperty().get());
    }
}
