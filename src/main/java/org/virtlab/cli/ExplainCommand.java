package org.virtlab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.CpuSubsystem;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.text.CpuDerivationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virtlab explain cpu SCENARIO [--at SECONDS]}: runs the scenario to that moment and prints, per
 * host, how its CPU is shared, step by step: the same derivation the CPU tab shows.
 */
@Command(name = "explain", mixinStandardHelpOptions = true)
final class ExplainCommand extends LocalizedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TOPIC", descriptionKey = "explain.topic")
    String topic;

    @Parameters(index = "1", paramLabel = "SCENARIO", descriptionKey = "explain.scenario")
    Path scenarioFile;

    @Option(names = "--at", paramLabel = "SECONDS", defaultValue = "1", descriptionKey = "explain.at")
    double atSeconds;

    @Option(names = "--seed", paramLabel = "S", descriptionKey = "run.seed")
    Long seed;

    @Override
    public Integer call() {
        if (!"cpu".equals(topic)) {
            err().println(text("explain.error.topic", topic));
            return VirtLabCommand.EXIT_INVALID;
        }
        if (!(atSeconds >= 0 && atSeconds <= RunCommand.MAX_SECONDS)) {
            err().println(text("explain.error.at", atSeconds, (long) RunCommand.MAX_SECONDS));
            return VirtLabCommand.EXIT_INVALID;
        }
        Optional<Scenario> read = readScenario(scenarioFile);
        if (read.isEmpty()) {
            return VirtLabCommand.EXIT_INVALID;
        }
        Scenario scenario = read.get();
        Simulation simulation = seed == null ? Simulations.of(scenario) : Simulations.of(scenario, seed);
        simulation.runUntil(Math.round(atSeconds * 1e6));
        CpuSubsystem cpu = simulation.subsystems().stream().filter(CpuSubsystem.class::isInstance)
                .map(CpuSubsystem.class::cast).findFirst().orElseThrow();
        CpuDerivationText derivation = new CpuDerivationText(locale(),
                id -> scenario.vm(id).map(VmSpec::name).orElse(id));
        out().println(text("explain.at.heading", String.format(Locale.ROOT, "%.3f", simulation.nowMicros() / 1e6)));
        for (HostSpec host : scenario.hosts()) {
            out().println();
            out().println(derivation.text(cpu.explain(host.id()), host.name()));
        }
        out().flush();
        return 0;
    }
}
