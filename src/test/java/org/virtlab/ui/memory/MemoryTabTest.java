package org.virtlab.ui.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.ui.VirtLabApp;

/** The real window: Ctrl+3 opens the Memory tab, Step lights the next reference, the counts follow. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryTabTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void stepsThroughTheWalksWithTheCountsFollowing() throws Exception {
        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "tab-memory".equals(app.shell().tabs().getSelectionModel().getSelectedItem().getId()));
        assertEquals("24 of 24 references", text("#memoryNestedCount"), "opens on the whole walk");

        robot.clickOn("#memoryReset");
        assertEquals("0 of 24 references", text("#memoryNestedCount"));
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#memoryStep");
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3 of 24 references", text("#memoryNestedCount"));
        assertEquals("3 of 4 references", text("#memoryNativeCount"));
        assertEquals("3 of 4 references", text("#memoryShadowCount"));
        Label third = robot.lookup("#memoryNestedCell-3").queryAs(Label.class);
        assertTrue(third.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("current")));
        Tooltip tip = third.getTooltip();
        assertTrue(tip.getText().startsWith("Step 3: EPT/NPT table PD, entry "), tip.getText());

        robot.clickOn("#memoryStepBack");
        assertEquals("2 of 24 references", text("#memoryNestedCount"));
    }

    @Test
    void playLightsTheNextReferencesOnItsOwnAndPauseStopsIt() throws Exception {
        robot.interact(() -> app.shell().tabs().getSelectionModel().select(2));
        MemoryViewModel memory = app.shell().viewModel().memory();
        robot.clickOn("#memoryReset");
        robot.clickOn("#memoryPlay");
        // One reference per frame (MemoryView.FRAME, 400 ms): wait for two, then pause.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> memory.stepProperty().get() >= 2);
        robot.clickOn("#memoryPlay");
        assertTrue(!memory.playingProperty().get());
        int paused = memory.stepProperty().get();
        WaitForAsyncUtils.waitForFxEvents(10);
        assertEquals(paused, memory.stepProperty().get());
        assertEquals(paused + " of 24 references", text("#memoryNestedCount"));
    }

    @Test
    void twoMibHostPagesChosenInTheBoxShortenTheNestedWalk() {
        robot.interact(() -> app.shell().tabs().getSelectionModel().select(app.shell().tabs().getTabs().stream()
                .filter(t -> "tab-memory".equals(t.getId())).findFirst().orElseThrow()));
        robot.clickOn("#memoryHostPage");
        robot.clickOn("2 MiB pages");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("19 of 19 references", text("#memoryNestedCount"));
        assertEquals("(n+1)(m+1) − 1 = (4+1)(3+1) − 1 = 19", text("#memoryNestedFormula"));
    }

    @Test
    void aTypedAddressIsCheckedAsItIsTyped() {
        robot.interact(() -> app.shell().tabs().getSelectionModel().select(2));
        robot.clickOn("#memoryAddress");
        robot.press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT);
        robot.write("0xffff000000000000");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#memoryAddressError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().startsWith("0xffff000000000000 is beyond the 48-bit address space"), error.getText());
        robot.press(KeyCode.SHORTCUT, KeyCode.A).release(KeyCode.A, KeyCode.SHORTCUT);
        robot.write("0x7fff12345000");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!error.isVisible(), error.getText());
        assertTrue(text("#memoryAddresses").startsWith("Guest virtual 0x7fff12345000 "), text("#memoryAddresses"));
    }
}
