package org.virtlab.ui.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.VirtLabApp;

/** The real window on the I/O lesson: the tab opens, plays, the ring and the bars follow; a mode changes live. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IoTabTest {
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

    private IoSnapshot.Device device(String id) {
        return app.runner().state().snapshot().find(IoSnapshot.class).orElseThrow().device(id).orElseThrow();
    }

    @Test
    void playingMovesTheRingAndFillsTheBars() throws Exception {
        IoViewModel io = app.shell().viewModel().io();
        robot.interact(() -> app.shell().tabs().getSelectionModel().select(0));
        robot.interact(() -> app.shell().tabs().getSelectionModel().select(3)); // back to I/O, as a user would
        robot.interact(() -> app.shell().viewModel().play());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> io.ringProperty().get() != null
                && io.ringProperty().get().avail().idx() > 100 && io.comparisonProperty().get().size() == 3);
        int before = io.ringProperty().get().avail().idx();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> io.ringProperty().get().avail().idx() != before);
        // every read is one kick with EVENT_IDX and a sleeping back-end (virtio 1.1 §2.6.10): the avail idx counts them
        assertTrue(robot.lookup("#ioRing").query().isVisible());
        // once a 100 ms window has closed, the bars show IDE's 13 + 7 exits a read (EmulatedModel.IDE, Linux libata)
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> io.comparisonProperty().get().get(0).exitsPerRequest() > 19.9
                        && io.comparisonProperty().get().get(0).exitsPerRequest() < 20.1);
        robot.interact(() -> app.shell().viewModel().pause());
    }

    @Test
    void theModeChangesLiveWithoutStartingOver() throws Exception {
        app.runner().runTo(200_000);
        assertTrue(app.runner().awaitIdle(10, TimeUnit.SECONDS));
        long generation = app.runner().state().generation();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<ModeKind> mode = robot.lookup("#ioMode").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> mode.getSelectionModel().select(ModeKind.PASSTHROUGH)); // the box's action applies it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.shell().viewModel().scenario().device("vda").orElseThrow().mode() instanceof IoMode.Passthrough);
        app.runner().runTo(300_000);
        assertTrue(app.runner().awaitIdle(10, TimeUnit.SECONDS));
        assertEquals(generation, app.runner().state().generation(), "no restart");
        assertEquals(300_000, app.runner().state().snapshot().nowMicros(), "time went on from 0.2 s");
        assertTrue(device("vda").mode() instanceof IoMode.Passthrough);
        assertEquals(1, device("vda").totals().resets(), "the device was reset into its new mode (SetIoMode)");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#ioRing").query().isVisible()
                && robot.lookup("#ioRingNote").queryLabeled().getText().contains("passed through"));

        robot.interact(() -> app.shell().viewModel().undo());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.shell().viewModel().scenario().device("vda").orElseThrow().mode() instanceof IoMode.Virtio);
        robot.clickOn("#ioQueueSize").eraseText(3).write("300").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals("A queue size is a power of 2 from 1 to 32768 (1, 2, 4, …, 16384, 32768); was \"300\"",
                robot.lookup("#ioControlError").queryLabeled().getText());
    }
}
