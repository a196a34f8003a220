package org.virtlab.ui.properties;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.common.TextCell;

/**
 * The VM's workload form: the kind, then the fields of that kind (percentages and durations in ms).
 * Enter, leaving a field, choosing a kind or Apply commits; a wrong value is shown in red under its field
 * with the allowed range and never applied. A trace shows in words, read-only; its tooltip says it can
 * only come from a scenario file.
 */
final class WorkloadEditor {
    private final VBox root = new VBox(6);
    private final GridPane grid = new GridPane();
    private final ComboBox<WorkloadEditorModel.Kind> kind = new ComboBox<>();
    private final Label kindLabel;
    private final Label traceSummary;
    private final WorkloadEditorModel model;
    private final I18n i18n;

    WorkloadEditor(WorkloadEditorModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        Label heading = new Label(i18n.get("workload.heading"));
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);
        kindLabel = label("workload.kind");

        kind.setId("workloadKind");
        kind.getItems().setAll(model.kinds());
        kind.setCellFactory(list -> new TextCell<>(model::kindLabel));
        kind.setButtonCell(new TextCell<>(model::kindLabel));
        kind.valueProperty().bindBidirectional(model.kindProperty()); // the model commits on a new kind
        kind.setMaxWidth(Double.MAX_VALUE);
        kindLabel.setLabelFor(kind);
        traceSummary = new Label(model.traceSummary());
        traceSummary.setId("workloadTrace");
        traceSummary.setWrapText(true);
        traceSummary.setTooltip(new Tooltip(i18n.get("workload.trace.help")));

        ColumnConstraints labels = new ColumnConstraints();
        labels.setPercentWidth(50);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setPercentWidth(50);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.setHgap(8);
        grid.setVgap(2);
        model.fields().addListener((obs, was, now) -> layout(now));
        layout(model.fields().get());

        Button apply = FormControls.applyButton(i18n, "workloadApply", model::commit);
        root.getChildren().addAll(heading, grid, apply);
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }

    /** The kind, then one row per field of that kind, each with its error line under it. */
    private void layout(List<NumberField> fields) {
        grid.getChildren().clear();
        grid.addRow(0, kindLabel, kind);
        int row = 1;
        if (model.kindProperty().get() == WorkloadEditorModel.Kind.TRACE) { // read-only: no fields
            grid.add(traceSummary, 0, row++, 2, 1);
        }
        for (NumberField f : fields) {
            TextField text = field(f);
            Label name = label(f.key());
            name.setLabelFor(text);
            grid.addRow(row++, name, text);
            grid.add(error(f), 0, row++, 2, 1);
        }
    }

    private TextField field(NumberField f) {
        return FormControls.textField(idOf(f), f.textProperty(), model::commit);
    }

    private Label label(String key) {
        Label l = FormControls.label(i18n, key);
        l.setWrapText(true);
        l.setMinWidth(Region.USE_COMPUTED_SIZE);
        return l;
    }

    private static Label error(NumberField f) {
        return FormControls.errorLine(f.errorProperty(), idOf(f) + "Error");
    }

    /** "workload.meanOnMillis" → "workloadMeanOnMillis", for lookups in UI tests. */
    private static String idOf(NumberField f) {
        String name = f.key().substring(f.key().indexOf('.') + 1);
        return "workload" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
