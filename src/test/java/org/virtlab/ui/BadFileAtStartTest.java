package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.scenario.Lessons;

/** A bad file given at start gets a dialog naming the file and the problem; the window stays on the default lesson. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadFileAtStartTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void malformedFileShowsADialogAndKeepsTheDefaultLesson() throws Exception {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{ \"hosts\": [ }");
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--open=" + bad);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup(".dialog-pane").tryQuery().isPresent()));
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        String text = robot.from(dialog).lookup(".text-area").queryAs(TextArea.class).getText();
        assertTrue(text.startsWith(bad + ": /: "), text);
        assertTrue(!text.contains("Exception"), text);
        assertEquals(Lessons.defaultLesson().scenario(), app.runner().state().scenario());
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }
}
