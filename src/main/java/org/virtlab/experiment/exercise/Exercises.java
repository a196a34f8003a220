package org.virtlab.experiment.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The catalog of exercise kinds (three per topic, five for the network) and problem sets drawn from a seed:
 * question i of a set is of kind i mod k of the topic's k kinds, with its own seed drawn from the set's, so a set is
 * the same for the same seed.
 */
public final class Exercises {
    private static final List<ExerciseKind> ALL = all();

    private Exercises() {
    }

    private static List<ExerciseKind> all() {
        List<ExerciseKind> out = new ArrayList<>();
        out.addAll(CpuExercises.kinds());
        out.addAll(MemoryExercises.kinds());
        out.addAll(IoExercises.kinds());
        out.addAll(NetworkExercises.kinds());
        out.add(new PortForwardExercise());
        out.add(new VlanExercise());
        return List.copyOf(out);
    }

    public static List<ExerciseKind> kinds() {
        return ALL;
    }

    public static List<ExerciseKind> kinds(Topic topic) {
        return ALL.stream().filter(k -> k.topic() == topic).toList();
    }

    /** {@code count} exercises of {@code topic} from {@code seed}. */
    public static List<Exercise> problemSet(Topic topic, long seed, int count) {
        List<ExerciseKind> kinds = kinds(topic);
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Exercise> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long own = seeds.nextLong() & Long.MAX_VALUE;
            out.add(kinds.get(i % kinds.size()).generate(own));
        }
        return out;
    }

    /** One exercise of {@code topic}: the kind and its seed drawn from {@code seed}. */
    public static Exercise one(Topic topic, long seed) {
        List<ExerciseKind> kinds = kinds(topic);
        SplittableRandom r = new SplittableRandom(seed);
        ExerciseKind kind = kinds.get(r.nextInt(kinds.size()));
        return kind.generate(r.nextLong() & Long.MAX_VALUE);
    }
}
