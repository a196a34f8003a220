package org.virtlab.ui.exercise;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.ViewState;
import org.virtlab.experiment.exercise.Answer;
import org.virtlab.experiment.exercise.Exercise;
import org.virtlab.experiment.exercise.ExerciseText;
import org.virtlab.experiment.exercise.Exercises;
import org.virtlab.experiment.exercise.Topic;
import org.virtlab.ui.i18n.I18n;

/**
 * The Exercise window's state: the topic, the current question and its seed, the typed answer checked as it is
 * typed (text that is not an answer is refused with what may be typed), the verdict after Check, the worked
 * answer once asked for, and Run it, which hands the generated scenario to the main window.
 */
public final class ExerciseViewModel {
    private final ExerciseText texts;
    private final I18n i18n;
    private final SplittableRandom seeds;
    private final Consumer<Scenario> runIt;

    private final ObjectProperty<Topic> topic = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Exercise> exercise = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final StringProperty answer = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper answerError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper right = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper worked = new ReadOnlyStringWrapper("");
    private final BooleanBinding canCheck;

    /**
     * @param initial   the topic to start on (the current lesson's)
     * @param firstSeed where the seeds of "New question" start
     * @param runIt     opens a scenario in the main window
     */
    public ExerciseViewModel(I18n i18n, Topic initial, long firstSeed, Consumer<Scenario> runIt) {
        this.i18n = i18n;
        this.texts = new ExerciseText(i18n.locale());
        this.seeds = new SplittableRandom(firstSeed);
        this.runIt = runIt;
        topic.set(initial);
        answer.addListener((o, was, now) -> validate());
        topic.addListener((o, was, now) -> newQuestion());
        canCheck = Bindings.createBooleanBinding(() -> !answer.get().isBlank() && answerError.get().isEmpty(),
                answer, answerError);
        newQuestion();
    }

    /** The topic for the current lesson's open tab: the CPU tab's lesson gets CPU questions, and so on. */
    public static Topic topicOf(Scenario scenario) {
        return topicOf(scenario.view().tab(), scenario);
    }

    /**
     * The topic for the tab the window shows ({@code shownTab}); on the topology tab, the one the lesson was saved
     * on; CPU when that too is the topology.
     */
    public static Topic topicOf(String shownTab, Scenario scenario) {
        String tab = ViewState.TABS.contains(shownTab) && !shownTab.equals("topology") ? shownTab
                : scenario.view().tab();
        return switch (tab) {
            case "memory" -> Topic.MEMORY;
            case "io" -> Topic.IO;
            case "network" -> Topic.NETWORK;
            default -> Topic.CPU;
        };
    }

    public List<Topic> topics() {
        return List.of(Topic.values());
    }

    public String topicName(Topic t) {
        return i18n.get("exercise.topic." + t.id());
    }

    /** A fresh question of the topic from the next seed. */
    public void newQuestion() {
        long next = seeds.nextLong() & 0xFFFF_FFFFL; // short enough to read out to a class
        showQuestion(next);
    }

    /** The question of {@code chosenSeed} (the same as {@code virtlab exercise} gives for it). */
    public void showQuestion(long chosenSeed) {
        Exercise e = Exercises.one(topic.get(), chosenSeed);
        seed.set(chosenSeed);
        exercise.set(e);
        question.set(texts.question(e));
        hint.set(texts.hintText(e));
        answer.set("");
        answerError.set("");
        verdict.set("");
        right.set(false);
        worked.set("");
    }

    private void validate() {
        Exercise e = exercise.get();
        String typed = answer.get();
        verdict.set("");
        if (e == null || typed.isBlank() || e.answer().check(typed) != Answer.Verdict.INVALID) {
            answerError.set("");
        } else {
            answerError.set(i18n.format("exercise.invalid", typed.strip(), texts.hintText(e)));
        }
    }

    /** Judges the typed answer: right, or wrong with the tolerance for numbers. */
    public void check() {
        Answer.Verdict v = exercise.get().answer().check(answer.get());
        if (v == Answer.Verdict.INVALID) {
            validate();
            return;
        }
        right.set(v == Answer.Verdict.RIGHT);
        verdict.set(texts.verdict(exercise.get(), v));
    }

    /** The engine's answer and the worked steps. */
    public void showWorked() {
        Exercise e = exercise.get();
        StringBuilder b = new StringBuilder(texts.answer(e));
        List<String> steps = texts.worked(e);
        for (int i = 0; i < steps.size(); i++) {
            b.append("\n").append(i + 1).append(". ").append(steps.get(i));
        }
        worked.set(b.toString());
    }

    /** Whether the question has a scenario to run. */
    public boolean canRun() {
        return exercise.get() != null && exercise.get().runnable().isPresent();
    }

    /** Opens the question's scenario in the main window, on the topic's tab. */
    public void runIt() {
        exercise.get().runnable().ifPresent(s -> runIt.accept(s.withView(new ViewState(tab(topic.get()), 1.0))));
    }

    private static String tab(Topic t) {
        return switch (t) {
            case CPU -> "cpu";
            case MEMORY -> "memory";
            case IO -> "io";
            case NETWORK -> "network";
        };
    }

    public ObjectProperty<Topic> topicProperty() {
        return topic;
    }

    public ReadOnlyObjectProperty<Exercise> exerciseProperty() {
        return exercise.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty seedProperty() {
        return seed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public StringProperty answerProperty() {
        return answer;
    }

    public ReadOnlyStringProperty answerErrorProperty() {
        return answerError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rightProperty() {
        return right.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workedProperty() {
        return worked.getReadOnlyProperty();
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }
}
