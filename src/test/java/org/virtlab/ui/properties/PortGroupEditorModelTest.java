package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;

/** One port group's name and VLAN. network-models: DSwitch has Web (VLAN 10) and DB (VLAN 20). */
class PortGroupEditorModelTest {
    private final Scenario before = Lessons.load("network-models").scenario();
    private final SwitchSpec dvs = before.switchSpec("dvs1").orElseThrow();
    private final RecordingEditor editor = new RecordingEditor(before);
    private final PortGroupEditorModel model = new PortGroupEditorModel(new I18n(Locale.ENGLISH), editor,
            before.portGroup("pg-db").orElseThrow());

    PortGroupEditorModelTest() throws Exception {
    }

    @Test
    void aNewNameAndVlanAreOneEditThatDoesNotRestart() {
        model.fields().nameProperty().set("Storage");
        model.fields().vlanProperty().set("4094"); // IEEE 802.1Q: the highest VID a frame may carry
        assertTrue(model.commit());
        assertEquals(List.of(before.withSwitch(dvs.withPortGroups(List.of(new PortGroupSpec("pg-web", "Web", 10),
                new PortGroupSpec("pg-db", "Storage", 4094))))), editor.restructured);
        assertTrue(editor.inputs.isEmpty());
        assertTrue(ScenarioDiff.runtimeOnly(before, editor.scenario()));
    }

    @Test
    void theVlanOfAnotherGroupOfTheSwitchIsRefused() {
        model.fields().vlanProperty().set("10");
        assertFalse(model.commit());
        assertEquals("VLAN 10 is already used by port group \"Web\" of this switch",
                model.fields().vlanErrorProperty().get());
        assertEquals(before, editor.scenario());
        assertTrue(editor.restructured.isEmpty());
    }

    @Test
    void aVlanOutsideOneTo4094IsRefused() {
        // IEEE 802.1Q: VID 0 means "no VLAN" (priority tag only), 4095 is reserved
        model.fields().vlanProperty().set("4095");
        assertFalse(model.check());
        assertEquals("Allowed: 1–4094; was 4095", model.fields().vlanErrorProperty().get());
        model.fields().vlanProperty().set("0");
        assertFalse(model.commit());
        assertEquals("Allowed: 1–4094; was 0", model.fields().vlanErrorProperty().get());
        assertEquals(before, editor.scenario());
    }

    @Test
    void itsOwnVlanIsNoConflict() {
        model.fields().nameProperty().set("DB tier");
        assertTrue(model.commit());
        assertEquals(20, editor.scenario().portGroup("pg-db").orElseThrow().vlanId());
        assertEquals("", model.fields().vlanErrorProperty().get());
    }
}
