package org.virtlab.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing wrong with a scenario file: where it is (the file and a JSON pointer, RFC 6901, with
 * {@code "/"} for the whole document) and what is wrong, as a message key and its arguments so that the
 * CLI and the UI can show it in the user's language.
 *
 * @param source  the file or name the scenario was read from
 * @param pointer where in the document, e.g. {@code /vms/2/workload/percent}
 * @param key     the message key in {@code org/virtlab/scenario/messages.properties}
 * @param args    the message arguments (strings and numbers)
 */
public record Problem(String source, String pointer, String key, List<Object> args) {

    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** What is wrong, in the given language. */
    public String message(Locale locale) {
        return Messages.format(key, args, locale);
    }

    /**
     * {@code SOURCE: /json/pointer: message} on one line. The pointer is shown shortened and escaped (a field
     * name in it may be long or hold control characters); {@link #pointer()} keeps it exact.
     */
    public String format(Locale locale) {
        String line = source + ": " + Json.showPointer(pointer) + ": " + message(locale);
        return line.replaceAll("[\\r\\n]+", " ");
    }
}
