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
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.cpu.SetCpuQos;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.TlbSettings;
import org.virtlab.engine.model.TranslationSettings;
import org.virtlab.engine.model.ViewState;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lessons;
import org.virtlab.scenario.ScenarioReader;
import org.virtlab.scenario.ScenarioWriter;
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
    void openingAFileSelectsTheTabItWasSavedOn() throws Exception {
        Path file = dir.resolve("on-cpu.json");
        Scenario onCpu = vm.scenario().withView(new ViewState("cpu", 1.5));
        ScenarioWriter.write(onCpu, file);
        assertEquals("topology", vm.tabProperty().get()); // the default lesson has the default view

        assertTrue(vm.open(file).isEmpty());

        assertEquals("cpu", vm.tabProperty().get());
        assertEquals(1.5, vm.topology().zoomProperty().get()); // and the topology's zoom
        assertEquals(onCpu, vm.scenario());
        vm.openLesson(Lessons.defaultLesson());
        assertEquals("topology", vm.tabProperty().get());
        assertEquals(1, vm.topology().zoomProperty().get());
    }

    @Test
    void theMemoryTabsPartIsOpenedAsSavedAndSavedAsShown() throws Exception {
        Path file = dir.resolve("overcommit.json");
        ScenarioWriter.write(vm.scenario().withView(new ViewState("memory", 1, "overcommit")), file);
        assertFalse(vm.overcommit().overcommitChosenProperty().get()); // the default lesson: address translation

        assertTrue(vm.open(file).isEmpty());
        assertEquals("memory", vm.tabProperty().get());
        assertTrue(vm.overcommit().overcommitChosenProperty().get(), "the file said overcommit");

        vm.overcommit().overcommitChosenProperty().set(false); // the user goes back to address translation
        Path again = dir.resolve("translation.json");
        assertTrue(vm.saveAs(again).isEmpty());
        assertEquals(new ViewState("memory", 1, "translation"), ScenarioReader.read(again).view());
    }

    @Test
    void openingAFileSetsUpTheMemoryTabAsItsTranslationSettingsSay() throws Exception {
        Path file = dir.resolve("large-pages.json");
        ScenarioWriter.write(vm.scenario().withTranslation(TranslationSettings.DEFAULT.withHost(4, PageSize.TWO_MIB)
                .withTlb(TlbSettings.DEFAULT.withTagged(false))), file);
        vm.memory().chooseGuestLevels(5);

        assertTrue(vm.open(file).isEmpty());
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        vm.refresh(); // the frame that shows the new run

        assertEquals(4, vm.memory().guestLevelsProperty().get());
        assertEquals(PageSize.TWO_MIB, vm.memory().hostPageProperty().get());
        // 4 guest levels over a 3-level host walk: (4+1)(3+1) − 1 = 19 (virtualization.md §2)
        assertEquals(19, vm.memory().nestedColumn().totalProperty().get());
        assertFalse(vm.memory().tlb().taggedProperty().get());
    }

    @Test
    void savingWritesTheTabOnScreenAndChoosingATabIsNoEdit() throws Exception {
        vm.tabProperty().set("network");
        vm.topology().setZoom(0.75);
        assertFalse(vm.dirtyProperty().get(), "choosing a tab leaves nothing unsaved");
        assertFalse(vm.canUndoProperty().get(), "and nothing to undo");

        Path file = dir.resolve("on-network.json");
        assertTrue(vm.saveAs(file).isEmpty());

        Scenario written = ScenarioReader.read(file);
        assertEquals(new ViewState("network", 0.75), written.view());
        assertEquals(written, vm.scenario());
        assertFalse(vm.dirtyProperty().get());
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(written, runner.state().scenario(), "a reset starts from what was saved");
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

    @Test
    void undoAndRedoRestoreTheScenarioAndTheRunningSimulationExactly() throws Exception {
        Scenario original = vm.scenario();
        VmSpec db = original.vm("db").orElseThrow();
        CpuQos raised = new CpuQos(Shares.HIGH, 5_000, 1_000);
        vm.apply(original.withVm(db.withCpuQos(raised)), new SetCpuQos("db", raised));
        assertTrue(vm.dirtyProperty().get());
        assertTrue(vm.canUndoProperty().get());

        vm.undo();
        assertEquals(original, vm.scenario());
        assertFalse(vm.dirtyProperty().get(), "back to what was opened: nothing unsaved");
        assertTrue(vm.canRedoProperty().get());
        runner.step();
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(original, runner.state().scenario());
        // the engine took the old QoS back: the simulation equals one that never saw the edit
        org.virtlab.engine.Simulation fresh = org.virtlab.engine.Simulations.of(original, original.seed(), true);
        fresh.runUntil(runner.state().snapshot().nowMicros());
        assertEquals(fresh.snapshot().find(CpuSnapshot.class).orElseThrow().vms(),
                runner.state().snapshot().find(CpuSnapshot.class).orElseThrow().vms());

        vm.redo();
        assertEquals(raised, vm.scenario().vm("db").orElseThrow().cpuQos());
        assertTrue(vm.dirtyProperty().get());
        assertFalse(vm.canRedoProperty().get());
    }

    @Test
    void aNewEditClearsWhatCouldBeRedone() {
        Scenario original = vm.scenario();
        VmSpec db = original.vm("db").orElseThrow();
        CpuQos a = new CpuQos(Shares.LOW, CpuQos.NO_LIMIT, 0);
        CpuQos b = new CpuQos(Shares.HIGH, CpuQos.NO_LIMIT, 0);
        vm.apply(original.withVm(db.withCpuQos(a)), new SetCpuQos("db", a));
        vm.undo();
        vm.apply(original.withVm(db.withCpuQos(b)), new SetCpuQos("db", b));
        assertFalse(vm.canRedoProperty().get());
        vm.undo();
        assertEquals(original, vm.scenario());
    }
}
