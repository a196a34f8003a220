package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.memory.host.MemoryQos;
import org.virtlab.engine.memory.host.SetMemoryQos;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;

/**
 * A VM's memory QoS: a wrong value is refused where it is typed with the allowed range, the shares are worked
 * out as typed, a right value reaches the engine by SetMemoryQos and undo sends the old one back. The VM is
 * mem-qos's VM 3 on host 2: 24576 MiB, 3000 shares (custom), limited to 8192 MiB (scenarios/mem-qos.json).
 */
class VmMemoryQosEditorModelTest {
    private final Scenario lesson = Lessons.load("mem-qos").scenario();
    private final RecordingEditor editor = new RecordingEditor(lesson);
    private final VmMemoryQosEditorModel model = new VmMemoryQosEditorModel(new I18n(Locale.ENGLISH), editor,
            lesson.vm("vm3b").orElseThrow());

    VmMemoryQosEditorModelTest() throws Exception {
    }

    @Test
    void startsFromTheVmsQosWithItsSharesWorkedOut() {
        assertEquals(Shares.Level.CUSTOM, model.levelProperty().get());
        assertEquals("3000", model.customShares().textProperty().get());
        assertEquals("8192", model.limit().textProperty().get());
        assertEquals("0", model.reservation().textProperty().get()); // MemoryQos: reservation 0 by default
        // 3000 ÷ 24576 MiB = 0.122 per MiB
        assertEquals("Shares 3,000 = 0.12 per MiB × 24576 MiB (custom)", model.resultProperty().get());
    }

    @Test
    void aPresetCountsPerMibConfigured() {
        model.levelProperty().set(Shares.Level.NORMAL);
        // MemoryQos.NORMAL_PER_MIB = 10 (virtualization.md §1: memory 5 / 10 / 20 per MB): 10 × 24576
        assertEquals("Shares 245,760 = 10 per MiB × 24576 MiB", model.resultProperty().get());
        assertEquals("Normal (10 per MiB)", model.levelLabel(Shares.Level.NORMAL));
        assertEquals("491,520 shares for its 24576 MiB", model.levelExplanation(Shares.Level.HIGH)); // 20 × 24576
        model.levelProperty().set(Shares.Level.CUSTOM);
        model.customShares().textProperty().set("lots");
        assertEquals("", model.resultProperty().get());
    }

    @Test
    void aReservationAboveTheVmsMemoryIsRefusedWithTheRange() {
        model.reservation().textProperty().set("30000");
        assertFalse(model.commit());
        // 0 to the VM's memoryMib (scenarios/README.md, memoryQos.reservationMib)
        assertEquals("Allowed: 0–24576; was 30000", model.reservation().errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void aLimitBelowTheReservationOrAboveTheMemoryIsRefused() {
        model.reservation().textProperty().set("4096");
        model.limit().textProperty().set("2048");
        assertFalse(model.commit());
        // the limit is at least the reservation (MemoryQos) and at most what the VM has
        assertEquals("Allowed: 4096–24576; was 2048", model.limit().errorProperty().get());
        model.limit().textProperty().set("30000");
        assertFalse(model.commit());
        assertEquals("Allowed: 4096–24576; was 30000", model.limit().errorProperty().get());
        model.limit().textProperty().set("many");
        assertFalse(model.commit());
        assertEquals("Enter a whole number, 4096–24576, or leave empty for none; was \"many\"",
                model.limit().errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void customSharesOutOfRangeAreRefused() {
        model.customShares().textProperty().set("0");
        assertFalse(model.commit());
        // Shares.MIN_CUSTOM..MAX_CUSTOM (scenarios/README.md: a custom total, int 1–1000000)
        assertEquals("Allowed: 1–1000000; was 0", model.customShares().errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void validValuesReachTheEngineLiveAndUndoSendsTheOldQos() {
        model.levelProperty().set(Shares.Level.HIGH);
        model.limit().textProperty().set("");
        model.reservation().textProperty().set("2048");
        assertTrue(model.commit());
        MemoryQos expected = new MemoryQos(Shares.HIGH, MemoryQos.NO_LIMIT, 2_048);
        assertEquals(List.of(new SetMemoryQos("vm3b", expected)), editor.inputs);
        assertTrue(editor.restructured.isEmpty());
        assertEquals(expected, editor.scenario().vm("vm3b").orElseThrow().memoryQos());
        // undo replays the difference (ShellViewModel.move): the lesson's QoS again, live
        assertEquals(List.of(new SetMemoryQos("vm3b", lesson.vm("vm3b").orElseThrow().memoryQos())),
                ScenarioDiff.inputs(editor.scenario(), lesson));
    }

    @Test
    void committingUnchangedValuesSendsNothing() {
        assertTrue(model.commit());
        assertTrue(editor.inputs.isEmpty());
    }
}
