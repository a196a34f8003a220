package org.virtlab.ui.properties;

import org.virtlab.ui.common.WireId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;

/**
 * The panel on the lesson network-models (scenarios/network-models.json): networks, the switch, its port
 * groups, wires, several elements at once, and the lesson itself.
 */
class PropertiesViewModelNetworkTest {
    private final Scenario lesson = Lessons.load("network-models").scenario();
    private final RecordingEditor editor = new RecordingEditor(lesson);
    private final Selection selection = new Selection();
    private final PropertiesViewModel panel = panel(Locale.ENGLISH);

    PropertiesViewModelNetworkTest() throws Exception {
        editor.afterApply(() -> panel.reset(editor.scenario())); // as ShellViewModel does
    }

    private PropertiesViewModel panel(Locale locale) {
        PropertiesViewModel p = new PropertiesViewModel(new I18n(locale), selection, editor);
        p.reset(editor.scenario());
        return p;
    }

    private String value(String name) {
        return panel.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().value();
    }

    private List<String> names() {
        return panel.rows().stream().map(PropertyRow::name).toList();
    }

    @Test
    void aNetworkShowsItsModeWithLibvirtsForwardItsSubnetBridgeAndNics() {
        selection.select("default");
        assertEquals("Network: default", panel.headingProperty().get());
        assertEquals(List.of("Id", "Name", "Host", "Mode", "Subnet", "Bridge", "NICs plugged in"), names());
        assertEquals("Host 1", value("Host"));
        // libvirt.org/formatnetwork.html: a NAT network is <forward mode='nat'/>
        assertEquals("NAT network: <forward mode='nat'/>", value("Mode"));
        assertEquals("192.168.122.0/24", value("Subnet"));
        assertEquals("virbr0", value("Bridge"));
        assertEquals("Web 1 · nic0", value("NICs plugged in"));
        selection.select("backend");
        assertEquals("Isolated network: no <forward> element", value("Mode")); // libvirt: no <forward> at all
        assertEquals("Database · nic0, Test VM · nic0", value("NICs plugged in"));
        selection.select("lan");
        assertEquals("Bridged network: <forward mode='bridge'/>", value("Mode"));
        assertEquals("None: guests take addresses of the LAN", value("Subnet"));
        selection.select("lab");
        assertEquals("Routed network: <forward mode='route'/>", value("Mode"));
        assertNotNull(panel.networkEditorProperty().get());
        assertNull(panel.qosEditorProperty().get());
        assertNull(panel.migrationEditorProperty().get());
    }

    @Test
    void aSwitchShowsItsHostsAndPortGroups() {
        selection.select("dvs1");
        assertEquals("Distributed switch: DSwitch", panel.headingProperty().get());
        assertEquals(List.of("Id", "Name", "Hosts spanned", "Port groups"), names());
        assertEquals("Host 1, Host 2", value("Hosts spanned"));
        assertEquals("Web (VLAN 10), DB (VLAN 20)", value("Port groups"));
        assertNotNull(panel.switchEditorProperty().get());
        assertNull(panel.networkEditorProperty().get());
    }

    @Test
    void aPortGroupShowsItsVlanSwitchAndNics() {
        selection.select("pg-db");
        assertEquals("Port group: DB", panel.headingProperty().get());
        assertEquals(List.of("Id", "Name", "VLAN ID", "Switch", "NICs plugged in"), names());
        assertEquals("20", value("VLAN ID"));
        assertEquals("DSwitch", value("Switch"));
        assertEquals("Database · nic1, File server · nic1", value("NICs plugged in"));
        assertNotNull(panel.portGroupEditorProperty().get());
    }

    @Test
    void aWireShowsItsVmNicAndTargetAndDisconnectUnplugsItThenSelectsTheVm() {
        selection.select("wire:web2:1");
        assertEquals("Wire: Web 2 · nic1", panel.headingProperty().get());
        assertEquals(List.of("VM", "NIC", "Connected to"), names());
        assertEquals("Web, VLAN 10 (DSwitch)", value("Connected to"));
        WireEditorModel wire = panel.wireEditorProperty().get();
        assertTrue(wire.connected());
        wire.disconnect();
        assertEquals(List.of(lesson.withVm(lesson.vm("web2").orElseThrow().withNic(1, NicSpec.UNWIRED))),
                editor.restructured);
        assertEquals(List.of("web2"), selection.ids());
        assertNull(panel.wireEditorProperty().get());
        assertNotNull(panel.nicEditorProperty().get());
    }

    @Test
    void aWireIdOfNoNicShowsTheLesson() {
        selection.select("wire:web2:5");
        assertEquals("Lesson", panel.headingProperty().get());
        selection.select("wire:nobody:0");
        assertEquals("Lesson", panel.headingProperty().get());
    }

    @Test
    void severalElementsShowTheirKindsAndNamesAndNoEditors() {
        selection.setAll(List.of("web1", "default", "dvs1", "pg-web", "host2", "wire:db1:0"));
        assertEquals("6 elements selected", panel.headingProperty().get());
        assertEquals(List.of("VM", "NAT network", "Distributed switch", "Port group", "Host", "Wire"), names());
        assertEquals(List.of("Web 1", "default", "DSwitch", "Web", "Host 2", "Database · nic0"),
                panel.rows().stream().map(PropertyRow::value).toList());
        assertNull(panel.qosEditorProperty().get());
        assertNull(panel.networkEditorProperty().get());
        assertNull(panel.migrationEditorProperty().get());
        selection.toggle("web1"); // still several: the single id stays null, the rows follow
        assertEquals("5 elements selected", panel.headingProperty().get());
        selection.setAll(List.of("dvs1"));
        assertNotNull(panel.switchEditorProperty().get());
    }

    @Test
    void theLessonShowsItsStepsDurationAndMigrationSettings() {
        assertEquals("Lesson", panel.headingProperty().get());
        // scenarios/network-models.json: four steps, "durationSeconds": 30, no migration: QEMU's defaults
        assertEquals("Find the four networks: which host is each on, and which one has no subnet of its own?",
                value("Step 1"));
        assertTrue(names().containsAll(List.of("Step 2", "Step 3", "Step 4")));
        assertFalse(names().contains("Step 5"));
        assertEquals("30 s", value("Duration"));
        // QEMU's max-bandwidth 128 MiB/s and downtime-limit 300 ms (virtualization.md §5)
        assertEquals("128 MiB/s", value("Bandwidth"));
        assertEquals("300 ms", value("Downtime limit"));
        assertEquals("30", value("Max rounds"));
        assertEquals("4", value("Networks"));
        assertEquals("1", value("Switches"));
        assertNotNull(panel.migrationEditorProperty().get());
    }

    @Test
    void theStepsAreInTheWindowsLanguage() {
        PropertiesViewModel zh = panel(Locale.SIMPLIFIED_CHINESE);
        assertEquals("找出四个网络：每个网络在哪台主机上？哪一个没有自己的子网？", zh.rows().stream()
                .filter(r -> r.name().equals("第 1 步")).findFirst().orElseThrow().value());
        assertEquals("建议步骤", zh.rows().stream().filter(r -> r.name().equals("第 1 步")).findFirst().orElseThrow()
                .category());
    }

    @Test
    void aVmShowsItsDirtyRateAndGetsNicAndLiveMigrationEditors() {
        selection.select("db1");
        assertEquals("64 MiB/s", value("Dirty rate")); // network-models: "dirtyMibPerSecond": 64
        assertEquals("Live migration", panel.rows().stream().filter(r -> r.name().equals("Dirty rate")).findFirst()
                .orElseThrow().category());
        assertNotNull(panel.nicEditorProperty().get());
        assertNotNull(panel.dirtyRateEditorProperty().get());
        selection.select("web1");
        assertEquals("16 MiB/s", value("Dirty rate")); // VmSpec.DEFAULT_DIRTY_MIB_PER_SECOND
    }

    @Test
    void theNewEditorsSurviveTheirOwnEdits() {
        selection.select("test1");
        NicListEditorModel nics = panel.nicEditorProperty().get();
        nics.add();
        assertSame(nics, panel.nicEditorProperty().get());
        selection.select("backend");
        NetworkEditorModel network = panel.networkEditorProperty().get();
        network.nameProperty().set("Back end");
        assertTrue(network.commit());
        assertSame(network, panel.networkEditorProperty().get());
        assertEquals("Network: Back end", panel.headingProperty().get());
        selection.select("dvs1");
        SwitchEditorModel sw = panel.switchEditorProperty().get();
        sw.addPortGroup();
        assertTrue(sw.commit());
        assertSame(sw, panel.switchEditorProperty().get());
        selection.clear();
        MigrationSettingsEditorModel migration = panel.migrationEditorProperty().get();
        migration.fields().get(0).textProperty().set("256");
        assertTrue(migration.commit());
        assertSame(migration, panel.migrationEditorProperty().get());
        assertEquals("256 MiB/s", value("Bandwidth"));
    }

    @Test
    void aNewBandwidthRebuildsTheDirtyRateEditorSoThatRhoFollows() {
        selection.select("db1");
        DirtyRateEditorModel before = panel.dirtyRateEditorProperty().get();
        selection.clear();
        panel.migrationEditorProperty().get().fields().get(0).textProperty().set("64");
        assertTrue(panel.migrationEditorProperty().get().commit());
        selection.select("db1");
        assertTrue(before != panel.dirtyRateEditorProperty().get());
        assertTrue(panel.dirtyRateEditorProperty().get().rhoProperty().get().startsWith("ρ = 64 ÷ 64 = 1.00"));
    }
}
