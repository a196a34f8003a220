package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.virtlab.engine.model.Scenario;

/**
 * Issue #4: thousands of mutated versions of every shipped lesson, each given to the reader, must end in a
 * scenario or in a {@link ScenarioException} with clean problems: never another exception, never a hang.
 *
 * <p>Deterministic: each lesson has a fixed seed, each mutant a seed drawn from it; a failure prints both,
 * the changes made and the mutated text, and {@code ScenarioMutator.mutate(bytes, mutantSeed)} gives the
 * same bytes again. {@code -Dvirtlab.fuzz.mutants=N} changes the number of mutants per lesson.
 */
class ScenarioFuzzTest {
    private static final int MUTANTS = Integer.getInteger("virtlab.fuzz.mutants", 2000);
    /**
     * How long one read may take: a guard against hangs and quadratic blowups (which on five megabytes take
     * minutes), not a benchmark: a quiet machine reads the five-megabyte file in about 0.3–0.7 s, a shared
     * one under a load of 8 took up to 2.3 s.
     */
    private static final long READ_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_FAILURES_SHOWN = 8;
    /** A problem is one line for a person: the text a file supplies is shown shortened. */
    private static final int MAX_LINE_CHARS = 1000;
    private static final List<String> INTERNALS = List.of("Exception", "java.", "com.fasterxml", "Jackson");

    private static ExecutorService reader;

    @BeforeAll
    static void startReader() {
        reader = readerThread();
    }

    @AfterAll
    static void stopReader() {
        reader.shutdownNow();
    }

    private static ExecutorService readerThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scenario-fuzz-reader");
            t.setDaemon(true); // a read that hangs must not keep the test JVM alive
            return t;
        });
    }

    static Stream<Path> lessons() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            List<Path> lessons = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertTrue(lessons.size() >= 7, "the shipped lessons in scenarios/: " + lessons);
            return lessons.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void everyMutantOfALessonLoadsOrGivesCleanProblems(Path lesson) throws Exception {
        byte[] original = Files.readAllBytes(lesson);
        String name = lesson.getFileName().toString();
        long lessonSeed = 0x5CE4A210L ^ name.hashCode(); // String.hashCode is specified: same seed every run
        SplittableRandom seeds = new SplittableRandom(lessonSeed);
        TraceFiles traces = TraceFiles.besides(lesson);
        List<String> failures = new ArrayList<>();
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < MUTANTS && failures.size() < MAX_FAILURES_SHOWN; i++) {
            long mutantSeed = seeds.nextLong();
            ScenarioMutator.Mutant mutant = ScenarioMutator.mutate(original, mutantSeed);
            boolean asText = (mutantSeed & 3) == 0; // a quarter through read(String), the rest as a stream
            String failure = check(mutant.bytes(), asText, traces, outcomes);
            if (failure != null) {
                failures.add(String.format("lesson %s (seed %#x), mutant %d (seed %#x, %s), changes %s:%n  %s%n"
                                + "  text: %s", name, lessonSeed, i, mutantSeed,
                        asText ? "read(String)" : "read(InputStream)", mutant.changes(), failure,
                        shorten(mutant.bytes())));
                if (failure.startsWith("hang")) {
                    break; // the reader thread is stuck; the rest would only time out behind it
                }
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("fuzz %s: %d mutants in %d ms; outcomes %s%n", name, MUTANTS, millis, outcomes);
        if (!failures.isEmpty()) {
            fail(failures.size() + " mutant(s) broke the reader:\n" + String.join("\n", failures));
        }
        // Not vacuous: some mutants must still load, and most must be refused.
        int loaded = outcomes.getOrDefault("loaded", 0);
        assertTrue(loaded > MUTANTS / 100 && loaded < MUTANTS / 2, "loaded " + loaded + " of " + MUTANTS);
    }

    /** Reads one mutant; {@code null} if it ended well, else what went wrong. */
    private static String check(byte[] bytes, boolean asText, TraceFiles traces, TreeMap<String, Integer> outcomes) {
        Future<Scenario> read = reader.submit(() -> asText
                ? ScenarioReader.read(new String(bytes, StandardCharsets.UTF_8), "fuzz.json")
                : ScenarioReader.read(new ByteArrayInputStream(bytes), "fuzz.json", traces));
        try {
            Scenario scenario = read.get(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            outcomes.merge("loaded", 1, Integer::sum);
            return scenario == null ? "read returned null" : roundTrip(scenario, traces);
        } catch (TimeoutException e) {
            read.cancel(true);
            reader.shutdownNow();
            reader = readerThread();
            return "hang: the read took more than " + READ_TIMEOUT_MILLIS + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ScenarioException se) {
                outcomes.merge(se.problems().get(0).key(), 1, Integer::sum);
                return cleanProblems(se);
            }
            return "threw " + cause + "\n    at " + stackTop(cause);
        }
    }

    /** A scenario that loaded must also save, and read back as itself. */
    private static String roundTrip(Scenario scenario, TraceFiles traces) {
        try {
            String json = ScenarioWriter.toJson(scenario);
            Scenario again = ScenarioReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    "again.json", traces);
            return scenario.equals(again) ? null : "loaded, but saved and read back it differs:\n" + json;
        } catch (ScenarioException | RuntimeException e) {
            return "loaded, but saving and reading back threw " + e + "\n    at " + stackTop(e);
        }
    }

    private static String cleanProblems(ScenarioException e) {
        if (e.problems().isEmpty()) {
            return "a ScenarioException without problems";
        }
        for (Problem p : e.problems()) {
            String english = p.message(Locale.ENGLISH);
            String unclean = p.pointer() == null || !p.pointer().startsWith("/") ? "pointer " + p.pointer()
                    : english == null || english.isBlank() ? "an empty message"
                    : english.startsWith(p.key() + " [") ? "no text for key " + p.key()
                    : INTERNALS.stream().filter(english::contains).findFirst().map(s -> "\"" + s + "\" in the message")
                    .orElse(null);
            if (unclean != null) {
                return "problem with " + unclean + ": " + p.format(Locale.ENGLISH);
            }
            // Everything found in a document has its line and column; only the file as a whole, text that is no
            // text (bytes of no encoding) and the count of problems not listed have none.
            boolean placeless = p.key().startsWith("file.") || p.key().equals("json.malformed")
                    || p.key().equals("problems.more");
            if (!placeless && !p.located()) {
                return "a problem without line and column: " + p.format(Locale.ENGLISH);
            }
            for (Locale locale : List.of(Locale.ENGLISH, Locale.CHINESE)) {
                String line = p.format(locale);
                if (line.length() > MAX_LINE_CHARS || line.chars().anyMatch(c -> c < 0x20)) {
                    return "a problem line of " + line.length() + " chars or with control characters: "
                            + shorten(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return null;
    }

    private static String stackTop(Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(8, stack.length); i++) {
            out.append(i == 0 ? "" : "\n    at ").append(stack[i]);
        }
        return out.toString();
    }

    /** The mutant's text for a failure message, the middle cut out of long ones. */
    static String shorten(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "\\0");
        if (text.length() <= 1200) {
            return text;
        }
        return text.substring(0, 600) + "\n…(" + (text.length() - 1200) + " chars cut)…\n"
                + text.substring(text.length() - 600);
    }

    // ---- hand-written nasty inputs ----

    private static final Set<String> MALFORMED = Set.of("json.malformed");
    private static final String HEAD = "{\"format\": \"virtlab.scenario\", \"version\": 1, ";

    @Test
    void tenMegabytesOfOpeningBracketsAreMalformed() {
        assertRefusedQuickly("[".repeat(10_000_000).getBytes(StandardCharsets.US_ASCII), MALFORMED);
    }

    @Test
    void tenMegabytesOfNestedObjectsAreMalformed() {
        assertRefusedQuickly("{\"a\":".repeat(2_000_000).getBytes(StandardCharsets.US_ASCII), MALFORMED);
    }

    @Test
    void fiftyMegabyteStringIsMalformed() {
        String json = HEAD + "\"title\": {\"en\": \"" + "x".repeat(50_000_000) + "\"}}";
        assertRefusedQuickly(json.getBytes(StandardCharsets.US_ASCII), MALFORMED);
    }

    /** A problem for each of 2.5 million elements: only the first hundred are listed, quickly. */
    @Test
    void fiveMegabytesOfBrokenHostsAreRefusedQuickly() {
        String json = HEAD + "\"hosts\": [" + "0,".repeat(2_500_000) + "0], \"vms\": []}";
        assertRefusedQuickly(json.getBytes(StandardCharsets.US_ASCII), Set.of("type.object"));
    }

    @Test
    void onlyAByteOrderMarkIsEmpty() {
        assertRefusedQuickly(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Set.of("file.empty"));
        assertRefusedQuickly(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'}, Set.of("file.empty"));
    }

    /** Two bytes are too few for the parser to tell UTF-16 by its mark; then they are not UTF-8 either. */
    @Test
    void onlyAUtf16ByteOrderMarkIsRefused() {
        assertRefusedQuickly(new byte[] {(byte) 0xFE, (byte) 0xFF}, MALFORMED);
        assertRefusedQuickly(new byte[] {(byte) 0xFF, (byte) 0xFE}, MALFORMED);
        assertRefusedQuickly(new byte[] {(byte) 0xFF, (byte) 0xFE, ' ', 0}, Set.of("file.empty"));
    }

    @Test
    void hugeNumberLiteralsAreRefused() {
        for (String number : List.of("1" + "0".repeat(5000), "1e999999999", "-1e-999999999", "1e2147483648")) {
            assertRefusedQuickly((HEAD + "\"seed\": " + number + "}").getBytes(StandardCharsets.US_ASCII), null);
        }
    }

    private static void assertRefusedQuickly(byte[] bytes, Set<String> expectedKeys) {
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        long start = System.nanoTime();
        String failure = check(bytes, false, null, outcomes);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(null, failure, () -> failure + "\n  text: " + shorten(bytes));
        assertTrue(millis < READ_TIMEOUT_MILLIS, millis + " ms");
        if (expectedKeys != null) {
            assertTrue(expectedKeys.containsAll(outcomes.keySet()) && !outcomes.isEmpty(),
                    () -> outcomes + ", expected one of " + expectedKeys + ": " + shorten(bytes));
        } else {
            assertTrue(!outcomes.containsKey("loaded"), () -> "loaded: " + shorten(bytes));
        }
    }
}
