package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

class LessonsTest {

    @Test
    void everyListedLessonLoadsInListOrder() {
        List<Lesson> lessons = Lessons.all();
        assertEquals(Lessons.ids(), lessons.stream().map(Lesson::id).toList());
        assertFalse(lessons.isEmpty());
    }

    @Test
    void theLessonsFollowTheDefaultInCourseOrder() {
        assertEquals(List.of("default", "cpu-shares", "cpu-reservation", "cpu-idle-neighbour", "cpu-limit",
                "cpu-hyperthreading", "cpu-pinning", "mem-page-walk", "mem-tlb-vpid", "mem-large-pages", "mem-zero-pages",
                "mem-page-sharing", "mem-balloon-swap", "mem-qos", "mem-idle-tax", "network-models",
                "net-four-models", "net-nat-port-forward", "net-routed-return-route", "net-bridged-lan", "net-dvs-vlans", "migration-precopy",
                "io-emulation-vs-virtio", "io-virtqueue-anatomy", "io-event-idx", "io-passthrough-iommu"),
                Lessons.ids());
    }

    @Test
    void everyLessonFileInTheRepositoryIsListedAndEveryListedLessonHasAFile() throws IOException {
        // Surefire runs in the project folder; Maven copies scenarios/ into the module (see Lessons).
        Path folder = Path.of("scenarios");
        List<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
        assertEquals(files, Lessons.ids().stream().sorted().toList());
    }

    @Test
    void everyLessonFileIsExactlyWhatTheWriterWrites() throws IOException {
        // So that opening a lesson and saving it unchanged gives the same file.
        for (String id : Lessons.ids()) {
            String file = Files.readString(Path.of("scenarios", id + ".json"));
            Lesson lesson = Lessons.all().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
            assertEquals(file, ScenarioWriter.toJson(lesson.scenario()), id);
        }
    }

    @Test
    void everyLessonSurvivesARoundTrip() throws ScenarioException {
        for (Lesson lesson : Lessons.all()) {
            String json = ScenarioWriter.toJson(lesson.scenario());
            assertEquals(lesson.scenario(), ScenarioReader.read(json, lesson.id()), lesson.id());
            assertEquals(json, ScenarioWriter.toJson(ScenarioReader.read(json, lesson.id())), lesson.id());
        }
    }

    @Test
    void everyLessonHasTitleAndGoalInBothLanguages() {
        for (Lesson lesson : Lessons.all()) {
            Scenario s = lesson.scenario();
            for (String text : List.of(s.title().en(), s.title().zh(), s.goal().en(), s.goal().zh())) {
                assertFalse(text.isBlank(), lesson.id());
            }
        }
    }

    @Test
    void everyLessonSuggestsStepsInBothLanguages() {
        for (Lesson lesson : Lessons.all()) {
            List<LocalizedText> steps = lesson.scenario().steps();
            assertTrue(steps.size() >= 2 && steps.size() <= 4, lesson.id() + ": " + steps.size() + " steps");
            for (LocalizedText step : steps) {
                assertFalse(step.en().isBlank() || step.zh().isBlank(), lesson.id() + ": " + step);
            }
        }
    }

    @Test
    void defaultLessonIsThreeVmsOnOneHost() {
        Lesson lesson = Lessons.defaultLesson();
        assertEquals("default", lesson.id());
        assertEquals("Three VMs share one host", lesson.title().in(Locale.ENGLISH));
        Scenario s = lesson.scenario();
        assertEquals(List.of(new HostSpec("host1", "Host 1", new CpuTopology(1, 12, 1, 2000), 65_536, 60, 60)),
                s.hosts());
        assertEquals(List.of(
                new VmSpec("web", "Web server", "host1", 4, 4096, new Workload.Bursty(90, 10, 800, 1200), 90, 140),
                new VmSpec("db", "Database", "host1", 8, 16_384, new Workload.Constant(70), 290, 140),
                new VmSpec("batch", "Batch jobs", "host1", 6, 8192, new Workload.Periodic(10, 100, 20_000), 490, 140)),
                s.vms());
        // The goal text speaks of 24 GHz: 12 logical CPUs at 2 GHz, so the demands (up to 30.4 GHz) contend.
        assertEquals(12, s.hosts().get(0).cpu().logicalCpus());
        assertEquals(24_000, s.hosts().get(0).cpu().logicalCapacityMhz());
    }

    @Test
    void unknownLessonIdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Lessons.load("no-such-lesson"));
        assertThrows(IllegalArgumentException.class, () -> Lessons.load("../default"));
    }
}
