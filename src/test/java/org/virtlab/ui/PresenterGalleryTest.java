package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.ui.common.Presentation;
import org.virtlab.ui.shell.ShellView;

/**
 * The classroom pictures (issue #10): presenter mode in a 1280 × 720 window, as a projector shows it, in English
 * and Chinese (presenter-1280x720-en.png, -zh.png, and at 200 %: presenter-200-1280x720-en.png), and the dark
 * theme (dark-en.png: the CPU tab's chart, dark-topology-en.png).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PresenterGalleryTest {
    /** Five simulated seconds: the CPU chart and the time slices have something to show. */
    private static final long RUN_MICROS = 5_000_000;
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void presenterModeInEnglish() throws Exception {
        presenter("en", 150, "presenter-1280x720-en");
    }

    @Test
    void presenterModeInChinese() throws Exception {
        presenter("zh", 150, "presenter-1280x720-zh");
    }

    @Test
    void presenterModeAtTwiceTheSize() throws Exception {
        presenter("en", 200, "presenter-200-1280x720-en");
    }

    @Test
    void darkTheme() throws Exception {
        Stage stage = start("en");
        robot.interact(() -> app.presentation().themeProperty().set(Presentation.Theme.DARK));
        tab("cpu");
        Screenshots.write(robot, stage.getScene(), "dark-en");
        tab("topology");
        Screenshots.write(robot, stage.getScene(), "dark-topology-en");
    }

    /** Every tab in presenter mode (150 %) and in the dark theme: presenter-TAB-en.png, dark-TAB-en.png. */
    @Test
    void everyTabInPresenterModeAndDark() throws Exception {
        Stage stage = start("en");
        robot.interact(() -> app.presentation().presenterProperty().set(true));
        for (String id : ShellView.TABS) {
            tab(id);
            Screenshots.write(robot, stage.getScene(), "presenter-" + id + "-en");
        }
        robot.interact(() -> {
            app.presentation().presenterProperty().set(false);
            app.presentation().themeProperty().set(Presentation.Theme.DARK);
        });
        for (String id : ShellView.TABS) {
            tab(id);
            Screenshots.write(robot, stage.getScene(), "dark-" + id + "-en");
        }
    }

    /** The I/O lesson's drawn views (ring, exits, modes) in both looks: presenter-io-lesson-en.png, dark-io-lesson-en.png. */
    @Test
    void ioLessonInPresenterModeAndDark() throws Exception {
        Stage stage = start("en");
        app.runner().load(org.virtlab.scenario.Lessons.load("io-emulation-vs-virtio").scenario());
        app.runner().runTo(RUN_MICROS);
        assertTrue(app.runner().awaitIdle(60, TimeUnit.SECONDS));
        robot.interact(() -> app.presentation().presenterProperty().set(true));
        tab("io");
        Screenshots.write(robot, stage.getScene(), "presenter-io-lesson-en");
        robot.interact(() -> {
            app.presentation().presenterProperty().set(false);
            app.presentation().themeProperty().set(Presentation.Theme.DARK);
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "dark-io-lesson-en");
    }

    private void presenter(String lang, int percent, String name) throws Exception {
        Stage stage = start(lang);
        robot.interact(() -> {
            app.presentation().setScalePercent(percent);
            app.presentation().presenterProperty().set(true);
        });
        tab("cpu");
        Screenshots.write(robot, stage.getScene(), name);
    }

    private Stage start(String lang) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        app.runner().runTo(RUN_MICROS);
        assertTrue(app.runner().awaitIdle(60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(
                () -> robot.lookup("#simTime").queryLabeled().getText().equals("5.000 s")));
        return stage;
    }

    private void tab(String id) {
        robot.interact(() -> app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf(id)));
        WaitForAsyncUtils.waitForFxEvents(3);
    }
}
