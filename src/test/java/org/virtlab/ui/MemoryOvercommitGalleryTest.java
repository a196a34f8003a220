package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.memory.host.MemoryState;
import org.virtlab.scenario.Lesson;
import org.virtlab.ui.memory.OvercommitScenarios;
import org.virtlab.ui.memory.OvercommitViewModel;
import org.virtlab.ui.shell.ShellView;

/**
 * The Memory tab's overcommit view for the gallery, {@code memory-overcommit(-zh).png}: the course's three 2 GiB VMs
 * on a 4 GiB host, each wanting all of its memory, 4.5 simulated seconds in (the host under pressure, ballooning and
 * swapping), VM 1 selected so its actions show.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MemoryOvercommitGalleryTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void writesTheHostUnderPressure(String lang) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        robot.interact(() -> app.shell().viewModel().openLesson(
                new Lesson("overcommit", OvercommitScenarios.threeVmsOnFourGib(OvercommitScenarios.VM_MIB))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.runner().state().scenario().vms().size() == 3
                && app.runner().state().scenario().hosts().get(0).id().equals("host1"));
        OvercommitViewModel overcommit = app.shell().viewModel().overcommit();
        robot.interact(() -> {
            app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf("memory"));
            overcommit.overcommitChosenProperty().set(true);
            app.shell().viewModel().selection().selectedIdProperty().set("vm1");
        });
        app.runner().runTo(4_500_000);
        // 4.5 s of 100 ms windows (SimulationRunner.SAMPLE_WINDOW_MICROS)
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> overcommit.chart().pointCount() == 45);
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals(3, overcommit.rows().size());
        // 6 GiB wanted on 4 GiB at 3 × 512 MiB/s: free memory runs out after about 2.6 s and the host reclaims
        // (ArticleOvercommitTest: balloon first, then swap); at 4.5 s it is still below the soft threshold
        assertNotEquals(MemoryState.HIGH, overcommit.gaugeProperty().get().state());
        Screenshots.write(robot, stage.getScene(), "memory-overcommit" + (lang.equals("en") ? "" : "-zh"));
    }
}
