package org.virtlab.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text a scenario document was parsed from, to tell where things are in it: the line and column an
 * editor shows, from 1, with columns counted in characters. (The parser counts the bytes of UTF-8, so after
 * Chinese text, three bytes a character, its columns run ahead of the editor's.)
 *
 * <p>Problems are found in the parsed tree, which has no places; {@link #find} looks their pointers up in
 * one more pass over the text, reading tokens without building values and skipping every array and object
 * that holds none of them. Only a document with problems pays for it, and reading one with none costs
 * nothing more.
 */
final class SourceText {

    /** A line and a column, both from 1, as an editor counts them. */
    record Position(int line, int column) {
    }

    /**
     * What to find: the value at a JSON pointer ({@code ""} for the whole document) or, with {@code name},
     * the field name of the member it is (a field that should not be there is found by its name).
     */
    record Target(String pointer, boolean name) {
    }

    private final byte[] bytes;
    private final int start;
    private final int length;
    private final JsonFactory factory;
    /** Where the last column was counted, to go on from there: positions come in order along a line. */
    private long countedLineStart = -1;
    private long countedTo;
    private int countedColumn;

    /** The text is {@code length} bytes of {@code bytes} from {@code start}, as given to the parser. */
    SourceText(byte[] bytes, int start, int length, JsonFactory factory) {
        this.bytes = bytes;
        this.start = start;
        this.length = length;
        this.factory = factory;
    }

    /** Where a location of the parser is, in characters; {@code null} if it has no line. */
    Position position(JsonLocation where) {
        if (where == null || where.getLineNr() <= 0 || where.getColumnNr() <= 0) {
            return null;
        }
        return new Position(where.getLineNr(), column(where.getByteOffset(), where.getColumnNr()));
    }

    /**
     * Where the field name starts that a "duplicate field" error of the parser stopped just after: the second
     * occurrence, at its opening quote. {@link #position} if the text before is not such a name.
     */
    Position nameEndingAt(JsonLocation where) {
        Position after = position(where);
        long end = where == null ? -1 : where.getByteOffset();
        if (after == null || end < 2 || end > length || at(end - 1) != '"') {
            return after;
        }
        long lineStart = end - (where.getColumnNr() - 1);
        // A name is on one line: JSON strings hold no raw line breaks.
        for (long i = end - 2; i >= Math.max(lineStart, 0); i--) {
            if (at(i) == '"' && !escaped(i, lineStart)) {
                return new Position(after.line(), column(i, (int) (i - lineStart) + 1));
            }
        }
        return after;
    }

    private byte at(long offset) {
        return bytes[start + (int) offset];
    }

    /** Whether the quote at {@code offset} follows an odd number of backslashes. */
    private boolean escaped(long offset, long lineStart) {
        int backslashes = 0;
        for (long i = offset - 1; i >= lineStart && at(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /**
     * The column in characters of a place the parser gives as a byte offset and a column in bytes. A column
     * counted in characters already (the parser read UTF-16 or UTF-32 through a reader: no byte offset) is
     * kept.
     */
    private int column(long offset, int byteColumn) {
        long lineStart = offset - (byteColumn - 1);
        if (offset < 0 || lineStart < 0 || offset > length) {
            return byteColumn;
        }
        long from = lineStart;
        int column = 1;
        if (lineStart == countedLineStart && offset >= countedTo) {
            from = countedTo;
            column = countedColumn;
        }
        for (long i = from; i < offset; i++) {
            if ((at(i) & 0xC0) != 0x80) { // each character begins with a byte that is no UTF-8 continuation
                column++;
            }
        }
        countedLineStart = lineStart;
        countedTo = offset;
        countedColumn = column;
        return column;
    }

    /**
     * Where each target is, in the order given: {@code null} for a target not found (a pointer into nothing).
     * Never throws: the text parsed once already, and if it should not parse again, what was found so far is
     * returned.
     */
    List<Position> find(List<Target> targets) {
        Node root = new Node();
        List<Node> nodes = new ArrayList<>(targets.size());
        int wanted = 0;
        for (Target target : targets) {
            Node node = root.find(target.pointer());
            nodes.add(node);
            if (node == null) {
                continue;
            }
            if (target.name() && !node.wantName) {
                node.wantName = true;
                wanted++;
            } else if (!target.name() && !node.wantValue) {
                node.wantValue = true;
                wanted++;
            }
        }
        if (wanted > 0) {
            try (JsonParser parser = factory.createParser(bytes, start, length)) {
                JsonToken first = parser.nextToken();
                if (first != null) {
                    new Scan(parser, wanted).visit(root, first);
                }
            } catch (IOException | RuntimeException e) {
                // keep what was found
            }
        }
        List<Position> found = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            Node node = nodes.get(i);
            found.add(node == null ? null : targets.get(i).name() ? node.name : node.value);
        }
        return found;
    }

    /** The reference tokens of a pointer, unescaped; {@code null} if it is not a pointer. */
    static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (!pointer.startsWith("/")) {
            return null;
        }
        String[] parts = pointer.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            tokens.add(parts[i].replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /** The targets as a tree of reference tokens, with what was found at each. */
    private static final class Node {
        final Map<String, Node> members = new HashMap<>();
        /** The members whose token is an array index, by index; made when first needed. */
        Map<Integer, Node> elements;
        boolean wantValue;
        boolean wantName;
        Position value;
        Position name;

        /** The node of a pointer, made with the nodes on the way if need be; {@code null} if it is no pointer. */
        Node find(String pointer) {
            List<String> tokens = tokens(pointer);
            if (tokens == null) {
                return null;
            }
            Node node = this;
            for (String token : tokens) {
                node = node.members.computeIfAbsent(token, t -> new Node());
            }
            return node;
        }

        Map<Integer, Node> elements() {
            if (elements == null) {
                elements = new HashMap<>();
                for (Map.Entry<String, Node> member : members.entrySet()) {
                    int index = index(member.getKey());
                    if (index >= 0) {
                        elements.put(index, member.getValue());
                    }
                }
            }
            return elements;
        }

        /** The array index a reference token spells ({@code 0}, {@code 1}, ... without leading zeros), else -1. */
        private static int index(String token) {
            if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
                return -1;
            }
            int index = 0;
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                index = index * 10 + (c - '0');
            }
            return index;
        }
    }

    /** One pass over the text, stopping once every target is found. */
    private final class Scan {
        private final JsonParser parser;
        private int wanted;

        Scan(JsonParser parser, int wanted) {
            this.parser = parser;
            this.wanted = wanted;
        }

        /** Visits the value whose first token is current; false once everything is found. */
        boolean visit(Node node, JsonToken token) throws IOException {
            if (node.wantValue && node.value == null) {
                node.value = position(parser.currentTokenLocation());
                if (--wanted == 0) {
                    return false;
                }
            }
            if (node.members.isEmpty() || !token.isStructStart()) {
                parser.skipChildren();
                return true;
            }
            if (token == JsonToken.START_OBJECT) {
                for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                    Node member = node.members.get(parser.currentName());
                    if (member != null && member.wantName && member.name == null) {
                        member.name = position(parser.currentTokenLocation());
                        if (--wanted == 0) {
                            return false;
                        }
                    }
                    JsonToken value = parser.nextToken();
                    if (member == null) {
                        parser.skipChildren();
                    } else if (!visit(member, value)) {
                        return false;
                    }
                }
            } else {
                Map<Integer, Node> elements = node.elements();
                int index = 0;
                for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    Node element = elements.get(index++);
                    if (element == null) {
                        parser.skipChildren();
                    } else if (!visit(element, t)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
