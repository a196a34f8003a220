package org.virtlab;

import org.virtlab.cli.VirtLabCommand;
import org.virtlab.ui.VirtLabApp;

/**
 * The one launcher. {@code virtlab} with no command opens the window; {@code virtlab check ...} and the
 * other commands run on the command line and never touch the display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        VirtLabCommand command = new VirtLabCommand();
        int exit = command.execute(args);
        if (command.windowRequest().isPresent() && exit == 0) {
            VirtLabApp.launch(command.windowRequest().get().toArguments());
            return;
        }
        System.exit(exit);
    }
}
