package org.virtlab.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.virtlab.experiment.exercise.Exercise;
import org.virtlab.experiment.exercise.ExerciseText;
import org.virtlab.experiment.exercise.Exercises;
import org.virtlab.experiment.exercise.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code virtlab exercise --topic cpu|memory|io|network --seed S [--count N] [--answers] [--lang zh|en]}: a numbered
 * problem set for a printed handout, generated from the seed (the same seed prints the same set); with
 * {@code --answers} the engine's answers and worked steps follow the questions.
 */
@Command(name = "exercise", mixinStandardHelpOptions = true, sortOptions = false)
final class ExerciseCommand extends LocalizedCommand implements Callable<Integer> {
    static final int MAX_COUNT = 100;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", descriptionKey = "exercise.topic")
    String topic;

    @Option(names = "--seed", required = true, paramLabel = "S", descriptionKey = "exercise.seed")
    long seed;

    @Option(names = "--count", paramLabel = "N", defaultValue = "6", descriptionKey = "exercise.count")
    int count;

    @Option(names = "--answers", descriptionKey = "exercise.answers")
    boolean answers;

    @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "exercise.lang")
    String language;

    @Override
    public Integer call() {
        Optional<Topic> chosen = Topic.parse(topic);
        if (chosen.isEmpty()) {
            err().println(text("exercise.error.topic", topic));
            return VirtLabCommand.EXIT_INVALID;
        }
        if (count < 1 || count > MAX_COUNT) {
            err().println(text("exercise.error.count", count, MAX_COUNT));
            return VirtLabCommand.EXIT_INVALID;
        }
        if (language != null && !List.of("en", "zh").contains(language.strip().toLowerCase(Locale.ROOT))) {
            err().println(text("exercise.error.lang", language));
            return VirtLabCommand.EXIT_INVALID;
        }
        if (language != null) {
            useLocale(Locale.forLanguageTag(language.strip().toLowerCase(Locale.ROOT)));
        }
        ExerciseText texts = new ExerciseText(locale());
        List<Exercise> set = Exercises.problemSet(chosen.get(), seed, count);
        out().println(text("exercise.heading", text("exercise.topic." + chosen.get().id()), seed));
        for (int i = 0; i < set.size(); i++) {
            out().println();
            out().println((i + 1) + ". " + texts.question(set.get(i)));
        }
        if (answers) {
            out().println();
            out().println(text("exercise.answers.heading"));
            for (int i = 0; i < set.size(); i++) {
                Exercise e = set.get(i);
                out().println();
                out().println((i + 1) + ". " + texts.answer(e));
                List<String> steps = texts.worked(e);
                for (int s = 0; s < steps.size(); s++) {
                    out().println("   " + (char) ('a' + s % 26) + ") " + steps.get(s));
                }
            }
        }
        out().flush();
        return 0;
    }
}
