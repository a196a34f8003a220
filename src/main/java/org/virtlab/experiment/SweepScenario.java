package org.virtlab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Problem;
import org.virtlab.scenario.ScenarioException;
import org.virtlab.scenario.ScenarioReader;
import org.virtlab.scenario.TraceFiles;

/**
 * The scenario a sweep changes: its JSON document, and the one checker every scenario file goes through
 * ({@link ScenarioReader}), so a changed value is refused exactly as it would be in a file, with the allowed range.
 */
public final class SweepScenario {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Checker messages that say the place holds no number at all (rather than a number out of range). */
    private static final Set<String> NOT_A_NUMBER_HERE =
            Set.of("type.object", "type.array", "type.string", "type.boolean");

    private final JsonNode document;
    private final String sourceName;
    private final TraceFiles traces;

    private SweepScenario(JsonNode document, String sourceName, TraceFiles traces) {
        this.document = document;
        this.sourceName = sourceName;
        this.traces = traces;
    }

    /**
     * Reads a scenario file; its problems, if it has any, as the file checker reports them. Trace CSV files are
     * found beside it.
     */
    public static SweepScenario read(Path file) throws ScenarioException {
        ScenarioReader.read(file);
        try {
            return of(Files.readString(file, StandardCharsets.UTF_8), file.toString(), TraceFiles.besides(file));
        } catch (IOException e) {
            throw new IllegalStateException("read a moment ago: " + file, e);
        }
    }

    /**
     * A scenario given as the text of a valid scenario file (the window passes {@code ScenarioWriter.toJson}); its
     * trace CSV files, if any, from {@code traces} ({@code null}: none).
     */
    public static SweepScenario of(String json, String sourceName, TraceFiles traces) {
        try {
            return new SweepScenario(MAPPER.readTree(json), sourceName, traces);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + sourceName, e);
        }
    }

    /** The scenario with {@code value} at {@code param}, checked like a file. */
    public Scenario with(SweepPointer param, BigDecimal value) throws SweepException {
        JsonNode changed = changed(param, value);
        try {
            return ScenarioReader.read(new ByteArrayInputStream(text(changed).getBytes(StandardCharsets.UTF_8)),
                    sourceName, traces);
        } catch (ScenarioException e) {
            throw refusal(param, value, e.problems());
        }
    }

    /** The text of the scenario file with {@code value} at {@code param}: what the sweep runs for that value. */
    public String jsonWith(SweepPointer param, BigDecimal value) throws SweepException {
        with(param, value);
        return text(changed(param, value));
    }

    /** The number the file holds at {@code pointer}, if it holds one there (not a preset word like "high"). */
    public java.util.Optional<BigDecimal> valueAt(SweepPointer pointer) {
        SweepPointer.Found found = pointer.find(document);
        return found.found() && found.node().isNumber() ? java.util.Optional.of(found.node().decimalValue())
                : java.util.Optional.empty();
    }

    /** The pointer as the checker names places ({@link Problem#pointer()}): indices instead of ids. */
    public String canonical(SweepPointer pointer) {
        return pointer.canonical(document);
    }

    /** The scenario unchanged. */
    public Scenario scenario() {
        try {
            return ScenarioReader.read(new ByteArrayInputStream(text(document).getBytes(StandardCharsets.UTF_8)),
                    sourceName, traces);
        } catch (ScenarioException e) {
            throw new IllegalStateException("the scenario was valid: " + e.problems());
        }
    }

    /**
     * The pointers of every number in the summary of a run of this scenario (one tick is enough to give the
     * summary its shape), with ids instead of indices ({@code /vms/vm2/cpu/avgGhz}): what a sweep can measure.
     * The run's seed and length are left out.
     */
    public List<String> metrics() {
        Simulation simulation = Simulations.of(scenario());
        RunSummary summary = new RunSummary();
        simulation.addObserver(summary);
        simulation.step();
        List<String> out = new ArrayList<>();
        try {
            JsonNode root = MAPPER.readTree(summary.toJson(simulation));
            for (String list : List.of("vms", "hosts")) {
                collect(root.path(list), "/" + list, out);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void collect(JsonNode node, String at, List<String> out) {
        if (node.isNumber()) {
            out.add(at);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(f.getValue(), at + "/" + SweepPointer.escape(f.getKey()), out));
        } else if (node.isArray()) {
            for (JsonNode e : node) {
                if (e.path("id").isTextual()) { // lists of elements; not the power-on refusals
                    collect(e, at + "/" + SweepPointer.escape(e.get("id").textValue()), out);
                }
            }
        }
    }

    private JsonNode changed(SweepPointer param, BigDecimal value) throws SweepException {
        JsonNode copy = document.deepCopy();
        SweepPointer.Found found = param.find(document);
        if (found.found() && !found.node().isValueNode()) {
            throw new SweepException(SweepException.Kind.PARAM_NOT_NUMERIC, param, shown(found.node()));
        }
        if (param.set(copy, number(value)) < 0) {
            throw new SweepException(SweepException.Kind.PARAM_UNKNOWN, param, found.stoppedAt(), found.available());
        }
        return copy;
    }

    private SweepException refusal(SweepPointer param, BigDecimal value, List<Problem> problems) {
        JsonNode copy = document.deepCopy();
        int existing = param.set(copy, number(value));
        String exact = param.canonical(copy);
        String created = param.prefix(existing + 1);
        for (Problem p : problems) {
            boolean here = p.pointer().equals(exact);
            boolean inCreated = existing < param.tokens().size() - 1 && p.pointer().startsWith(created);
            if ((here || inCreated) && (p.key().equals("field.unknown") || inCreated && p.key().startsWith("type."))) {
                SweepPointer.Found found = param.find(document);
                return new SweepException(SweepException.Kind.PARAM_UNKNOWN, param, found.stoppedAt(),
                        found.available());
            }
            if (here && NOT_A_NUMBER_HERE.contains(p.key())) {
                SweepPointer.Found found = param.find(document);
                return new SweepException(SweepException.Kind.PARAM_NOT_NUMERIC, param,
                        found.found() ? shown(found.node()) : "-");
            }
        }
        Problem first = problems.stream().filter(p -> p.pointer().equals(exact)).findFirst().orElse(problems.get(0));
        return new SweepException(SweepException.Kind.VALUE_INVALID, first, param, value.toPlainString());
    }

    /** A whole number as an integer ({@code 2000}, not {@code 2000.0}): the checker wants one where counts go. */
    static JsonNode number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() <= 0 && plain.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return JsonNodeFactory.instance.numberNode(plain.longValueExact());
        }
        return JsonNodeFactory.instance.numberNode(plain);
    }

    private static String shown(JsonNode node) {
        if (node.isObject()) {
            return "{…}";
        }
        return node.isArray() ? "[…]" : node.toString();
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
