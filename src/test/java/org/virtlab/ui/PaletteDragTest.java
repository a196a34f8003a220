package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dragging from the palette with the real mouse (issue #4): a VM dropped on a host is created there, a
 * VM dropped on the empty canvas creates nothing, and Ctrl+Z takes the new VM back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PaletteDragTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aVmDraggedOntoAHostIsCreatedThereAndNowhereElse() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        int vmsBefore = app.runner().state().scenario().vms().size();

        // Onto the empty canvas, below the host: refused.
        Node canvas = robot.lookup(".topology-canvas").query();
        var bounds = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.drag("#palette-vm").dropTo(bounds.getMinX() + 300, bounds.getMaxY() - 60);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.runner().awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(vmsBefore, app.runner().state().scenario().vms().size());

        // Onto the host's title: created on that host.
        Node hostTitle = robot.from(robot.lookup("#host-host1").queryAs(Node.class)).lookup(".host-title").query();
        robot.drag("#palette-vm").dropTo(hostTitle);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.runner().awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(vmsBefore + 1, app.runner().state().scenario().vms().size());
        assertEquals("host1", app.runner().state().scenario().vm("vm1").orElseThrow().hostId());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#vm-vm1").tryQuery().isPresent());

        // Undo takes it back.
        robot.interact(() -> app.shell().tabs().requestFocus());
        robot.press(KeyCode.SHORTCUT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.runner().awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(vmsBefore, app.runner().state().scenario().vms().size());
    }
}
