package org.virtlab.ui.shell;

import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.virtlab.ui.common.PresentationStyler;

/** What the Help dialogs share: the window's look (its stylesheets and presenter mode, so fonts and theme follow it) and their own. */
final class HelpDialogs {
    private HelpDialogs() {
    }

    static void style(DialogPane pane, Window owner) {
        if (owner != null && owner.getScene() != null) {
            pane.getStylesheets().addAll(owner.getScene().getStylesheets());
            // in presenter mode the copied presenter sheet applies under .presenter: the dialog is presented too
            if (owner.getScene().getRoot().getStyleClass().contains(PresentationStyler.PRESENTER_CLASS)) {
                pane.getStyleClass().add(PresentationStyler.PRESENTER_CLASS);
            }
        }
        pane.getStylesheets().add(HelpDialogs.class.getResource("help.css").toExternalForm());
    }
}
