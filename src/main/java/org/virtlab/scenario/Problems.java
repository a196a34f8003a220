package org.virtlab.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems found while reading one source, in the order they were found: the first
 * {@link #MAX_LISTED}, then only how many more, so that a file with a million broken elements still gives a
 * short answer quickly.
 */
final class Problems {
    static final int MAX_LISTED = 100;

    private final String source;
    private final List<Problem> found = new ArrayList<>();
    private int count;

    Problems(String source) {
        this.source = source;
    }

    void add(String pointer, String key, Object... args) {
        count++;
        if (found.size() < MAX_LISTED) {
            found.add(new Problem(source, pointer.isEmpty() ? "/" : pointer, key, List.of(args)));
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** How many problems were found, listed or not. */
    int count() {
        return count;
    }

    /** The listed problems, and one more saying how many were left out. */
    ScenarioException exception() {
        List<Problem> listed = new ArrayList<>(found);
        if (count > found.size()) {
            listed.add(new Problem(source, "/", "problems.more", List.of(count - found.size())));
        }
        return new ScenarioException(listed);
    }

    /** A problem found outside any document (the file itself), as an exception. */
    static ScenarioException single(String source, String key, Object... args) {
        return single(source, null, key, args);
    }

    /** A problem with the document as a whole found at {@code at} in its text ({@code null}: nowhere). */
    static ScenarioException single(String source, SourceText.Position at, String key, Object... args) {
        List<Object> listed = List.of(args);
        return new ScenarioException(List.of(at == null ? new Problem(source, "/", key, listed)
                : new Problem(source, at.line(), at.column(), "/", key, listed)));
    }
}
