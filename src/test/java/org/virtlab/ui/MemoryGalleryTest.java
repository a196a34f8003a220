package org.virtlab.ui;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.ui.memory.MemoryViewModel;
import org.virtlab.ui.shell.ShellView;

/**
 * The Memory tab's page-walk animator mid-walk, for the gallery: {@code memory-walk-nested(-zh).png} at reference
 * 13 of 24 (native and shadow done, the nested walk in its third guest level), {@code memory-walk-5x5(-zh).png}
 * at 20 of 35 with 5-level tables, {@code memory-walk-2m-host(-zh).png} complete over 2 MiB host pages (19).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MemoryGalleryTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void writesTheWalksMidway(String lang) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        String suffix = lang.equals("en") ? "" : "-zh";
        robot.interact(() -> {
            app.shell().viewModel().pause();
            app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf("memory"));
        });
        MemoryViewModel memory = app.shell().viewModel().memory();

        robot.interact(() -> stepTo(memory, 13));
        Screenshots.write(robot, stage.getScene(), "memory-walk-nested" + suffix);

        robot.interact(() -> {
            memory.chooseGuestLevels(5);
            memory.chooseHostLevels(5);
            stepTo(memory, 20);
        });
        Screenshots.write(robot, stage.getScene(), "memory-walk-5x5" + suffix);

        robot.interact(() -> {
            memory.chooseGuestLevels(4);
            memory.chooseHostLevels(4);
            memory.chooseHostPage(PageSize.TWO_MIB);
            stepTo(memory, memory.maxStepProperty().get());
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "memory-walk-2m-host" + suffix);
    }

    private static void stepTo(MemoryViewModel memory, int step) {
        memory.reset();
        for (int i = 0; i < step; i++) {
            memory.stepForward();
        }
    }
}
