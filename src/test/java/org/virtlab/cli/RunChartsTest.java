package org.virtlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

/** {@code virtlab run} writes the window's charts beside summary.json, headless, deterministically, atomically. */
class RunChartsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Two VMs on one host, one of them with an emulated and a virtio disk. */
    static final String WITH_DEVICES = """
            {"format": "virtlab.scenario", "version": 1, "seed": 5,
             "hosts": [{"id": "h", "name": "Host H", "cpu": {"sockets": 1, "coresPerSocket": 4, "threadsPerCore": 1,
                        "mhzPerCore": 3000}, "memoryMib": 8192}],
             "vms": [{"id": "v", "name": "Disk VM", "host": "h", "vcpus": 1, "memoryMib": 512,
                      "workload": {"kind": "idle", "percent": 1}},
                     {"id": "quiet", "host": "h", "vcpus": 1, "memoryMib": 512,
                      "workload": {"kind": "idle", "percent": 1}}],
             "devices": [
               {"id": "hda", "vm": "v", "mode": {"kind": "emulated", "model": "ide"},
                "workload": {"kind": "closedLoop", "requests": "blockRead", "requestBytes": 4096, "queueDepth": 1}},
               {"id": "vdb", "vm": "v", "mode": {"kind": "virtio"},
                "workload": {"kind": "openLoop", "requests": "blockWrite", "requestBytes": 4096,
                             "requestsPerSecond": 5000}}]}
            """;

    private CommandLine commandLine() {
        return new VirtLabCommand().commandLine(Locale.ENGLISH, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private int run(String... args) {
        return commandLine().execute(args);
    }

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("io.json"), WITH_DEVICES);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> lines(Path csv) throws Exception {
        return Arrays.asList(Files.readString(csv, StandardCharsets.UTF_8).split("\r\n"));
    }

    @Test
    void writesTheWindowsChartsAsPngSvgAndCsvBesideTheSummary() throws Exception {
        Path target = dir.resolve("out");
        assertEquals(0, run("run", scenario().toString(), "--seconds", "2", "--out", target.toString()), err.toString());
        List<String> charts = List.of("cpu", "io-cost", "io-occupancy", "memory-h");
        List<String> expected = new java.util.ArrayList<>(List.of("summary.json", "events.csv"));
        for (String c : charts) {
            expected.addAll(List.of(c + ".csv", c + ".png", c + ".svg"));
        }
        assertEquals(expected.stream().sorted().toList(), names(target));
        for (String c : charts) {
            BufferedImage png = ImageIO.read(target.resolve(c + ".png").toFile());
            assertEquals(1280, png.getWidth(), c); // RunArtifacts.WIDTH × HEIGHT, the window's Export size
            assertEquals(720, png.getHeight(), c);
        }
        assertSvgTitle(target.resolve("cpu.svg"), "CPU use by VM");
        assertSvgTitle(target.resolve("memory-h.svg"), "Where the memory of the VMs on Host H is");
        assertSvgTitle(target.resolve("io-cost.svg"), "Where a request's time goes");
        assertSvgTitle(target.resolve("io-occupancy.svg"), "Ring occupancy over time (mean per 100 ms)");

        // computed by hand: 2 s of 100 ms samples = 20 rows under the header
        List<String> cpu = lines(target.resolve("cpu.csv"));
        assertEquals("Simulated time (s),Disk VM (GHz),quiet (GHz),Disk VM entitlement (GHz),quiet entitlement (GHz),"
                + "Total demand (GHz),Host capacity (GHz)", cpu.get(0));
        assertEquals(21, cpu.size());
        assertTrue(cpu.get(1).startsWith("0.1,"), cpu.get(1));
        assertTrue(cpu.get(20).startsWith("2,"), cpu.get(20));
        assertTrue(cpu.get(20).endsWith(",12"), "4 cores × 3 GHz: " + cpu.get(20));
        List<String> memory = lines(target.resolve("memory-h.csv"));
        assertEquals(21, memory.size());
        assertTrue(memory.get(0).startsWith("Disk VM: simulated time (s),Disk VM: simulated time (s): Private (MiB)"),
                memory.get(0));
        // one bar per device: the header and a row each
        List<String> cost = lines(target.resolve("io-cost.csv"));
        assertEquals(3, cost.size());
        assertTrue(cost.get(1).startsWith("hda — Disk VM,"), cost.get(1));
        // one point per closed 100 ms metrics window of the devices: 2 s hold 20
        List<String> occupancy = lines(target.resolve("io-occupancy.csv"));
        assertEquals(21, occupancy.size(), String.join("\n", occupancy));
        assertTrue(occupancy.get(0).contains("vdb — Disk VM"), occupancy.get(0));
        assertTrue(out.toString().contains("Simulated 2.000 s"), out.toString());
    }

    private static void assertSvgTitle(Path svg, String title) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        Document doc = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(doc.getDocumentElement().getTextContent().contains(title), svg + " lacks " + title);
    }

    @Test
    void aLongRunsChartKeepsTheWholeRun() throws Exception {
        Path target = dir.resolve("long");
        assertEquals(0, run("run", "scenarios/default.json", "--seconds", "45", "--out", target.toString(),
                "--formats", "csv"), err.toString());
        List<String> cpu = lines(target.resolve("cpu.csv"));
        // computed by hand: 45 s / 100 ms = 450 samples, more than the window's 300 (CpuUsageChart.WINDOW_SAMPLES)
        assertEquals(451, cpu.size());
        assertTrue(cpu.get(1).startsWith("0.1,"), cpu.get(1));
        assertTrue(cpu.get(450).startsWith("45,"), cpu.get(450));
        assertEquals(List.of("cpu.csv", "events.csv", "memory-host1.csv", "summary.json"), names(target),
                "only what was asked");
    }

    @Test
    void theSameSeedGivesTheSameSummaryAndCsvBytes() throws Exception {
        Path file = scenario();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, run("run", file.toString(), "--seconds", "2", "--out", a.toString()), err.toString());
        assertEquals(0, run("run", file.toString(), "--seconds", "2", "--out", b.toString()), err.toString());
        for (String f : List.of("summary.json", "cpu.csv", "memory-h.csv", "io-cost.csv", "io-occupancy.csv",
                "events.csv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        Path c = dir.resolve("c");
        Path d = dir.resolve("d");
        assertEquals(0, run("run", "scenarios/default.json", "--seconds", "5", "--seed", "7", "--out", c.toString(),
                "--formats", "csv"));
        assertEquals(0, run("run", "scenarios/default.json", "--seconds", "5", "--seed", "7", "--out", d.toString(),
                "--formats", "csv"));
        assertArrayEquals(Files.readAllBytes(c.resolve("cpu.csv")), Files.readAllBytes(d.resolve("cpu.csv")));
        assertArrayEquals(Files.readAllBytes(c.resolve("events.csv")), Files.readAllBytes(d.resolve("events.csv")));
        assertArrayEquals(Files.readAllBytes(c.resolve("summary.json")), Files.readAllBytes(d.resolve("summary.json")));
    }

    @Test
    void anotherSeedChangesWhatTheDefaultLessonsBurstyWebServerDoes() throws Exception {
        // default.json: the web server's workload is bursty, its on and off spells drawn from the seed
        Path a = dir.resolve("seed1");
        Path b = dir.resolve("seed2");
        assertEquals(0, run("run", "scenarios/default.json", "--seconds", "5", "--seed", "1", "--out", a.toString(),
                "--formats", "csv"));
        assertEquals(0, run("run", "scenarios/default.json", "--seconds", "5", "--seed", "2", "--out", b.toString(),
                "--formats", "csv"));
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("cpu.csv")), Files.readAllBytes(b.resolve("cpu.csv"))));
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("summary.json")),
                Files.readAllBytes(b.resolve("summary.json"))));
    }

    /** Exit 2, one line on standard error naming the problem, and nothing at all written beside or into DIR. */
    private void assertRefused(String expectedInLine, String... args) throws Exception {
        List<String> before = names(dir);
        assertEquals(VirtLabCommand.EXIT_INVALID, run(args), out.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains(expectedInLine), err.toString());
        assertEquals(before, names(dir), "no temporary folder, no output left");
        err.getBuffer().setLength(0);
    }

    @Test
    void badInputIsOneLineAndExit2AndLeavesNothing() throws Exception {
        String target = dir.resolve("out").toString();
        assertRefused("Unknown format in --formats: \"gif\"", "run", "scenarios/default.json", "--seconds", "1",
                "--out", target, "--formats", "png,gif");
        assertRefused("Unknown format in --formats: \"\"", "run", "scenarios/default.json", "--seconds", "1",
                "--out", target, "--formats", "");
        assertRefused("--seconds must be above 0 and at most 86400, was 0.0", "run", "scenarios/default.json",
                "--seconds", "0", "--out", target);
        assertRefused("--seconds must be above 0 and at most 86400", "run", "scenarios/default.json",
                "--seconds", "86401", "--out", target);
        assertRefused("--seconds must be above 0 and at most 86400, was NaN", "run", "scenarios/default.json",
                "--seconds", "NaN", "--out", target);
        Path file = Files.writeString(dir.resolve("a-file"), "in the way");
        assertRefused("it is a file, not a folder", "run", "scenarios/default.json", "--seconds", "1",
                "--out", file.toString());
        assertRefused("Cannot write the run into " + file.resolve("below"), "run", "scenarios/default.json",
                "--seconds", "1", "--out", file.resolve("below").toString());
    }

    @Test
    void aReadOnlyParentIsRefusedInOneLine() throws Exception {
        Path parent = Files.createDirectory(dir.resolve("locked"));
        assertTrue(parent.toFile().setWritable(false, false));
        try {
            if (Files.isWritable(parent)) {
                return; // running as root: permissions do not stop writing, there is nothing to refuse
            }
            assertEquals(VirtLabCommand.EXIT_INVALID, run("run", "scenarios/default.json", "--seconds", "1",
                    "--out", parent.resolve("out").toString()));
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().startsWith("Cannot write the run into"), err.toString());
            assertEquals(List.of(), names(parent));
        } finally {
            parent.toFile().setWritable(true, false);
        }
    }

    @Test
    void aRunLongerThanASecondOfWallTimeShowsItsProgressOnOneLine() throws Exception {
        CommandLine cl = commandLine();
        AtomicLong clock = new AtomicLong();
        // a fake wall clock: every reading is 0.6 s after the last, so from the third on, progress is due
        ((RunCommand) cl.getSubcommands().get("run").getCommand()).wallNanos = () -> clock.addAndGet(600_000_000L);
        assertEquals(0, cl.execute("run", "scenarios/default.json", "--seconds", "4", "--formats", "csv",
                "--out", dir.resolve("p").toString()));
        String e = err.toString();
        assertTrue(e.contains("\rsimulated 2 / 4 s (50 %)"), e);
        assertTrue(e.endsWith("\rsimulated 4 / 4 s (100 %)" + System.lineSeparator()), e);
        assertEquals(1, e.split(System.lineSeparator(), -1).length - 1, "one line, rewritten in place: " + e);
    }

    @Test
    void aQuickRunShowsNoProgress() throws Exception {
        CommandLine cl = commandLine();
        ((RunCommand) cl.getSubcommands().get("run").getCommand()).wallNanos = () -> 0; // no wall time passes
        assertEquals(0, cl.execute("run", "scenarios/default.json", "--seconds", "3", "--formats", "csv",
                "--out", dir.resolve("q").toString()));
        assertEquals("", err.toString());
    }

    @Test
    void aSeparateProcessDrawsTheChartsWhereDisplayNamesAScreenThatIsNotThere() throws Exception {
        // no -Djava.awt.headless here: run must not need one, even with DISPLAY pointing at nothing
        Path target = dir.resolve("child");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                "org.virtlab.Main", "run", "scenarios/default.json", "--seconds", "1", "--out", target.toString());
        pb.environment().put("DISPLAY", ":97");
        pb.redirectErrorStream(true);
        Process child = pb.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), output);
        assertEquals(1280, ImageIO.read(target.resolve("cpu.png").toFile()).getWidth());
    }

    /** The test JVM's module path and class path joined: a plain class path for the child (as KillDuringSaveTest). */
    private static String classPath() {
        java.util.Set<String> entries = new java.util.LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null) {
                for (String entry : value.split(java.io.File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        entries.add(entry);
                    }
                }
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
