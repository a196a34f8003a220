package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.scenario.Lessons;

/**
 * Pinning edited in the property panel (issue #4): a CPU the host lacks is refused where it is typed,
 * with the host's range; a valid list restarts the simulation with the new pinning, and undo takes it back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PinningEditingTest {
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

    private Pinning pinning(String vmId) {
        return app.runner().state().scenario().vm(vmId).orElseThrow().pinning();
    }

    private void runOneSecond() throws Exception {
        app.runner().runTo(1_000_000);
        assertTrue(app.runner().awaitIdle(10, TimeUnit.SECONDS));
    }

    /** Types into the field (which may be scrolled out of view) and presses Enter in it. */
    private void enter(TextField field, String text) {
        robot.interact(() -> {
            field.setText(text);
            field.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aBadListIsRefusedWhereTypedAndAGoodOneRestartsWithTheNewPinning() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        app.runner().load(Lessons.load("cpu-pinning").scenario());
        runOneSecond();
        // scenarios/cpu-pinning.json: both on CPU 0 with shares 1000:2000 → 1/3 and 2/3 of 1 GHz
        assertEquals(667, usedMhz("pinned-2"), 1);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#vm-pinned-2").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        robot.clickOn(robot.lookup("#vm-pinned-2").queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#pinningCpus0").tryQuery().isPresent()));
        TextField cpus = robot.lookup("#pinningCpus0").queryAs(TextField.class);
        assertEquals("0", cpus.getText());

        enter(cpus, "5");
        Labeled error = robot.lookup("#pinningCpus0Error").queryAs(Labeled.class);
        assertEquals("Allowed: logical CPUs 0–3 of Host 1; was 5", error.getText());
        assertTrue(error.isVisible());
        assertEquals(Pinning.all(1, List.of(0)), pinning("pinned-2")); // nothing reached the model

        // the grid edits the same list: CPU 1 ticked, CPU 0 unticked
        robot.interact(() -> {
            cpus.setText("0");
            robot.lookup("#pinning-0-1").queryAs(CheckBox.class).fire();
            robot.lookup("#pinning-0-0").queryAs(CheckBox.class).fire();
        });
        assertEquals("1", cpus.getText());
        enter(cpus, cpus.getText());
        assertEquals("", error.getText());
        assertEquals(Pinning.all(1, List.of(1)), pinning("pinned-2"));
        runOneSecond(); // restarted at 0 s with the new pinning
        // the lesson's goal: pin the second VM to CPU 1 instead and both pinned VMs get a full GHz
        assertEquals(1_000, usedMhz("pinned-1"), 1);
        assertEquals(1_000, usedMhz("pinned-2"), 1);

        // Ctrl+Z (outside a text field, which has its own undo) takes the pinning back
        robot.interact(() -> app.shell().tabs().requestFocus());
        robot.press(KeyCode.SHORTCUT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Pinning.all(1, List.of(0)), pinning("pinned-2"));
        // the panel shows the pinning as it is again
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#pinningCpus0").queryAs(TextField.class).getText().equals("0")));
        runOneSecond();
        assertEquals(667, usedMhz("pinned-2"), 1);
    }
}
