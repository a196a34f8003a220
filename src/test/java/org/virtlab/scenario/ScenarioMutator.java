package org.virtlab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes broken versions of a scenario file for {@link ScenarioFuzzTest}: changes to the JSON tree (fields
 * deleted, copied into other objects, given values of another type, extreme numbers, valid fragments of
 * other features spliced in) and to the bytes (cut short, flipped, invalid UTF-8, other encodings and
 * byte order marks, NULs, deep nesting, number literals JSON cannot hold). Everything comes from one
 * {@link SplittableRandom}, so a mutant is reproduced from its seed alone.
 */
final class ScenarioMutator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER_TOKEN = Pattern.compile("(?<=[:\\[,]\\s{0,40})-?\\d[\\d.eE+-]*");

    /** Numbers at and past the edges of int, long, double and the ranges the reader checks. */
    private static final List<JsonNode> EXTREME_NUMBERS = List.of(
            IntNode.valueOf(0), DoubleNode.valueOf(-0.0), IntNode.valueOf(-1), IntNode.valueOf(1),
            IntNode.valueOf(Integer.MAX_VALUE), LongNode.valueOf(Integer.MAX_VALUE + 1L),
            IntNode.valueOf(Integer.MIN_VALUE), LongNode.valueOf(Long.MAX_VALUE), LongNode.valueOf(Long.MIN_VALUE),
            DoubleNode.valueOf(1e308), DoubleNode.valueOf(-1e308), DoubleNode.valueOf(1e-320),
            DoubleNode.valueOf(Double.MIN_VALUE), DoubleNode.valueOf(Double.MAX_VALUE), DoubleNode.valueOf(2.5),
            DoubleNode.valueOf(0.1), DoubleNode.valueOf(100.0000000001), DoubleNode.valueOf(9.223372036854776E18),
            BigIntegerNode.valueOf(new BigInteger("99999999999999999999999")),
            BigIntegerNode.valueOf(new BigInteger("-99999999999999999999999")),
            BigIntegerNode.valueOf(BigInteger.TEN.pow(400)),
            DecimalNode.valueOf(new BigDecimal("1E+400")), DecimalNode.valueOf(new BigDecimal("1E-400")),
            DecimalNode.valueOf(new BigDecimal("1.0000000000000000000000001")),
            DecimalNode.valueOf(new BigDecimal("12345678901234567890.5")));

    /** Literals put in place of a number in the text, most of them not JSON or not a double. */
    private static final List<String> NUMBER_LITERALS = List.of(
            "1e999999999", "-1e999999999", "1e-999999999", "1E400", "-0", "-0.0", "0e0", "1.0e+0", "00", "01",
            "1.", ".5", "+1", "0x10", "1_000", "NaN", "-Infinity", "Infinity", "1e", "--1", "1e+",
            "9223372036854775808",
            "-9223372036854775809", "1" + "0".repeat(999), "9".repeat(1001), "0." + "0".repeat(2000) + "1",
            "1e-2147483648", "1e2147483648", "4.9e-324", "2.2250738585072014E-308");

    private static final List<String> STRINGS = List.of(
            "", " ", "x", "NaN", "Infinity", "-Infinity", "1e308", "12", "true", "null", "low", "high", "normal",
            "held", "constant", "trace", "host1", "\u0000", "\uD800", "é", "中文", "a/b~c", "../../../etc/passwd",
            "traces/web.csv", "traces", "/etc/passwd", "C:\\x", "traces/missing.csv", "traces/../traces/web.csv",
            "{0}", "'", "\"", "\\", "\n", "\u202E",
            "nat", "isolated", "routed", "bridged", "192.168.122.0/24", "192.168.122.1/24", "10.0.0.0/31", "virbr0",
            "br0", "..", "default", "pg-web", "dvs1", "cpu", "topology");

    /**
     * Valid pieces of other features, so that mutants reach the trace, QoS, policy, pinning, network, switch,
     * NIC and settings readers.
     */
    private static final List<String> FRAGMENTS = List.of(
            "{\"kind\": \"trace\", \"csv\": \"traces/web.csv\", \"loop\": true}",
            "{\"kind\": \"trace\", \"points\": [[0, 10], [500, 80], [1000, 0]], \"loop\": false}",
            "{\"kind\": \"trace\", \"points\": [[0, 10]], \"csv\": \"traces/web.csv\"}",
            "{\"kind\": \"bursty\", \"onPercent\": 90, \"offPercent\": 5, \"meanOnMillis\": 200,"
                    + " \"meanOffMillis\": 800}",
            "{\"kind\": \"periodic\", \"minPercent\": 10, \"maxPercent\": 90, \"periodMillis\": 20000}",
            "{\"kind\": \"ramp\", \"fromPercent\": 0, \"toPercent\": 100, \"durationMillis\": 5000}",
            "{\"kind\": \"idle\", \"percent\": 2}",
            "{\"shares\": \"high\", \"limitMhz\": 2000, \"reservationMhz\": 1000}",
            "{\"shares\": 2500, \"limitMhz\": null}",
            "{\"reservationMode\": \"held\", \"htFactor\": 1.3, \"quantumMillis\": 0.1}",
            "{\"all\": [0, 1]}", "[[0], [1]]", "[[0, 0]]", "{\"x\": -1e308, \"y\": 1e-320}",
            "{\"en\": \"A\", \"zh\": \"甲\"}",
            "{\"sockets\": 8, \"coresPerSocket\": 128, \"threadsPerCore\": 2, \"mhzPerCore\": 10000}",
            "[0, 10]", "[[0, 10], [0, 20]]", "[[5, 10]]", "[]", "{}",
            // networks, switches, NICs and the lesson settings
            "{\"id\": \"n9\", \"host\": \"host1\", \"mode\": \"nat\", \"subnet\": \"10.9.0.0/24\"}",
            "{\"id\": \"n8\", \"host\": \"host1\", \"mode\": \"bridged\", \"bridge\": \"br0\"}",
            "[{\"id\": \"n7\", \"host\": \"host1\", \"mode\": \"isolated\", \"subnet\": \"192.168.122.0/24\","
                    + " \"bridge\": \"virbr0\"}]",
            "{\"id\": \"sw9\", \"hosts\": [\"host1\"], \"portGroups\": [{\"id\": \"pg9\", \"vlan\": 4094}]}",
            "[{\"network\": \"default\"}, {\"portGroup\": \"pg-web\"}, {}]", "{\"network\": \"n9\"}",
            "{\"portGroup\": \"pg9\", \"network\": \"n9\"}",
            "{\"bandwidthMibPerSecond\": 1, \"downtimeLimitMillis\": 60000, \"maxRounds\": 1000}",
            "{\"tab\": \"network\", \"zoom\": 0.1}", "[{\"en\": \"Step\", \"zh\": \"步骤\"}]");

    private static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xBF, (byte) 0xBF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE4, (byte) 0xB8},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF});

    private static final List<byte[]> BOMS = List.of(
            new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, new byte[] {(byte) 0xEF, (byte) 0xBB});

    private static final List<String> ENCODINGS = List.of(
            "UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE", "ISO-8859-1", "windows-1252", "GB18030");

    private static final List<String> TOKENS = List.of(
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u12", "\\uD800", "\\x", "/*", "//", "'", "\u0000", " ", "\t",
            "\u00A0", "true", "nul", "-", "e", ".", "\"\":");

    private final SplittableRandom random;
    private final List<String> applied = new ArrayList<>();

    private ScenarioMutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A mutant of {@code original} (the file's bytes) and what was done to it. */
    record Mutant(byte[] bytes, List<String> changes) {
    }

    /** The mutant for {@code seed}: the same seed always gives the same bytes. */
    static Mutant mutate(byte[] original, long seed) {
        ScenarioMutator m = new ScenarioMutator(seed);
        byte[] bytes = m.mutate(original);
        return new Mutant(bytes, List.copyOf(m.applied));
    }

    private byte[] mutate(byte[] original) {
        int plan = random.nextInt(10);
        byte[] bytes = original;
        if (plan < 7) { // structural, possibly followed by textual
            JsonNode tree = parse(original);
            int count = 1 + random.nextInt(random.nextInt(8) == 0 ? 12 : 3);
            for (int i = 0; i < count; i++) {
                structural(tree);
            }
            bytes = write(tree);
        }
        if (plan >= 5) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                bytes = textual(bytes);
            }
        }
        return bytes;
    }

    // ---- the JSON tree ----

    /** Where a value sits: a field of an object or an element of an array. */
    private record Slot(ContainerNode<?> parent, String field, int index) {
        JsonNode get() {
            return parent instanceof ObjectNode o ? o.get(field) : ((ArrayNode) parent).get(index);
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        String name() {
            return field != null ? field : "[" + index + "]";
        }
    }

    private void structural(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, slots, objects);
        if (slots.isEmpty()) {
            ((ObjectNode) root).set("format", TextNode.valueOf("virtlab.scenario"));
            applied.add("put format");
            return;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                slot.remove();
                applied.add("delete " + slot.name());
            }
            case 2 -> {
                ObjectNode into = objects.get(random.nextInt(objects.size()));
                String name = slot.field != null ? slot.field : "x" + slot.index;
                into.set(name, slot.get().deepCopy());
                applied.add("copy " + slot.name() + " into another object");
            }
            case 3 -> {
                slot.set(anyValue());
                applied.add("retype " + slot.name());
            }
            case 4, 5 -> {
                slot.set(EXTREME_NUMBERS.get(random.nextInt(EXTREME_NUMBERS.size())));
                applied.add("extreme number at " + slot.name() + ": " + slot.get());
            }
            case 6 -> {
                slot.set(fragment());
                applied.add("splice a fragment at " + slot.name());
            }
            case 7 -> {
                // At most 12 × 80 deep: the writer refuses more than 1000 levels.
                int depth = 1 + random.nextInt(random.nextBoolean() ? 5 : 80);
                JsonNode value = slot.get();
                for (int i = 0; i < depth; i++) {
                    value = NODES.arrayNode().add(value);
                }
                slot.set(value);
                applied.add("wrap " + slot.name() + " in " + depth + " arrays");
            }
            default -> {
                int length = random.nextInt(50) == 0 ? 1_000_000 + random.nextInt(1_000_000)
                        : random.nextInt(5) == 0 ? 1 + random.nextInt(100_000) : 1 + random.nextInt(5000);
                String text = "ab中\u0000".repeat(length / 4 + 1).substring(0, length);
                if (random.nextBoolean() || slot.field == null) {
                    slot.set(TextNode.valueOf(text));
                    applied.add("long string (" + length + " chars) at " + slot.name());
                } else {
                    objects.get(random.nextInt(objects.size())).set(text.substring(0, Math.min(length, 60_000)),
                            IntNode.valueOf(1));
                    applied.add("long field name (" + Math.min(length, 60_000) + " chars)");
                }
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots, List<ObjectNode> objects) {
        if (node instanceof ObjectNode o) {
            objects.add(o);
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                slots.add(new Slot(o, e.getKey(), -1));
                collect(e.getValue(), slots, objects);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Slot(a, null, i));
                collect(a.get(i), slots, objects);
            }
        }
    }

    private JsonNode anyValue() {
        return switch (random.nextInt(7)) {
            case 0 -> TextNode.valueOf(STRINGS.get(random.nextInt(STRINGS.size())));
            case 1 -> EXTREME_NUMBERS.get(random.nextInt(EXTREME_NUMBERS.size()));
            case 2 -> BooleanNode.valueOf(random.nextBoolean());
            case 3 -> NullNode.getInstance();
            case 4 -> random.nextBoolean() ? NODES.arrayNode() : NODES.arrayNode().add(anyValue());
            case 5 -> random.nextBoolean() ? NODES.objectNode() : NODES.objectNode().set("en", anyValue());
            default -> fragment();
        };
    }

    private JsonNode fragment() {
        return parse(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("a shipped lesson or a fragment is not JSON", e);
        }
    }

    private static byte[] write(JsonNode tree) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new AssertionError("a mutated tree could not be written", e);
        }
    }

    // ---- the bytes ----

    private byte[] textual(byte[] in) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length + 1);
        switch (random.nextInt(13)) {
            case 0 -> {
                applied.add("truncate at " + at);
                return slice(in, 0, at);
            }
            case 1 -> {
                byte[] out = in.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips && out.length > 0; i++) {
                    int where = random.nextInt(out.length);
                    out[where] ^= (byte) (1 << random.nextInt(8));
                    applied.add("flip a bit at " + where);
                }
                return out;
            }
            case 2 -> {
                byte[] noise = new byte[1 + random.nextInt(8)];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (byte) random.nextInt(256);
                }
                applied.add("insert " + noise.length + " random bytes at " + at);
                return insert(in, at, noise);
            }
            case 3 -> {
                int length = Math.min(1 + random.nextInt(16), in.length - at);
                applied.add("delete " + length + " bytes at " + at);
                return concat(slice(in, 0, at), slice(in, at + length, in.length));
            }
            case 4 -> {
                applied.add("invalid UTF-8 at " + at);
                return insert(in, at, INVALID_UTF8.get(random.nextInt(INVALID_UTF8.size())));
            }
            case 5 -> {
                applied.add("byte order mark in front");
                return concat(BOMS.get(random.nextInt(BOMS.size())), in);
            }
            case 6 -> {
                String charset = ENCODINGS.get(random.nextInt(ENCODINGS.size()));
                applied.add("re-encoded as " + charset);
                return new String(in, StandardCharsets.UTF_8).getBytes(Charset.forName(charset));
            }
            case 7 -> {
                applied.add("NUL at " + at);
                return insert(in, at, new byte[] {0});
            }
            case 8 -> {
                String token = TOKENS.get(random.nextInt(TOKENS.size()));
                applied.add("insert " + show(token) + " at " + at);
                return insert(in, at, token.getBytes(StandardCharsets.UTF_8));
            }
            case 9 -> {
                int from = in.length == 0 ? 0 : random.nextInt(in.length);
                int length = Math.min(random.nextInt(200), in.length - from);
                applied.add("copy " + length + " bytes from " + from + " to " + at);
                return insert(in, at, slice(in, from, from + length));
            }
            case 10 -> {
                return number(in);
            }
            case 11 -> {
                int depth = List.of(10, 499, 500, 501, 1000, 5000, 100_000).get(random.nextInt(7));
                boolean balanced = random.nextBoolean();
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                String nest = open.repeat(depth) + "0" + (balanced ? close.repeat(depth) : "");
                applied.add("nest " + show(open) + " " + depth + " deep" + (balanced ? "" : ", unclosed")
                        + " at " + at);
                return insert(in, at, nest.getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                applied.add("whitespace and a BOM at " + at);
                return insert(in, at, "\uFEFF \r\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Replaces one number of the text with a literal JSON or a double cannot hold. */
    private byte[] number(byte[] in) {
        String text = new String(in, StandardCharsets.UTF_8);
        Matcher m = NUMBER_TOKEN.matcher(text);
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(new int[] {m.start(), m.end()});
        }
        if (found.isEmpty()) {
            applied.add("no number to replace");
            return in;
        }
        int[] range = found.get(random.nextInt(found.size()));
        String literal = NUMBER_LITERALS.get(random.nextInt(NUMBER_LITERALS.size()));
        applied.add("number " + text.substring(range[0], range[1]) + " at char " + range[0] + " -> "
                + show(literal));
        return (text.substring(0, range[0]) + literal + text.substring(range[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static String show(String s) {
        String cut = s.length() > 30 ? s.substring(0, 30) + "…(" + s.length() + " chars)" : s;
        return "\"" + cut.replace("\u0000", "\\0") + "\"";
    }

    private static byte[] slice(byte[] in, int from, int to) {
        return Arrays.copyOfRange(in, from, Math.max(from, to));
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        return concat(concat(slice(in, 0, at), what), slice(in, at, in.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
