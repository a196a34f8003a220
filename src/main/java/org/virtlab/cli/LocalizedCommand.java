package org.virtlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Problem;
import org.virtlab.scenario.ScenarioException;
import org.virtlab.scenario.ScenarioReader;
import org.virtlab.text.Bundles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every sub-command shares: its messages follow the chosen locale (not only its help), it prints
 * through picocli's streams, and a scenario that cannot be read becomes one line per problem on
 * standard error.
 */
abstract class LocalizedCommand {
    @Spec
    CommandSpec spec;

    private Locale locale = Locale.getDefault();
    private ResourceBundle texts;

    void useLocale(Locale chosen) {
        this.locale = chosen;
        this.texts = null;
    }

    Locale locale() {
        return locale;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The message {@code key} of the command-line bundle, with plain (unformatted) arguments. */
    String text(String key, Object... args) {
        if (texts == null) {
            texts = Bundles.load(VirtLabCommand.class, "messages", locale);
        }
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(texts.getString(key), Locale.ROOT).format(plain);
    }

    /** Reads a scenario; on problems prints them, one line each, and returns empty. */
    Optional<Scenario> readScenario(Path file) {
        try {
            return Optional.of(ScenarioReader.read(file));
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                err().println(p.format(locale));
            }
            return Optional.empty();
        }
    }
}
