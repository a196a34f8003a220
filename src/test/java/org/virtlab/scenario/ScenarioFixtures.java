package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.model.Scenario;

/** A small valid scenario document, and ways to break it and read the problems. */
final class ScenarioFixtures {
    static final String SOURCE = "test.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String VALID = """
            {
              "format": "virtlab.scenario",
              "version": 1,
              "title": {"en": "Two VMs", "zh": "两台虚拟机"},
              "seed": 7,
              "tickMicros": 500,
              "hosts": [{"id": "host1", "name": "Host 1",
                         "cpu": {"sockets": 2, "coresPerSocket": 6, "threadsPerCore": 2, "mhzPerCore": 2000},
                         "memoryMib": 65536, "position": {"x": 60, "y": 60}}],
              "vms": [{"id": "web", "name": "Web server", "host": "host1", "vcpus": 4, "memoryMib": 4096,
                       "workload": {"kind": "constant", "percent": 50},
                       "position": {"x": 80, "y": 120}},
                      {"id": "db", "host": "host1", "vcpus": 8, "memoryMib": 16384,
                       "workload": {"kind": "periodic", "minPercent": 10, "maxPercent": 90, "periodMillis": 20000}}]
            }
            """;

    private ScenarioFixtures() {
    }

    /** The valid document after {@code change}, as JSON text. */
    static String changed(Consumer<ObjectNode> change) {
        return changed(VALID, change);
    }

    /**
     * The document of {@link TestScenarios#networked} (two hosts, a network of each mode, a switch with port
     * groups, VMs with NICs) after {@code change}, as JSON text.
     */
    static String networkedChanged(Consumer<ObjectNode> change) {
        return changed(ScenarioWriter.toJson(TestScenarios.networked()), change);
    }

    static List<Problem> networkedProblemsAfter(Consumer<ObjectNode> change) {
        return problemsOf(networkedChanged(change));
    }

    private static String changed(String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(json);
            change.accept(root);
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code text} as a JSON tree, for a change to set. */
    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** The valid document after {@code change}, read. */
    static Scenario read(Consumer<ObjectNode> change) throws ScenarioException {
        return ScenarioReader.read(changed(change), SOURCE);
    }

    /** The one problem of the changed document; it must be found by the reader, not by a model constructor. */
    static Problem onlyProblem(Consumer<ObjectNode> change) {
        List<Problem> problems = problemsAfter(change);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        assertNotEquals("model.refused", problems.get(0).key(), "the reader must check before the model does");
        return problems.get(0);
    }

    static ObjectNode at(ObjectNode root, String pointer) {
        JsonNode node = root.at(pointer);
        return (ObjectNode) node;
    }

    /** The problems of reading {@code json}, which must fail; every message must exist in the bundles. */
    static List<Problem> problemsOf(String json) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(json, SOURCE));
        for (Problem p : e.problems()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.CHINESE)) {
                assertFalse(p.message(locale).startsWith(p.key()), "no text for key " + p.key());
            }
        }
        return e.problems();
    }

    static List<Problem> problemsAfter(Consumer<ObjectNode> change) {
        return problemsOf(changed(change));
    }

    static String english(Problem p) {
        return p.message(Locale.ENGLISH);
    }
}
