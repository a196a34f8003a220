package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.virtlab.engine.memory.host.SharingMode;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.i18n.I18n;

/**
 * The host's memory policy form in four groups: the states' thresholds (with what they are in MiB of this
 * host), page sharing (when, how fast, worked out as pages a second), balloon and swap, and the idle memory tax
 * (with k worked out). Enter or leaving a field applies the form to the running simulation; max page sharing,
 * which restarts it, applies on Enter or Apply only.
 */
final class HostMemoryPolicyEditor {
    private final VBox root = new VBox(6);

    HostMemoryPolicyEditor(HostMemoryPolicyEditorModel model, I18n i18n) {
        EditorForm form = new EditorForm(i18n);
        form.wide(group(i18n, "memPolicy.group.states"));
        for (NumberField f : model.thresholds()) {
            live(form, f, model);
        }
        form.wide(FormControls.result("memPolicyThresholdsMib", model.thresholdsProperty()));

        form.wide(group(i18n, "memPolicy.group.sharing"));
        ComboBox<SharingMode> sharing = new ComboBox<>();
        sharing.setId("memPolicySharing");
        sharing.getItems().setAll(SharingMode.values());
        sharing.setCellFactory(list -> new ExplainedCell<>(model::sharingLabel, model::sharingExplanation));
        sharing.setButtonCell(new TextCell<>(model::sharingLabel));
        sharing.setVisibleRowCount(SharingMode.values().length);
        sharing.valueProperty().bindBidirectional(model.sharingProperty());
        sharing.setOnAction(e -> model.commit());
        form.field("memPolicy.sharing", sharing, null, null);
        for (NumberField f : model.scanner()) {
            live(form, f, model);
        }
        form.wide(FormControls.result("memPolicyScanRate", model.scanRateProperty()));
        NumberField maxSharing = model.maxPageSharing();
        String maxId = FormControls.idOf(maxSharing.key());
        form.field(maxSharing.key(), FormControls.checkedField(maxId, maxSharing.textProperty(), model::check,
                model::commit), maxSharing.errorProperty(), maxId + "Error");

        form.wide(group(i18n, "memPolicy.group.reclaim"));
        for (NumberField f : model.reclamation()) {
            live(form, f, model);
        }
        live(form, model.idleTax(), model);
        form.wide(FormControls.result("memPolicyIdleCost", model.idleCostProperty()));

        root.getChildren().addAll(EditorForm.heading(i18n.get("memPolicy.heading")), form.grid(),
                FormControls.note(i18n.get("memPolicy.note")),
                FormControls.applyButton(i18n, "memPolicyApply", model::commit));
        root.setId("hostMemoryEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    /** A field applied as it is left, its id from its key: "memPolicy.high" → "memPolicyHigh". */
    private static void live(EditorForm form, NumberField f, HostMemoryPolicyEditorModel model) {
        String id = FormControls.idOf(f.key());
        TextField field = FormControls.textField(id, f.textProperty(), model::commit);
        form.field(f.key(), field, f.errorProperty(), id + "Error");
    }

    private static Label group(I18n i18n, String key) {
        Label l = FormControls.label(i18n, key);
        l.getStyleClass().add("property-category");
        l.setWrapText(true);
        return l;
    }

    VBox root() {
        return root;
    }
}
