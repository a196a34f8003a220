package org.virtlab.experiment.exercise;

import java.util.List;

/**
 * A sentence as data: the key of a message in the exercise bundle and its arguments, rendered in either
 * language by {@link ExerciseText}. An argument is a plain value (numbers already formatted), another
 * {@code Line}, or a {@code List<Line>} (joined with the language's list separator).
 */
public record Line(String key, List<Object> args) {
    public Line {
        args = List.copyOf(args);
    }

    public static Line of(String key, Object... args) {
        return new Line(key, List.of(args));
    }
}
