package org.virtlab.experiment.exercise;

/** One kind of question: it builds a fresh exercise from a seed, the same one for the same seed. */
public interface ExerciseKind {
    Topic topic();

    /** {@code cpu.split}, {@code memory.walk}, …: also the name of its texts in the bundle. */
    String id();

    Exercise generate(long seed);
}
