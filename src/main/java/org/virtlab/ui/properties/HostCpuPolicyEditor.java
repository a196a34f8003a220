package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.virtlab.engine.cpu.ReservationMode;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.common.TextCell;

/** The host's CPU policy form: its reservation mode, applied as soon as it is chosen. */
final class HostCpuPolicyEditor {
    private final VBox root = new VBox(6);

    HostCpuPolicyEditor(HostCpuPolicyEditorModel model, I18n i18n) {
        Label heading = new Label(i18n.get("hostPolicy.heading"));
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);

        ComboBox<ReservationMode> mode = new ComboBox<>();
        mode.setId("hostReservationMode");
        mode.getItems().setAll(ReservationMode.values());
        mode.setCellFactory(list -> new TextCell<>(model::modeLabel));
        mode.setButtonCell(new TextCell<>(model::modeLabel));
        mode.valueProperty().bindBidirectional(model.reservationModeProperty()); // the model applies a new mode
        mode.setMaxWidth(Double.MAX_VALUE);
        mode.setTooltip(new Tooltip(i18n.get("props.reservationMode.help")));

        Label name = new Label(i18n.get("props.reservationMode"));
        name.setTooltip(new Tooltip(i18n.get("props.reservationMode.help")));
        name.setWrapText(true);
        name.setLabelFor(mode);

        GridPane grid = new GridPane();
        ColumnConstraints labels = new ColumnConstraints();
        labels.setPercentWidth(50);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setPercentWidth(50);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.setHgap(8);
        grid.addRow(0, name, mode);
        root.getChildren().addAll(heading, grid);
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }
}
