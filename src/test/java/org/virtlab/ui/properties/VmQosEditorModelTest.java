package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Input;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.SetCpuQos;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;

/** A wrong QoS value is refused where it is typed, with the allowed range; a right one reaches the engine. */
class VmQosEditorModelTest {
    private final RecordingEditor editor = new RecordingEditor(Lessons.defaultLesson().scenario());
    private final List<Input> inputs = editor.inputs;
    private final VmQosEditorModel model = new VmQosEditorModel(new I18n(Locale.ENGLISH), editor,
            editor.scenario().vm("db").orElseThrow());

    @Test
    void startsFromTheVmsQos() {
        assertEquals(Shares.Level.NORMAL, model.levelProperty().get());
        assertEquals("", model.limitProperty().get());          // CpuQos.DEFAULT: no limit
        assertEquals("0", model.reservationProperty().get());   // CpuQos.DEFAULT: no reservation
        assertEquals("8000", model.customSharesProperty().get()); // Normal: 1000 per vCPU × 8 vCPUs
    }

    @Test
    void customSharesOutOfRangeAreRefusedWithTheRange() {
        model.levelProperty().set(Shares.Level.CUSTOM);
        model.customSharesProperty().set("-5");
        assertFalse(model.commit());
        // Shares.MIN_CUSTOM..MAX_CUSTOM
        assertEquals("Allowed: 1–1000000; was -5", model.sharesErrorProperty().get());
        assertTrue(inputs.isEmpty());
    }

    @Test
    void textWhereANumberBelongsIsRefused() {
        model.reservationProperty().set("lots");
        assertFalse(model.commit());
        assertTrue(model.reservationErrorProperty().get().contains("0–10000000"), model.reservationErrorProperty().get());
        assertTrue(inputs.isEmpty());
    }

    @Test
    void aLimitBelowTheReservationIsRefused() {
        model.reservationProperty().set("3000");
        model.limitProperty().set("2000");
        assertFalse(model.commit());
        // vSphere: limit ≥ reservation (virtualization.md §1)
        assertEquals("Allowed: 3000–10000000; was 2000", model.limitErrorProperty().get());
        assertTrue(inputs.isEmpty());
    }

    @Test
    void validValuesReachTheEngineAndTheScenario() {
        model.levelProperty().set(Shares.Level.HIGH);
        model.limitProperty().set("6000");
        model.reservationProperty().set("2000");
        assertTrue(model.commit());
        CpuQos expected = new CpuQos(Shares.HIGH, 6_000, 2_000);
        assertEquals(List.of(new SetCpuQos("db", expected)), inputs);
        assertEquals(expected, editor.scenario().vm("db").orElseThrow().cpuQos());
        assertEquals("", model.limitErrorProperty().get());
    }

    @Test
    void committingUnchangedValuesSendsNothing() {
        assertTrue(model.commit());
        assertTrue(inputs.isEmpty());
    }
}
