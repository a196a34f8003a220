package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.i18n.I18n;

/**
 * The VM's memory QoS form: shares (a preset per MiB, each explained in the list, or a custom total), the
 * resulting number worked out under them, limit and reservation in MiB. Enter or leaving a field applies the
 * form to the running simulation; a wrong value shows in red under its field with the allowed range.
 */
final class VmMemoryQosEditor {
    private final VBox root = new VBox(6);

    VmMemoryQosEditor(VmMemoryQosEditorModel model, I18n i18n) {
        EditorForm form = new EditorForm(i18n);
        ComboBox<Shares.Level> level = new ComboBox<>();
        level.setId("memQosSharesLevel");
        level.getItems().setAll(Shares.Level.values());
        level.setCellFactory(list -> new ExplainedCell<>(model::levelLabel, model::levelExplanation));
        level.setButtonCell(new TextCell<>(model::levelLabel));
        level.setVisibleRowCount(Shares.Level.values().length);
        level.valueProperty().bindBidirectional(model.levelProperty());
        level.setOnAction(e -> model.commit());
        form.stacked("memQos.shares", level);

        NumberField customShares = model.customShares();
        TextField custom = FormControls.textField("memQosCustomShares", customShares.textProperty(), model::commit);
        form.field(customShares.key(), custom, customShares.errorProperty(), "memQosCustomSharesError",
                model.customVisibleProperty());
        form.wide(FormControls.result("memQosResult", model.resultProperty()));

        NumberField limit = model.limit();
        TextField limitField = FormControls.textField("memQosLimit", limit.textProperty(), model::commit);
        limitField.setPromptText(i18n.get("qos.limit.none"));
        form.field(limit.key(), limitField, limit.errorProperty(), "memQosLimitError");
        NumberField reservation = model.reservation();
        form.field(reservation.key(),
                FormControls.textField("memQosReservation", reservation.textProperty(), model::commit),
                reservation.errorProperty(), "memQosReservationError");

        root.getChildren().addAll(EditorForm.heading(i18n.get("memQos.heading")), form.grid(),
                FormControls.note(i18n.get("memQos.note")),
                FormControls.applyButton(i18n, "memQosApply", model::commit));
        root.setId("memQosEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }
}
