package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.io.ModeKind;

/** The VM's device form: values checked where typed, with what is allowed; a valid edit is one restructure. */
class DeviceEditorModelTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private Scenario lesson;
    private RecordingEditor editor;
    private DeviceEditorModel model;

    @BeforeEach
    void open() throws Exception {
        lesson = Lessons.load("io-emulation-vs-virtio").scenario();
        editor = new RecordingEditor(lesson);
        model = new DeviceEditorModel(i18n, editor, lesson.vm("virtio-vm").orElseThrow());
    }

    @Test
    void showsTheDeviceAsItIs() {
        assertEquals("vda", model.deviceProperty().get());
        assertEquals(ModeKind.VIRTIO, model.modeProperty().get());
        assertEquals("256", model.queueSize().textProperty().get());
        assertEquals(DeviceEditorModel.Loop.CLOSED, model.loopProperty().get());
        assertTrue(model.isFor(lesson.vm("virtio-vm").orElseThrow(), lesson));
    }

    @Test
    void aQueueSizeThatIsNoPowerOfTwoIsRefused() {
        model.queueSize().textProperty().set("100");
        assertFalse(model.commit());
        // virtio 1.1 §2.6: a power of 2, at most 32768
        assertEquals("A queue size is a power of 2 from 1 to 32768 (1, 2, 4, …, 16384, 32768); was \"100\"",
                model.errorProperty().get());
        model.queueSize().textProperty().set("65536");
        assertFalse(model.commit());
        assertEquals("Allowed: 1–32768; was 65536", model.queueSize().errorProperty().get());
        model.queueSize().textProperty().set("2");
        assertFalse(model.commit(), "a block request's chain of 3 does not fit (virtio 1.1 §2.6.5.3.1)");
        assertTrue(editor.restructured.isEmpty());
    }

    @Test
    void aNewModeAndDepthIsOneEditTheRunningSimulationFollows() {
        model.queueSize().textProperty().set("1024");
        model.queueDepth().textProperty().set("8");
        assertTrue(model.commit());
        assertEquals(1, editor.restructured.size());
        Scenario after = editor.restructured.get(0);
        assertEquals(1_024, ((IoMode.Virtio) after.device("vda").orElseThrow().mode()).queueSize());
        assertEquals(8, ((IoWorkload.ClosedLoop) after.device("vda").orElseThrow().workload()).queueDepth());
        assertTrue(ScenarioDiff.runtimeOnly(lesson, after), "a mode and a workload: inputs, no restart");

        model.modeProperty().set(ModeKind.EMULATED);
        assertEquals("IDE", model.modelProperty().get().name(), "a disk's emulated model");
        model.coalesceCompletions().textProperty().set("4");
        assertFalse(model.commit(), "coalescing more than one completion needs a delay");
        assertTrue(model.errorProperty().get().startsWith("When coalescing more than one completion"));
    }
}
