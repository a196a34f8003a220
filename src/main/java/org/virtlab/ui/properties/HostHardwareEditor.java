package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.i18n.I18n;

/**
 * The host's name and hardware form: name, sockets, cores per socket, threads per core (with the logical
 * CPUs they make, as typed), clock and memory with its unit, each with its error line, and the VMs that
 * would not fit. Leaving a field checks it; Enter or Apply applies the form, which restarts the simulation.
 */
final class HostHardwareEditor {
    private final VBox root = new VBox(6);
    private final I18n i18n;
    private final GridPane grid = new GridPane();
    private int row;

    HostHardwareEditor(HostHardwareEditorModel model, I18n i18n) {
        this.i18n = i18n;
        Label heading = new Label(i18n.get("hardware.heading"));
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);

        ColumnConstraints labels = new ColumnConstraints();
        labels.setPercentWidth(45);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setPercentWidth(55);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.setHgap(8);
        grid.setVgap(2);

        TextField name = FormControls.checkedField("hardwareName", model.nameProperty(), model::check, model::commit);
        add("hardware.name", name);
        grid.add(FormControls.errorLine(model.nameErrorProperty(), "hardwareNameError"), 0, row++, 2, 1);
        for (NumberField f : model.cpuFields()) {
            String id = idOf(f);
            add(f.key(), FormControls.checkedField(id, f.textProperty(), model::check, model::commit));
            grid.add(FormControls.errorLine(f.errorProperty(), id + "Error"), 0, row++, 2, 1);
            if (f.key().equals("hardware.threadsPerCore")) {
                Label logical = new Label();
                logical.setId("hardwareLogicalCpus");
                logical.textProperty().bind(model.logicalCpusProperty());
                logical.getStyleClass().add("property-name");
                logical.setWrapText(true);
                grid.add(logical, 0, row++, 2, 1);
                grid.add(FormControls.errorLine(model.fitErrorProperty(), "hardwareFitError"), 0, row++, 2, 1);
            }
        }
        NumberField memory = model.memory();
        TextField amount = FormControls.checkedField(idOf(memory), memory.textProperty(), model::check, model::commit);
        amount.setPrefColumnCount(4);
        ComboBox<HostHardwareEditorModel.MemoryUnit> unit = new ComboBox<>();
        unit.setId("hardwareMemoryUnit");
        unit.getItems().setAll(HostHardwareEditorModel.MemoryUnit.values());
        unit.setCellFactory(list -> new TextCell<>(HostHardwareEditorModel.MemoryUnit::symbol));
        unit.setButtonCell(new TextCell<>(HostHardwareEditorModel.MemoryUnit::symbol));
        unit.valueProperty().bindBidirectional(model.memoryUnitProperty());
        unit.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(amount, Priority.ALWAYS);
        HBox memoryBox = new HBox(4, amount, unit);
        add(memory.key(), memoryBox).setLabelFor(amount);
        grid.add(FormControls.errorLine(memory.errorProperty(), idOf(memory) + "Error"), 0, row++, 2, 1);

        Button apply = FormControls.applyButton(i18n, "hardwareApply", model::commit);
        root.getChildren().addAll(heading, grid, FormControls.note(i18n.get("hardware.note")), apply);
        root.setId("hostHardwareEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }

    /** A row: the label (wrapping, help as tooltip) and the control. */
    private Label add(String key, Region control) {
        Label label = new Label(i18n.get(key));
        label.setTooltip(new Tooltip(i18n.get(key + ".help")));
        label.setWrapText(true);
        label.setLabelFor(control);
        control.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, label, control);
        return label;
    }

    /** "hardware.coresPerSocket" → "hardwareCoresPerSocket", for lookups in UI tests. */
    private static String idOf(NumberField f) {
        String name = f.key().substring(f.key().indexOf('.') + 1);
        return "hardware" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
