package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.network.NetworkViewModel;
import org.virtlab.ui.shell.ShellView;

/**
 * The Network tab on the lesson network-models, for the gallery: {@code network-tab(-en|-zh).png} with an echo from
 * Web 1 (NAT network "default") to the Internet at Host 1, where the masquerade happens (hop 3 of 7), and
 * {@code network-tables(-en|-zh).png} with Host 1's routes, ARP cache and conntrack after that echo, and
 * {@code network-reach(-en|-zh).png} with the reachability heat map.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetworkGalleryTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void writesTheNetworkTab(String lang) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        String suffix = "-" + lang;
        var lesson = Lessons.load("network-models");
        robot.interact(() -> app.shell().openLessonForTest(lesson));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.shell().viewModel().network().endpoints().contains("web1:nic0"));
        NetworkViewModel network = app.shell().viewModel().network();
        robot.interact(() -> {
            app.shell().viewModel().pause();
            app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf("network"));
            network.choosePair("web1:nic0", "internet");
            network.send();
        });
        // the simulation traces it at its next tick; the window shows it at the next frame
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> !network.hops().isEmpty()));
        robot.interact(() -> {
            network.stepForward();
            network.stepForward();
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals(2, network.stepProperty().get(), "at Host 1, where the masquerade is");
        Screenshots.write(robot, stage.getScene(), "network-tab" + suffix);

        robot.clickOn("#networkTablesTab");
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals("host1", network.tables().chosenProperty().get(), "the tables follow the packet");
        Screenshots.write(robot, stage.getScene(), "network-tables" + suffix);

        robot.clickOn("#networkReachTab");
        // The heat map is worked out off the FX thread: wait for it.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, FxConditions.onFx(
                () -> !network.reach().computingProperty().get() && !network.reach().matrixProperty().get().ids().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "network-reach" + suffix);
    }
}
