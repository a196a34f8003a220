package org.virtlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.virtlab.text.Bundles;
import java.util.concurrent.Callable;
import org.virtlab.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virtlab}: with no command it asks for the window (the launcher opens it); the sub-commands run
 * headless. Help texts come from the {@code org.virtlab.cli.messages} bundle (English, Simplified Chinese).
 */
@Command(name = "virtlab", mixinStandardHelpOptions = true, versionProvider = VirtLabCommand.VersionProvider.class,
        subcommands = {CheckCommand.class, RunCommand.class, ExplainCommand.class, WalkCommand.class, TraceCommand.class,
            ReachCommand.class, SweepCommand.class, ExerciseCommand.class}, sortOptions = false)
public final class VirtLabCommand implements Callable<Integer> {
    /** Exit code for invalid input (bad files); picocli uses the same code, 2, for bad arguments. */
    public static final int EXIT_INVALID = 2;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", descriptionKey = "virtlab.file")
    Path file;

    @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "virtlab.lang")
    String language;

    private WindowRequest windowRequest;

    @Override
    public Integer call() {
        windowRequest = new WindowRequest(Optional.ofNullable(file), Optional.ofNullable(language));
        return 0;
    }

    /** Set when the user gave no command: the launcher should open the window. */
    public Optional<WindowRequest> windowRequest() {
        return Optional.ofNullable(windowRequest);
    }

    /** Runs the command line with the process's streams. */
    public int execute(String... args) {
        return commandLine(Locale.getDefault(), new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
    }

    /** A configured command line; tests pass their own streams and locale. */
    public CommandLine commandLine(Locale locale, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(this);
        cl.setResourceBundle(Bundles.load(VirtLabCommand.class, "messages", locale));
        cl.setOut(out);
        cl.setErr(err);
        for (CommandLine sub : cl.getSubcommands().values()) {
            Object user = sub.getCommand();
            if (user instanceof LocalizedCommand localized) { // sub-commands speak the same language
                localized.useLocale(locale);
            }
        }
        return cl;
    }

    /** Reads the version Maven stamped into the module. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"VirtLab " + Version.get()};
        }
    }
}
