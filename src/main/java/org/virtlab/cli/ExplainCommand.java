package org.virtlab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.CpuSubsystem;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Problem;
import org.virtlab.scenario.ScenarioException;
import org.virtlab.scenario.ScenarioReader;
import org.virtlab.text.Bundles;
import org.virtlab.text.CpuDerivationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtlab explain cpu SCENARIO [--at SECONDS]}: runs the scenario to that moment and prints, per
 * host, how its CPU is shared, step by step: the same derivation the CPU tab shows.
 */
@Command(name = "explain", mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer>, LocalizedCommand {

    @Parameters(index = "0", paramLabel = "TOPIC", descriptionKey = "explain.topic")
    String topic;

    @Parameters(index = "1", paramLabel = "SCENARIO", descriptionKey = "explain.scenario")
    Path scenarioFile;

    @Option(names = "--at", paramLabel = "SECONDS", defaultValue = "1", descriptionKey = "explain.at")
    double atSeconds;

    @Option(names = "--seed", paramLabel = "S", descriptionKey = "run.seed")
    Long seed;

    @Spec
    CommandSpec spec;

    private Locale locale = Locale.getDefault();

    @Override
    public void useLocale(Locale chosen) {
        this.locale = chosen;
    }

    @Override
    public Integer call() {
        ResourceBundle texts = Bundles.load(VirtLabCommand.class, "messages", locale);
        if (!"cpu".equals(topic)) {
            spec.commandLine().getErr().println(java.text.MessageFormat.format(texts.getString("explain.error.topic"), topic));
            return VirtLabCommand.EXIT_INVALID;
        }
        if (!(atSeconds >= 0 && atSeconds <= RunCommand.MAX_SECONDS)) {
            spec.commandLine().getErr().println(java.text.MessageFormat.format(texts.getString("explain.error.at"),
                    String.valueOf(atSeconds), String.valueOf((long) RunCommand.MAX_SECONDS)));
            return VirtLabCommand.EXIT_INVALID;
        }
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(scenarioFile);
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                spec.commandLine().getErr().println(p.format(locale));
            }
            return VirtLabCommand.EXIT_INVALID;
        }
        Simulation simulation = seed == null ? Simulations.of(scenario) : Simulations.of(scenario, seed);
        simulation.runUntil(Math.round(atSeconds * 1e6));
        CpuSubsystem cpu = simulation.subsystems().stream().filter(CpuSubsystem.class::isInstance)
                .map(CpuSubsystem.class::cast).findFirst().orElseThrow();
        CpuDerivationText text = new CpuDerivationText(locale,
                id -> scenario.vm(id).map(VmSpec::name).orElse(id));
        spec.commandLine().getOut().println(java.text.MessageFormat.format(texts.getString("explain.at.heading"),
                String.format(Locale.ROOT, "%.3f", simulation.nowMicros() / 1e6)));
        for (HostSpec host : scenario.hosts()) {
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().println(text.text(cpu.explain(host.id()), host.name()));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
