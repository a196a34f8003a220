package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.sim.SimulationRunner;

/** The real window, headless under Monocle: it opens alive on the default lesson and obeys the transport buttons. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShellWindowTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;
    private Stage stage;

    @BeforeEach
    void openWindow() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void opensOnTheDefaultLessonWithItsVmsShown() {
        String title = Lessons.defaultLesson().scenario().title().en();
        assertTrue(stage.getTitle().startsWith(title), "window title: " + stage.getTitle());
        for (var vm : Lessons.defaultLesson().scenario().vms()) {
            Node card = robot.lookup("#vm-" + vm.id()).query();
            assertTrue(card.isVisible(), "card of " + vm.id());
        }
    }

    @Test
    void playAdvancesSimulatedTimeAndPauseStopsIt() throws Exception {
        SimulationRunner runner = app.runner();
        // The window starts playing on its own: time moves without any click.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state().snapshot().nowMicros() > 50_000);

        robot.clickOn("#playButton"); // pause
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !runner.state().playing());
        long paused = runner.state().snapshot().nowMicros();
        // Let the worker and the FX thread go round many frames: nothing may move.
        for (int i = 0; i < 10; i++) {
            assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(paused, runner.state().snapshot().nowMicros());

        robot.clickOn("#playButton"); // play again
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state().snapshot().nowMicros() > paused);
    }

    @Test
    void stepAdvancesExactlyOneTick() throws Exception {
        SimulationRunner runner = app.runner();
        robot.clickOn("#playButton"); // pause
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        long before = runner.state().snapshot().nowMicros();

        robot.clickOn("#stepButton");
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));

        // The default lesson's tick is 1 ms = 1000 µs (scenarios/default.json, "tickMicros").
        assertEquals(before + 1_000, runner.state().snapshot().nowMicros());
        assertFalse(runner.state().playing());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#simTime").queryLabeled().getText()
                .equals(String.format(java.util.Locale.ROOT, "%.3f s", (before + 1_000) / 1e6)));
    }

    @Test
    void resetGoesBackToTimeZero() throws Exception {
        SimulationRunner runner = app.runner();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state().snapshot().nowMicros() > 0);
        robot.clickOn("#resetButton");
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(0, runner.state().snapshot().nowMicros());
    }
}
