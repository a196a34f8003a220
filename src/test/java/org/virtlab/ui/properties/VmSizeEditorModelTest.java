package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
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

    @Test
    void aNewNameIsOneEditThatDoesNotRestart() {
        Scenario before = editor.scenario();
        model.nameProperty().set(" Orders DB ");
        assertTrue(model.check()); // leaving the field only checks it
        assertTrue(restructured.isEmpty());
        assertTrue(model.commit());
        assertEquals("Orders DB", editor.scenario().vm("db").orElseThrow().name());
        assertEquals(List.of(before.withVm(new VmSpec("db", "Orders DB", "host1", 8, 16_384,
                before.vm("db").orElseThrow().workload(), before.vm("db").orElseThrow().cpuQos(), Pinning.NONE,
                before.vm("db").orElseThrow().x(), before.vm("db").orElseThrow().y()))), restructured);
        // a name is layout to the engine: the shell goes on without a restart or an input, as the note says
        assertTrue(ScenarioDiff.runtimeOnly(before, editor.scenario()));
        assertEquals(List.of(), ScenarioDiff.inputs(before, editor.scenario()));
    }

    @Test
    void aBlankNameIsRefusedAndNothingElseApplies() {
        model.nameProperty().set("");
        model.vcpusProperty().set("2");
        assertFalse(model.commit());
        assertEquals("Enter a name, 1–64 characters", model.nameErrorProperty().get());
        assertEquals(8, editor.scenario().vm("db").orElseThrow().vcpus());
        assertTrue(restructured.isEmpty());
    }

    @Test
    void aNewVcpuCountClearsThePinningASameOneKeepsIt() throws Exception {
        Scenario lesson = Lessons.load("cpu-pinning").scenario();
        RecordingEditor e = new RecordingEditor(lesson);
        VmSizeEditorModel m = new VmSizeEditorModel(new I18n(Locale.ENGLISH), e, lesson.vm("pinned-1").orElseThrow());
        m.memoryProperty().set("2048");
        assertTrue(m.commit());
        assertEquals(lesson.vm("pinned-1").orElseThrow().pinning(), e.scenario().vm("pinned-1").orElseThrow().pinning());
        m.vcpusProperty().set("2");
        assertTrue(m.commit());
        assertEquals(Pinning.NONE, e.scenario().vm("pinned-1").orElseThrow().pinning());
    }

    @Test
    void nicsAndTheDirtyRateSurviveANewSizeAndName() throws Exception {
        // network-models: "Database" (db1) has 4 vCPUs, NICs on backend and pg-db, and dirties 64 MiB/s
        Scenario networked = Lessons.load("network-models").scenario();
        RecordingEditor e = new RecordingEditor(networked);
        VmSpec db = networked.vm("db1").orElseThrow();
        VmSizeEditorModel m = new VmSizeEditorModel(new I18n(Locale.ENGLISH), e, db);
        m.nameProperty().set("Orders");
        m.vcpusProperty().set("2");
        assertTrue(m.commit());
        VmSpec edited = e.scenario().vm("db1").orElseThrow();
        assertEquals(List.of(NicSpec.toNetwork("backend"), NicSpec.toPortGroup("pg-db")), edited.nics());
        assertEquals(64, edited.dirtyMibPerSecond());
        assertEquals(List.of(networked.withVm(db.withSize(2, db.memoryMib()).withName("Orders"))), e.restructured);
        assertEquals(networked.networks(), e.scenario().networks());
        assertEquals(networked.switches(), e.scenario().switches());
    }
}
