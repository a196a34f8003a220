package org.virtlab.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems found while reading one source, in the order they were found: the first
 * {@link #MAX_LISTED}, then only how many more, so that a file with a million broken elements still gives a
 * short answer quickly. Problems are found by pointer; when the source has a text, each listed problem is
 * given the line and column of the value it is about (or of the field name, for a field that should not be
 * there) once reading is done.
 */
final class Problems {
    static final int MAX_LISTED = 100;

    private final String source;
    private final SourceText text;
    private final List<Found> found = new ArrayList<>();
    private int count;

    /** A problem as found: where (its pointer as built, {@code ""} for the whole document), what and with what. */
    private record Found(SourceText.Target target, String key, List<Object> args) {
    }

    /** Problems of a document parsed from {@code text}; {@code null} if it has none to place them in. */
    Problems(String source, SourceText text) {
        this.source = source;
        this.text = text;
    }

    /** A problem with the value at {@code pointer}. */
    void add(String pointer, String key, Object... args) {
        add(pointer, false, key, args);
    }

    /** A problem with the member at {@code pointer} being there at all: it is placed at the field's name. */
    void addAtName(String pointer, String key, Object... args) {
        add(pointer, true, key, args);
    }

    private void add(String pointer, boolean atName, String key, Object... args) {
        count++;
        if (found.size() < MAX_LISTED) {
            found.add(new Found(new SourceText.Target(pointer, atName), key, List.of(args)));
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** How many problems were found, listed or not. */
    int count() {
        return count;
    }

    /** The listed problems, each placed in the text if there is one, and one more saying how many were left out. */
    ScenarioException exception() {
        List<SourceText.Target> targets = new ArrayList<>(found.size());
        for (Found f : found) {
            targets.add(f.target());
        }
        List<SourceText.Position> places = text == null ? null : text.find(targets);
        List<Problem> listed = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            String pointer = f.target().pointer();
            listed.add(problem(source, places == null ? null : places.get(i), pointer.isEmpty() ? "/" : pointer,
                    f.key(), f.args()));
        }
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
        return new ScenarioException(List.of(problem(source, at, "/", key, List.of(args))));
    }

    private static Problem problem(String source, SourceText.Position at, String pointer, String key,
                                   List<Object> args) {
        return at == null ? new Problem(source, pointer, key, args)
                : new Problem(source, at.line(), at.column(), pointer, key, args);
    }
}
