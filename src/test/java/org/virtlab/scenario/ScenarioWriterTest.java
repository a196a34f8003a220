package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.migration.MigrationSettings;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.ViewState;
import org.virtlab.engine.model.VmSpec;

class ScenarioWriterTest {
    @TempDir
    Path dir;

    /** A scenario using every workload kind, fractions, negative coordinates and an empty goal. */
    static Scenario everyKind() {
        HostSpec a = new HostSpec("a", "Rack A", new CpuTopology(1, 4, 1, 2400), 8192, -12.25, 0);
        HostSpec b = new HostSpec("b", "b", new CpuTopology(8, 128, 2, 10_000), 1024, 300, 40);
        List<VmSpec> vms = List.of(
                new VmSpec("idle", "Idle", "a", 1, 512, new Workload.Idle(2.5), 10, 20),
                new VmSpec("const", "Const", "a", 2, 1024, new Workload.Constant(100), 30, 20),
                new VmSpec("burst", "Burst", "b", 64, 2048, new Workload.Bursty(95.5, 0, 1, 3_600_000), 0.1, 1e6),
                new VmSpec("wave", "Wave", "b", 3, 16, new Workload.Periodic(33.3, 33.3, 86_400_000), 0, 0),
                new VmSpec("ramp", "Ramp", "b", 4, 4096, new Workload.Ramp(100, 0, 5), 1, 2));
        return new Scenario(LocalizedText.of("Every kind", ""), LocalizedText.EMPTY, -3, 10, List.of(a, b), vms);
    }

    @Test
    void roundTripKeepsEveryField() throws ScenarioException {
        Scenario s = everyKind();
        assertEquals(s, ScenarioReader.read(ScenarioWriter.toJson(s), "mem"));
    }

    @Test
    void roundTripKeepsNetworksSwitchesNicsAndSettings() throws ScenarioException {
        Scenario s = TestScenarios.networked();
        String json = ScenarioWriter.toJson(s);
        assertEquals(s, ScenarioReader.read(json, "mem"));
        assertEquals(json, ScenarioWriter.toJson(ScenarioReader.read(json, "mem")));
    }

    @Test
    void writesTheTopologyInFileOrder() {
        String json = ScenarioWriter.toJson(TestScenarios.networked());
        List<String> order = List.of("\"title\"", "\"goal\"", "\"steps\"", "\"seed\"", "\"tickMicros\"",
                "\"durationSeconds\": 90", "\"migration\"", "\"hosts\"", "\"networks\"", "\"switches\"", "\"vms\"",
                "\"view\"");
        for (int i = 1; i < order.size(); i++) {
            assertTrue(json.indexOf(order.get(i - 1)) < json.indexOf(order.get(i)), order.get(i));
        }
        assertTrue(json.contains("\"mode\": \"bridged\",\n      \"bridge\": \"br0\","), "no subnet for bridged: " + json);
        assertTrue(json.contains("\"bridge\": \"virbr-iso\""), "a derived bridge is written: " + json);
        assertTrue(json.contains("{\n          \"portGroup\": \"pg-web\"\n        },\n        { }\n      ]"),
                "an unplugged NIC keeps its place: " + json);
        assertTrue(json.contains("\"dirtyMibPerSecond\": 12.5"), json);
        assertTrue(json.contains("\"dirtyMibPerSecond\": 0,"), json);
        assertTrue(json.contains("\"view\": {\n    \"tab\": \"cpu\",\n    \"zoom\": 1.5\n  }"), json);
    }

    @Test
    void defaultsAreLeftOutAsForCpuQos() {
        String json = ScenarioWriter.toJson(everyKind());
        for (String absent : List.of("\"steps\"", "\"migration\"", "\"networks\"", "\"switches\"", "\"nics\"",
                "\"dirtyMibPerSecond\"", "\"view\"")) {
            assertFalse(json.contains(absent), absent);
        }
        assertTrue(json.contains("\"durationSeconds\": 60,"), "written always, like seed and tick: " + json);
        Scenario s = TestScenarios.networked();
        String partly = ScenarioWriter.toJson(s.withMigration(new MigrationSettings(128, 300, 7))
                .withView(new ViewState("topology", 2)));
        assertTrue(partly.contains("\"migration\": {\n    \"maxRounds\": 7\n  },"), partly);
        assertTrue(partly.contains("\"view\": {\n    \"zoom\": 2\n  }"), partly);
        String overcommit = ScenarioWriter.toJson(s.withView(new ViewState("memory", 1, "overcommit")));
        assertTrue(overcommit.contains("\"view\": {\n    \"tab\": \"memory\",\n    \"memoryView\": \"overcommit\"\n  }"),
                overcommit);
    }

    @Test
    void writingTheSameScenarioTwiceGivesTheSameBytes() throws Exception {
        Scenario s = everyKind();
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        ScenarioWriter.write(s, first);
        ScenarioWriter.write(ScenarioReader.read(first), second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertEquals(ScenarioWriter.toJson(s), ScenarioWriter.toJson(s));
    }

    @Test
    void writesFieldsInFileOrderWithPlainWholeNumbers() {
        String json = ScenarioWriter.toJson(everyKind());
        assertTrue(json.startsWith("{\n  \"format\": \"virtlab.scenario\",\n  \"version\": 1,\n  \"title\": {\n"),
                json);
        assertTrue(json.contains("\"kind\": \"constant\",\n        \"percent\": 100\n"), json);
        assertTrue(json.contains("\"onPercent\": 95.5,"), json);
        assertTrue(json.contains("\"x\": -12.25,"), json);
        assertFalse(json.contains(".0,") || json.contains(".0\n"), json);
        assertFalse(json.contains("\r"), json);
        assertFalse(json.contains("\"goal\""), "an empty goal is left out");
        assertTrue(json.endsWith("}\n"), json);
        List<String> order = List.of("\"format\"", "\"version\"", "\"title\"", "\"seed\"", "\"tickMicros\"",
                "\"hosts\"", "\"vms\"");
        for (int i = 1; i < order.size(); i++) {
            assertTrue(json.indexOf(order.get(i - 1)) < json.indexOf(order.get(i)), order.get(i));
        }
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("lesson.json");
        Files.writeString(file, "old");
        ScenarioWriter.write(everyKind(), file);
        assertEquals(ScenarioWriter.toJson(everyKind()), Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void failedMoveLeavesTheTargetIntactAndNoTemporaryFile() throws IOException {
        // The target is a folder with a file in it: the final rename cannot replace it.
        Path target = dir.resolve("taken.json");
        Files.createDirectory(target);
        Path inside = Files.writeString(target.resolve("keep.txt"), "precious");
        assertThrows(IOException.class, () -> ScenarioWriter.write(everyKind(), target));
        assertTrue(Files.isDirectory(target));
        assertEquals("precious", Files.readString(inside));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws Exception {
        Path file = dir.resolve("shared.json");
        Files.writeString(file, "old");
        assumeTrue(Files.getFileAttributeView(file, PosixFileAttributeView.class) != null, "POSIX file system");
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(file, permissions);
        ScenarioWriter.write(everyKind(), file);
        assertEquals(permissions, Files.getPosixFilePermissions(file));
    }

    @Test
    void positionsThatJsonCannotHoldAreRefused() {
        Scenario s = everyKind();
        VmSpec vm = s.vms().get(0);
        Scenario bad = s.withVm(new VmSpec(vm.id(), vm.name(), vm.hostId(), vm.vcpus(), vm.memoryMib(),
                vm.workload(), Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> ScenarioWriter.toJson(bad));
    }

    @Test
    void writingIntoAMissingFolderFailsWithoutCreatingIt() {
        Path file = dir.resolve("no-such-folder").resolve("x.json");
        assertThrows(IOException.class, () -> ScenarioWriter.write(everyKind(), file));
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void aSaveRemovesOldLeftoversOfKilledSavesButNotYoungOnes() throws Exception {
        Path target = dir.resolve("lesson.json");
        Path old = Files.writeString(dir.resolve(".lesson.json.dead.tmp"), "half a file");
        Path young = Files.writeString(dir.resolve(".lesson.json.busy.tmp"), "being written");
        Path other = Files.writeString(dir.resolve(".other.json.dead.tmp"), "not ours");
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(old, hourAgo);
        Files.setLastModifiedTime(other, hourAgo);

        ScenarioWriter.write(Lessons.defaultLesson().scenario(), target);

        // ScenarioWriter.STALE_TEMP is 10 minutes: the hour-old leftover goes, the fresh one stays,
        // another file's leftover is not this save's business
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(young));
        assertTrue(Files.exists(other));
    }
}
