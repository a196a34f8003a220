package org.virtlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;
import org.virtlab.experiment.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virtlab run SCENARIO [--seconds N] [--seed S] [--out DIR]}: runs the scenario headless, as fast
 * as the machine goes, for N simulated seconds or else the scenario's own duration, and writes
 * {@code DIR/summary.json}. The same scenario and seed give the same
 * bytes as the window would.
 */
@Command(name = "run", mixinStandardHelpOptions = true)
final class RunCommand extends LocalizedCommand implements Callable<Integer> {
    static final double MAX_SECONDS = 86_400;

    @Parameters(index = "0", paramLabel = "SCENARIO", descriptionKey = "run.scenario")
    Path scenarioFile;

    /** Simulated seconds to run; {@code null}: the scenario's own duration ({@code durationSeconds}). */
    @Option(names = "--seconds", paramLabel = "N", descriptionKey = "run.seconds")
    Double seconds;

    @Option(names = "--seed", paramLabel = "S", descriptionKey = "run.seed")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", descriptionKey = "run.out")
    Path out;

    @Override
    public Integer call() {
        if (seconds != null && !(seconds > 0 && seconds <= MAX_SECONDS)) {
            err().println(text("run.error.seconds", seconds, (long) MAX_SECONDS));
            return VirtLabCommand.EXIT_INVALID;
        }
        Optional<Scenario> read = readScenario(scenarioFile);
        if (read.isEmpty()) {
            return VirtLabCommand.EXIT_INVALID;
        }
        Scenario scenario = read.get();
        Simulation simulation = seed == null ? Simulations.of(scenario) : Simulations.of(scenario, seed);
        RunSummary summary = new RunSummary();
        simulation.addObserver(summary);
        simulation.runUntil(seconds == null ? scenario.durationMicros() : Math.round(seconds * 1e6));
        Path target = out.resolve("summary.json");
        try {
            Files.createDirectories(out);
            Path tmp = Files.createTempFile(out, ".summary-", ".json.tmp");
            try {
                Files.writeString(tmp, summary.toJson(simulation), StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            err().println(text("run.error.write", target, e.getMessage()));
            return 1;
        }
        out().println(text("run.done", String.format(Locale.ROOT, "%.3f", simulation.nowMicros() / 1e6), target));
        return 0;
    }
}
