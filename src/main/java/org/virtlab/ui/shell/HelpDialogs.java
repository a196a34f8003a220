package org.virtlab.ui.shell;

import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/** What the Help dialogs share: the window's look (its stylesheets, so fonts and theme follow it) and their own. */
final class HelpDialogs {
    private HelpDialogs() {
    }

    static void style(DialogPane pane, Window owner) {
        if (owner != null && owner.getScene() != null) {
            pane.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        pane.getStylesheets().add(HelpDialogs.class.getResource("help.css").toExternalForm());
    }
}
