package org.virtlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's folder appears complete at once: renamed into place, or moved in with summary.json last. */
class RunOutputTest {
    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFolderAppearsWholeByOneRename() throws IOException {
        Path target = dir.resolve("run");
        try (RunOutput out = RunOutput.at(target)) {
            assertEquals(dir, out.folder().getParent(), "the temporary folder sits beside the target");
            assertTrue(out.folder().getFileName().toString().startsWith(".run.partial-"));
            Files.writeString(out.folder().resolve("cpu.csv"), "x\r\n");
            Files.writeString(out.folder().resolve(RunOutput.SUMMARY), "{}\n");
            assertFalse(Files.exists(target), "nothing at the target before publishing");
            out.publish();
        }
        assertEquals(List.of("cpu.csv", "summary.json"), names(target));
        assertEquals(List.of("run"), names(dir), "no temporary folder left");
    }

    @Test
    void intoAnExistingFolderTheFilesMoveInAndReplaceTheOldOnes() throws IOException {
        Path target = Files.createDirectory(dir.resolve("run"));
        Files.writeString(target.resolve("cpu.csv"), "old");
        Files.writeString(target.resolve(RunOutput.SUMMARY), "old");
        Files.writeString(target.resolve("notes.txt"), "the user's own file");
        try (RunOutput out = RunOutput.at(target)) {
            assertEquals(target, out.folder().getParent(), "the temporary folder sits inside the existing target");
            Files.writeString(out.folder().resolve("cpu.csv"), "new");
            Files.writeString(out.folder().resolve(RunOutput.SUMMARY), "new");
            out.publish();
        }
        assertEquals(List.of("cpu.csv", "notes.txt", "summary.json"), names(target));
        assertEquals("new", Files.readString(target.resolve("cpu.csv")));
        assertEquals("new", Files.readString(target.resolve(RunOutput.SUMMARY)));
        assertEquals("the user's own file", Files.readString(target.resolve("notes.txt")));
    }

    @Test
    void aRunThatFailsLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("run");
        try (RunOutput out = RunOutput.at(target)) {
            Files.writeString(out.folder().resolve("cpu.png"), "half a picture");
            // no publish: as when writing a chart throws
        }
        assertEquals(List.of(), names(dir));
        Path existing = Files.createDirectory(dir.resolve("existing"));
        try (RunOutput out = RunOutput.at(existing)) {
            Files.writeString(out.folder().resolve(RunOutput.SUMMARY), "{}");
        }
        assertEquals(List.of(), names(existing));
    }

    @Test
    void aFileInTheWayIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "a file");
        assertThrows(NotDirectoryException.class, () -> RunOutput.at(file));
        assertThrows(IOException.class, () -> RunOutput.at(file.resolve("below")));
        assertEquals(List.of("taken"), names(dir));
    }

    @Test
    void publishedFilesGetTheRightsOfAFileMadeDirectlyNotThoseOfATemporaryFile() throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return; // no POSIX permissions here: nothing to compare
        }
        Path target = dir.resolve("run");
        try (RunOutput out = RunOutput.at(target)) {
            Files.writeString(Files.createTempFile(out.folder(), "cpu", ".png"), "x"); // rw------- as made
            out.publish();
        }
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        Path plainFolder = Files.createDirectory(dir.resolve("plainFolder"));
        try (Stream<Path> files = Files.list(target)) {
            for (Path p : files.toList()) {
                assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(p), p.toString());
            }
        }
        assertEquals(Files.getPosixFilePermissions(plainFolder), Files.getPosixFilePermissions(target));
    }
}
