package org.virtlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.virtlab.text.Bundles;
import java.util.concurrent.Callable;
import org.virtlab.scenario.Problem;
import org.virtlab.scenario.ScenarioException;
import org.virtlab.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code virtlab check FILE...}: validates scenario files. Prints {@code FILE: ok} for each valid file;
 * for each problem one line {@code FILE: /json/pointer: message} on standard error. Exit 0 when every file
 * is valid, 2 otherwise.
 */
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer>, LocalizedCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "check.files")
    List<Path> files = new ArrayList<>();

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
        boolean allValid = true;
        for (Path file : files) {
            try {
                ScenarioReader.read(file);
                spec.commandLine().getOut().println(file + ": " + texts.getString("check.ok"));
            } catch (ScenarioException e) {
                allValid = false;
                for (Problem p : e.problems()) {
                    spec.commandLine().getErr().println(p.format(locale));
                }
            }
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return allValid ? 0 : VirtLabCommand.EXIT_INVALID;
    }
}
