package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The I/O tab on the lesson io-emulation-vs-virtio after half a simulated second, for the gallery:
 * {@code io-tab(-zh).png} with the virtio disk's virtqueue and the modes compared, {@code io-tab-cost(-zh).png} with
 * where the time goes, {@code io-tab-emulated(-zh).png} with the IDE disk in focus, and the device editor of the
 * virtio VM, {@code io-device-editor(-zh).png}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IoGalleryTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void writesTheIoTab(String lang) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        String suffix = lang.equals("en") ? "-en" : "-zh";
        var lesson = Lessons.load("io-emulation-vs-virtio");
        robot.interact(() -> app.shell().openLessonForTest(lesson));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ioRing").tryQuery().isPresent()
                && "tab-io".equals(app.shell().tabs().getSelectionModel().getSelectedItem().getId()));
        app.runner().runTo(500_000);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#simTime").queryLabeled().getText().equals("0.500 s")));
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals("vda", app.shell().viewModel().io().focusProperty().get());
        Screenshots.write(robot, stage.getScene(), "io-tab" + suffix);

        robot.clickOn("#ioCostTab");
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "io-tab-cost" + suffix);
        robot.clickOn("#ioCompareTab");

        double[] withRing = new double[1];
        robot.interact(() -> withRing[0] = robot.lookup("#ioCharts").query().getBoundsInParent().getHeight());
        robot.interact(() -> app.shell().viewModel().io().focus("hda"));
        WaitForAsyncUtils.waitForFxEvents(3);
        double[] withoutRing = new double[1];
        robot.interact(() -> withoutRing[0] = robot.lookup("#ioCharts").query().getBoundsInParent().getHeight());
        // no virtqueue to draw for an emulated disk: its note takes a few lines and the charts get the room
        assertTrue(withoutRing[0] > 1.5 * withRing[0], withRing[0] + " → " + withoutRing[0]);
        Screenshots.write(robot, stage.getScene(), "io-tab-emulated" + suffix);

        robot.interact(() -> app.shell().viewModel().selection().select("virtio-vm"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#deviceEditor").tryQuery().isPresent()));
        robot.interact(() -> robot.lookup("#propertyEditors").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals("vda", app.shell().viewModel().io().focusProperty().get(), "the selected VM's device");
        Screenshots.write(robot, stage.getScene(), "io-device-editor" + suffix);
    }

    /**
     * {@code io-occupancy(-zh).png}: the ring occupancy chart of io-emulation-vs-virtio after six simulated seconds,
     * with a virtio disk added to the IDE VM; {@code io-device-add(-zh).png}: the IDE VM's device section with the
     * Add device menu open; {@code io-device-none(-zh).png}: the NVMe VM after its only device was removed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void writesTheOccupancyChartAndTheAddDeviceMenu(String lang) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        String suffix = lang.equals("en") ? "-en" : "-zh";
        var lesson = Lessons.load("io-emulation-vs-virtio");
        robot.interact(() -> app.shell().openLessonForTest(lesson));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ioRing").tryQuery().isPresent()
                && "tab-io".equals(app.shell().tabs().getSelectionModel().getSelectedItem().getId()));
        robot.interact(() -> app.shell().viewModel().selection().select("ide-vm"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#deviceAdd").tryQuery().isPresent()));
        robot.interact(() -> PanelScroll.scrollTo(robot.lookup("#deviceAdd").query()));
        WaitForAsyncUtils.waitForFxEvents(3);
        robot.clickOn("#deviceAdd");
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.writeWithPopups(robot, stage.getScene(), "io-device-add" + suffix);
        robot.clickOn(menuText(lang));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.shell().viewModel().scenario().device("vdb").isPresent());

        robot.clickOn("#ioOccupancyTab");
        app.runner().runTo(6_000_000);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#simTime").queryLabeled().getText().equals("6.000 s")));
        // one point per 100 ms window (IoSubsystem.WINDOW_MICROS): 60 by 6 s
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> app.shell().viewModel().io().occupancyChart().pointCount() == 60);
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "io-occupancy" + suffix);

        // the NVMe VM's only device removed with its button: the section offers Add device alone
        robot.interact(() -> app.shell().viewModel().selection().select("nvme-vm"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#deviceRemove").queryButton().getText().endsWith("nvme0")));
        robot.interact(() -> PanelScroll.scrollTo(robot.lookup("#deviceAdd").query()));
        WaitForAsyncUtils.waitForFxEvents(3);
        robot.clickOn("#deviceRemove");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#deviceNone").query().isVisible()
                && app.shell().viewModel().scenario().device("nvme0").isEmpty());
        robot.interact(() -> PanelScroll.scrollTo(robot.lookup("#deviceAdd").query()));
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "io-device-none" + suffix);
    }

    /** The Add device menu's virtio disk, as the bundles name it. */
    private static String menuText(String lang) {
        return lang.equals("en") ? "virtio disk (virtio-blk)" : "virtio 磁盘（virtio-blk）";
    }
}
