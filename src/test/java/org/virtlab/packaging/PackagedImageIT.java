package org.virtlab.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jlink image that {@code mvn package} builds at target/virtlab runs the command line with no display
 * (run by Failsafe after packaging).
 */
class PackagedImageIT {
    private static final Path IMAGE = Path.of("target", "virtlab");
    private static final Path LAUNCHER = IMAGE.resolve("bin").resolve("virtlab");
    /** The size the foundation issue allows the image (issue #2, "Speed and size"). */
    private static final long MAX_IMAGE_BYTES = 80L * 1024 * 1024;

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "virtlab " + String.join(" ", args) + " did not finish");
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void launcherPrintsTheVersionWithoutADisplay() throws Exception {
        Result r = run("--version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("VirtLab "), r.out());
    }

    @Test
    void launcherChecksTheShippedLessons() throws Exception {
        List<String> lessons = new ArrayList<>();
        try (var files = Files.list(Path.of("scenarios"))) {
            files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> lessons.add(f.toString()));
        }
        assertTrue(!lessons.isEmpty());
        Result r = run(prepend("check", lessons));
        assertEquals(0, r.exit(), r.err());
        assertEquals(lessons.size(), r.out().lines().filter(l -> l.endsWith(": ok")).count(), r.out());
    }

    @Test
    void launcherReportsABadFileInOneLineAndExitsTwo() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ not json");
        Result r = run("check", bad.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(bad + ": /: "), r.err());
    }

    @Test
    void imageStaysUnder80Megabytes() throws IOException {
        long bytes;
        try (var files = Files.walk(IMAGE)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        assertTrue(bytes < MAX_IMAGE_BYTES, "image is " + bytes / (1024 * 1024) + " MiB");
    }

    private static String[] prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(new String[0]);
    }
}
