package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/** The lesson's live-migration settings: bandwidth, downtime limit and rounds; Apply restarts the simulation. */
final class MigrationSettingsEditor {
    private final VBox root = new VBox(6);

    MigrationSettingsEditor(MigrationSettingsEditorModel model, I18n i18n) {
        EditorForm form = new EditorForm(i18n);
        for (NumberField f : model.fields()) {
            String id = "migration" + Character.toUpperCase(f.key().charAt(f.key().indexOf('.') + 1))
                    + f.key().substring(f.key().indexOf('.') + 2);
            TextField field = FormControls.checkedField(id, f.textProperty(), model::check, model::commit);
            form.field(f.key(), field, f.errorProperty(), id + "Error");
        }
        root.getChildren().addAll(EditorForm.heading(i18n.get("migration.settings.heading")), form.grid(),
                FormControls.note(i18n.get("migration.settings.note")),
                FormControls.applyButton(i18n, "migrationApply", model::commit));
        root.setId("migrationSettingsEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }
}
