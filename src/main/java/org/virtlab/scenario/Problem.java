package org.virtlab.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing wrong with a scenario file: where it is (the file, the line and column in its text, and a JSON
 * pointer, RFC 6901, with {@code "/"} for the whole document) and what is wrong, as a message key and its
 * arguments so that the CLI and the UI can show it in the user's language.
 *
 * @param source  the file or name the scenario was read from
 * @param line    the line of the file's text the problem is at, from 1; 0 when it has no place in a text
 *                (a file that cannot be read, say)
 * @param column  the column on that line, from 1, in characters as an editor counts them; 0 with line 0
 * @param pointer where in the document, e.g. {@code /vms/2/workload/percent}
 * @param key     the message key in {@code org/virtlab/scenario/messages.properties}
 * @param args    the message arguments (strings and numbers)
 */
public record Problem(String source, int line, int column, String pointer, String key, List<Object> args) {

    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(key, "key");
        if (line < 0 || column < 0 || (line == 0) != (column == 0)) {
            throw new IllegalArgumentException("line " + line + ", column " + column
                    + ": both from 1, or both 0 for no place in a text");
        }
        args = List.copyOf(args);
    }

    /** A problem with no place in a text. */
    public Problem(String source, String pointer, String key, List<Object> args) {
        this(source, 0, 0, pointer, key, args);
    }

    /** Whether the problem has a line and column. */
    public boolean located() {
        return line > 0;
    }

    /** What is wrong, in the given language. */
    public String message(Locale locale) {
        return Messages.format(key, args, locale);
    }

    /**
     * {@code SOURCE: /json/pointer: line LINE, column COLUMN: message} on one line (the place in the user's
     * language); {@code SOURCE: /json/pointer: message} when the problem has no place in a text. The pointer
     * is shown shortened and escaped (a field name in it may be long or hold control characters);
     * {@link #pointer()} keeps it exact.
     */
    public String format(Locale locale) {
        String place = located() ? Messages.format("problem.place", List.of(line, column), locale) + ": " : "";
        String text = source + ": " + Json.showPointer(pointer) + ": " + place + message(locale);
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
