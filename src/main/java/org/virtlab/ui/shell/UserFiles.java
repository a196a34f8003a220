package org.virtlab.ui.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.ScenarioException;
import org.virtlab.scenario.ScenarioReader;
import org.virtlab.scenario.ScenarioWriter;

/**
 * What VirtLab keeps for the user between runs, in one folder: the recent files and the recovery copy
 * of unsaved work. The folder is {@code virtlab.home} (a system property; tests point it elsewhere) or
 * {@code ~/.virtlab}. Every write is atomic; a missing or damaged file reads as empty, never as an error.
 */
public final class UserFiles {
    /** How many recent files File › Open Recent lists. */
    public static final int RECENT_LIMIT = 10;

    private final Path dir;

    public UserFiles(Path dir) {
        this.dir = dir;
    }

    /** The folder from {@code virtlab.home}, else {@code ~/.virtlab}. */
    public static UserFiles standard() {
        String home = System.getProperty("virtlab.home");
        return new UserFiles(home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".virtlab"));
    }

    /** Recent files, newest first; those that no longer exist are left out. */
    public List<Path> recent() {
        try {
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("recent.txt"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && Files.isRegularFile(Path.of(line))) {
                    out.add(Path.of(line));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts {@code file} first in the recent files. Failing to remember it is not worth an error dialog. */
    public void remember(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<String> lines = new ArrayList<>();
        lines.add(absolute.toString());
        for (Path p : recent()) {
            if (!p.toAbsolutePath().normalize().equals(absolute) && lines.size() < RECENT_LIMIT) {
                lines.add(p.toString());
            }
        }
        writeQuietly("recent.txt", String.join("\n", lines) + "\n");
    }

    /** Writes the recovery copy of unsaved work, and the file it belongs to (if it has one). */
    public void saveRecovery(Scenario scenario, Optional<Path> original) throws IOException {
        Files.createDirectories(dir);
        ScenarioWriter.write(scenario, dir.resolve("recovery.json"));
        write("recovery-of.txt", original.map(p -> p.toAbsolutePath().toString()).orElse("") + "\n");
    }

    /** The recovery copy left by a run that did not end cleanly, if it can be read. */
    public Optional<Recovery> recovery() {
        Path file = dir.resolve("recovery.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Scenario scenario = ScenarioReader.read(file);
            String of = Files.readString(dir.resolve("recovery-of.txt"), StandardCharsets.UTF_8).strip();
            return Optional.of(new Recovery(scenario, of.isEmpty() ? Optional.empty() : Optional.of(Path.of(of)),
                    Files.getLastModifiedTime(file).toInstant()));
        } catch (ScenarioException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Forgets the recovery copy: the work was saved or deliberately dropped. */
    public void clearRecovery() {
        try {
            Files.deleteIfExists(dir.resolve("recovery.json"));
            Files.deleteIfExists(dir.resolve("recovery-of.txt"));
        } catch (IOException e) {
            // an old recovery copy is harmless: it is offered once more, and can be declined
        }
    }

    /** Unsaved work found at start: the scenario, the file it came from, when it was written. */
    public record Recovery(Scenario scenario, Optional<Path> original, java.time.Instant writtenAt) {
    }

    private void writeQuietly(String name, String text) {
        try {
            write(name, text);
        } catch (IOException e) {
            // the recent-files list is a convenience
        }
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
