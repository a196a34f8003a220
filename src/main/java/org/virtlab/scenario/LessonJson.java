package org.virtlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.virtlab.engine.migration.MigrationSettings;
import org.virtlab.engine.model.LessonHelp;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.ViewState;

/**
 * A scenario's texts for people and its settings beyond seed and tick, all optional:
 *
 * <pre>
 * "title": {"en": "...", "zh": "..."}, "goal": {...}, "steps": [{"en": "...", "zh": "..."}, ...]
 * "durationSeconds": 60
 * "migration": {"bandwidthMibPerSecond": 128, "downtimeLimitMillis": 300, "maxRounds": 30}
 * "view": {"tab": "cpu", "zoom": 1}
 * "help": {"cpu": {"en": "...", "zh": "..."}, ...}     the lesson's own "Try this" text per tab
 * </pre>
 *
 * The writer leaves out steps when there are none and migration and view fields that equal the default,
 * as it does for CPU QoS.
 */
final class LessonJson {
    static final List<String> TEXT_FIELDS = List.of("en", "zh");
    static final List<String> MIGRATION_FIELDS = List.of("bandwidthMibPerSecond", "downtimeLimitMillis", "maxRounds");
    static final List<String> VIEW_FIELDS = List.of("tab", "zoom", "memoryView");
    static final long MIN_DURATION_SECONDS = Scenario.MIN_DURATION_MICROS / Scenario.MICROS_PER_SECOND;
    static final long MAX_DURATION_SECONDS = Scenario.MAX_DURATION_MICROS / Scenario.MICROS_PER_SECOND;
    static final long DEFAULT_DURATION_SECONDS = Scenario.DEFAULT_DURATION_MICROS / Scenario.MICROS_PER_SECOND;

    private LessonJson() {
    }

    /** An optional text field ({@code title}, {@code goal}); empty when absent, {@code null} if wrong (reported). */
    static LocalizedText text(JsonObject parent, String field) {
        JsonNode value = parent.optional(field);
        return value == null ? LocalizedText.EMPTY : text(value, parent.pointer(field), parent.problems());
    }

    private static LocalizedText text(JsonNode value, String at, Problems problems) {
        JsonObject text = JsonObject.of(value, at, problems);
        if (text == null) {
            return null;
        }
        text.allowOnly(TEXT_FIELDS);
        return LocalizedText.of(text.string("en", false), text.string("zh", false));
    }

    /** The optional {@code steps}: texts, none empty; {@code null} if something is wrong (reported). */
    static List<LocalizedText> steps(JsonObject doc) {
        Problems problems = doc.problems();
        int before = problems.count();
        List<JsonObject.Element> elements = doc.optionalArray("steps");
        List<LocalizedText> steps = new ArrayList<>();
        if (elements != null) {
            for (JsonObject.Element e : elements) {
                int atStart = problems.count();
                LocalizedText step = text(e.node(), e.pointer(), problems);
                if (problems.count() == atStart && LocalizedText.EMPTY.equals(step)) {
                    problems.add(e.pointer(), "step.empty");
                }
                steps.add(step);
            }
        }
        return problems.count() == before ? steps : null;
    }

    /**
     * The optional {@code help}: the lesson's own "Try this" text per tab, keyed by tab id, none empty; none when
     * absent, {@code null} if something is wrong (reported).
     */
    static Supplier<LessonHelp> help(JsonObject doc) {
        JsonNode value = doc.optional("help");
        if (value == null) {
            return () -> LessonHelp.NONE;
        }
        JsonObject json = JsonObject.of(value, doc.pointer("help"), doc.problems());
        if (json == null) {
            return null;
        }
        Problems problems = doc.problems();
        int before = problems.count();
        json.allowOnly(ViewState.TABS);
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        for (String tab : ViewState.TABS) {
            JsonNode node = json.optional(tab);
            if (node == null) {
                continue;
            }
            int atStart = problems.count();
            LocalizedText text = text(node, json.pointer(tab), problems);
            if (problems.count() == atStart && LocalizedText.EMPTY.equals(text)) {
                problems.add(json.pointer(tab), "help.empty");
            }
            texts.put(tab, text);
        }
        return problems.count() == before ? () -> new LessonHelp(texts) : null;
    }

    /** {@code durationSeconds} as microseconds; 60 s when absent, {@code null} if wrong (reported). */
    static Long durationMicros(JsonObject doc) {
        Long seconds = doc.integer("durationSeconds", MIN_DURATION_SECONDS, MAX_DURATION_SECONDS, "s",
                DEFAULT_DURATION_SECONDS);
        return seconds == null ? null : seconds * Scenario.MICROS_PER_SECOND;
    }

    /** The optional {@code migration}; QEMU's defaults for what is absent, {@code null} if wrong (reported). */
    static Supplier<MigrationSettings> migration(JsonObject doc) {
        JsonNode value = doc.optional("migration");
        if (value == null) {
            return () -> MigrationSettings.QEMU_DEFAULTS;
        }
        JsonObject json = JsonObject.of(value, doc.pointer("migration"), doc.problems());
        if (json == null) {
            return null;
        }
        json.allowOnly(MIGRATION_FIELDS);
        MigrationSettings d = MigrationSettings.QEMU_DEFAULTS;
        Long bandwidth = json.integer("bandwidthMibPerSecond", 1, MigrationSettings.MAX_BANDWIDTH_MIB_PER_SECOND,
                "MiB/s", d.bandwidthMibPerSecond());
        Long downtime = json.integer("downtimeLimitMillis", 1, MigrationSettings.MAX_DOWNTIME_LIMIT_MILLIS, "ms",
                d.downtimeLimitMillis());
        Long rounds = json.integer("maxRounds", 1, MigrationSettings.MAX_ROUNDS, null, d.maxRounds());
        if (bandwidth == null || downtime == null || rounds == null) {
            return null;
        }
        return () -> new MigrationSettings(bandwidth, downtime, Math.toIntExact(rounds));
    }

    /** The optional {@code view}; the default tab and zoom for what is absent, {@code null} if wrong (reported). */
    static Supplier<ViewState> view(JsonObject doc) {
        JsonNode value = doc.optional("view");
        if (value == null) {
            return () -> ViewState.DEFAULT;
        }
        JsonObject json = JsonObject.of(value, doc.pointer("view"), doc.problems());
        if (json == null) {
            return null;
        }
        json.allowOnly(VIEW_FIELDS);
        String tab = json.string("tab", false);
        boolean tabOk = true;
        if (tab == null) {
            tabOk = json.optional("tab") == null; // absent: the default; otherwise reported
            tab = ViewState.DEFAULT.tab();
        } else if (!ViewState.TABS.contains(tab)) {
            json.problems().add(json.pointer("tab"), "view.unknownTab", Json.escape(tab),
                    String.join(", ", ViewState.TABS));
            tabOk = false;
        }
        Double zoom = json.number("zoom", ViewState.MIN_ZOOM, ViewState.MAX_ZOOM, ViewState.DEFAULT.zoom());
        String memoryView = json.string("memoryView", false);
        boolean memoryViewOk = true;
        if (memoryView == null) {
            memoryViewOk = json.optional("memoryView") == null;
            memoryView = ViewState.DEFAULT.memoryView();
        } else if (!ViewState.MEMORY_VIEWS.contains(memoryView)) {
            json.problems().add(json.pointer("memoryView"), "view.unknownMemoryView", Json.escape(memoryView),
                    String.join(", ", ViewState.MEMORY_VIEWS));
            memoryViewOk = false;
        }
        if (!tabOk || zoom == null || !memoryViewOk) {
            return null;
        }
        String checkedTab = tab;
        String checkedMemoryView = memoryView;
        return () -> new ViewState(checkedTab, zoom, checkedMemoryView);
    }

    // ---- writing ----

    static void writeText(ObjectNode parent, String field, LocalizedText text) {
        if (text.equals(LocalizedText.EMPTY)) {
            return;
        }
        ObjectNode node = parent.putObject(field);
        node.put("en", text.en());
        node.put("zh", text.zh());
    }

    static void writeSteps(ObjectNode root, List<LocalizedText> steps) {
        if (steps.isEmpty()) {
            return;
        }
        ArrayNode out = root.putArray("steps");
        for (LocalizedText step : steps) {
            ObjectNode node = out.addObject();
            node.put("en", step.en());
            node.put("zh", step.zh());
        }
    }

    static void writeHelp(ObjectNode root, LessonHelp help) {
        if (help.tryThis().isEmpty()) {
            return;
        }
        ObjectNode out = root.putObject("help");
        help.tryThis().forEach((tab, text) -> writeText(out, tab, text));
    }

    static void writeDuration(ObjectNode root, long durationMicros) {
        root.put("durationSeconds", durationMicros / Scenario.MICROS_PER_SECOND);
    }

    static void writeMigration(ObjectNode root, MigrationSettings migration) {
        MigrationSettings d = MigrationSettings.QEMU_DEFAULTS;
        if (migration.equals(d)) {
            return;
        }
        ObjectNode out = root.putObject("migration");
        if (migration.bandwidthMibPerSecond() != d.bandwidthMibPerSecond()) {
            out.put("bandwidthMibPerSecond", migration.bandwidthMibPerSecond());
        }
        if (migration.downtimeLimitMillis() != d.downtimeLimitMillis()) {
            out.put("downtimeLimitMillis", migration.downtimeLimitMillis());
        }
        if (migration.maxRounds() != d.maxRounds()) {
            out.put("maxRounds", migration.maxRounds());
        }
    }

    static void writeView(ObjectNode root, ViewState view) {
        if (view.equals(ViewState.DEFAULT)) {
            return;
        }
        ObjectNode out = root.putObject("view");
        if (!view.tab().equals(ViewState.DEFAULT.tab())) {
            out.put("tab", view.tab());
        }
        if (Double.compare(view.zoom(), ViewState.DEFAULT.zoom()) != 0) {
            Json.putNumber(out, "zoom", view.zoom());
        }
        if (!view.memoryView().equals(ViewState.DEFAULT.memoryView())) {
            out.put("memoryView", view.memoryView());
        }
    }
}
