package org.virtlab.experiment;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;

/**
 * The output folder of a run, made to appear complete at once: everything is written into a hidden temporary folder
 * first ({@link #folder()}), then {@link #publish()} either renames it to the target (when the target does not exist
 * yet: the folder appears whole, in one step) or, when the target folder exists, moves the files into it one by one
 * with {@value #SUMMARY} last, having removed an older {@value #SUMMARY} first. So {@value #SUMMARY}'s presence marks a
 * complete run: the files beside it are all of that run. {@link #close()} removes the temporary folder if it was not
 * published, so a failed run leaves nothing that looks complete.
 *
 * <p>The temporary folder sits beside the target ({@code .NAME.partial-…} in its parent) when the target does not
 * exist, and inside it ({@code .virtlab-run-….partial}) when it does: on the same file system either way, so the
 * renames are atomic, and needing no more rights than writing the target itself.
 */
public final class RunOutput implements AutoCloseable {
    /** The file whose presence marks a complete run. */
    public static final String SUMMARY = "summary.json";

    private final Path target;
    private final Path temp;
    private final boolean targetExisted;
    private boolean published;

    private RunOutput(Path target, Path temp, boolean targetExisted) {
        this.target = target;
        this.temp = temp;
        this.targetExisted = targetExisted;
    }

    /**
     * Prepares writing to {@code target}: checks it is a folder or absent and makes the temporary folder.
     *
     * @throws NotDirectoryException if {@code target} is a file
     * @throws IOException           if the temporary folder cannot be made (a file in the way, no write permission)
     */
    public static RunOutput at(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new NotDirectoryException(absolute.toString());
        }
        if (Files.isDirectory(absolute)) {
            return new RunOutput(absolute, Files.createTempDirectory(absolute, ".virtlab-run-"), true);
        }
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new NotDirectoryException(absolute.toString());
        }
        Files.createDirectories(parent);
        String name = absolute.getFileName().toString();
        return new RunOutput(absolute, Files.createTempDirectory(parent, "." + name + ".partial-"), false);
    }

    /** The folder to write the run's files into. */
    public Path folder() {
        return temp;
    }

    /** The folder the files appear in once published. */
    public Path target() {
        return target;
    }

    /** Makes the files appear in the target, {@value #SUMMARY} last (see the class comment). */
    public void publish() throws IOException {
        if (published) {
            throw new IllegalStateException("already published");
        }
        usualPermissions();
        if (!targetExisted) {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                published = true;
                return;
            } catch (FileAlreadyExistsException e) {
                // someone made the folder meanwhile: move the files in, as into any existing folder
            }
        }
        List<Path> files = new ArrayList<>();
        Path summary = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(temp)) {
            for (Path p : entries) {
                if (p.getFileName().toString().equals(SUMMARY)) {
                    summary = p;
                } else {
                    files.add(p);
                }
            }
        }
        files.sort(null); // a fixed order
        Files.deleteIfExists(target.resolve(SUMMARY)); // an older run's mark must not cover a mix of files
        for (Path p : files) {
            Files.move(p, target.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        if (summary != null) {
            Files.move(summary, target.resolve(SUMMARY), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        Files.delete(temp);
        published = true;
    }

    /**
     * Temporary files and folders are private to their owner (rw-------); the published ones get what a new file or
     * folder gets here (the user's umask), as if written directly. Only where the file system has POSIX permissions.
     */
    private void usualPermissions() throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Path probeFile = Files.createFile(temp.resolve(".virtlab-probe-file"));
        Path probeDir = Files.createDirectory(temp.resolve(".virtlab-probe-folder"));
        Set<PosixFilePermission> file = Files.getPosixFilePermissions(probeFile);
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(probeDir);
        Files.delete(probeFile);
        Files.delete(probeDir);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(temp)) {
            for (Path p : entries) {
                Files.setPosixFilePermissions(p, file);
            }
        }
        Files.setPosixFilePermissions(temp, folder);
    }

    /** Removes the temporary folder and what is in it, unless published. */
    @Override
    public void close() throws IOException {
        if (published || !Files.exists(temp)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(temp)) {
            for (Path p : entries) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(temp);
    }
}
