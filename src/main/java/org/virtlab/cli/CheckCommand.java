package org.virtlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code virtlab check FILE...}: validates scenario files. Prints {@code FILE: ok} for each valid file;
 * for each problem one line {@code FILE: /json/pointer: line L, column C: message} on standard error
 * ({@link org.virtlab.scenario.Problem#format}). Exit 0 when every file is valid, 2 otherwise.
 */
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand extends LocalizedCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "check.files")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        boolean allValid = true;
        for (Path file : files) {
            if (readScenario(file).isPresent()) {
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
