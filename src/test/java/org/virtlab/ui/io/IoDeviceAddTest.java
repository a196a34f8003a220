package org.virtlab.ui.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.charts.IoOccupancyChart;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.PanelScroll;
import org.virtlab.ui.VirtLabApp;
import org.virtlab.ui.FxConditions;

/**
 * The real window on io-emulation-vs-virtio: a device added from the property panel's Add device menu shows in the
 * I/O tab's device box, and the ring occupancy chart grows while the simulation plays.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IoDeviceAddTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        var lesson = Lessons.load("io-emulation-vs-virtio");
        robot.interact(() -> app.shell().openLessonForTest(lesson));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "tab-io".equals(app.shell().tabs().getSelectionModel().getSelectedItem().getId()));
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aDeviceAddedFromTheMenuJoinsTheTabAndTheOccupancyChartGrowsWhilePlaying() throws Exception {
        robot.interact(() -> app.shell().viewModel().selection().select("ide-vm"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#deviceAdd").tryQuery().isPresent()));
        robot.interact(() -> PanelScroll.scrollTo(robot.lookup("#deviceAdd").query()));
        WaitForAsyncUtils.waitForFxEvents(3);
        robot.clickOn("#deviceAdd");
        robot.clickOn("virtio disk (virtio-blk)");
        // vda is the virtio VM's in the lesson's file: the next free virtio disk name is vdb (DeviceTemplate)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.shell().viewModel().scenario().device("vdb").isPresent());
        assertEquals("ide-vm", app.shell().viewModel().scenario().device("vdb").orElseThrow().vmId());
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#ioDevice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> box.getItems().contains("vdb"));
        // the restart keeps the tab's device in focus, and the box still shows it
        String focus = app.shell().viewModel().io().focusProperty().get();
        assertEquals("hda", focus, "the selected VM's first device (IoViewModel follows the selection)");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> focus.equals(box.getValue()));
        assertEquals("Remove vdb", robot.lookup("#deviceRemove").queryButton().getText());

        robot.clickOn("#ioOccupancyTab");
        IoOccupancyChart chart = app.shell().viewModel().io().occupancyChart();
        assertEquals("vdb — IDE VM", chart.legendText(2), "the new device has its line (the lesson's VM name)");
        robot.interact(() -> app.shell().viewModel().play());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chart.pointCount() >= 3);
        int before = chart.pointCount();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chart.pointCount() > before);
        robot.interact(() -> app.shell().viewModel().pause());
        assertTrue(robot.lookup("#ioOccupancyChart").query().isVisible());
        int last = chart.pointCount() - 1;
        // a virtio block read is a chain of 3 descriptors (virtio 1.1 §5.2.6), one read outstanding
        assertTrue(chart.inUse(2, last) > 2 && chart.inUse(2, last) <= 3, "vdb in use: " + chart.inUse(2, last));
    }
}
