package org.virtlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.virtlab.charts.CpuUsageChart;
import org.virtlab.charts.IoOccupancyChart;
import org.virtlab.charts.MemoryStateChart;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;
import org.virtlab.experiment.EventCsv;
import org.virtlab.experiment.RunArtifacts;
import org.virtlab.experiment.RunOutput;
import org.virtlab.experiment.RunRecorder;
import org.virtlab.experiment.RunSummary;
import org.virtlab.text.EventText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virtlab run SCENARIO [--seconds N] [--seed S] [--out DIR] [--formats png,svg,csv]}: runs the scenario
 * headless, as fast as the machine goes, for N simulated seconds or else the scenario's own duration, and writes
 * {@code DIR/summary.json} and the charts the window shows (PNG, SVG, and their data as CSV). The same scenario and
 * seed give the same summary and CSV bytes as any other run, and the same numbers as the window.
 *
 * <p>Everything is written to a temporary folder first and appears in DIR at once, {@code summary.json} last
 * ({@link RunOutput}): its presence marks a complete run. A run taking over a second of wall time shows its progress
 * on standard error (wall time is the command line's business; the simulation knows none).
 */
@Command(name = "run", mixinStandardHelpOptions = true)
final class RunCommand extends LocalizedCommand implements Callable<Integer> {
    static final double MAX_SECONDS = 86_400;
    /** Wall time before the progress line shows, and between its updates. */
    private static final long PROGRESS_AFTER_NANOS = 1_000_000_000L;
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    @Parameters(index = "0", paramLabel = "SCENARIO", descriptionKey = "run.scenario")
    Path scenarioFile;

    /** Simulated seconds to run; {@code null}: the scenario's own duration ({@code durationSeconds}). */
    @Option(names = "--seconds", paramLabel = "N", descriptionKey = "run.seconds")
    Double seconds;

    @Option(names = "--seed", paramLabel = "S", descriptionKey = "run.seed")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", descriptionKey = "run.out")
    Path out;

    @Option(names = "--formats", paramLabel = "FORMAT", split = ",", defaultValue = "png,svg,csv",
            descriptionKey = "run.formats")
    List<String> formatNames;

    /** The wall clock for the progress line; tests replace it. */
    LongSupplier wallNanos = System::nanoTime;

    @Override
    public Integer call() {
        // charts are drawn off screen: never ask for a display, even where DISPLAY names one that is not there
        System.setProperty("java.awt.headless", "true");
        if (seconds != null && !(seconds > 0 && seconds <= MAX_SECONDS)) {
            err().println(text("run.error.seconds", seconds, (long) MAX_SECONDS));
            return VirtLabCommand.EXIT_INVALID;
        }
        Optional<Set<RunArtifacts.Format>> formats = formats();
        if (formats.isEmpty()) {
            return VirtLabCommand.EXIT_INVALID;
        }
        Optional<Scenario> read = readScenario(scenarioFile);
        if (read.isEmpty()) {
            return VirtLabCommand.EXIT_INVALID;
        }
        Scenario scenario = read.get();
        RunOutput output;
        try {
            output = RunOutput.at(out);
        } catch (NotDirectoryException e) {
            err().println(text("run.error.notFolder", out));
            return VirtLabCommand.EXIT_INVALID;
        } catch (IOException e) {
            err().println(text("run.error.out", out, reason(e)));
            return VirtLabCommand.EXIT_INVALID;
        }
        try (output) {
            Simulation simulation = seed == null ? Simulations.of(scenario) : Simulations.of(scenario, seed);
            RunSummary summary = RunSummary.attach(simulation, scenario);
            RunRecorder recorder = RunRecorder.attach(simulation);
            boolean events = formats.get().contains(RunArtifacts.Format.CSV);
            if (events) {
                simulation.enableJournal(EventCsv.CAPACITY);
            }
            run(simulation, seconds == null ? scenario.durationMicros() : Math.round(seconds * 1e6));
            new RunArtifacts(scenario, recorder, chartLabels()).write(output.folder(), formats.get());
            if (events) {
                Files.writeString(output.folder().resolve(EventCsv.FILE), EventCsv.csv(simulation.journal().events(),
                        new EventText(locale(), id -> scenario.vm(id).map(v -> v.name()).or(() -> scenario.hosts()
                                .stream().filter(h -> h.id().equals(id)).map(h -> h.name()).findFirst()).orElse(id))),
                        StandardCharsets.UTF_8);
            }
            Files.writeString(output.folder().resolve(RunOutput.SUMMARY), summary.toJson(simulation),
                    StandardCharsets.UTF_8);
            output.publish();
            out().println(text("run.done", String.format(Locale.ROOT, "%.3f", simulation.nowMicros() / 1e6),
                    output.target().resolve(RunOutput.SUMMARY)));
            return 0;
        } catch (IOException e) {
            err().println(text("run.error.out", out, reason(e)));
            return VirtLabCommand.EXIT_INVALID;
        }
    }

    /** The formats asked for, or empty after one line naming the unknown one. */
    private Optional<Set<RunArtifacts.Format>> formats() {
        Set<RunArtifacts.Format> chosen = EnumSet.noneOf(RunArtifacts.Format.class);
        for (String name : formatNames) {
            Optional<RunArtifacts.Format> f = RunArtifacts.Format.named(name);
            if (f.isEmpty()) {
                err().println(text("run.error.format", name.strip()));
                return Optional.empty();
            }
            chosen.add(f.get());
        }
        return Optional.of(chosen);
    }

    /**
     * Runs to {@code endMicros} a simulated second at a time; after a second of wall time, shows how far it got on
     * standard error, on one line rewritten in place, ended by a line break.
     */
    private void run(Simulation simulation, long endMicros) {
        long start = wallNanos.getAsLong();
        long shown = start - PROGRESS_EVERY_NANOS;
        boolean showing = false;
        long chunk = 1_000_000;
        for (long t = Math.min(endMicros, chunk); ; t = Math.min(endMicros, t + chunk)) {
            simulation.runUntil(t);
            long now = wallNanos.getAsLong();
            if (t >= endMicros || now - start >= PROGRESS_AFTER_NANOS && now - shown >= PROGRESS_EVERY_NANOS) {
                if (showing || t < endMicros) {
                    err().print("\r" + text("run.progress", String.format(Locale.ROOT, "%.0f", t / 1e6),
                            String.format(Locale.ROOT, "%.0f", endMicros / 1e6),
                            String.format(Locale.ROOT, "%.0f", 100.0 * t / Math.max(1, endMicros))));
                    err().flush();
                    showing = true;
                    shown = now;
                }
            }
            if (t >= endMicros) {
                break;
            }
        }
        if (showing) {
            err().println();
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null ? kind : kind + ": " + message;
    }

    /** The charts' texts from the command line's bundle: the window's own words for them. */
    private RunArtifacts.Labels chartLabels() {
        return new RunArtifacts.Labels(
                new CpuUsageChart.Labels(text("run.chart.cpu.title"), text("run.chart.cpu.time"),
                        text("run.chart.cpu.ghz"), text("run.chart.cpu.entitlement"), text("run.chart.cpu.demand"),
                        text("run.chart.cpu.capacity")),
                new MemoryStateChart.Labels(text("run.chart.memory.title"), name -> text("run.chart.memory.time", name),
                        text("run.chart.memory.mib"), List.of(text("run.chart.memory.private"),
                                text("run.chart.memory.shared"), text("run.chart.memory.ballooned"),
                                text("run.chart.memory.swapped")), text("run.chart.memory.configured")),
                host -> text("run.chart.memory.hostTitle", host),
                text("run.chart.io.cost.title"), text("run.chart.io.cost.axis"),
                List.of(text("run.chart.io.where.guest"), text("run.chart.io.where.exit"),
                        text("run.chart.io.where.host"), text("run.chart.io.where.device"),
                        text("run.chart.io.where.wait")),
                new IoOccupancyChart.Labels(text("run.chart.io.occupancy.title"), text("run.chart.io.occupancy.time"),
                        text("run.chart.io.occupancy.axis"),
                        (name, size) -> text("run.chart.io.occupancy.ceiling", name, size),
                        (name, size) -> text("run.chart.io.occupancy.ceiling.off", name, size)),
                (id, vm) -> text("run.chart.io.device", id, vm));
    }
}
