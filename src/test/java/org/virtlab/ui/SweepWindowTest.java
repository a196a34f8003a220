package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sweep.SweepView;

/** Simulation › Sweep… in the real window: it runs and plots; Cancel stops it and the window stays responsive. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SweepWindowTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    private void open(String lang) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        WaitForAsyncUtils.waitForFxEvents();
        var lesson = Lessons.load("cpu-shares");
        robot.interact(() -> app.shell().openLessonForTest(lesson));
        robot.interact(() -> app.shell().viewModel().selection().select("vm2"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private Stage sweepStage() {
        return (Stage) robot.lookup("#sweepRoot").query().getScene().getWindow();
    }

    private void openSweep(String simulation, String sweep) throws Exception {
        robot.clickOn(simulation).clickOn(sweep);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#sweepRoot").tryQuery().isPresent()));
    }

    private void type(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    @Test
    void sweepOfVm2sSharesRunsAndPlotsThenScreenshots() throws Exception {
        for (String lang : new String[] {"en", "zh"}) {
            open(lang);
            I18n i18n = new I18n(Locale.forLanguageTag(lang));
            openSweep(i18n.get("menu.sim"), i18n.get("menu.sim.sweep"));
            type("#sweepFrom", "1000");
            type("#sweepTo", "6000");
            type("#sweepStep", "1000");
            type("#sweepSeconds", "2");
            robot.clickOn("#sweepRun");
            // six values 1000…6000 (computed by hand: (6000 − 1000) / 1000 + 1)
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, FxConditions.onFx(() ->
                    robot.lookup("#sweepStatus").queryLabeled().getText().equals(i18n.format("sweep.status.done", 6))));
            assertTrue(robot.lookup("#sweepSavePng").queryButton().isDisabled() == false);
            Stage stage = sweepStage();
            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(720);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.write(robot, stage.getScene(), lang.equals("en") ? "sweep" : "sweep-zh");
            close();
        }
    }

    @Test
    void cancelStopsTheSweepAndTheWindowStaysResponsive() throws Exception {
        open("en");
        openSweep("Simulation", "Sweep…");
        type("#sweepFrom", "1000");
        type("#sweepTo", "4000");
        type("#sweepStep", "1000");
        type("#sweepSeconds", "86400"); // a simulated day per run: minutes of work, never done within the test
        robot.clickOn("#sweepRun");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, FxConditions.onFx(() ->
                robot.lookup("#sweepProgress").queryAs(javafx.scene.control.ProgressBar.class).getProgress() > 0));
        robot.clickOn("#sweepCancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() ->
                robot.lookup("#sweepStatus").queryLabeled().getText().equals("Cancelled")));
        assertTrue(robot.lookup("#sweepRun").queryButton().isDisabled() == false, "can run again");

        // the main window still answers: its File menu opens
        Window main = app.shell().root().getScene().getWindow();
        robot.interact(() -> ((Stage) main).toFront());
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Menu file = bar.getMenus().get(0);
        robot.clickOn("File");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(file::isShowing));
        robot.interact(file::hide);
        assertEquals("Cancelled", robot.lookup("#sweepStatus").queryLabeled().getText());
    }
}
