package org.virtlab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons shipped inside the module: {@code scenarios/*.json} in the repository, listed in menu order
 * by {@code scenarios/lessons.list} (one id per line; the first is the default lesson). Maven copies both
 * to {@code org/virtlab/scenario/lessons/}.
 */
public final class Lessons {
    private static final String FOLDER = "lessons/";
    private static final String LIST = FOLDER + "lessons.list";
    /** A lesson's trace files, {@code scenarios/traces/*.csv} in the repository, beside the lessons. */
    static final TraceFiles TRACE_FILES = path -> Lessons.class.getResourceAsStream(FOLDER + path);

    private Lessons() {
    }

    /** The lesson ids in menu order. */
    public static List<String> ids() {
        try (InputStream in = Lessons.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("the lesson list " + LIST + " is missing from the module");
            }
            List<String> ids = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
            return List.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lesson list " + LIST, e);
        }
    }

    /**
     * Every lesson, in menu order. The lessons ship with the program, so a broken one is a bug in the
     * build: it is thrown as an {@link IllegalStateException} carrying the problems.
     */
    public static List<Lesson> all() {
        return ids().stream().map(Lessons::loadShipped).toList();
    }

    /** The first lesson of the list, opened at start. */
    public static Lesson defaultLesson() {
        List<String> ids = ids();
        if (ids.isEmpty()) {
            throw new IllegalStateException("the lesson list " + LIST + " is empty");
        }
        return loadShipped(ids.get(0));
    }

    /**
     * One lesson by id.
     *
     * @throws IllegalArgumentException if no lesson has that id
     * @throws ScenarioException        if the lesson's file is not a valid scenario
     */
    public static Lesson load(String id) throws ScenarioException {
        List<String> ids = ids();
        if (!ids.contains(id)) {
            throw new IllegalArgumentException("no lesson \"" + id + "\"; lessons are: " + String.join(", ", ids));
        }
        String resource = FOLDER + id + ".json";
        try (InputStream in = Lessons.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw Problems.single(resource, "file.notFound");
            }
            return new Lesson(id, ScenarioReader.read(in, resource, TRACE_FILES));
        } catch (IOException e) {
            throw Problems.single(resource, "file.cannotRead", String.valueOf(e.getMessage()));
        }
    }

    private static Lesson loadShipped(String id) {
        try {
            return load(id);
        } catch (ScenarioException e) {
            throw new IllegalStateException("the built-in lesson \"" + id + "\" is broken:\n" + e.getMessage(), e);
        }
    }
}
