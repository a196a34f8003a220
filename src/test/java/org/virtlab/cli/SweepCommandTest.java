package org.virtlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.experiment.SweepPointer;
import org.virtlab.experiment.SweepScenario;

/**
 * {@code virtlab sweep}: the table, its CSV and chart; the same numbers as separate {@code virtlab run}s of the
 * changed files; one clear line and exit 2 for whatever is wrong, before any run and with nothing written.
 */
class SweepCommandTest {
    private static final String SHARES = "scenarios/cpu-shares.json";

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(Locale locale, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return new VirtLabCommand().commandLine(locale, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void sweepWritesTableCsvAndChartAndEqualsSeparateRuns() throws Exception {
        Path results = dir.resolve("results");
        assertEquals(0, run(Locale.ENGLISH, "sweep", SHARES, "--param", "/vms/1/cpuQos/shares",
                "--values", "1000,2000,4000", "--metric", "/vms/vm2/cpu/avgGhz", "--seconds", "2",
                "--out", results.toString()), err.toString());
        List<String> rows = Files.readAllLines(results.resolve("sweep.csv"));
        assertEquals("/vms/1/cpuQos/shares,/vms/vm2/cpu/avgGhz", rows.get(0));
        assertEquals(4, rows.size());
        assertTrue(out.toString().startsWith("/vms/1/cpuQos/shares  /vms/vm2/cpu/avgGhz"), out.toString());
        // virtualization.md §1: 24 GHz divided by shares 1000 : s : 3000 → VM2 gets 24 s / (4000 + s):
        // 4.8, 8 (the article's 4 / 8 / 12) and 24 × 4000 / 8000 = 12 GHz
        assertEquals(List.of("1000,4.8", "2000,8", "4000,12"), rows.subList(1, 4));

        SweepScenario base = SweepScenario.read(Path.of(SHARES));
        for (int i = 0; i < 3; i++) {
            String value = rows.get(i + 1).split(",")[0];
            Path changed = dir.resolve("changed-" + value + ".json");
            Files.writeString(changed, base.jsonWith(SweepPointer.parse("/vms/1/cpuQos/shares"), new BigDecimal(value)));
            Path runOut = dir.resolve("run-" + value);
            assertEquals(0, run(Locale.ENGLISH, "run", changed.toString(), "--seconds", "2", "--out", runOut.toString()),
                    err.toString());
            double alone = new ObjectMapper().readTree(runOut.resolve("summary.json").toFile())
                    .get("vms").get(1).get("cpu").get("avgGhz").doubleValue();
            assertEquals(Double.parseDouble(rows.get(i + 1).split(",")[1]), alone, 0.0, "exactly, for " + value);
        }

        BufferedImage png = ImageIO.read(results.resolve("sweep.png").toFile());
        assertEquals(SweepCommand.CHART_WIDTH, png.getWidth());
        assertEquals(SweepCommand.CHART_HEIGHT, png.getHeight());
        String svg = Files.readString(results.resolve("sweep.svg"), StandardCharsets.UTF_8);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertTrue(svg.contains("/vms/vm2/cpu/avgGhz against /vms/1/cpuQos/shares"), "title in the SVG");
        try (Stream<Path> left = Files.list(results)) {
            assertEquals(3, left.count(), "no temporary folder left behind");
        }
    }

    @Test
    void oneValueIsSaidInTheSingular() throws Exception {
        assertEquals(0, run(Locale.ENGLISH, "sweep", SHARES, "--param", "/vms/1/cpuQos/shares", "--values", "2000",
                "--metric", "/vms/vm2/cpu/avgGhz", "--seconds", "1", "--out", dir.toString()), err.toString());
        // cli/messages.properties sweep.done.one: not "Swept 1 values"
        assertTrue(out.toString().contains("Swept one value; wrote "), out.toString());
        assertEquals(2, Files.readAllLines(dir.resolve("sweep.csv")).size());
    }

    @Test
    void aRangeWithSeedOnTheDefaultLessonRuns() throws Exception {
        assertEquals(0, run(Locale.ENGLISH, "sweep", "scenarios/default.json", "--param", "/vms/web/vcpus",
                "--range", "1:4:1", "--metric", "/vms/0/cpu/demandGhz", "--seconds", "1", "--seed", "3",
                "--threads", "2", "--out", dir.toString()), err.toString());
        assertEquals(5, Files.readAllLines(dir.resolve("sweep.csv")).size());
    }

    @Test
    void badInputIsOneLineAndExitTwoWithNothingWritten() throws Exception {
        Path target = dir.resolve("never");
        String[][] cases = {
            {"--param", "/vms/9/cpuQos/shares", "--values", "1", "--metric", "/vms/0/cpu/avgGhz"},
            {"--param", "/vms/1/name", "--values", "1", "--metric", "/vms/0/cpu/avgGhz"},
            {"--param", "/vms/1/cpuQos/shares", "--values", "0", "--metric", "/vms/0/cpu/avgGhz"},
            {"--param", "/vms/1/cpuQos/shares", "--values", "1", "--metric", "/vms/0/cpu/nothing"},
            {"--param", "/vms/1/cpuQos/shares", "--values", "1", "--metric", "/vms/0/cpu"},
            {"--param", "/vms/1/cpuQos/shares", "--range", "3000:1000:1000", "--metric", "/vms/0/cpu/avgGhz"},
            {"--param", "/vms/1/cpuQos/shares", "--range", "1000:3000:0", "--metric", "/vms/0/cpu/avgGhz"},
            {"--param", "/vms/1/cpuQos/shares", "--range", "1000:3000:-5", "--metric", "/vms/0/cpu/avgGhz"},
            {"--param", "/vms/1/cpuQos/shares", "--metric", "/vms/0/cpu/avgGhz"},
            {"--param", "/vms/1/cpuQos/shares", "--values", "1,,2", "--metric", "/vms/0/cpu/avgGhz"},
            {"--param", "/vms/1/cpuQos/shares", "--values", "1", "--range", "1:2:1", "--metric", "/vms/0/cpu/avgGhz"},
            {"--values", "1", "--metric", "/vms/0/cpu/avgGhz"},
            {"--param", "/vms/1/cpuQos/shares", "--values", "1", "--metric", "/vms/0/cpu/avgGhz", "--seconds", "0"},
        };
        for (String[] c : cases) {
            String[] args = Stream.concat(Stream.of("sweep", SHARES, "--out", target.toString()), Stream.of(c))
                    .toArray(String[]::new);
            assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.ENGLISH, args), String.join(" ", c));
            assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
            assertFalse(Files.exists(target), "nothing written for " + String.join(" ", c));
        }
        // the messages name the problem and what is allowed (scenarios/README.md: shares int 1–1000000)
        run(Locale.ENGLISH, "sweep", SHARES, "--param", "/vms/1/cpuQos/shares", "--values", "0",
                "--metric", "/vms/0/cpu/avgGhz");
        assertTrue(err.toString().startsWith("--param /vms/1/cpuQos/shares = 0: /vms/1/cpuQos/shares: "), err.toString());
        assertTrue(err.toString().contains("1000000"), err.toString());
        run(Locale.ENGLISH, "sweep", SHARES, "--param", "/vms/9/cpuQos/shares", "--values", "1",
                "--metric", "/vms/0/cpu/avgGhz");
        assertTrue(err.toString().contains("/vms has: 0–2 (vm1, vm2, vm3)"), err.toString());
        run(Locale.SIMPLIFIED_CHINESE, "sweep", SHARES, "--param", "/vms/1/cpuQos/shares", "--range", "3:1:1",
                "--metric", "/vms/0/cpu/avgGhz");
        assertTrue(err.toString().contains("起点"), err.toString());
    }

    @Test
    void anUnwritableFolderIsOneLineAndExitTwoBeforeAnyRun() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.ENGLISH, "sweep", SHARES, "--param",
                "/vms/1/cpuQos/shares", "--values", "1000", "--metric", "/vms/0/cpu/avgGhz",
                "--out", file.resolve("sub").toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("cannot write into the folder"), err.toString());
    }

    @Test
    void anInvalidScenarioFileIsReportedAsCheckReportsIt() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"virtlab.scenario\"}");
        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.ENGLISH, "sweep", broken.toString(), "--param",
                "/vms/0/vcpus", "--values", "1", "--metric", "/vms/0/cpu/avgGhz"));
        assertTrue(err.toString().startsWith(broken + ": /"), err.toString());
    }
}
