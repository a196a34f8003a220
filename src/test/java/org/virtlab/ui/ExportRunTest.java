package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.cli.VirtLabCommand;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.FileDialogs;

/**
 * File › Export › This run on the real window (issue #8: "writes to a chosen folder all charts of the run as PNG and
 * SVG, their CSVs, summary.json, a picture of the topology, and the scenario itself, so the run can be reproduced").
 * Reproduced here literally: {@code virtlab run} on the exported scenario.json for the exported simulated time
 * writes the same summary.json bytes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExportRunTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;
    @TempDir
    Path dir;

    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        robot.interact(() -> app.shell().chartMenus().setFileDialogs(new FileDialogs() {
            @Override
            public Optional<Path> saveFile(Window owner, String title, String name, String filter, String ext) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> folder(Window owner, String title) {
                return Optional.of(dir);
            }
        }));
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theMenuItemWritesEveryFileAndTheSummaryIsWhatVirtlabRunWrites() throws Exception {
        org.virtlab.scenario.Lesson io = Lessons.load("io-emulation-vs-virtio"); // CPU, memory and I/O charts
        Scenario lesson = io.scenario();
        robot.interact(() -> app.shell().openLessonForTest(io));
        // the lesson opens paused at 0 s; run it 1.5 simulated seconds
        app.runner().runTo(1_500_000);
        assertTrue(app.runner().awaitIdle(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("File").clickOn("Export").clickOn("This Run…");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> names(dir).stream().anyMatch(n -> !n.startsWith(".")));
        Path folder = dir.resolve(names(dir).get(0));
        // named after the lesson (messages.properties export.run.folder: "{0} at {1} s")
        assertTrue(folder.getFileName().toString().endsWith(" at 1.500 s"), folder.toString());

        List<String> expected = new ArrayList<>();
        List<String> charts = new ArrayList<>(List.of("cpu-usage", "io-cost", "io-occupancy"));
        for (HostSpec h : lesson.hosts()) {
            charts.add("memory-" + h.id());
        }
        for (String c : charts) {
            expected.addAll(List.of(c + ".csv", c + ".png", c + ".svg"));
        }
        expected.addAll(List.of("events.csv", "scenario.json", "summary.json", "topology.png"));
        assertEquals(expected.stream().sorted().toList(), names(folder));
        assertEquals(List.of(folder.getFileName().toString()), names(dir)); // no temporary folder left beside it

        for (String picture : List.of("cpu-usage", "memory-host1", "io-cost", "io-occupancy", "topology")) {
            // into the gallery, for a person to look at
            Files.copy(folder.resolve(picture + ".png"), Screenshots.dir().resolve("export-" + picture + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        BufferedImage cpu = ImageIO.read(folder.resolve("cpu-usage.png").toFile());
        assertEquals(1280, cpu.getWidth()); // RunExport's 1280 × 720 layout at 1×
        assertEquals(720, cpu.getHeight());
        assertTrue(ImageIO.read(folder.resolve("topology.png").toFile()).getWidth() > 100);
        String csv = Files.readString(folder.resolve("cpu-usage.csv"), StandardCharsets.UTF_8);
        // 1.5 s of 100 ms samples (SimulationRunner.SAMPLE_WINDOW_MICROS): 15 rows under the header
        assertEquals(16, csv.split("\r\n").length);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> app.shell().viewModel()
                .statusTextProperty().get().contains(folder.toString())));

        // virtlab run SCENARIO --seconds 1.5 --out DIR, on the scenario the export wrote
        Path out = dir.resolveSibling(dir.getFileName() + "-cli");
        StringWriter err = new StringWriter();
        int code = new VirtLabCommand().commandLine(Locale.ENGLISH, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)).execute("run", folder.resolve("scenario.json").toString(),
                "--seconds", "1.5", "--out", out.toString());
        assertEquals(0, code, err.toString());
        assertEquals(Files.readString(out.resolve("summary.json")), Files.readString(folder.resolve("summary.json")));
    }

    @Test
    void anUnwritableFolderShowsOneLineAndLeavesNothing() throws Exception {
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "x");
        robot.interact(() -> app.shell().viewModel().pause());
        CompletableFuture<Path>[] done = new CompletableFuture[1];
        robot.interact(() -> done[0] = app.shell().exportRun(blocker));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, done[0]::isDone);
        assertTrue(done[0].isCompletedExceptionally());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#exportError").tryQuery().isPresent()));
        String[] text = new String[1];
        robot.interact(() -> text[0] = robot.lookup("#exportError")
                .queryAs(javafx.scene.control.DialogPane.class).getContentText());
        assertTrue(text[0].startsWith("Could not export " + blocker + ": "), text[0]);
        assertFalse(text[0].contains("\n"), text[0]);
        assertEquals(List.of("a-file"), names(dir));
    }
}
