package org.virtlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the command line asks of the window when no command was given: a file to open and a language.
 * Turned into JavaFX application arguments ({@code --open=FILE}, {@code --lang=zh}).
 */
public record WindowRequest(Optional<Path> file, Optional<String> language) {

    public List<String> toArgumentList() {
        List<String> args = new ArrayList<>();
        file.ifPresent(f -> args.add("--open=" + f));
        language.ifPresent(l -> args.add("--lang=" + l));
        return args;
    }

    public String[] toArguments() {
        return toArgumentList().toArray(String[]::new);
    }
}
