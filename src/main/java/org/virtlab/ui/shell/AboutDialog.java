package org.virtlab.ui.shell;

import java.io.InputStream;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.virtlab.Version;
import org.virtlab.ui.i18n.I18n;

/**
 * Help › About: the version, what VirtLab is, its licence, and every library it ships with, with the version
 * bundled and its licence ({@link BundledLibraries}), including the one copyleft licence among them.
 */
final class AboutDialog {
    /** Wide enough for the licence column, narrow enough for a 1280×720 projector. */
    private static final double WIDTH = 760;

    private final Dialog<Void> dialog = new Dialog<>();

    AboutDialog(I18n i18n, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("about.title"));
        dialog.setResizable(true);
        var pane = dialog.getDialogPane();
        pane.setId("aboutDialog");
        HelpDialogs.style(pane, owner);
        pane.getButtonTypes().add(new ButtonType(i18n.get("help.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

        Label name = new Label(i18n.get("about.name"));
        name.getStyleClass().add("help-title");
        Label version = new Label(i18n.format("about.version", Version.get()));
        version.setId("aboutVersion");
        HBox header = new HBox(16, icon(), new VBox(4, name, version));
        header.setPadding(new Insets(0, 0, 8, 0));

        Label text = wrapped(i18n.get("about.text"));
        Label librariesHeading = new Label(i18n.get("about.libraries"));
        librariesHeading.getStyleClass().add("help-heading");

        GridPane libraries = new GridPane();
        libraries.setId("aboutLibraries");
        libraries.setHgap(18);
        libraries.setVgap(3);
        libraries.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(),
                grow());
        libraries.addRow(0, columnHead(i18n.get("about.column.library")), columnHead(i18n.get("about.column.version")),
                columnHead(i18n.get("about.column.licence")));
        int row = 1;
        for (BundledLibraries.Library library : BundledLibraries.ALL) {
            addLibrary(libraries, row++, library);
        }
        addLibrary(libraries, row, BundledLibraries.runtime());

        // format, not get: the text has an apostrophe, written '' as MessageFormat wants.
        Label gplNote = wrapped(i18n.format("about.gplNote"));
        gplNote.setId("aboutGplNote");
        gplNote.getStyleClass().add("help-warning");

        VBox content = new VBox(10, header, text, librariesHeading, libraries, gplNote);
        content.setPrefWidth(WIDTH);
        content.setPadding(new Insets(8, 12, 0, 12));
        pane.setContent(content);
    }

    /** Shows the dialog and returns at once (the window keeps running behind it). */
    void show() {
        dialog.show();
    }

    Dialog<Void> dialog() {
        return dialog;
    }

    private static void addLibrary(GridPane grid, int row, BundledLibraries.Library library) {
        Label licence = new Label(library.licence());
        if (BundledLibraries.GPL3.equals(library.licence())) {
            licence.getStyleClass().add("help-warning");
        }
        grid.addRow(row, cell(library.name()), cell(library.version().orElse("")), licence);
        licence.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    /** A table cell that is never cut short with an ellipsis. */
    private static Label cell(String text) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static Label columnHead(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("help-column-head");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setMaxWidth(WIDTH);
        return label;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static ImageView icon() {
        ImageView view = new ImageView();
        try (InputStream in = AboutDialog.class.getResourceAsStream("/org/virtlab/ui/icon.png")) {
            if (in != null) {
                view.setImage(new Image(in, 64, 64, true, true));
            }
        } catch (java.io.IOException e) {
            // No icon then; the text says the rest.
        }
        return view;
    }
}
