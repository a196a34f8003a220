package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.SetHostMemoryPolicy;
import org.virtlab.engine.memory.host.SharingMode;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;

/**
 * A host's memory policy: thresholds in range and in order, the scanner's rate and the idle tax's k worked out,
 * a live edit by SetHostMemoryPolicy and its undo, a new maxPageSharing as a restart. The host is
 * mem-balloon-swap's host 2: 4096 MiB, ESX's and KSM's defaults but no balloon driver
 * (scenarios/mem-balloon-swap.json; HostMemoryPolicy.DEFAULT).
 */
class HostMemoryPolicyEditorModelTest {
    private final Scenario lesson = Lessons.load("mem-balloon-swap").scenario();
    private final RecordingEditor editor = new RecordingEditor(lesson);
    private final HostMemoryPolicyEditorModel model = new HostMemoryPolicyEditorModel(new I18n(Locale.ENGLISH),
            editor, lesson.host("host2").orElseThrow());

    HostMemoryPolicyEditorModelTest() throws Exception {
    }

    private NumberField field(String key) {
        List<NumberField> all = new java.util.ArrayList<>(model.thresholds());
        all.addAll(model.scanner());
        all.add(model.maxPageSharing());
        all.addAll(model.reclamation());
        all.add(model.idleTax());
        return all.stream().filter(f -> f.key().equals("memPolicy." + key)).findFirst().orElseThrow();
    }

    @Test
    void startsFromTheHostsPolicyWithItsNumbersWorkedOut() {
        assertEquals(List.of("6", "4", "2", "1"), model.thresholds().stream()
                .map(f -> f.textProperty().get()).toList()); // ESX's classic 6 / 4 / 2 / 1 % (virtualization.md §2)
        assertEquals("0", field("balloonRate").textProperty().get()); // the lesson: host 2 has no balloon driver
        assertEquals(SharingMode.ALWAYS, model.sharingProperty().get());
        // 6 / 4 / 2 / 1 % of 4096 MiB = 245.76 / 163.84 / 81.92 / 40.96 MiB
        assertEquals("Of its 4096 MiB: high from 246 MiB free, soft below 164, hard below 82, low below 41 MiB",
                model.thresholdsProperty().get());
        // KSM's defaults, 100 pages per 20 ms (virtualization.md §2): 5000 pages/s, ÷ 256 pages per MiB = 19.53
        assertEquals("100 pages every 20 ms = 5000 pages/s (19.53 MiB/s)", model.scanRateProperty().get());
        // Waldspurger 2002: τ = 0.75 → k = 1 / (1 − τ) = 4
        assertTrue(model.idleCostProperty().get().startsWith("An idle page counts k = 1 / (1 − 0.75) = 4 times"),
                model.idleCostProperty().get());
        field("idleTax").textProperty().set("0");
        assertEquals("No tax: k = 1, so ρ = S / P however much a VM keeps idle", model.idleCostProperty().get());
    }

    @Test
    void aThresholdOutOfRangeOrOutOfOrderIsRefused() {
        field("high").textProperty().set("60");
        assertFalse(model.commit());
        // HostMemoryPolicy: each threshold 0.1–50 %
        assertEquals("Allowed: 0.1–50; was 60", field("high").errorProperty().get());
        field("high").textProperty().set("6");
        field("soft").textProperty().set("7");
        assertFalse(model.commit());
        // high > soft > hard > low (scenarios/README.md: softPercent between hardPercent and highPercent)
        assertEquals("Allowed: 0.1 to below 6, the threshold above it; was 7", field("soft").errorProperty().get());
        assertEquals("", field("high").errorProperty().get());
        assertEquals("", model.thresholdsProperty().get(), "no MiB for thresholds out of order");
        field("soft").textProperty().set("4");
        field("low").textProperty().set("2");
        assertFalse(model.commit());
        assertEquals("Allowed: 0.1 to below 2, the threshold above it; was 2", field("low").errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void otherFieldsAreRefusedWithTheirRanges() {
        field("idleTax").textProperty().set("100");
        field("sleepMillis").textProperty().set("0");
        assertFalse(model.commit());
        // HostMemoryPolicy.MAX_IDLE_TAX_PERCENT = 99; sleepMillis 1–60000
        assertEquals("Allowed: 0–99; was 100", field("idleTax").errorProperty().get());
        assertEquals("Allowed: 1–60000; was 0", field("sleepMillis").errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
    }

    @Test
    void validValuesReachTheEngineLiveAndUndoSendsTheOldPolicy() {
        field("balloonRate").textProperty().set("256");
        field("idleTax").textProperty().set("0");
        model.sharingProperty().set(SharingMode.UNDER_PRESSURE);
        assertTrue(model.commit());
        HostMemoryPolicy old = lesson.host("host2").orElseThrow().memoryPolicy();
        HostMemoryPolicy expected = new HostMemoryPolicy(6, 4, 2, 1, SharingMode.UNDER_PRESSURE, 100, 20, 256, 256, 65,
                128, 100, 0);
        assertEquals(List.of(new SetHostMemoryPolicy("host2", expected)), editor.inputs);
        assertTrue(editor.restructured.isEmpty());
        assertEquals(List.of(new SetHostMemoryPolicy("host2", old)), ScenarioDiff.inputs(editor.scenario(), lesson));
    }

    @Test
    void aNewMaxPageSharingIsOneEditThatRestarts() {
        field("maxPageSharing").textProperty().set("512");
        assertTrue(model.check());
        assertTrue(editor.restructured.isEmpty(), "leaving the field only checks it");
        assertTrue(model.commit());
        assertTrue(editor.inputs.isEmpty());
        assertEquals(512, editor.restructured.get(0).host("host2").orElseThrow().memoryPolicy().maxPageSharing());
        // HostFrames.setPolicy refuses another maxPageSharing while the host runs
        assertFalse(ScenarioDiff.runtimeOnly(lesson, editor.scenario()));
    }
}
