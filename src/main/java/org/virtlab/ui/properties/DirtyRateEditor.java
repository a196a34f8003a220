package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/** The VM's live-migration section: its dirty rate, with ρ against the lesson's bandwidth as typed. */
final class DirtyRateEditor {
    private final VBox root = new VBox(6);

    DirtyRateEditor(DirtyRateEditorModel model, I18n i18n) {
        EditorForm form = new EditorForm(i18n);
        NumberField rate = model.rate();
        TextField field = FormControls.checkedField("dirtyRate", rate.textProperty(), model::check, model::commit);
        form.field(rate.key(), field, rate.errorProperty(), "dirtyRateError");
        Label rho = new Label();
        rho.setId("dirtyRateRho");
        rho.textProperty().bind(model.rhoProperty());
        rho.setWrapText(true);
        form.wide(rho);
        root.getChildren().addAll(EditorForm.heading(i18n.get("dirtyRate.heading")), form.grid(),
                FormControls.note(i18n.get("dirtyRate.vsWrite")), FormControls.note(i18n.get("dirtyRate.note")),
                FormControls.applyButton(i18n, "dirtyRateApply", model::commit));
        root.setId("dirtyRateEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }
}
