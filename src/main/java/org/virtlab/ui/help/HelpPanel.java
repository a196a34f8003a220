package org.virtlab.ui.help;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.ui.i18n.I18n;

/**
 * The help panel under the tabs and the ? button that opens it. Closed, the panel takes no room at all; open, it
 * shows "What you are seeing" and "Try this" side by side, wrapped to the window's width. Builds and binds; the
 * texts come from {@link HelpPanelViewModel}.
 */
public final class HelpPanel {
    private final VBox panel = new VBox();
    private final ToggleButton toggle = new ToggleButton();

    public HelpPanel(HelpPanelViewModel viewModel, I18n i18n) {
        panel.setId("helpPanel");
        panel.getStyleClass().add("help-panel");
        panel.getStylesheets().add(HelpPanel.class.getResource("help-panel.css").toExternalForm());
        panel.visibleProperty().bind(viewModel.openProperty());
        panel.managedProperty().bind(viewModel.openProperty());

        Label heading = new Label();
        heading.setId("helpHeading");
        heading.getStyleClass().add("help-heading");
        heading.textProperty().bind(viewModel.headingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button();
        close.setId("helpClose");
        close.setGraphic(new FontIcon("mdi2c-close"));
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip(i18n.get("help.panel.close")));
        close.setOnAction(e -> viewModel.openProperty().set(false));
        HBox top = new HBox(8, heading, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);

        Label seeingText = text("helpSeeing", viewModel.seeingProperty());
        Label tryHeading = new Label();
        tryHeading.setId("helpTryHeading");
        tryHeading.getStyleClass().add("help-subheading");
        tryHeading.textProperty().bind(viewModel.tryHeadingProperty());
        Label tryText = text("helpTry", viewModel.tryThisProperty());
        VBox seeing = column(subheading(i18n.get("help.panel.seeing")), seeingText);
        VBox tryThis = column(tryHeading, tryText);
        viewModel.fromLessonProperty().addListener((obs, was, now) -> markLesson(tryThis, now));
        markLesson(tryThis, viewModel.fromLessonProperty().get());
        HBox columns = new HBox(24, seeing, tryThis);
        panel.getChildren().addAll(top, columns);

        toggle.setId("helpToggle");
        toggle.setGraphic(new FontIcon("mdi2h-help-circle-outline"));
        toggle.getStyleClass().add("help-toggle");
        toggle.setTooltip(new Tooltip(i18n.get("help.panel.toggle")));
        toggle.selectedProperty().bindBidirectional(viewModel.openProperty());
        toggle.setFocusTraversable(false);
    }

    /** The panel; place it under the tabs. */
    public Node panel() {
        return panel;
    }

    /** The ? button; place it where the tab headers leave room. */
    public ToggleButton toggle() {
        return toggle;
    }

    private static Label subheading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("help-subheading");
        return label;
    }

    private static Label text(String id, javafx.beans.value.ObservableValue<String> value) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("help-text");
        label.textProperty().bind(value);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static VBox column(Node title, Label text) {
        VBox column = new VBox(4, title, text);
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setMaxWidth(Double.MAX_VALUE);
        column.setPrefWidth(0); // the two columns share the width equally
        return column;
    }

    private static void markLesson(VBox column, boolean fromLesson) {
        column.getStyleClass().remove("help-lesson");
        if (fromLesson) {
            column.getStyleClass().add("help-lesson");
        }
    }
}
