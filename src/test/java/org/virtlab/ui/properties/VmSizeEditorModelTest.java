package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;

/** More vCPUs than the host has logical CPUs is refused where typed, with the range (issue #3, "Bad input"). */
class VmSizeEditorModelTest {
    private final RecordingEditor editor = new RecordingEditor(Lessons.defaultLesson().scenario());
    private final List<Scenario> restructured = editor.restructured;
    private final VmSizeEditorModel model = new VmSizeEditorModel(new I18n(Locale.ENGLISH), editor,
            editor.scenario().vm("db").orElseThrow());

    @Test
    void moreVcpusThanTheHostsLogicalCpusAreRefusedWithTheRange() {
        model.vcpusProperty().set("13");
        assertFalse(model.commit());
        // scenarios/default.json: host1 has 1 × 12 cores × 1 thread = 12 logical CPUs
        assertEquals("Allowed: 1–12; was 13", model.vcpusErrorProperty().get());
        assertTrue(restructured.isEmpty());
    }

    @Test
    void memoryBelowTheMinimumIsRefused() {
        model.memoryProperty().set("8");
        assertFalse(model.commit());
        // VmSpec.MIN_MEMORY_MIB..MAX_MEMORY_MIB
        assertTrue(model.memoryErrorProperty().get().contains("16–4194304"), model.memoryErrorProperty().get());
        assertTrue(restructured.isEmpty());
    }

    @Test
    void aValidSizeRestructuresTheScenario() {
        // a new size is not a run-time input: no input, one structural edit
        model.vcpusProperty().set("12");
        model.memoryProperty().set("32768");
        assertTrue(model.commit());
        assertEquals(1, restructured.size());
        assertTrue(editor.inputs.isEmpty());
        assertEquals(12, editor.scenario().vm("db").orElseThrow().vcpus());
        assertEquals(32_768, editor.scenario().vm("db").orElseThrow().memoryMib());
        assertTrue(model.commit()); // unchanged: nothing more
        assertEquals(1, restructured.size());
    }
}
