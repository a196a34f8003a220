package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.memory.host.MemoryActivity;
import org.virtlab.engine.memory.host.SetMemoryActivity;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;

/**
 * A VM's memory activity: ranges where typed (the image share bounded by the zero share), what it adds up to,
 * a live edit by SetMemoryActivity and its undo, a new image as a restart. The VM is mem-page-sharing's VM 1:
 * 1024 MiB, wanting 64 MiB all from the image ubuntu-22.04, other fields at their defaults
 * (scenarios/mem-page-sharing.json; MemoryActivity.DEFAULT).
 */
class MemoryActivityEditorModelTest {
    private final Scenario lesson = Lessons.load("mem-page-sharing").scenario();
    private final RecordingEditor editor = new RecordingEditor(lesson);
    private final MemoryActivityEditorModel model = new MemoryActivityEditorModel(new I18n(Locale.ENGLISH), editor,
            lesson.vm("vm1").orElseThrow());

    MemoryActivityEditorModelTest() throws Exception {
    }

    private NumberField field(String key) {
        return java.util.stream.Stream.concat(model.rates().stream(), model.content().stream())
                .filter(f -> f.key().equals("memActivity." + key)).findFirst().orElseThrow();
    }

    @Test
    void startsFromTheVmsActivityWithWhatItAddsUpTo() {
        assertEquals("64", field("demand").textProperty().get());
        assertEquals("1024", field("touch").textProperty().get()); // MemoryActivity.DEFAULT_TOUCH_MIB_PER_SECOND
        assertEquals("0", field("write").textProperty().get());
        assertEquals("100", field("imagePercent").textProperty().get());
        assertEquals("ubuntu-22.04", model.imageProperty().get());
        // 64 MiB at 1024 MiB/s: 0.0625 s
        assertEquals("From none, 64 MiB take 0.06 s at 1024 MiB/s", model.reachProperty().get());
        assertEquals("Its pages: 0 % zeros, 100 % image, 0 % unique; 100 % active, 0 % idle",
                model.mixProperty().get());
        // the lesson sets no dirtyMibPerSecond: VmSpec.DEFAULT_DIRTY_MIB_PER_SECOND
        assertTrue(model.dirtyNote().startsWith("Not the dirty rate live migration uses (16 MiB/s"),
                model.dirtyNote());
    }

    @Test
    void theMixIsWorkedOutAsTyped() {
        field("zero").textProperty().set("12.3");
        field("imagePercent").textProperty().set("7.1");
        field("active").textProperty().set("40");
        // 100 − 12.3 − 7.1 = 80.6 unique; 100 − 40 = 60 idle
        assertEquals("Its pages: 12.3 % zeros, 7.1 % image, 80.6 % unique; 40 % active, 60 % idle",
                model.mixProperty().get());
        field("touch").textProperty().set("0");
        assertEquals("At 0 MiB/s it touches no new page towards its 64 MiB", model.reachProperty().get());
    }

    @Test
    void theImageShareIsBoundedByTheZeroShare() {
        field("zero").textProperty().set("30");
        assertFalse(model.commit());
        // MemoryActivity: imagePercent 0 to 100 − zeroPercent
        assertEquals("Allowed: 0–70; was 100", field("imagePercent").errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void aDemandAboveTheVmsMemoryOrABadImageNameIsRefused() {
        field("demand").textProperty().set("2048");
        model.imageProperty().set("ubuntu 22");
        assertFalse(model.commit());
        // demandMib: 0 to the VM's memoryMib (scenarios/README.md)
        assertEquals("Allowed: 0–1024; was 2048", field("demand").errorProperty().get());
        // Ranges.ID_PATTERN
        assertEquals("Enter an id: 1–64 letters, digits, ., _ or -, starting with a letter or digit; was \"ubuntu 22\"",
                model.imageErrorProperty().get());
        field("write").textProperty().set("200000");
        assertFalse(model.commit());
        // MemoryActivity.MAX_MIB_PER_SECOND
        assertEquals("Allowed: 0–100000; was 200000", field("write").errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
        assertTrue(editor.restructured.isEmpty());
    }

    @Test
    void validValuesReachTheEngineLiveAndUndoSendsTheOldActivity() {
        field("demand").textProperty().set("512");
        field("write").textProperty().set("32");
        assertTrue(model.commit());
        MemoryActivity old = lesson.vm("vm1").orElseThrow().memoryActivity();
        MemoryActivity expected = old.withDemandMib(512).withWriteMibPerSecond(32);
        assertEquals(List.of(new SetMemoryActivity("vm1", expected)), editor.inputs);
        assertTrue(editor.restructured.isEmpty());
        assertEquals(List.of(new SetMemoryActivity("vm1", old)), ScenarioDiff.inputs(editor.scenario(), lesson));
    }

    @Test
    void aNewImageIsOneEditThatRestarts() {
        model.imageProperty().set("debian-12");
        assertTrue(model.check());
        assertTrue(editor.restructured.isEmpty(), "leaving the field only checks it");
        assertTrue(model.commit());
        assertTrue(editor.inputs.isEmpty());
        assertEquals(1, editor.restructured.size());
        // MemorySubsystem refuses another image for a running VM, so ScenarioDiff restarts
        assertFalse(ScenarioDiff.runtimeOnly(lesson, editor.scenario()));
        assertEquals("debian-12", editor.scenario().vm("vm1").orElseThrow().memoryActivity().image());
    }
}
