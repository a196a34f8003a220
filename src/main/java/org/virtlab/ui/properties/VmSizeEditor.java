package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/** The VM's size form: vCPUs and memory, each with its error line. */
final class VmSizeEditor {
    private final VBox root = new VBox(6);

    VmSizeEditor(VmSizeEditorModel model, I18n i18n) {
        Label heading = new Label(i18n.get("size.heading"));
        heading.getStyleClass().add("panel-heading");
        TextField vcpus = FormControls.textField("sizeVcpus", model.vcpusProperty(), model::commit);
        TextField memory = FormControls.textField("sizeMemory", model.memoryProperty(), model::commit);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        grid.addRow(0, FormControls.label(i18n, "size.vcpus"), vcpus);
        grid.add(FormControls.errorLine(model.vcpusErrorProperty(), "sizeVcpusError"), 0, 1, 2, 1);
        grid.addRow(2, FormControls.label(i18n, "size.memory"), memory);
        grid.add(FormControls.errorLine(model.memoryErrorProperty(), "sizeMemoryError"), 0, 3, 2, 1);
        Label note = new Label(i18n.get("size.note"));
        note.getStyleClass().add("tab-note");
        note.setWrapText(true);
        Button apply = FormControls.applyButton(i18n, "sizeApply", model::commit);
        root.getChildren().addAll(heading, grid, note, apply);
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }
}
