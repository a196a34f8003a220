package org.virtlab.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.virtlab.charts.ChartExport;
import org.virtlab.charts.SweepChart;
import org.virtlab.experiment.Sweep;
import org.virtlab.experiment.SweepCsv;
import org.virtlab.experiment.SweepException;
import org.virtlab.experiment.SweepPoint;
import org.virtlab.experiment.SweepProgress;
import org.virtlab.experiment.SweepScenario;
import org.virtlab.experiment.SweepValues;
import org.virtlab.scenario.Problem;
import org.virtlab.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virtlab sweep SCENARIO --param POINTER (--values a,b,c | --range from:to:step) --metric POINTER
 * [--seconds N] [--seed S] [--out DIR] [--threads T]}: one run per value ({@link Sweep}); writes {@code sweep.csv},
 * {@code sweep.png} and {@code sweep.svg} into DIR and prints the table. Everything the user gave is checked before
 * the first run; what is wrong is one line on standard error and exit 2. The files are written into a temporary
 * folder inside DIR and each moved into place whole, so no half-written file ever carries a result's name.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false)
final class SweepCommand extends LocalizedCommand implements Callable<Integer> {
    static final int CHART_WIDTH = 1280;
    static final int CHART_HEIGHT = 720;

    @Parameters(index = "0", paramLabel = "SCENARIO", descriptionKey = "sweep.scenario")
    Path scenarioFile;

    @Option(names = "--param", paramLabel = "JSON_POINTER", descriptionKey = "sweep.param")
    String param;

    @Option(names = "--values", paramLabel = "a,b,c", descriptionKey = "sweep.values")
    String values;

    @Option(names = "--range", paramLabel = "from:to:step", descriptionKey = "sweep.range")
    String range;

    @Option(names = "--metric", paramLabel = "SUMMARY_PATH", descriptionKey = "sweep.metric")
    String metric;

    @Option(names = "--seconds", paramLabel = "N", descriptionKey = "sweep.seconds")
    Double seconds;

    @Option(names = "--seed", paramLabel = "S", descriptionKey = "sweep.seed")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", descriptionKey = "sweep.out")
    Path out;

    @Option(names = "--threads", paramLabel = "T", descriptionKey = "sweep.threads")
    Integer threads;

    @Override
    public Integer call() {
        try {
            return sweep();
        } catch (SweepException e) {
            err().println(text("sweep.error." + e.kind().key(), e.args(locale()).toArray()));
            return VirtLabCommand.EXIT_INVALID;
        }
    }

    private int sweep() throws SweepException {
        if (param == null || metric == null) {
            err().println(text("sweep.error.missing", param == null ? "--param" : "--metric"));
            return VirtLabCommand.EXIT_INVALID;
        }
        if (values != null && range != null) {
            err().println(text("sweep.error.valuesAndRange"));
            return VirtLabCommand.EXIT_INVALID;
        }
        if (seconds != null && !(seconds > 0 && seconds <= RunCommand.MAX_SECONDS)) {
            err().println(text("run.error.seconds", seconds, (long) RunCommand.MAX_SECONDS));
            return VirtLabCommand.EXIT_INVALID;
        }
        if (threads != null && threads < 1) {
            err().println(text("sweep.error.threads", threads));
            return VirtLabCommand.EXIT_INVALID;
        }
        List<BigDecimal> chosen = range != null ? SweepValues.range(range) : SweepValues.list(values);
        SweepScenario base;
        try {
            base = SweepScenario.read(scenarioFile);
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                err().println(p.format(locale()));
            }
            return VirtLabCommand.EXIT_INVALID;
        }
        Sweep sweep = Sweep.prepare(base, param, chosen, metric,
                seconds == null ? null : Math.round(seconds * 1e6), seed);
        Path staging;
        try {
            Files.createDirectories(out);
            staging = Files.createTempDirectory(out, ".sweep-");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            err().println(text("sweep.error.out", out, reason(e)));
            return VirtLabCommand.EXIT_INVALID;
        }
        try {
            List<SweepPoint> points = sweep.run(threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                    progressLine(), () -> false);
            printTable(points);
            return write(staging, points);
        } finally {
            deleteQuietly(staging);
        }
    }

    private int write(Path staging, List<SweepPoint> points) {
        SweepChart chart = new SweepChart(text("sweep.chart.title", metric, param), param, metric);
        for (SweepPoint p : points) {
            chart.add(p.value().doubleValue(), p.metric());
        }
        List<String> names = List.of("sweep.png", "sweep.svg", "sweep.csv");
        Path current = staging;
        try {
            ChartExport.png(chart.chart(), staging.resolve(names.get(0)), CHART_WIDTH, CHART_HEIGHT);
            ChartExport.svg(chart.chart(), staging.resolve(names.get(1)), CHART_WIDTH, CHART_HEIGHT);
            SweepCsv.write(staging.resolve(names.get(2)), param, metric, points);
            for (String name : names) { // the table last: it is what a script looks for
                current = out.resolve(name);
                Files.move(staging.resolve(name), current, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            err().println(text("sweep.error.write", current, reason(e)));
            return 1;
        }
        out().println(text(points.size() == 1 ? "sweep.done.one" : "sweep.done", points.size(),
                out.resolve(names.get(2)), out.resolve(names.get(0)), out.resolve(names.get(1))));
        return 0;
    }

    /** The table, its columns right-aligned under the parameter's and the metric's names. */
    private void printTable(List<SweepPoint> points) {
        int left = param.length();
        int right = metric.length();
        for (SweepPoint p : points) {
            left = Math.max(left, p.value().toPlainString().length());
            right = Math.max(right, SweepCsv.plain(p.metric()).length());
        }
        String row = "%" + left + "s  %" + right + "s";
        out().println(String.format(Locale.ROOT, row, param, metric));
        for (SweepPoint p : points) {
            out().println(String.format(Locale.ROOT, row, p.value().toPlainString(), SweepCsv.plain(p.metric())));
        }
    }

    /** On a terminal, one line on standard error redrawn at most every half second; elsewhere nothing. */
    private SweepProgress progressLine() {
        if (System.console() == null) {
            return (finished, runs, fraction) -> { };
        }
        long started = System.nanoTime();
        long[] shown = {started};
        return (finished, runs, fraction) -> {
            synchronized (shown) {
                long now = System.nanoTime();
                if (now - shown[0] < 500_000_000L && finished < runs) {
                    return;
                }
                shown[0] = now;
                String line = text("sweep.progress", finished, runs, Math.round(fraction * 100));
                err().print("\r" + line + (finished == runs ? System.lineSeparator() : ""));
                err().flush();
            }
        };
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f) { // its message repeats the path
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName().replace("Exception", "");
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover hidden temporary folder is harmless
                }
            });
        } catch (IOException ignored) {
            // the folder is gone already
        }
    }
}
