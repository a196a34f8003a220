package org.virtlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.scenario.ScenarioReader;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.SimulationRunner;

/** The shell's commands without a toolkit: opening bad files keeps the lesson, saving round-trips. */
class ShellViewModelTest {
    @TempDir
    Path dir;

    private final SimulationRunner runner = new SimulationRunner(Lessons.defaultLesson().scenario());
    private final ShellViewModel vm = new ShellViewModel(new I18n(Locale.ENGLISH), runner);

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void aMalformedFileIsRefusedWithItsNameAndTheLessonStays() throws Exception {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{ \"format\": \"virtlab.scenario\", ");
        Scenario before = vm.scenario();

        List<String> problems = vm.open(bad);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(bad + ": "), problems.get(0));
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(before, vm.scenario());
        assertTrue(vm.fileProperty().get().isEmpty());
    }

    @Test
    void aMissingFileIsRefusedAndTheLessonStays() throws Exception {
        Scenario before = vm.scenario();
        List<String> problems = vm.open(dir.resolve("absent.json"));
        assertFalse(problems.isEmpty());
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(before, vm.scenario());
    }

    @Test
    void saveAsWritesTheScenarioAndMakesItTheCurrentFile() throws Exception {
        Path file = dir.resolve("copy.json");
        assertTrue(vm.saveAs(file).isEmpty());
        assertEquals(vm.scenario(), ScenarioReader.read(file));
        assertEquals(file, vm.fileProperty().get().orElseThrow());
        assertTrue(vm.windowTitleProperty().get().startsWith("copy.json"), vm.windowTitleProperty().get());
    }

    @Test
    void saveToAPlaceThatCannotBeWrittenReportsTheErrorAndKeepsTheOldFile() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "not a directory");
        assertTrue(vm.saveAs(blocker.resolve("x.json")).isPresent());
        assertEquals("not a directory", Files.readString(blocker));
    }

    @Test
    void openingAValidFileLoadsItAtTimeZero() throws Exception {
        Path file = dir.resolve("lesson.json");
        assertTrue(vm.saveAs(file).isEmpty());
        vm.play();
        assertTrue(vm.open(file).isEmpty());
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(0, runner.state().snapshot().nowMicros());
        assertFalse(runner.state().playing());
    }

    @Test
    void saveAsElsewhereWritesTraceReadFromACsvInline() throws Exception {
        Path lessonDir = Files.createDirectories(dir.resolve("lesson"));
        Files.createDirectories(lessonDir.resolve("traces"));
        Files.writeString(lessonDir.resolve("traces/web.csv"), "time_ms,percent\n0,10\n500,80\n");
        try (var in = ShellViewModelTest.class.getResourceAsStream("/org/virtlab/scenario/trace-web.json")) {
            Files.write(lessonDir.resolve("trace.json"), in.readAllBytes());
        }
        assertTrue(vm.open(lessonDir.resolve("trace.json")).isEmpty());
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));

        Path same = lessonDir.resolve("again.json");
        assertTrue(vm.saveAs(same).isEmpty());
        assertTrue(Files.readString(same).contains("\"csv\": \"traces/web.csv\""), "same folder keeps the reference");

        Path elsewhere = Files.createDirectories(dir.resolve("other")).resolve("copy.json");
        assertTrue(vm.saveAs(elsewhere).isEmpty());
        String text = Files.readString(elsewhere);
        assertFalse(text.contains("\"csv\""), text);
        assertTrue(text.contains("\"points\""), text);
        // the copy opens on its own, with the same trace points
        assertEquals(ScenarioReader.read(lessonDir.resolve("trace.json")).vm("web").orElseThrow().workload() instanceof
                org.virtlab.engine.cpu.Workload.Trace t ? t.points() : null,
                ((org.virtlab.engine.cpu.Workload.Trace) ScenarioReader.read(elsewhere).vm("web").orElseThrow().workload())
                        .points());
    }
}
