package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.engine.model.Scenario;

/**
 * Issue #4: a child JVM saves two versions of a lesson to one file, over and over, and is killed (SIGKILL) at
 * a random moment, many times; the file is always one of the two versions, complete.
 */
class KillDuringSaveTest {
    private static final long SEED = 0x4B111L;
    private static final int ROUNDS = Integer.getInteger("virtlab.kill.rounds", 40);
    private static final long BUDGET_MILLIS = 60_000;
    private static final int MAX_KILL_DELAY_MILLIS = 400;

    @TempDir
    Path dir;

    @Test
    void theFileIsAlwaysTheOldOrTheNewVersionWhateverMomentTheSaverIsKilled() throws Exception {
        Path lesson = Path.of("scenarios", "default.json");
        Scenario[] versions = SaveForeverMain.versions(lesson);
        List<byte[]> expected = List.of(bytes(versions[0]), bytes(versions[1]));
        Path target = dir.resolve("lesson.json");
        ScenarioWriter.write(versions[0], target);

        SplittableRandom random = new SplittableRandom(SEED);
        int[] endedAs = new int[2];
        int rounds = 0;
        long start = System.nanoTime();
        while (rounds < ROUNDS && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < BUDGET_MILLIS) {
            int delay = random.nextInt(MAX_KILL_DELAY_MILLIS + 1);
            killWhileSaving(lesson, target, delay, rounds);
            byte[] found = Files.readAllBytes(target);
            int which = expected.get(0).length == found.length && Arrays.equals(expected.get(0), found) ? 0
                    : Arrays.equals(expected.get(1), found) ? 1 : -1;
            if (which < 0) {
                fail("round " + rounds + " (seed " + SEED + ", killed after " + delay + " ms): the file is neither"
                        + " version, " + found.length + " bytes, starting " + ScenarioFuzzTest.shorten(
                        Arrays.copyOf(found, Math.min(found.length, 300))));
            }
            assertEquals(versions[which], ScenarioReader.read(target));
            endedAs[which]++;
            rounds++;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        List<Path> temps = temporaryFiles(target);
        System.out.printf("kill during save: %d rounds in %d ms; old/new version %d/%d; %d temporary files left%n",
                rounds, millis, endedAs[0], endedAs[1], temps.size());
        assertTrue(rounds >= 10, "only " + rounds + " rounds in " + millis + " ms");
        // A kill between creating the temporary file and moving it leaves it behind (about one kill in ten
        // here); a save that completes, or fails, never does: at most one per kill.
        assertTrue(temps.size() <= rounds, temps.size() + " temporary files after " + rounds + " kills");
        // Both versions seen: the kills did land between saves as well as during them.
        assertTrue(endedAs[0] > 0 && endedAs[1] > 0, "old/new " + endedAs[0] + "/" + endedAs[1]);
    }

    /** Starts the saver, waits until it begins saving, lets it run {@code delayMillis}, then kills it. */
    private void killWhileSaving(Path lesson, Path target, int delayMillis, int round) throws Exception {
        Path errors = dir.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(javaCommand(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classPath(), SaveForeverMain.class.getName(), lesson.toString(), target.toString())
                .redirectError(errors.toFile())
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            if (!"saving".equals(line)) {
                child.waitFor(10, TimeUnit.SECONDS);
                fail("the saver did not start: " + line + "\n" + Files.readString(errors));
            }
            Thread.sleep(delayMillis); // the random moment of the kill, the point of the test
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the saver outlived SIGKILL");
        }
        assertTrue(child.exitValue() != 0, "the saver ended by itself: " + Files.readString(errors));
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private static byte[] bytes(Scenario s) {
        return ScenarioWriter.toJson(s).getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> temporaryFiles(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (Stream<Path> files = Files.list(target.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A plain class path for the child: the tests run on the module path under Maven (our module, Jackson)
     * with only the test framework on the class path, so both are joined.
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null) {
                for (String entry : value.split(File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        entries.add(entry);
                    }
                }
            }
        }
        return String.join(File.pathSeparator, new ArrayList<>(entries));
    }
}
