package org.virtlab.ui.properties;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.virtlab.ui.i18n.I18n;

/**
 * A form of the property panel as two columns that share the panel's width (labels wrap rather than push
 * the fields out of it): a label with its help as tooltip beside each control, and the control's error
 * line under both.
 */
final class EditorForm {
    private final I18n i18n;
    private final GridPane grid = new GridPane();
    private int row;

    EditorForm(I18n i18n) {
        this.i18n = i18n;
        ColumnConstraints labels = new ColumnConstraints();
        labels.setPercentWidth(42);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setPercentWidth(58);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.setHgap(8);
        grid.setVgap(2);
    }

    GridPane grid() {
        return grid;
    }

    /** A panel heading that wraps. */
    static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);
        return heading;
    }

    /** A row: the label of {@code key} and the control, then the error line if {@code error} is given. */
    Label field(String key, Region control, ObservableStringValue error, String errorId) {
        return field(key, control, error, errorId, null);
    }

    /** A row shown only while {@code shown} is true (the error line too), or always if it is null. */
    Label field(String key, Region control, ObservableStringValue error, String errorId, ObservableBooleanValue shown) {
        Label label = new Label(i18n.get(key));
        label.setTooltip(new Tooltip(i18n.get(key + ".help")));
        label.setWrapText(true);
        label.setLabelFor(control);
        control.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, label, control);
        if (shown != null) {
            for (Node n : new Node[] {label, control}) {
                n.visibleProperty().bind(shown);
                n.managedProperty().bind(shown);
            }
        }
        if (error != null) {
            Label line = FormControls.errorLine(error, errorId);
            if (shown != null) {
                line.visibleProperty().bind(Bindings.createBooleanBinding(
                        () -> shown.get() && !line.getText().isEmpty(), shown, line.textProperty()));
            }
            grid.add(line, 0, row++, 2, 1);
        }
        return label;
    }

    /** A label across both columns and, under it, the control across both: for a control wider than a field. */
    Label stacked(String key, Region control) {
        return stacked(key, control, null);
    }

    /** {@link #stacked(String, Region)} shown only while {@code shown} is true, or always if it is null. */
    Label stacked(String key, Region control, ObservableBooleanValue shown) {
        Label label = new Label(i18n.get(key));
        label.setTooltip(new Tooltip(i18n.get(key + ".help")));
        label.setWrapText(true);
        label.setLabelFor(control);
        wide(label);
        wide(control);
        if (shown != null) {
            for (Node n : new Node[] {label, control}) {
                n.visibleProperty().bind(shown);
                n.managedProperty().bind(shown);
            }
        }
        return label;
    }

    /** A node across both columns, such as a note or a list. */
    void wide(Node node) {
        if (node instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
            r.setMinWidth(0);
        }
        grid.add(node, 0, row++, 2, 1);
    }
}
