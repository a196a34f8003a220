package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;

/**
 * A VM's dirty rate. network-models: "Database" (db1) dirties 64 MiB/s; the lesson keeps QEMU's
 * migration defaults, so the bandwidth is 128 MiB/s (max-bandwidth, virtualization.md §5).
 */
class DirtyRateEditorModelTest {
    private final Scenario before = Lessons.load("network-models").scenario();
    private final VmSpec db = before.vm("db1").orElseThrow();
    private final RecordingEditor editor = new RecordingEditor(before);
    private final DirtyRateEditorModel model = new DirtyRateEditorModel(new I18n(Locale.ENGLISH), editor, db);

    DirtyRateEditorModelTest() throws Exception {
    }

    @Test
    void rhoIsTheDirtyRateOverTheBandwidth() {
        // pre-copy round i sends V·ρ^i with ρ = D/R; the rounds shrink only when ρ < 1 (Clark et al., NSDI
        // 2005; virtualization.md §5, PreCopyPlan)
        assertEquals("64", model.rate().textProperty().get());
        assertEquals("ρ = 64 ÷ 128 = 0.50 < 1: each round sends less than the one before, so pre-copy can converge",
                model.rhoProperty().get());
        model.rate().textProperty().set("128");
        assertEquals("ρ = 128 ÷ 128 = 1.00 ≥ 1: the rounds never shrink, so pre-copy cannot converge",
                model.rhoProperty().get());
        model.rate().textProperty().set("fast");
        assertEquals("", model.rhoProperty().get());
    }

    @Test
    void aValidRateIsOneEditThatRestarts() {
        model.rate().textProperty().set("200.5");
        assertTrue(model.commit());
        assertEquals(List.of(before.withVm(db.withDirtyMibPerSecond(200.5))), editor.restructured);
        assertTrue(editor.inputs.isEmpty());
        // the migration subsystem takes the rate when it is built: the shell restarts the simulation
        assertFalse(ScenarioDiff.runtimeOnly(before, editor.scenario()));
        assertTrue(model.commit());
        assertEquals(1, editor.restructured.size());
    }

    @Test
    void aRateOutsideZeroTo100000IsRefusedWithTheRange() {
        // VmSpec.MAX_DIRTY_MIB_PER_SECOND
        model.rate().textProperty().set("100001");
        assertFalse(model.commit());
        assertEquals("Allowed: 0–100000; was 100001", model.rate().errorProperty().get());
        model.rate().textProperty().set("-1");
        assertFalse(model.check());
        assertEquals("Allowed: 0–100000; was -1", model.rate().errorProperty().get());
        assertEquals(before, editor.scenario());
        assertTrue(editor.restructured.isEmpty());
    }

    @Test
    void aVmWithoutARateShowsTheDefault() {
        // VmSpec.DEFAULT_DIRTY_MIB_PER_SECOND: "Web 1" gives no rate in the file
        DirtyRateEditorModel web = new DirtyRateEditorModel(new I18n(Locale.ENGLISH), editor,
                before.vm("web1").orElseThrow());
        assertEquals("16", web.rate().textProperty().get());
    }
}
