package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;

/**
 * A VM's network adapters. network-models: "Test VM" (test1) on host1 has nic0 on the isolated network
 * "backend" and nic1 plugged into nothing; host1 has the networks "default" (NAT) and "backend"; DSwitch
 * spans host1 and host2 with port groups Web (VLAN 10) and DB (VLAN 20).
 */
class NicListEditorModelTest {
    private final Scenario before = Lessons.load("network-models").scenario();
    private final VmSpec test1 = before.vm("test1").orElseThrow();
    private final RecordingEditor editor = new RecordingEditor(before);
    private final NicListEditorModel model = new NicListEditorModel(new I18n(Locale.ENGLISH), editor, test1);

    NicListEditorModelTest() throws Exception {
    }

    private NicListEditorModel.Choice choice(NicSpec nic) {
        return model.choices().stream().filter(c -> c.nic().equals(nic)).findFirst().orElseThrow();
    }

    @Test
    void aNicCanPlugIntoNothingTheNetworksOfItsHostAndThePortGroupsOfSwitchesSpanningIt() {
        // the model's rule (ScenarioRules.checkNic): a network of the VM's host, or a port group of a switch
        // that spans it; host2's "lab" and "LAN" are not offered
        assertEquals(List.of("Not connected", "default (NAT network)", "backend (Isolated network)",
                "Web, VLAN 10 (DSwitch)", "DB, VLAN 20 (DSwitch)"),
                model.choices().stream().map(NicListEditorModel.Choice::label).toList());
        assertEquals(List.of("nic0", "nic1"), model.rows().stream().map(NicListEditorModel.Row::name).toList());
        assertEquals(choice(NicSpec.toNetwork("backend")), model.rows().get(0).choiceProperty().get());
        assertEquals(choice(NicSpec.UNWIRED), model.rows().get(1).choiceProperty().get());
    }

    @Test
    void aNicPluggedIntoNothingIsShownAsAProblem() {
        // The lesson's Test VM: nic0 on backend, nic1 plugged into nothing (its second step says so).
        assertEquals("", model.rows().get(0).problemBinding().get());
        assertEquals("Not connected: Test VM's nic1 is wired to nothing and can send no packets; plug it into a "
                + "network or port group, or remove it", model.rows().get(1).problemBinding().get());
        model.rows().get(1).choiceProperty().set(choice(NicSpec.toPortGroup("pg-web")));
        assertEquals("", model.rows().get(1).problemBinding().get(), "plugged in: no problem");
    }

    @Test
    void choosingIsOneEditThatDoesNotRestart() {
        model.rows().get(1).choiceProperty().set(choice(NicSpec.toPortGroup("pg-web")));
        assertEquals(List.of(before.withVm(test1.withNic(1, NicSpec.toPortGroup("pg-web")))), editor.restructured);
        assertTrue(editor.inputs.isEmpty());
        assertTrue(ScenarioDiff.runtimeOnly(before, editor.scenario())); // the engine has no network subsystem yet
        model.rows().get(0).choiceProperty().set(choice(NicSpec.UNWIRED));
        assertEquals(2, editor.restructured.size());
        assertEquals(List.of(NicSpec.UNWIRED, NicSpec.toPortGroup("pg-web")), editor.scenario().vm("test1").orElseThrow().nics());
    }

    @Test
    void addAddsAnUnpluggedNicUpToEight() {
        model.add();
        assertEquals(List.of(before.withVm(test1.withNic(2, NicSpec.UNWIRED))), editor.restructured);
        assertEquals(List.of("nic0", "nic1", "nic2"), model.rows().stream().map(NicListEditorModel.Row::name).toList());
        for (int i = 3; i < VmSpec.MAX_NICS; i++) {
            assertTrue(model.canAddProperty().get());
            model.add();
        }
        // VmSpec.MAX_NICS
        assertEquals(8, editor.scenario().vm("test1").orElseThrow().nics().size());
        assertFalse(model.canAddProperty().get());
        model.add();
        assertEquals(8, editor.scenario().vm("test1").orElseThrow().nics().size());
        assertEquals(6, editor.restructured.size());
    }

    @Test
    void removingANicMovesTheOnesAfterItUpOneName() {
        model.rows().get(1).choiceProperty().set(choice(NicSpec.toNetwork("default")));
        model.remove(0);
        assertEquals(List.of(NicSpec.toNetwork("default")), editor.scenario().vm("test1").orElseThrow().nics());
        assertEquals(List.of("nic0"), model.rows().stream().map(NicListEditorModel.Row::name).toList());
        assertEquals(choice(NicSpec.toNetwork("default")), model.rows().get(0).choiceProperty().get());
        assertEquals(2, editor.restructured.size());
    }

    @Test
    void aVmWhoseHostHasNothingToPlugIntoIsOfferedNothingElse() {
        Scenario s = before.without("dvs1").without("lab").without("lan"); // host2 keeps no network, no switch
        NicListEditorModel m = new NicListEditorModel(new I18n(Locale.ENGLISH), new RecordingEditor(s),
                s.vm("web2").orElseThrow());
        assertEquals(List.of("Not connected"), m.choices().stream().map(NicListEditorModel.Choice::label).toList());
    }
}
