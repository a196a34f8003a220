package org.virtlab.experiment.exercise;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.text.Bundles;

/** What the generators share: the seeded draws, number formatting, the scenarios' titles. */
final class Gen {
    private final SplittableRandom random;

    Gen(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A whole number in [lo, hi]. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    long nextLong() {
        return random.nextLong();
    }

    boolean coin() {
        return random.nextBoolean();
    }

    /** MHz as GHz with up to two decimals: {@code 2.5}, {@code 16}. */
    static String ghz(double mhz) {
        return num(mhz / 1000, 2);
    }

    /** A number with at most {@code decimals} decimals, trailing zeros dropped. */
    static String num(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    /** Exactly {@code decimals} decimals: {@code 10.00}. */
    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static double round(double value, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }

    /** The title of a generated scenario: "Exercise cpu.split, seed 7". */
    static LocalizedText title(String kind, long seed) {
        return both("scenario.title", kind, Long.toString(seed));
    }

    /** What to watch in a generated scenario, from the exercise bundle's {@code key}. */
    static LocalizedText goal(String key) {
        return both(key);
    }

    /** A scenario text carries both languages, like a lesson file: the bundle's English and Chinese. */
    private static LocalizedText both(String key, Object... args) {
        return LocalizedText.of(format(Locale.ENGLISH, key, args), format(Locale.SIMPLIFIED_CHINESE, key, args));
    }

    private static String format(Locale locale, String key, Object... args) {
        String pattern = Bundles.load(ExerciseText.class, "exercise", locale).getString(key);
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    static final long TICK_MICROS = 1_000;
    static final long SECOND = Scenario.MICROS_PER_SECOND;
}
