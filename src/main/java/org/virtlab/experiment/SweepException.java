package org.virtlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.virtlab.scenario.Problem;

/**
 * Why a sweep cannot run: a {@link Kind} and its arguments, for the command line and the window to say in their
 * own language (their bundles hold {@code sweep.error.<kind>}); for a value the scenario's checks refuse, also the
 * checker's {@link Problem}, whose message names the allowed range.
 */
public final class SweepException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong, with the arguments each message takes. */
    public enum Kind {
        /** {0} the pointer: not a JSON pointer (RFC 6901 starts with "/"). */
        POINTER_SYNTAX,
        /** {0} the pointer, {1} the deepest part that exists, {2} what is there (fields or the index range). */
        PARAM_UNKNOWN,
        /** {0} the pointer, {1} the value found there. */
        PARAM_NOT_NUMERIC,
        /** {0} the pointer, {1} the value, {2} where the checker found the problem, {3} its message. */
        VALUE_INVALID,
        /** {0} the metric, {1} the deepest part that exists, {2} what is there. */
        METRIC_UNKNOWN,
        /** {0} the metric, {1} the value found there. */
        METRIC_NOT_NUMERIC,
        /** No values at all. */
        VALUES_EMPTY,
        /** {0} the text that is not a number. */
        VALUE_NOT_NUMBER,
        /** {0} the range as given: not from:to:step. */
        RANGE_SYNTAX,
        /** {0} from, {1} to: from is above to. */
        RANGE_BACKWARDS,
        /** {0} the step: not above 0. */
        RANGE_STEP,
        /** {0} how many values, {1} the most a sweep takes. */
        TOO_MANY_VALUES;

        /** The message key's last part, e.g. {@code paramUnknown}. */
        public String key() {
            String[] words = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder out = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return out.toString();
        }
    }

    private final Kind kind;
    private final List<Object> args;
    private final transient Problem problem;

    public SweepException(Kind kind, Object... args) {
        this(kind, null, args);
    }

    SweepException(Kind kind, Problem problem, Object... args) {
        super(kind + " " + List.of(args));
        this.kind = kind;
        this.args = List.of(args);
        this.problem = problem;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The message's arguments, as text; for {@link Kind#VALUE_INVALID} the checker's pointer and message (in
     * {@code locale}) follow the pointer and value.
     */
    public List<String> args(Locale locale) {
        List<String> out = new ArrayList<>();
        for (Object a : args) {
            out.add(String.valueOf(a));
        }
        if (problem != null) {
            out.add(problem.pointer());
            out.add(problem.message(locale));
        }
        return out;
    }
}
