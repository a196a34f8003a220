package org.virtlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.SetCpuQos;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.SimulationRunner;

/** Recent files and the recovery copy of unsaved work, kept between runs. */
class UserFilesTest {
    @TempDir
    Path dir;

    @Test
    void recentFilesAreNewestFirstWithoutDuplicatesAndAtMostTen() throws Exception {
        UserFiles files = new UserFiles(dir.resolve("home"));
        List<Path> made = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path f = Files.writeString(dir.resolve("s" + i + ".json"), "{}");
            made.add(f);
            files.remember(f);
        }
        files.remember(made.get(5));
        List<Path> recent = files.recent();
        assertEquals(UserFiles.RECENT_LIMIT, recent.size());
        assertEquals(made.get(5).toAbsolutePath(), recent.get(0));
        assertEquals(made.get(11).toAbsolutePath(), recent.get(1));
    }

    @Test
    void aMissingOrDamagedListReadsAsEmpty() throws Exception {
        UserFiles files = new UserFiles(dir.resolve("home"));
        assertTrue(files.recent().isEmpty());
        Files.createDirectories(dir.resolve("home"));
        Files.write(dir.resolve("home/recent.txt"), new byte[] {(byte) 0xff, 0, 0x2f});
        assertTrue(files.recent().isEmpty());
    }

    @Test
    void unsavedWorkIsRecoveredWithTheFileItBelongsTo() throws Exception {
        UserFiles files = new UserFiles(dir.resolve("home"));
        Path lesson = dir.resolve("lesson.json");
        try (SimulationRunner runner = new SimulationRunner(Lessons.defaultLesson().scenario())) {
            ShellViewModel vm = new ShellViewModel(new I18n(Locale.ENGLISH), runner, files);
            assertTrue(vm.saveAs(lesson).isEmpty());
            Scenario before = vm.scenario();
            CpuQos qos = new CpuQos(Shares.HIGH, CpuQos.NO_LIMIT, 0);
            vm.apply(before.withVm(before.vm("web").orElseThrow().withCpuQos(qos)), new SetCpuQos("web", qos));
            vm.autosave();
            assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        }
        // the next run finds it
        UserFiles.Recovery found = files.recovery().orElseThrow();
        assertEquals(Optional.of(lesson.toAbsolutePath()), found.original());
        assertEquals(Shares.HIGH, found.scenario().vm("web").orElseThrow().cpuQos().shares());
        try (SimulationRunner runner = new SimulationRunner(Lessons.defaultLesson().scenario())) {
            ShellViewModel vm = new ShellViewModel(new I18n(Locale.ENGLISH), runner, files);
            vm.restore(found);
            assertTrue(vm.dirtyProperty().get());
            assertEquals(Optional.of(lesson.toAbsolutePath()), vm.fileProperty().get());
            assertTrue(vm.save().isEmpty());
            assertTrue(files.recovery().isEmpty(), "saving the work forgets the recovery copy");
        }
    }

    @Test
    void nothingUnsavedWritesNoRecoveryCopy() throws Exception {
        UserFiles files = new UserFiles(dir.resolve("home"));
        try (SimulationRunner runner = new SimulationRunner(Lessons.defaultLesson().scenario())) {
            new ShellViewModel(new I18n(Locale.ENGLISH), runner, files).autosave();
        }
        assertTrue(files.recovery().isEmpty());
    }
}
