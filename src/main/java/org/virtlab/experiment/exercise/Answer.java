package org.virtlab.experiment.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.virtlab.text.Bundles;

/**
 * What the engine says the answer is, and how a typed answer is checked against it.
 */
public sealed interface Answer {

    /** The outcome of checking a typed answer. */
    enum Verdict { RIGHT, WRONG, INVALID }

    Verdict check(String typed);

    /**
     * One or more numbers, in the order the question names them, each right within {@code tolerance}.
     *
     * @param decimals how many decimals the stated answer shows
     */
    record Numbers(List<Double> values, double tolerance, int decimals, String unit) implements Answer {
        public Numbers {
            values = List.copyOf(values);
        }

        @Override
        public Verdict check(String typed) {
            Optional<List<Double>> parsed = parse(typed);
            if (parsed.isEmpty() || parsed.get().size() != values.size()) {
                return Verdict.INVALID;
            }
            for (int i = 0; i < values.size(); i++) {
                if (!(Math.abs(parsed.get().get(i) - values.get(i)) <= tolerance + 1e-9)) {
                    return Verdict.WRONG;
                }
            }
            return Verdict.RIGHT;
        }

        /** Numbers separated by commas, semicolons or spaces (ASCII or full-width); empty if any is not a number. */
        public static Optional<List<Double>> parse(String typed) {
            if (typed == null || typed.isBlank()) {
                return Optional.empty();
            }
            List<Double> out = new ArrayList<>();
            for (String part : typed.strip().split("[\\s,;，；、]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                try {
                    double v = Double.parseDouble(part);
                    if (!Double.isFinite(v)) {
                        return Optional.empty();
                    }
                    out.add(v);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        }

        /** The values as the answer states them: {@code 4.00, 8.00}. */
        public String formatted() {
            List<String> parts = new ArrayList<>();
            for (double v : values) {
                parts.add(String.format(Locale.ROOT, "%." + decimals + "f", v));
            }
            return String.join(", ", parts);
        }
    }

    /** Yes or no. */
    record YesNo(boolean value) implements Answer {
        @Override
        public Verdict check(String typed) {
            Optional<Boolean> parsed = parse(typed);
            if (parsed.isEmpty()) {
                return Verdict.INVALID;
            }
            return parsed.get() == value ? Verdict.RIGHT : Verdict.WRONG;
        }

        /**
         * Yes or no, in either language whatever the window's: the words the exercise bundles list as
         * {@code answer.yes} and {@code answer.no} (yes, y, true …; no, n, false …; and their Chinese).
         */
        public static Optional<Boolean> parse(String typed) {
            String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
            if (words("answer.yes").contains(t)) {
                return Optional.of(true);
            }
            if (words("answer.no").contains(t)) {
                return Optional.of(false);
            }
            return Optional.empty();
        }
    }

    /**
     * One of a fixed set of words (a device name, an address): compared without case or surrounding space.
     *
     * @param choices what may be typed; the question lists them
     */
    record Choice(String value, List<String> choices) implements Answer {
        public Choice {
            choices = List.copyOf(choices);
        }

        @Override
        public Verdict check(String typed) {
            String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
            boolean known = choices.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(t));
            if (!known) {
                return Verdict.INVALID;
            }
            return value.toLowerCase(Locale.ROOT).equals(t) ? Verdict.RIGHT : Verdict.WRONG;
        }
    }

    /** The comma-separated words of {@code key} in the English and the Chinese exercise bundle. */
    private static List<String> words(String key) {
        List<String> out = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            for (String w : Bundles.load(ExerciseText.class, "exercise", locale).getString(key).split(",")) {
                out.add(w.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
