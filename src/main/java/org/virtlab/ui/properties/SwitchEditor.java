package org.virtlab.ui.properties;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/**
 * The switch's form: name; the hosts it spans as a checklist; its port groups as a list of name and VLAN
 * fields with a remove button each, and Add; the NICs Apply would unplug, in red; Apply.
 */
final class SwitchEditor {
    private final VBox root = new VBox(6);
    private final VBox groups = new VBox(2);
    private final SwitchEditorModel model;
    private final I18n i18n;

    SwitchEditor(SwitchEditorModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        EditorForm form = new EditorForm(i18n);
        TextField name = FormControls.checkedField("switchName", model.nameProperty(), model::check, model::commit);
        form.field("switch.name", name, model.nameErrorProperty(), "switchNameError");

        VBox hosts = new VBox(2);
        hosts.setId("switchHosts");
        for (SwitchEditorModel.HostChoice h : model.hosts()) {
            CheckBox box = new CheckBox(h.name());
            box.setId("switchHost-" + h.hostId());
            box.selectedProperty().bindBidirectional(h.spannedProperty());
            box.setWrapText(true);
            hosts.getChildren().add(box);
        }

        groups.setId("switchPortGroups");
        model.portGroups().addListener((ListChangeListener<PortGroupFields>) c -> showGroups());
        showGroups();
        Button add = new Button(i18n.get("switch.addPortGroup"));
        add.setId("switchAddPortGroup");
        add.setOnAction(e -> model.addPortGroup());

        Label unplugs = FormControls.errorLine(model.unplugsProperty(), "switchUnplugs");
        Button apply = FormControls.applyButton(i18n, "switchApply", model::commit);
        root.getChildren().addAll(EditorForm.heading(i18n.get("switch.heading")), form.grid(),
                FormControls.label(i18n, "switch.hosts"), hosts,
                FormControls.label(i18n, "switch.portGroups"), groups, add, unplugs,
                FormControls.note(i18n.get("switch.note")), apply);
        root.setId("switchEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }

    /** One line per port group: name, VLAN, remove; each field's message under it. */
    private void showGroups() {
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(2);
        grid.add(FormControls.label(i18n, "portGroup.name"), 0, 0);
        grid.add(FormControls.label(i18n, "portGroup.vlan"), 1, 0);
        int row = 1;
        List<PortGroupFields> all = List.copyOf(model.portGroups());
        for (PortGroupFields g : all) {
            TextField name = FormControls.checkedField("switchGroupName-" + g.id(), g.nameProperty(), model::check,
                    model::commit);
            TextField vlan = FormControls.checkedField("switchGroupVlan-" + g.id(), g.vlanProperty(), model::check,
                    model::commit);
            vlan.setPrefColumnCount(4);
            Button remove = new Button("✕");
            remove.setId("switchGroupRemove-" + g.id());
            remove.setTooltip(new Tooltip(i18n.format("switch.removePortGroup", g.id())));
            remove.setAccessibleText(i18n.format("switch.removePortGroup", g.id()));
            remove.setOnAction(e -> model.removePortGroup(g));
            GridPane.setHgrow(name, Priority.ALWAYS);
            grid.addRow(row++, name, vlan, remove);
            grid.add(FormControls.errorLine(g.nameErrorProperty(), "switchGroupNameError-" + g.id()), 0, row++, 3, 1);
            grid.add(FormControls.errorLine(g.vlanErrorProperty(), "switchGroupVlanError-" + g.id()), 0, row++, 3, 1);
        }
        HBox box = new HBox(grid);
        box.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(grid, Priority.ALWAYS);
        groups.getChildren().setAll(all.isEmpty() ? List.of(FormControls.note(i18n.get("switch.noPortGroups"))) : List.of(box));
    }
}
