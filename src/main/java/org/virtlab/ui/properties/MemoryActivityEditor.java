package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/**
 * The VM's memory activity form: demand, touch and write rates (the write rate's note points to the dirty rate
 * live migration uses), what its pages hold and how much it keeps active, each group worked out under it. Enter
 * or leaving a field applies the form to the running simulation; the image, which restarts it, applies on Enter
 * or Apply only.
 */
final class MemoryActivityEditor {
    private final VBox root = new VBox(6);

    MemoryActivityEditor(MemoryActivityEditorModel model, I18n i18n) {
        EditorForm form = new EditorForm(i18n);
        for (NumberField f : model.rates()) {
            field(form, f, model);
        }
        form.wide(FormControls.result("memActivityReach", model.reachProperty()));
        Label dirty = FormControls.note(model.dirtyNote());
        dirty.setId("memActivityDirtyNote");
        form.wide(dirty);
        for (NumberField f : model.content()) {
            field(form, f, model);
        }
        form.wide(FormControls.result("memActivityMix", model.mixProperty()));
        TextField image = FormControls.checkedField("memActivityImage", model.imageProperty(), model::check,
                model::commit);
        form.field("memActivity.image", image, model.imageErrorProperty(), "memActivityImageError");

        root.getChildren().addAll(EditorForm.heading(i18n.get("memActivity.heading")), form.grid(),
                FormControls.note(i18n.get("memActivity.note")),
                FormControls.applyButton(i18n, "memActivityApply", model::commit));
        root.setId("memActivityEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    /** A live field, its id from its key: "memActivity.demand" → "memActivityDemand". */
    private static void field(EditorForm form, NumberField f, MemoryActivityEditorModel model) {
        String id = FormControls.idOf(f.key());
        TextField field = FormControls.textField(id, f.textProperty(), model::commit);
        form.field(f.key(), field, f.errorProperty(), id + "Error");
    }

    VBox root() {
        return root;
    }
}
