package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/**
 * The VM's name and size form: name, vCPUs and memory, each with its error line. Leaving a field checks
 * it; Enter or Apply applies the form, which restarts the simulation (the note says so).
 */
final class VmSizeEditor {
    private final VBox root = new VBox(6);

    VmSizeEditor(VmSizeEditorModel model, I18n i18n) {
        Label heading = new Label(i18n.get("size.heading"));
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);
        TextField name = FormControls.checkedField("sizeName", model.nameProperty(), model::check, model::commit);
        TextField vcpus = FormControls.checkedField("sizeVcpus", model.vcpusProperty(), model::check, model::commit);
        TextField memory = FormControls.checkedField("sizeMemory", model.memoryProperty(), model::check, model::commit);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        grid.add(FormControls.label(i18n, "size.name"), 0, 0);
        grid.add(name, 1, 0);
        GridPane.setHgrow(name, Priority.ALWAYS);
        grid.add(FormControls.errorLine(model.nameErrorProperty(), "sizeNameError"), 0, 1, 2, 1);
        grid.addRow(2, FormControls.label(i18n, "size.vcpus"), vcpus);
        grid.add(FormControls.errorLine(model.vcpusErrorProperty(), "sizeVcpusError"), 0, 3, 2, 1);
        grid.addRow(4, FormControls.label(i18n, "size.memory"), memory);
        grid.add(FormControls.errorLine(model.memoryErrorProperty(), "sizeMemoryError"), 0, 5, 2, 1);
        Button apply = FormControls.applyButton(i18n, "sizeApply", model::commit);
        root.getChildren().addAll(heading, grid, FormControls.note(i18n.get("size.note")), apply);
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }
}
