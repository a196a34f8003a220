package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.scenario.Lessons;

/**
 * Editing a VM's shares in the property panel changes the running simulation at once (issue #3), and a
 * wrong value is refused where it is typed with the allowed range.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QosEditingTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private double usedMhz(String vmId) {
        return RunningApp.usedMhz(app, vmId);
    }

    @Test
    void newSharesReachTheRunningSimulation() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        app.runner().load(Lessons.load("cpu-shares").scenario());
        app.runner().runTo(1_000_000);
        assertTrue(app.runner().awaitIdle(10, TimeUnit.SECONDS));
        // virtualization.md §1, example 1: shares 1:2:3 of 24 GHz → VM1 gets 4 GHz
        assertEquals(4_000, usedMhz("vm1"), 1);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#vm-vm1").tryQuery().isPresent()));
        robot.clickOn("#vm-vm1");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#qosCustomShares").tryQuery().isPresent()));
        @SuppressWarnings("unchecked")
        ComboBox<Shares.Level> level = robot.lookup("#qosSharesLevel").queryAs(ComboBox.class);
        assertEquals(Shares.Level.CUSTOM, level.getValue());

        TextField shares = robot.lookup("#qosCustomShares").queryAs(TextField.class);
        robot.interact(() -> shares.setText("0"));
        robot.clickOn(shares).type(KeyCode.ENTER);
        // Shares.MIN_CUSTOM..MAX_CUSTOM: refused where typed, with the range
        Labeled error = robot.lookup("#qosSharesError").queryAs(Labeled.class);
        assertTrue(error.getText().contains("1–1000000"), error.getText());

        robot.interact(() -> shares.setText("3000"));
        robot.clickOn(shares).type(KeyCode.ENTER);
        assertEquals("", error.getText());
        app.runner().step();
        assertTrue(app.runner().awaitIdle(10, TimeUnit.SECONDS));
        // Shares 3000:2000:3000 of 24 GHz (24 cores at 1 GHz): 3 MHz per share → 9 / 6 / 9 GHz, from the next tick
        assertEquals(9_000, usedMhz("vm1"), 1);
        assertEquals(6_000, usedMhz("vm2"), 1);
        assertTrue(app.runner().state().scenario().vm("vm1").orElseThrow().cpuQos().shares().custom() == 3000);

        // Ctrl+Z (outside a text field, which has its own undo) takes the edit back in the running simulation.
        robot.interact(() -> app.shell().tabs().requestFocus());
        robot.press(KeyCode.SHORTCUT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        app.runner().step();
        assertTrue(app.runner().awaitIdle(10, TimeUnit.SECONDS));
        assertEquals(4_000, usedMhz("vm1"), 1); // back to example 1's 4 GHz
        assertTrue(app.runner().state().scenario().vm("vm1").orElseThrow().cpuQos().shares().custom() == 1000);

        // Ctrl+Y makes it again.
        robot.press(KeyCode.SHORTCUT, KeyCode.Y).release(KeyCode.Y, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        app.runner().step();
        assertTrue(app.runner().awaitIdle(10, TimeUnit.SECONDS));
        assertEquals(9_000, usedMhz("vm1"), 1);
    }
}
