package org.virtlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Problem;
import org.virtlab.scenario.ScenarioWarnings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code virtlab check FILE...}: validates scenario files. Prints {@code FILE: ok} for each valid file;
 * for each problem one line {@code FILE: /json/pointer: line L, column C: message} on standard error
 * ({@link org.virtlab.scenario.Problem#format}). A valid file's warnings ({@link ScenarioWarnings}: a NIC plugged
 * into nothing) go to standard error in the same shape, their message starting "warning:", and do not change the
 * exit code. Exit 0 when every file is valid, 2 otherwise.
 */
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand extends LocalizedCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "check.files")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        boolean allValid = true;
        for (Path file : files) {
            Optional<Scenario> scenario = readScenario(file);
            if (scenario.isPresent()) {
                for (Problem warning : ScenarioWarnings.of(file, scenario.get())) {
                    err().println(warning.format(locale()));
                }
                out().println(file + ": " + text("check.ok"));
            } else {
                allValid = false;
            }
        }
        out().flush();
        err().flush();
        return allValid ? 0 : VirtLabCommand.EXIT_INVALID;
    }
}
