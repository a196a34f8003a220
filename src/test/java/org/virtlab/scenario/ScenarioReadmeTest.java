package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.Scenario;

/**
 * scenarios/README.md documents the format (issue #4): its example is a valid scenario that uses every field
 * the reader knows, and every field is documented.
 */
class ScenarioReadmeTest {
    private static final Path README = Path.of("scenarios", "README.md");

    private static String readme() throws IOException {
        return Files.readString(README);
    }

    /** The first ```json block. */
    private static String example() throws IOException {
        Matcher m = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme());
        assertTrue(m.find(), "README.md has a ```json block");
        return m.group(1);
    }

    /** The lines of the first ``` block after {@code heading}. */
    private static List<String> blockAfter(String heading) throws IOException {
        String readme = readme();
        Matcher m = Pattern.compile("```\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(readme.indexOf(heading)), "README.md has a ``` block after " + heading);
        return m.group(1).lines().toList();
    }

    /** The lines {@code virtlab check} prints for {@code json} read as {@code name}. */
    private static List<String> problemLines(String json, String name) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(json, name));
        return e.problems().stream().map(p -> p.format(Locale.ENGLISH)).toList();
    }

    private static String replaced(String text, String from, String to) {
        assertTrue(text.contains(from), from);
        return text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    /**
     * The problem lines shown under "Validation" are what the reader says of the example with the mistakes
     * the text lists, and of the example with a comma left out.
     */
    @Test
    void theProblemLinesShownAreWhatTheReaderPrints() throws IOException {
        String example = example();
        String mistaken = replaced(example, "\"subnet\": \"192.168.122.0/24\"", "\"subnet\": \"192.168.122.1/24\"");
        mistaken = replaced(mistaken, "\"vlan\": 20", "\"vlan\": 4095");
        mistaken = replaced(mistaken, "{\"network\": \"default\"}", "{\"network\": \"lan\"}");
        mistaken = replaced(mistaken, "{\"network\": \"lan\"}, {\"portGroup\": \"pg-db\"}",
                "{\"network\": \"lan\", \"vlan\": 20}, {\"portGroup\": \"pg-db\"}");
        List<String> printed = new ArrayList<>(problemLines(mistaken, "lesson.json"));
        printed.addAll(problemLines(replaced(example, "\"version\": 1,", "\"version\": 1"), "syntax.json"));
        assertEquals(printed, blockAfter("## Validation"));
    }

    private static List<String> everyField() {
        List<String> fields = new ArrayList<>();
        for (List<String> list : List.of(ScenarioMapper.SCENARIO_FIELDS, ScenarioMapper.HOST_FIELDS,
                ScenarioMapper.CPU_FIELDS, ScenarioMapper.VM_FIELDS, CpuJson.POLICY_FIELDS, CpuJson.QOS_FIELDS,
                NetworkJson.NETWORK_FIELDS, NetworkJson.SWITCH_FIELDS, NetworkJson.PORT_GROUP_FIELDS,
                NetworkJson.NIC_FIELDS, NetworkJson.PORT_FORWARD_FIELDS, LessonJson.TEXT_FIELDS, LessonJson.MIGRATION_FIELDS, LessonJson.VIEW_FIELDS,
                JsonObject.POSITION_FIELDS, TraceJson.FIELDS, MemoryJson.POLICY_FIELDS, MemoryJson.QOS_FIELDS,
                MemoryJson.ACTIVITY_FIELDS, DeviceJson.DEVICE_FIELDS, DeviceJson.OPEN_LOOP_FIELDS,
                DeviceJson.CLOSED_LOOP_FIELDS, DeviceJson.EMULATED_FIELDS, DeviceJson.VIRTIO_FIELDS,
                DeviceJson.PASSTHROUGH_FIELDS, DeviceJson.COALESCING_FIELDS, DeviceJson.PHYSICAL_FIELDS,
                TranslationJson.FIELDS, TranslationJson.TLB_FIELDS)) {
            fields.addAll(list);
        }
        return fields;
    }

    @Test
    void theExampleIsAValidScenarioThatSurvivesSaving() throws Exception {
        Scenario s = ScenarioReader.read(example(), "README.md");
        assertEquals(s, ScenarioReader.read(ScenarioWriter.toJson(s), "README.md saved"));
        assertEquals(2, s.hosts().size());
        assertEquals(4, s.vm("web").orElseThrow().nics().size());
        assertEquals(19, new org.virtlab.engine.memory.TranslationMode.Nested(s.translation().guestTables(),
                s.translation().hostTables()).coldWalkReferences()); // 4 over 2 MiB host pages: (4+1)(3+1) − 1
    }

    @Test
    void theExampleUsesEveryFieldOfTheFormat() throws IOException {
        String example = example();
        for (String field : everyField()) {
            if (field.equals("csv")) {
                continue; // a trace has csv or points, not both; the example has points inline
            }
            assertTrue(example.contains("\"" + field + "\":"), "the example lacks \"" + field + "\"");
        }
    }

    @Test
    void everyFieldModeAndWorkloadIsDocumented() throws IOException {
        String readme = readme();
        for (String field : everyField()) {
            assertTrue(readme.contains("`" + field + "`"), "README.md does not document `" + field + "`");
        }
        for (NetworkMode mode : NetworkMode.values()) {
            assertTrue(readme.contains("`\"" + NetworkJson.spelling(mode) + "\"`"), mode.toString());
        }
        for (WorkloadJson.Kind kind : WorkloadJson.Kind.values()) {
            assertTrue(readme.contains("| `" + kind.spelling + "` |"), kind.spelling);
            for (String field : kind.fields) {
                assertTrue(readme.contains("`" + field + "`"), kind.spelling + "." + field);
            }
        }
    }
}
