package org.virtlab.scenario;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A scenario could not be read; {@link #problems()} lists everything found wrong, not just the first. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The problems formatted in the given language, one per line. */
    public String describe(Locale locale) {
        return problems.stream().map(p -> p.format(locale)).collect(Collectors.joining("\n"));
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(p -> p.format(Locale.ENGLISH)).collect(Collectors.joining("\n"));
    }
}
