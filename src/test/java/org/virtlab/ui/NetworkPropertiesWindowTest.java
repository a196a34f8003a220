package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.properties.NicListEditorModel;

/**
 * What the panel's network edits do to the running simulation: a new name or a NIC plugged elsewhere goes
 * on at the same time (the engine reads neither), a new dirty rate starts again at 0 s (the migration
 * subsystem takes it when it is built), and Ctrl+Z takes a NIC edit back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetworkPropertiesWindowTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private long now() {
        return app.runner().state().snapshot().nowMicros();
    }

    /** Types into a field and applies its form, as Enter does. */
    private void enter(String field, String text) {
        TextField f = robot.lookup(field).queryAs(TextField.class);
        robot.interact(() -> {
            f.setText(text);
            f.fireEvent(new javafx.event.ActionEvent()); // Enter, wherever the panel is scrolled to
        });
    }

    private void settle() throws Exception {
        assertTrue(app.runner().awaitIdle(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void renamesAndWiresGoOnRunningADirtyRateRestarts() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        app.runner().load(Lessons.load("network-models").scenario());
        app.runner().runTo(2_000_000);
        settle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#vm-test1").tryQuery().isPresent()));
        robot.clickOn("#vm-test1");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#nicChoice1").tryQuery().isPresent()));
        // Its nic1 is wired to nothing: a red note under it says so (issue 7, "Bad input"); nic0 has none.
        javafx.scene.control.Label problem = robot.lookup("#nicProblem1").queryAs(javafx.scene.control.Label.class);
        assertTrue(problem.isVisible() && problem.getStyleClass().contains("field-error"));
        assertTrue(problem.getText().startsWith("Not connected: Test VM's nic1 is wired to nothing"), problem.getText());
        assertTrue(!robot.lookup("#nicProblem0").query().isVisible());

        enter("#sizeName", "Probe");
        settle();
        assertEquals("Probe", app.runner().state().scenario().vm("test1").orElseThrow().name());
        assertEquals(2_000_000, now()); // a name is layout: no restart

        @SuppressWarnings("unchecked")
        ComboBox<NicListEditorModel.Choice> nic1 = robot.lookup("#nicChoice1").queryAs(ComboBox.class);
        robot.interact(() -> nic1.setValue(nic1.getItems().stream()
                .filter(c -> c.nic().equals(NicSpec.toPortGroup("pg-web"))).findFirst().orElseThrow()));
        settle();
        assertEquals(NicSpec.toPortGroup("pg-web"), app.runner().state().scenario().vm("test1").orElseThrow().nics().get(1));
        assertEquals(2_000_000, now()); // no network subsystem yet: no restart

        robot.interact(() -> app.shell().tabs().requestFocus());
        robot.press(KeyCode.SHORTCUT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHORTCUT);
        settle();
        assertEquals(NicSpec.UNWIRED, app.runner().state().scenario().vm("test1").orElseThrow().nics().get(1));
        assertEquals(2_000_000, now());

        enter("#dirtyRate", "500");
        settle();
        assertEquals(500, app.runner().state().scenario().vm("test1").orElseThrow().dirtyMibPerSecond());
        assertEquals(0, now()); // the migration subsystem takes the rate when built: a restart
    }
}
