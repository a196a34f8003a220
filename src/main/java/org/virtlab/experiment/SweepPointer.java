package org.virtlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON pointer (RFC 6901: {@code /vms/1/cpu/avgGhz}, {@code ~1} for "/" and {@code ~0} for "~" inside a token)
 * into a scenario or a {@code summary.json}, with one addition: in an array, a token that is not an index
 * ({@code 0}, {@code 1}, … without leading zeros) names the element whose {@code id} it is, so
 * {@code /vms/vm2/cpu/avgGhz} is VM2's average whatever its place. A token that is an index is always one.
 */
public final class SweepPointer {
    private final String text;
    private final List<String> tokens;

    private SweepPointer(String text, List<String> tokens) {
        this.text = text;
        this.tokens = List.copyOf(tokens);
    }

    /** Parses {@code text}; the whole document ({@code ""}) is no place for a number, so it is refused too. */
    public static SweepPointer parse(String text) throws SweepException {
        if (text == null || !text.startsWith("/") || text.length() < 2) {
            throw new SweepException(SweepException.Kind.POINTER_SYNTAX, String.valueOf(text));
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            if (raw.replace("~0", "").replace("~1", "").contains("~")) {
                throw new SweepException(SweepException.Kind.POINTER_SYNTAX, text);
            }
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return new SweepPointer(text, tokens);
    }

    /** The token escaped for a pointer ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    List<String> tokens() {
        return tokens;
    }

    @Override
    public String toString() {
        return text;
    }

    /** What a pointer reached: the node, or where it stopped and what was there instead. */
    record Found(JsonNode node, String stoppedAt, String available) {
        boolean found() {
            return node != null;
        }
    }

    /** Follows the pointer through {@code root}. */
    Found find(JsonNode root) {
        JsonNode at = root;
        StringBuilder path = new StringBuilder();
        for (String token : tokens) {
            JsonNode next = child(at, token);
            if (next == null) {
                return new Found(null, path.length() == 0 ? "/" : path.toString(), available(at));
            }
            path.append('/').append(escape(token));
            at = next;
        }
        return new Found(at, text, "");
    }

    /**
     * Sets the number {@code value} at the pointer in {@code root} (changed in place), creating the objects on the
     * way that the scenario leaves out (a VM without {@code cpuQos}, say: its defaults apply until then); an array
     * element must exist. Returns how many tokens existed before (all but the last when nothing was created), or -1,
     * having changed nothing, when the pointer leads nowhere.
     */
    int set(JsonNode root, JsonNode value) {
        JsonNode at = root;
        int existing = -1;
        for (int i = 0; i < tokens.size() - 1; i++) {
            JsonNode next = child(at, tokens.get(i));
            if (next == null && !(at instanceof ObjectNode)) {
                return -1;
            }
            if (next == null) {
                existing = existing < 0 ? i : existing;
                next = ((ObjectNode) at).putObject(tokens.get(i));
            }
            at = next;
        }
        String last = tokens.get(tokens.size() - 1);
        if (at instanceof ObjectNode object) {
            object.set(last, value);
        } else if (at instanceof ArrayNode array && index(array, last) >= 0) {
            array.set(index(array, last), value);
        } else {
            return -1;
        }
        return existing < 0 ? tokens.size() - 1 : existing;
    }

    /** The pointer as the scenario's checker names places: ids in arrays replaced by their indices. */
    String canonical(JsonNode root) {
        StringBuilder out = new StringBuilder();
        JsonNode at = root;
        for (String token : tokens) {
            String step = token;
            if (at instanceof ArrayNode array && index(array, token) >= 0) {
                step = Integer.toString(index(array, token));
            }
            out.append('/').append(escape(step));
            at = at == null ? null : child(at, token);
        }
        return out.toString();
    }

    /** The pointer made of the first {@code count} tokens. */
    String prefix(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append('/').append(escape(tokens.get(i)));
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static JsonNode child(JsonNode at, String token) {
        if (at instanceof ObjectNode object) {
            return object.get(token);
        }
        if (at instanceof ArrayNode array) {
            int index = index(array, token);
            return index < 0 ? null : array.get(index);
        }
        return null;
    }

    /** The element's index: the token as an index, or the place of the element with that id; -1 if none. */
    private static int index(ArrayNode array, String token) {
        if (token.matches("0|[1-9][0-9]{0,8}")) {
            int index = Integer.parseInt(token);
            return index < array.size() ? index : -1;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode id = array.get(i).get("id");
            if (id != null && id.isTextual() && id.textValue().equals(token)) {
                return i;
            }
        }
        return -1;
    }

    /** What a step could have named at {@code at}: its fields, or its indices and ids. */
    private static String available(JsonNode at) {
        if (at instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            return String.join(", ", names);
        }
        if (at instanceof ArrayNode array) {
            List<String> ids = new ArrayList<>();
            for (JsonNode e : array) {
                if (e.get("id") != null && e.get("id").isTextual()) {
                    ids.add(e.get("id").textValue());
                }
            }
            String indices = array.isEmpty() ? "-" : "0–" + (array.size() - 1);
            return ids.isEmpty() ? indices : indices + " (" + String.join(", ", ids) + ")";
        }
        return at.isValueNode() ? at.toString() : "";
    }
}
