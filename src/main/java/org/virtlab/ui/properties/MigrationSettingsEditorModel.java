package org.virtlab.ui.properties;

import java.util.List;
import java.util.Optional;
import org.virtlab.engine.migration.MigrationSettings;
import org.virtlab.engine.model.Scenario;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing the lesson's live-migration settings, as QEMU's migration parameters name them: the bandwidth
 * pre-copy may use ({@code max-bandwidth}, QEMU's default 128 MiB/s), the longest acceptable stop-and-copy
 * ({@code downtime-limit}, default 300 ms) and how many pre-copy rounds before giving up, each within
 * {@link MigrationSettings}' ranges. The migration subsystem takes them when the simulation is built, so
 * {@link #commit()} is one edit that restarts it at 0 s.
 */
public final class MigrationSettingsEditorModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final NumberField bandwidth = new NumberField("migration.bandwidth");
    private final NumberField downtimeLimit = new NumberField("migration.downtimeLimit");
    private final NumberField maxRounds = new NumberField("migration.maxRounds");
    private MigrationSettings shown;

    public MigrationSettingsEditorModel(I18n i18n, ScenarioEditor editor, MigrationSettings settings) {
        this.i18n = i18n;
        this.editor = editor;
        this.shown = settings;
        bandwidth.set(settings.bandwidthMibPerSecond());
        downtimeLimit.set(settings.downtimeLimitMillis());
        maxRounds.set(settings.maxRounds());
    }

    /** Bandwidth (MiB/s), downtime limit (ms), max rounds, in form order. */
    public List<NumberField> fields() {
        return List.of(bandwidth, downtimeLimit, maxRounds);
    }

    boolean isFor(MigrationSettings settings) {
        return settings.equals(shown);
    }

    /** Checks every field, as one is left, without applying anything. */
    public boolean check() {
        return validated().isPresent();
    }

    /** Checks every field; if all are valid and something changed, applies them as one edit (a restart). */
    public boolean commit() {
        Optional<MigrationSettings> edited = validated();
        if (edited.isEmpty()) {
            return false;
        }
        Scenario s = editor.scenario();
        if (edited.get().equals(s.migration())) {
            return true;
        }
        shown = edited.get();
        editor.restructure(s.withMigration(shown));
        return true;
    }

    private Optional<MigrationSettings> validated() {
        Optional<Long> b = bandwidth.whole(i18n, 1, MigrationSettings.MAX_BANDWIDTH_MIB_PER_SECOND);
        Optional<Long> d = downtimeLimit.whole(i18n, 1, MigrationSettings.MAX_DOWNTIME_LIMIT_MILLIS);
        Optional<Long> r = maxRounds.whole(i18n, 1, MigrationSettings.MAX_ROUNDS);
        if (b.isEmpty() || d.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MigrationSettings(b.get(), d.get(), r.get().intValue()));
    }
}
