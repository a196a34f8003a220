package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.common.TextCell;

/**
 * The VM's CPU QoS form: shares (preset or custom), limit and reservation in MHz. Enter or leaving a
 * field commits; a wrong value is shown in red under its field with the allowed range and never applied.
 */
final class VmQosEditor {
    private final VBox root = new VBox(6);

    VmQosEditor(VmQosEditorModel model, I18n i18n) {
        Label heading = new Label(i18n.get("qos.heading"));
        heading.getStyleClass().add("panel-heading");

        ComboBox<Shares.Level> level = new ComboBox<>();
        level.setId("qosSharesLevel");
        level.getItems().setAll(Shares.Level.values());
        level.setCellFactory(list -> new TextCell<>(model::levelLabel));
        level.setButtonCell(new TextCell<>(model::levelLabel));
        level.valueProperty().bindBidirectional(model.levelProperty());
        level.setOnAction(e -> model.commit());
        level.setMaxWidth(Double.MAX_VALUE);

        TextField custom = FormControls.textField("qosCustomShares", model.customSharesProperty(), model::commit);
        custom.visibleProperty().bind(model.customVisibleProperty());
        custom.managedProperty().bind(model.customVisibleProperty());
        TextField limit = FormControls.textField("qosLimit", model.limitProperty(), model::commit);
        limit.setPromptText(i18n.get("qos.limit.none"));
        TextField reservation = FormControls.textField("qosReservation", model.reservationProperty(), model::commit);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        int row = 0;
        grid.add(FormControls.label(i18n, "qos.shares"), 0, row++, 2, 1);
        grid.add(level, 0, row++, 2, 1);
        grid.add(custom, 0, row++, 2, 1);
        grid.add(FormControls.errorLine(model.sharesErrorProperty(), "qosSharesError"), 0, row++, 2, 1);
        grid.addRow(row++, FormControls.label(i18n, "qos.limit"), limit);
        grid.add(FormControls.errorLine(model.limitErrorProperty(), "qosLimitError"), 0, row++, 2, 1);
        grid.addRow(row++, FormControls.label(i18n, "qos.reservation"), reservation);
        grid.add(FormControls.errorLine(model.reservationErrorProperty(), "qosReservationError"), 0, row++, 2, 1);
        GridPane.setHgrow(level, Priority.ALWAYS);

        Button apply = FormControls.applyButton(i18n, "qosApply", model::commit);
        root.getChildren().addAll(heading, grid, apply);
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }
}
