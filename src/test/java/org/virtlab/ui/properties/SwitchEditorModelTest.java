package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;

/**
 * A distributed switch's name, hosts and port groups, edited in one form. network-models
 * (scenarios/network-models.json): "DSwitch" (dvs1) spans host1 and host2 with port groups Web (pg-web,
 * VLAN 10) and DB (pg-db, VLAN 20); on host1 "Web 1" nic1 is on Web and "Database" nic1 on DB; on host2
 * "Web 2" nic1 is on Web and "File server" nic1 on DB.
 */
class SwitchEditorModelTest {
    private final Scenario before = Lessons.load("network-models").scenario();
    private final SwitchSpec dvs = before.switchSpec("dvs1").orElseThrow();
    private final RecordingEditor editor = new RecordingEditor(before);
    private final SwitchEditorModel model = new SwitchEditorModel(new I18n(Locale.ENGLISH), editor, dvs);

    SwitchEditorModelTest() throws Exception {
    }

    private PortGroupFields group(String id) {
        return model.portGroups().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    private SwitchEditorModel.HostChoice host(String id) {
        return model.hosts().stream().filter(h -> h.hostId().equals(id)).findFirst().orElseThrow();
    }

    private VmSpec vm(String id) {
        return before.vm(id).orElseThrow();
    }

    private void assertNothingChanged() {
        assertEquals(before, editor.scenario());
        assertTrue(editor.restructured.isEmpty());
    }

    @Test
    void startsFromTheSwitch() {
        assertEquals("DSwitch", model.nameProperty().get());
        assertEquals(List.of("host1", "host2"), model.hosts().stream().map(SwitchEditorModel.HostChoice::hostId).toList());
        assertTrue(host("host1").spannedProperty().get());
        assertTrue(host("host2").spannedProperty().get());
        assertEquals(List.of("pg-web", "pg-db"), model.portGroups().stream().map(PortGroupFields::id).toList());
        assertEquals("10", group("pg-web").vlanProperty().get());
        assertEquals("", model.unplugsProperty().get());
    }

    @Test
    void aNameANewPortGroupAndARenameAreOneEditThatDoesNotRestart() {
        model.nameProperty().set("Core");
        model.addPortGroup();
        group("pg-db").nameProperty().set("Database");
        assertTrue(model.commit());
        // the new group: the first free id pg1, named as its id, on the first free multiple of 10
        assertEquals(List.of(before.withSwitch(dvs.withName("Core").withPortGroups(List.of(
                new PortGroupSpec("pg-web", "Web", 10), new PortGroupSpec("pg-db", "Database", 20),
                new PortGroupSpec("pg1", "pg1", 30))))), editor.restructured);
        assertTrue(editor.inputs.isEmpty());
        assertTrue(ScenarioDiff.runtimeOnly(before, editor.scenario())); // no network subsystem yet
        assertTrue(model.commit());
        assertEquals(1, editor.restructured.size());
    }

    @Test
    void twoPortGroupsOnOneVlanAreRefusedNamingTheOther() {
        // 802.1Q: the VLAN ID is what tells the groups' frames apart on the uplinks
        group("pg-db").vlanProperty().set("10");
        assertFalse(model.check());
        assertEquals("VLAN 10 is already used by port group \"Web\" of this switch", group("pg-db").vlanErrorProperty().get());
        assertFalse(model.commit());
        assertNothingChanged();
    }

    @Test
    void aVlanOutsideOneTo4094IsRefusedWithTheRange() {
        // IEEE 802.1Q: the 12-bit VID; 0 means no VLAN (priority tag only) and 4095 is reserved
        group("pg-web").vlanProperty().set("4095");
        group("pg-db").vlanProperty().set("0");
        assertFalse(model.commit());
        assertEquals("Allowed: 1–4094; was 4095", group("pg-web").vlanErrorProperty().get());
        assertEquals("Allowed: 1–4094; was 0", group("pg-db").vlanErrorProperty().get());
        group("pg-db").vlanProperty().set("twenty");
        assertFalse(model.commit());
        assertEquals("Enter a whole number, 1–4094; was \"twenty\"", group("pg-db").vlanErrorProperty().get());
        assertNothingChanged();
    }

    @Test
    void takingAHostOffTheSwitchSaysWhichNicsWillBeUnpluggedThenUnplugsThemInTheSameEdit() {
        host("host2").spannedProperty().set(false);
        assertEquals("Apply unplugs: Web 2 · nic1, File server · nic1", model.unplugsProperty().get());
        assertNothingChanged(); // said, not done
        assertTrue(model.commit());
        Scenario expected = before
                .withVms(before.vms().stream().map(v -> v.hostId().equals("host2") ? v.withNic(1, NicSpec.UNWIRED) : v)
                        .toList())
                .withSwitch(dvs.withHostIds(List.of("host1")));
        assertEquals(List.of(expected), editor.restructured);
        // nic0 of each stays on its network; host1's NICs on the switch stay
        assertEquals(NicSpec.toNetwork("lab"), editor.scenario().vm("web2").orElseThrow().nics().get(0));
        assertEquals(vm("web1").nics(), editor.scenario().vm("web1").orElseThrow().nics());
        assertEquals("", model.unplugsProperty().get());
    }

    @Test
    void tickingTheHostAgainBeforeApplyTakesTheWarningBack() {
        host("host1").spannedProperty().set(false);
        assertEquals("Apply unplugs: Web 1 · nic1, Database · nic1", model.unplugsProperty().get());
        host("host1").spannedProperty().set(true);
        assertEquals("", model.unplugsProperty().get());
        assertTrue(model.commit());
        assertNothingChanged();
    }

    @Test
    void removingAPortGroupUnplugsItsNicsInTheSameEdit() {
        model.removePortGroup(group("pg-db"));
        assertEquals("Apply unplugs: Database · nic1, File server · nic1", model.unplugsProperty().get());
        assertTrue(model.commit());
        Scenario expected = before
                .withVm(vm("db1").withNic(1, NicSpec.UNWIRED))
                .withVm(vm("files").withNic(1, NicSpec.UNWIRED))
                .withSwitch(dvs.withPortGroups(List.of(new PortGroupSpec("pg-web", "Web", 10))));
        assertEquals(List.of(expected), editor.restructured);
        assertEquals(2, editor.scenario().vm("db1").orElseThrow().nics().size()); // unplugged, not removed
    }

    @Test
    void aNewPortGroupTakesAnIdNothingHasAndAFreeVlan() {
        model.addPortGroup();
        model.addPortGroup();
        assertEquals(List.of("pg-web", "pg-db", "pg1", "pg2"), model.portGroups().stream().map(PortGroupFields::id).toList());
        assertEquals("30", group("pg1").vlanProperty().get());
        assertEquals("40", group("pg2").vlanProperty().get());
        model.removePortGroup(group("pg1"));
        assertEquals("", model.unplugsProperty().get()); // nothing was plugged into it
    }
}
