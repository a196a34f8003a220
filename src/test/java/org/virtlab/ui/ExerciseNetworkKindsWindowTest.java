package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.experiment.exercise.Answer;
import org.virtlab.experiment.exercise.Exercise;
import org.virtlab.experiment.exercise.ExerciseText;
import org.virtlab.experiment.exercise.Exercises;
import org.virtlab.experiment.exercise.Topic;
import org.virtlab.scenario.Lesson;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.exercise.ExerciseView;
import org.virtlab.ui.exercise.ExerciseViewModel;
import org.virtlab.ui.i18n.I18n;

/**
 * The Exercise window on the port forward and VLAN questions: a choice answered wrong then right, the worked
 * answer, a screenshot at projector size, and Run it opening the generated scenario in the main window.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExerciseNetworkKindsWindowTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void type(String text) {
        robot.interact(() -> robot.lookup("#exerciseAnswer").queryAs(TextField.class).setText(text));
    }

    /** The window's first seed whose first question is of {@code kind} (the view model's own draw). */
    private static long firstSeedFor(String kind) {
        for (long first = 1; ; first++) {
            long seed = new SplittableRandom(first).nextLong() & 0xFFFF_FFFFL;
            if (Exercises.one(Topic.NETWORK, seed).kind().equals(kind)) {
                return first;
            }
        }
    }

    private void answerAndRun(String lang, String lesson, String kind, String shot) throws Exception {
        Stage primary = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        WaitForAsyncUtils.waitForFxEvents();
        Lesson chosen = Lessons.load(lesson);
        robot.interact(() -> app.shell().openLessonForTest(chosen));
        WaitForAsyncUtils.waitForFxEvents();
        I18n i18n = new I18n(Locale.forLanguageTag(lang));
        AtomicReference<ExerciseViewModel> model = new AtomicReference<>();
        AtomicReference<Stage> window = new AtomicReference<>();
        long first = firstSeedFor(kind);
        robot.interact(() -> {
            ExerciseViewModel vm = new ExerciseViewModel(i18n, Topic.NETWORK, first,
                    s -> app.shell().viewModel().openLesson(new Lesson("exercise", s)));
            model.set(vm);
            window.set(new ExerciseView(vm, i18n).show(primary));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Exercise e = model.get().exerciseProperty().get();
        assertEquals(kind, e.kind());
        ExerciseText texts = new ExerciseText(i18n.locale());
        assertEquals(texts.question(e), text("#exerciseQuestion"));

        Answer.Choice c = (Answer.Choice) e.answer();
        type(c.choices().stream().filter(x -> !x.equals(c.value())).findFirst().orElseThrow());
        robot.clickOn("#exerciseCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(texts.verdict(e, Answer.Verdict.WRONG), text("#exerciseVerdict"));
        type(c.value());
        robot.clickOn("#exerciseCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(texts.verdict(e, Answer.Verdict.RIGHT), text("#exerciseVerdict"));
        robot.clickOn("#exerciseShowWorked");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#exerciseWorked").startsWith(texts.answer(e)), text("#exerciseWorked"));

        robot.interact(() -> {
            window.get().setWidth(1280);
            window.get().setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(robot, window.get().getScene(), shot);

        robot.clickOn("#exerciseRun");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() ->
                app.shell().viewModel().scenario().title().en().equals(e.scenario().title().en())));
    }

    @Test
    void portForwardQuestionInEnglish() throws Exception {
        answerAndRun("en", "net-nat-port-forward", "network.forward", "exercise-forward-en");
    }

    @Test
    void vlanQuestionInChinese() throws Exception {
        answerAndRun("zh", "net-dvs-vlans", "network.vlan", "exercise-vlan-zh");
    }
}
