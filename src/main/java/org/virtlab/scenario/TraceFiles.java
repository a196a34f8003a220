package org.virtlab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the CSV files of a scenario's trace workloads are found: opens a path as written in the scenario
 * ({@code "traces/web.csv"}, relative to the scenario's own folder), or gives {@code null} if there is no
 * such file. The caller closes the stream.
 */
@FunctionalInterface
public interface TraceFiles {

    InputStream open(String path) throws IOException;

    /** Files in the folder of {@code scenarioFile}. */
    static TraceFiles besides(Path scenarioFile) {
        Path folder = scenarioFile.toAbsolutePath().getParent();
        return path -> {
            Path file = folder.resolve(path);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try {
                return Files.newInputStream(file);
            } catch (NoSuchFileException e) {
                return null;
            }
        };
    }
}
