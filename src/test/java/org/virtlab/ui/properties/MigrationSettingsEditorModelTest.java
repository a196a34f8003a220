package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.migration.MigrationSettings;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;

/** The lesson's live-migration settings; network-models keeps QEMU's defaults. */
class MigrationSettingsEditorModelTest {
    private final Scenario before = Lessons.load("network-models").scenario();
    private final RecordingEditor editor = new RecordingEditor(before);
    private final MigrationSettingsEditorModel model = new MigrationSettingsEditorModel(new I18n(Locale.ENGLISH), editor,
            before.migration());

    MigrationSettingsEditorModelTest() throws Exception {
    }

    private NumberField field(String key) {
        return model.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void startsFromQemusDefaults() {
        // QEMU's migration parameters: max-bandwidth 128 MiB/s, downtime-limit 300 ms (virtualization.md §5);
        // 30 rounds is the lesson's own cap (MigrationSettings.QEMU_DEFAULTS)
        assertEquals("128", field("migration.bandwidth").textProperty().get());
        assertEquals("300", field("migration.downtimeLimit").textProperty().get());
        assertEquals("30", field("migration.maxRounds").textProperty().get());
    }

    @Test
    void newSettingsAreOneEditThatRestarts() {
        field("migration.bandwidth").textProperty().set("1000");
        field("migration.downtimeLimit").textProperty().set("50");
        assertTrue(model.commit());
        assertEquals(List.of(before.withMigration(new MigrationSettings(1000, 50, 30))), editor.restructured);
        assertTrue(editor.inputs.isEmpty());
        // the migration subsystem takes them when it is built: the shell restarts the simulation
        assertFalse(ScenarioDiff.runtimeOnly(before, editor.scenario()));
        assertTrue(model.commit());
        assertEquals(1, editor.restructured.size());
    }

    @Test
    void valuesOutsideTheRangesAreRefusedWithTheRange() {
        field("migration.bandwidth").textProperty().set("0");
        field("migration.downtimeLimit").textProperty().set("60001");
        field("migration.maxRounds").textProperty().set("1001");
        assertFalse(model.commit());
        // MigrationSettings: bandwidth 1–MAX_BANDWIDTH_MIB_PER_SECOND, downtime 1–MAX_DOWNTIME_LIMIT_MILLIS,
        // rounds 1–MAX_ROUNDS
        assertEquals("Allowed: 1–100000; was 0", field("migration.bandwidth").errorProperty().get());
        assertEquals("Allowed: 1–60000; was 60001", field("migration.downtimeLimit").errorProperty().get());
        assertEquals("Allowed: 1–1000; was 1001", field("migration.maxRounds").errorProperty().get());
        assertEquals(before, editor.scenario());
        assertTrue(editor.restructured.isEmpty());
    }

    @Test
    void theHelpNamesQemusDefaults() {
        I18n en = new I18n(Locale.ENGLISH);
        assertTrue(en.get("migration.bandwidth.help").contains("max-bandwidth, default 128 MiB/s"));
        assertTrue(en.get("migration.downtimeLimit.help").contains("downtime-limit, default 300 ms"));
    }
}
