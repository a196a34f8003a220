package org.virtlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers for pointers, for showing JSON values inside messages and for writing numbers. */
final class Json {
    private static final int MAX_SHOWN = 40;

    private Json() {
    }

    /** The pointer to member {@code name} of the object at {@code parent} (RFC 6901 escaping). */
    static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer to element {@code index} of the array at {@code parent}. */
    static String child(String parent, int index) {
        return parent + "/" + index;
    }

    /**
     * A pointer made safe to show on one line: each reference token shortened and escaped like a value,
     * since a file's field names can be as long as it likes and hold control characters.
     */
    static String showPointer(String pointer) {
        String[] tokens = pointer.split("/", -1);
        StringBuilder out = new StringBuilder(Math.min(pointer.length(), 200));
        for (int i = 0; i < tokens.length; i++) {
            out.append(i == 0 ? "" : "/").append(escape(tokens[i]));
        }
        return out.toString();
    }

    /** A value as it would be written in JSON, shortened: numbers as written, strings quoted. */
    static String show(JsonNode node) {
        if (node.isObject()) {
            return "{…}";
        }
        if (node.isArray()) {
            return "[…]";
        }
        if (node.isTextual()) {
            return "\"" + escape(node.textValue()) + "\"";
        }
        return escape(node.asText());
    }

    /** Text made safe to show on one line: control characters and quotes escaped, long text cut. */
    static String escape(String text) {
        String cut = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
        StringBuilder out = new StringBuilder(cut.length());
        for (char c : cut.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> appendVisibly(out, c);
            }
        }
        return out.toString();
    }

    /** Text with its control characters escaped (backslash, u, four hex digits), nothing else changed or cut. */
    static String controlsEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            appendVisibly(out, c);
        }
        return out.toString();
    }

    private static void appendVisibly(StringBuilder out, char c) {
        if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
        } else {
            out.append(c);
        }
    }

    /** A number as short as it can be written: 90.0 as {@code 90}, 12.5 as {@code 12.5}. */
    static void putNumber(ObjectNode out, String field, double value) {
        if (whole(value)) {
            out.put(field, (long) value);
        } else {
            out.put(field, value);
        }
    }

    /** Appends a number as short as it can be written, like {@link #putNumber}. */
    static void addNumber(ArrayNode out, double value) {
        if (whole(value)) {
            out.add((long) value);
        } else {
            out.add(value);
        }
    }

    private static boolean whole(double value) {
        return Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15
                && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0);
    }
}
