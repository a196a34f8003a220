package org.virtlab.ui.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.ScenarioWriter;
import org.virtlab.ui.i18n.I18n;

/**
 * What B changes of A, in words: every value of the scenario file that differs, as "VM2 · Shares: 2000 → 4000".
 * {@link org.virtlab.ui.common.ScenarioDiff} answers another question (can a running simulation follow the change by
 * inputs?) and names no field, so this compares the two files the scenarios would be saved as. Positions on the
 * canvas and the saved view are layout, not an experiment, and are left out.
 */
final class ScenarioChanges {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> LAYOUT = Set.of("position", "view");
    /** The property panel's words for the fields (the keys the Sweep window uses); others show their file path. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("name", "props.name"),
            Map.entry("cpuQos/shares", "qos.shares"),
            Map.entry("cpuQos/limitMhz", "qos.limit"),
            Map.entry("cpuQos/reservationMhz", "qos.reservation"),
            Map.entry("vcpus", "props.vcpus"),
            Map.entry("memoryMib", "sweep.param.memoryMib"),
            Map.entry("workload/kind", "workload.kind"),
            Map.entry("workload/percent", "workload.percent"),
            Map.entry("memoryQos/shares", "memQos.shares"),
            Map.entry("memoryQos/limitMib", "memQos.limit"),
            Map.entry("memoryQos/reservationMib", "memQos.reservation"),
            Map.entry("memoryActivity/demandMib", "memActivity.demand"),
            Map.entry("dirtyMibPerSecond", "dirtyRate.rate"),
            Map.entry("cpu/sockets", "props.sockets"),
            Map.entry("cpu/coresPerSocket", "props.coresPerSocket"),
            Map.entry("cpu/threadsPerCore", "props.threadsPerCore"),
            Map.entry("cpu/mhzPerCore", "sweep.param.mhzPerCore"),
            Map.entry("cpuPolicy/htFactor", "props.htFactor"),
            Map.entry("seed", "props.seed"),
            Map.entry("tickMicros", "sweep.param.tickMicros"));
    /** How many changes the line names before "and N more". */
    static final int SHOWN = 3;

    private ScenarioChanges() {
    }

    /** One change: where (element · field) and the value in A and in B ("default" where the file leaves it out). */
    record Change(String where, String valueA, String valueB) {
    }

    static List<Change> between(I18n i18n, Scenario a, Scenario b) {
        JsonNode ta = tree(ScenarioWriter.toJson(a));
        JsonNode tb = tree(ScenarioWriter.toJson(b));
        List<Change> out = new ArrayList<>();
        walk(i18n, ta, tb, "", "", out);
        return out;
    }

    /** The one line: the first {@link #SHOWN} changes, then how many more; or that B is A. */
    static String line(I18n i18n, List<Change> changes) {
        if (changes.isEmpty()) {
            return i18n.get("compare.diff.none");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < changes.size() && i < SHOWN; i++) {
            Change c = changes.get(i);
            parts.add(i18n.format("compare.diff.change", c.where(), c.valueA(), c.valueB()));
        }
        String listed = String.join(i18n.get("compare.diff.separator"), parts);
        if (changes.size() > SHOWN) {
            listed = i18n.format("compare.diff.more", listed, changes.size() - SHOWN);
        }
        return i18n.format("compare.diff.some", listed);
    }

    /** All changes, one a line (the line's tooltip). */
    static String all(I18n i18n, List<Change> changes) {
        List<String> lines = new ArrayList<>();
        for (Change c : changes) {
            lines.add(i18n.format("compare.diff.change", c.where(), c.valueA(), c.valueB()));
        }
        return String.join("\n", lines);
    }

    /**
     * @param who  the element the path is inside, by name ("" for the lesson)
     * @param path the field's path inside that element ({@code cpuQos/shares})
     */
    private static void walk(I18n i18n, JsonNode a, JsonNode b, String who, String path, List<Change> out) {
        if (a != null && b != null && a.equals(b)) {
            return;
        }
        boolean objects = (a == null || a.isObject()) && (b == null || b.isObject());
        if (objects && !(a == null && b == null)) {
            Set<String> names = new LinkedHashSet<>();
            if (a != null) {
                a.fieldNames().forEachRemaining(names::add);
            }
            if (b != null) {
                b.fieldNames().forEachRemaining(names::add);
            }
            for (String name : names) {
                if (!LAYOUT.contains(name)) {
                    walk(i18n, a == null ? null : a.get(name), b == null ? null : b.get(name), who,
                            path.isEmpty() ? name : path + "/" + name, out);
                }
            }
            return;
        }
        boolean elements = a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()
                && elementsOf(a);
        if (elements) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode ea = a.get(i);
                String name = ea.path("name").asText(ea.path("id").asText(Integer.toString(i + 1)));
                walk(i18n, ea, b.get(i), name, "", out);
            }
            return;
        }
        out.add(new Change(where(i18n, who, path), shown(i18n, a), shown(i18n, b)));
    }

    private static boolean elementsOf(JsonNode array) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
            if (!it.next().path("id").isTextual()) {
                return false;
            }
        }
        return array.size() > 0;
    }

    private static String where(I18n i18n, String who, String path) {
        String key = LABELS.get(path);
        String field = key == null ? path.replace('/', '.') : i18n.get(key);
        if (field.startsWith("!")) {
            field = path.replace('/', '.');
        }
        return who.isEmpty() ? field : who + " · " + field;
    }

    /** A value as the file holds it; a field the file leaves out has the format's default (scenarios/README.md). */
    private static String shown(I18n i18n, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return i18n.get("compare.diff.default");
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the writer's own JSON: " + e.getOriginalMessage(), e);
        }
    }
}
