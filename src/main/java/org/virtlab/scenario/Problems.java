package org.virtlab.scenario;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while reading one source, in the order they were found. */
final class Problems {
    private final String source;
    private final List<Problem> found = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void add(String pointer, String key, Object... args) {
        found.add(new Problem(source, pointer.isEmpty() ? "/" : pointer, key, List.of(args)));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int count() {
        return found.size();
    }

    ScenarioException exception() {
        return new ScenarioException(found);
    }

    /** A problem found outside any document (the file itself), as an exception. */
    static ScenarioException single(String source, String key, Object... args) {
        Problems problems = new Problems(source);
        problems.add("/", key, args);
        return problems.exception();
    }
}
