package org.virtlab.ui.properties;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selection's properties as a read-only grid: one heading per category, then name and value per
 * row, every category open at once (a projector shows all of it), values wrapping, help in tooltips.
 */
final class PropertyGrid {
    private final VBox root = new VBox(2);

    PropertyGrid() {
        root.setId("propertyGrid");
        root.getStyleClass().add("property-grid");
    }

    VBox root() {
        return root;
    }

    void show(List<PropertyRow> rows) {
        root.getChildren().clear();
        GridPane grid = null;
        String category = null;
        int r = 0;
        for (PropertyRow row : rows) {
            if (!row.category().equals(category)) {
                category = row.category();
                Label heading = new Label(category);
                heading.getStyleClass().add("property-category");
                grid = newGrid();
                root.getChildren().addAll(heading, grid);
                r = 0;
            }
            Label name = new Label(row.name());
            name.getStyleClass().add("property-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(row.value());
            value.getStyleClass().add("property-value");
            value.setWrapText(true);
            if (!row.description().isEmpty()) {
                name.setTooltip(new Tooltip(row.description()));
                value.setTooltip(new Tooltip(row.description()));
            }
            GridPane.setValignment(name, VPos.TOP);
            grid.addRow(r++, name, value);
        }
    }

    private static GridPane newGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        ColumnConstraints names = new ColumnConstraints();
        names.setHalignment(HPos.LEFT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, values);
        grid.getStyleClass().add("property-rows");
        return grid;
    }
}
