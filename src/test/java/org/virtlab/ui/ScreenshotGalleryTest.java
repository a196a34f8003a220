package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.shell.ShellView;

/**
 * Writes {@code target/screenshots/<tab>.png} of the main window on each tab after the default lesson has
 * run five simulated seconds, in English, and {@code <tab>-zh.png} in Chinese: the gallery a person looks
 * at to judge the views.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScreenshotGalleryTest {
    private static final long RUN_MICROS = 5_000_000;
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void writesOneScreenshotPerTabInEnglish() throws Exception {
        gallery("en", "");
    }

    @Test
    void writesOneScreenshotPerTabInChinese() throws Exception {
        gallery("zh", "-zh");
    }

    /** Each CPU lesson on the CPU tab (and its topology), after three simulated seconds: lesson-&lt;id&gt;-cpu.png. */
    @Test
    void writesTheCpuLessons() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        Path dir = Path.of(System.getProperty("virtlab.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        for (String id : Lessons.ids()) {
            if (!id.startsWith("cpu-")) {
                continue;
            }
            app.runner().load(Lessons.load(id).scenario());
            app.runner().runTo(3_000_000);
            assertTrue(app.runner().awaitIdle(60, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    FxConditions.onFx(() -> robot.lookup("#simTime").queryLabeled().getText().equals("3.000 s")));
            for (String tab : new String[] {"cpu", "topology"}) {
                robot.interact(() -> app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf(tab)));
                WaitForAsyncUtils.waitForFxEvents(3);
                write(stage, dir.resolve("lesson-" + id + "-" + tab + ".png"));
            }
            // The property panel with its editors: the first VM, then the last host, selected.
            var scenario = Lessons.load(id).scenario();
            robot.clickOn("#vm-" + scenario.vms().get(0).id());
            WaitForAsyncUtils.waitForFxEvents(3);
            write(stage, dir.resolve("lesson-" + id + "-vm-selected.png"));
            robot.clickOn(robot.from(robot.lookup("#host-" + scenario.hosts().get(scenario.hosts().size() - 1).id())
                    .queryAs(javafx.scene.Node.class)).lookup(".host-title").queryAs(javafx.scene.Node.class));
            WaitForAsyncUtils.waitForFxEvents(3);
            write(stage, dir.resolve("lesson-" + id + "-host-selected.png"));
        }
    }

    /** The network lesson's topology, fitted to the window, in both languages: lesson-network-models-topology(-zh).png. */
    @Test
    void writesTheNetworkLessonInBothLanguages() throws Exception {
        for (String lang : new String[] {"en", "zh"}) {
            Stage stage = FxToolkit.registerPrimaryStage();
            app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
            var lesson = Lessons.load("network-models");
            robot.interact(() -> app.shell().openLessonForTest(lesson));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#switch-dvs1").tryQuery().isPresent()));
            robot.clickOn("#topologyFit");
            WaitForAsyncUtils.waitForFxEvents(3);
            Screenshots.write(robot, stage.getScene(), "lesson-network-models-topology" + ("en".equals(lang) ? "" : "-zh"));
            robot.clickOn("#topologyZoomReset");
            WaitForAsyncUtils.waitForFxEvents(3);
            Screenshots.write(robot, stage.getScene(), "lesson-network-models-topology-100" + ("en".equals(lang) ? "" : "-zh"));
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    /**
     * The live-migration lesson 40 simulated seconds after Web server and Database were dragged to Host 2:
     * the first done, the second in its rounds: lesson-migration-precopy-topology(-zh).png.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "zh"})
    void writesTheMigrationLessonMidway(String lang) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        var lesson = Lessons.load("migration-precopy");
        robot.interact(() -> app.shell().openLessonForTest(lesson));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#host-host2").tryQuery().isPresent()));
        app.runner().runTo(1_000_000);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#simTime").queryLabeled().getText().equals("1.000 s")));
        robot.interact(() -> {
            app.shell().viewModel().topology().moveVm("web", "host2");
            app.shell().viewModel().topology().moveVm("db", "host2");
        });
        app.runner().runTo(40_000_000);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#simTime").queryLabeled().getText().equals("40.000 s")));
        robot.clickOn("#topologyFit");
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "lesson-migration-precopy-topology" + ("en".equals(lang) ? "" : "-zh"));
    }

    private void write(Stage stage, Path file) throws Exception {
        String name = file.getFileName().toString();
        Screenshots.write(robot, stage.getScene(), name.substring(0, name.length() - ".png".length()));
    }

    private void gallery(String lang, String suffix) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        app.runner().runTo(RUN_MICROS);
        assertTrue(app.runner().awaitIdle(60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> app.shell() != null && robot.lookup("#simTime").queryLabeled().getText().equals("5.000 s")));
        Path dir = Path.of(System.getProperty("virtlab.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        for (int i = 0; i < ShellView.TABS.size(); i++) {
            int index = i;
            robot.interact(() -> app.shell().tabs().getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents(3);
            write(stage, dir.resolve(ShellView.TABS.get(i) + suffix + ".png"));
        }
    }
}
