package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/** The port group's form: name and VLAN ID with their error lines; Enter or Apply applies both. */
final class PortGroupEditor {
    private final VBox root = new VBox(6);

    PortGroupEditor(PortGroupEditorModel model, I18n i18n) {
        PortGroupFields fields = model.fields();
        EditorForm form = new EditorForm(i18n);
        TextField name = FormControls.checkedField("portGroupName", fields.nameProperty(), model::check, model::commit);
        form.field("portGroup.name", name, fields.nameErrorProperty(), "portGroupNameError");
        TextField vlan = FormControls.checkedField("portGroupVlan", fields.vlanProperty(), model::check, model::commit);
        form.field("portGroup.vlan", vlan, fields.vlanErrorProperty(), "portGroupVlanError");
        root.getChildren().addAll(EditorForm.heading(i18n.get("portGroup.heading")), form.grid(),
                FormControls.note(i18n.get("network.note")), FormControls.applyButton(i18n, "portGroupApply", model::commit));
        root.setId("portGroupEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }
}
