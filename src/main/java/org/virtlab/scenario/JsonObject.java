package org.virtlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.virtlab.engine.model.Ranges;

/**
 * One JSON object of a scenario file being read, with the place it sits at. Each getter checks the field's
 * type and range and reports what is wrong to the shared {@link Problems}; it then returns {@code null}
 * ("no usable value"), so that reading can go on and find every problem. Records are only built once no
 * problem was found, so a {@code null} never reaches a constructor.
 */
final class JsonObject {
    static final List<String> POSITION_FIELDS = List.of("x", "y");

    private final JsonNode node;
    private final String pointer;
    private final Problems problems;

    private JsonObject(JsonNode node, String pointer, Problems problems) {
        this.node = node;
        this.pointer = pointer;
        this.problems = problems;
    }

    /** The object at {@code pointer}, or {@code null} after reporting that the value is not an object. */
    static JsonObject of(JsonNode node, String pointer, Problems problems) {
        if (!node.isObject()) {
            problems.add(pointer, "type.object", Json.show(node));
            return null;
        }
        return new JsonObject(node, pointer, problems);
    }

    String pointer() {
        return pointer;
    }

    String pointer(String field) {
        return Json.child(pointer, field);
    }

    Problems problems() {
        return problems;
    }

    /** Reports every field not in {@code allowed}, in document order, each at its name. */
    void allowOnly(List<String> allowed) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            if (!allowed.contains(name)) {
                problems.addAtName(pointer(name), "field.unknown", Json.escape(name), String.join(", ", allowed));
            }
        }
    }

    /** The field's value, or {@code null} after reporting that it is missing. */
    JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            problems.add(pointer, "field.missing", field);
        }
        return value;
    }

    /** The field's value, or {@code null} if the field is absent. */
    JsonNode optional(String field) {
        return node.get(field);
    }

    JsonObject object(String field) {
        JsonNode value = required(field);
        return value == null ? null : of(value, pointer(field), problems);
    }

    /** The elements of a required array field, each with its pointer; {@code null} if unusable. */
    List<Element> array(String field) {
        JsonNode value = required(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            problems.add(pointer(field), "type.array", Json.show(value));
            return null;
        }
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            elements.add(new Element(value.get(i), Json.child(pointer(field), i)));
        }
        return elements;
    }

    /** The elements of an optional array field, each with its pointer; empty if absent, {@code null} if unusable. */
    List<Element> optionalArray(String field) {
        return optional(field) == null ? List.of() : array(field);
    }

    record Element(JsonNode node, String pointer) {
    }

    /** The optional {@code position}, {@code {"x": .., "y": ..}}; (0, 0) when absent. */
    double[] position() {
        double[] xy = {0, 0};
        JsonNode value = optional("position");
        if (value == null) {
            return xy;
        }
        JsonObject position = of(value, pointer("position"), problems);
        if (position != null) {
            position.allowOnly(POSITION_FIELDS);
            Double x = position.finite("x");
            Double y = position.finite("y");
            xy[0] = x == null ? 0 : x;
            xy[1] = y == null ? 0 : y;
        }
        return xy;
    }

    String string(String field, boolean required) {
        JsonNode value = required ? required(field) : optional(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(pointer(field), "type.string", Json.show(value));
            return null;
        }
        String text = value.textValue();
        int half = unpairedSurrogate(text);
        if (half >= 0) {
            // JSON can spell half a pair with a backslash-u escape, but no UTF-8 file can hold it: saving
            // would write "?" instead.
            problems.add(pointer(field), "text.unpairedSurrogate", half + 1,
                    String.format("%04x", (int) text.charAt(half)));
            return null;
        }
        return text;
    }

    /** The index of the first half of a surrogate pair that lacks its other half, or -1. */
    static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A required id, checked with the engine's own rule ({@link Ranges#id}). */
    String id(String field) {
        JsonNode value = required(field);
        return value == null ? null : idValue(value, pointer(field), problems);
    }

    /** An optional id; {@code null} if absent or not an id (reported). */
    String optionalId(String field) {
        JsonNode value = optional(field);
        return value == null ? null : idValue(value, pointer(field), problems);
    }

    /** The id at {@code at} (an array element, say), or {@code null} after reporting what is wrong with it. */
    static String idValue(JsonNode value, String at, Problems problems) {
        if (!value.isTextual()) {
            problems.add(at, "type.string", Json.show(value));
            return null;
        }
        if (!value.textValue().matches(Ranges.ID_PATTERN)) {
            problems.add(at, "id.invalid", Json.show(value));
            return null;
        }
        return value.textValue();
    }

    /**
     * A required whole number in {@code [min, max]}; {@code unit} (may be {@code null}) is shown in the
     * message, e.g. "MHz".
     */
    Long integer(String field, long min, long max, String unit) {
        JsonNode value = required(field);
        return value == null ? null : integerValue(value, pointer(field), min, max, unit);
    }

    /** An optional whole number in {@code [min, max]}, {@code fallback} when absent. */
    Long integer(String field, long min, long max, String unit, long fallback) {
        JsonNode value = optional(field);
        return value == null ? Long.valueOf(fallback) : integerValue(value, pointer(field), min, max, unit);
    }

    /** A required percentage, any finite number in {@code [min, max]}. */
    Double percent(String field, double min, double max) {
        JsonNode value = required(field);
        return value == null ? null : percentValue(value, pointer(field), min, max);
    }

    /** A percentage at {@code at} (an array element, say), any finite number in {@code [min, max]}. */
    Double percentValue(JsonNode value, String at, double min, double max) {
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())
                || value.doubleValue() < min || value.doubleValue() > max) {
            problems.add(at, "range.percent", min, max, Json.show(value));
            return null;
        }
        return value.doubleValue();
    }

    /** An optional {@code true} or {@code false}, {@code fallback} when absent. */
    Boolean bool(String field, boolean fallback) {
        JsonNode value = optional(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problems.add(pointer(field), "type.boolean", Json.show(value));
            return null;
        }
        return value.booleanValue();
    }

    /** An optional finite number in {@code [min, max]}, {@code fallback} when absent. */
    Double number(String field, double min, double max, double fallback) {
        JsonNode value = optional(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())
                || value.doubleValue() < min || value.doubleValue() > max) {
            problems.add(pointer(field), "range.number", min, max, Json.show(value));
            return null;
        }
        return value.doubleValue();
    }

    /** A required finite number (a canvas coordinate). */
    Double finite(String field) {
        JsonNode value = required(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            problems.add(pointer(field), "type.finite", Json.show(value));
            return null;
        }
        return value.doubleValue();
    }

    Long integerValue(JsonNode value, String at, long min, long max, String unit) {
        BigInteger exact = exactInteger(value);
        boolean inRange = exact != null
                && exact.compareTo(BigInteger.valueOf(min)) >= 0 && exact.compareTo(BigInteger.valueOf(max)) <= 0;
        if (inRange) {
            return exact.longValueExact();
        }
        if (unit == null) {
            problems.add(at, "range.int", min, max, Json.show(value));
        } else if (exact != null) {
            problems.add(at, "range.intUnit", min, max, unit, Json.show(value));
        } else {
            problems.add(at, "type.intUnit", min, max, unit, Json.show(value));
        }
        return null;
    }

    /** The value as a whole number if it is one (2 and 2.0 and 2e0 are; 2.5, "2" and NaN are not). */
    static BigInteger exactInteger(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isFloatingPointNumber()) {
            if (value.isDouble() || value.isFloat()) {
                double d = value.doubleValue();
                if (!Double.isFinite(d) || d != Math.rint(d)) {
                    return null;
                }
            }
            BigDecimal decimal = value.decimalValue().stripTrailingZeros();
            return decimal.scale() <= 0 ? decimal.toBigIntegerExact() : null;
        }
        return null;
    }
}
