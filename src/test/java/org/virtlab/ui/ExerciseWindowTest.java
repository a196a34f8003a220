package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;

/**
 * Help › Exercise… in the real window: a question on the lesson's topic, text that is not an answer refused where
 * typed, a wrong answer then the right one, the worked answer, and Run it opening the question's scenario.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExerciseWindowTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    private void open(String lang, String lesson) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        WaitForAsyncUtils.waitForFxEvents();
        var chosen = Lessons.load(lesson);
        robot.interact(() -> app.shell().openLessonForTest(chosen));
        WaitForAsyncUtils.waitForFxEvents();
    }

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

    /** What to type for the engine's answer, and something wrong but well-formed. */
    private static List<String> rightAndWrong(Answer a) {
        if (a instanceof Answer.Numbers n) {
            List<Double> wrong = n.values().stream().map(v -> v + 1 + n.tolerance()).toList();
            return List.of(n.formatted(), new Answer.Numbers(wrong, 0, n.decimals(), n.unit()).formatted());
        }
        if (a instanceof Answer.YesNo y) {
            return List.of(y.value() ? "yes" : "no", y.value() ? "no" : "yes");
        }
        Answer.Choice c = (Answer.Choice) a;
        return List.of(c.value(), c.choices().stream().filter(x -> !x.equals(c.value())).findFirst().orElseThrow());
    }

    private void answerWrongThenRight(String lang, String lesson, Topic expectedTopic, String shot) throws Exception {
        open(lang, lesson);
        I18n i18n = new I18n(Locale.forLanguageTag(lang));
        robot.clickOn(i18n.get("menu.help")).clickOn(i18n.get("menu.help.exercise"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#exerciseRoot").tryQuery().isPresent()));
        String seedText = text("#exerciseSeed");
        long seed = Long.parseLong(seedText.substring(seedText.lastIndexOf(' ') + 1));
        // the window's question is the one the catalog gives for its seed, on the lesson's topic
        Exercise expected = Exercises.one(expectedTopic, seed);
        ExerciseText texts = new ExerciseText(i18n.locale());
        assertEquals(texts.question(expected), text("#exerciseQuestion"));

        type("twelve");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#exerciseAnswerError").queryAs(Label.class).isVisible(), "refused where typed");
        assertTrue(text("#exerciseAnswerError").contains(texts.hintText(expected)), text("#exerciseAnswerError"));
        assertTrue(robot.lookup("#exerciseCheck").queryButton().isDisabled());

        List<String> answers = rightAndWrong(expected.answer());
        type(answers.get(1));
        robot.clickOn("#exerciseCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(texts.verdict(expected, Answer.Verdict.WRONG), text("#exerciseVerdict"));
        type(answers.get(0));
        robot.clickOn("#exerciseCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(texts.verdict(expected, Answer.Verdict.RIGHT), text("#exerciseVerdict"));

        robot.clickOn("#exerciseShowWorked");
        WaitForAsyncUtils.waitForFxEvents();
        String worked = text("#exerciseWorked");
        assertTrue(worked.startsWith(texts.answer(expected)), worked);
        assertTrue(worked.contains(texts.worked(expected).get(0)), worked);

        Stage stage = (Stage) robot.lookup("#exerciseRoot").query().getScene().getWindow();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(robot, stage.getScene(), shot);

        if (expected.runnable().isPresent()) {
            robot.clickOn("#exerciseRun");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() ->
                    app.shell().viewModel().scenario().title().en().equals(expected.scenario().title().en())));
        } else {
            assertTrue(robot.lookup("#exerciseRun").queryButton().isDisabled(), "nothing to run");
        }
    }

    @Test
    void cpuQuestionInEnglishWrongThenRightWorkedAndRun() throws Exception {
        answerWrongThenRight("en", "cpu-shares", Topic.CPU, "exercise-en");
    }

    @Test
    void networkQuestionInChinese() throws Exception {
        answerWrongThenRight("zh", "net-routed-return-route", Topic.NETWORK, "exercise-zh");
    }

    @Test
    void newQuestionChangesTheSeedAndClearsTheAnswer() throws Exception {
        open("en", "cpu-shares");
        robot.clickOn("Help").clickOn("Exercise…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#exerciseRoot").tryQuery().isPresent()));
        String before = text("#exerciseSeed");
        type("1");
        robot.clickOn("#exerciseNew");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(before.equals(text("#exerciseSeed")));
        assertEquals("", robot.lookup("#exerciseAnswer").queryAs(TextField.class).getText());
    }
}
