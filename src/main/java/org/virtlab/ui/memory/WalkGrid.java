package org.virtlab.ui.memory;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.util.Duration;

/**
 * Draws a {@link WalkLayout} as a grid of light labels: row labels on the left, column labels on top (for a
 * nested walk), one cell per reference showing its step, and the dashed data cell. Cells before the step are
 * filled, the step's own is highlighted, later ones are empty outlines; each explains itself in a tooltip.
 */
final class WalkGrid {
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass REACHED = PseudoClass.getPseudoClass("reached");
    private static final double CELL_HEIGHT = 28;

    private final GridPane grid = new GridPane();
    private final String idPrefix;
    private final String dataText;
    private final List<Label> cells = new ArrayList<>();
    private Label dataCell;
    private int count;

    /** @param idPrefix cells get the ids {@code <idPrefix>-<step>} and {@code <idPrefix>-data}, for tests */
    WalkGrid(String idPrefix, String dataText) {
        this.idPrefix = idPrefix;
        this.dataText = dataText;
        grid.getStyleClass().add("walk-grid");
        grid.setHgap(4);
        grid.setVgap(3);
    }

    GridPane node() {
        return grid;
    }

    /** Builds the cells of a new walk. */
    void show(WalkLayout layout) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        cells.clear();
        count = layout.count();
        boolean nested = !layout.columnLabels().isEmpty();
        int top = nested ? 2 : 0;

        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        for (int c = 0; c < layout.columns(); c++) {
            ColumnConstraints cc = new ColumnConstraints(36, 64, 110);
            cc.setHgrow(Priority.ALWAYS);
            cc.setHalignment(HPos.CENTER);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < top; r++) {
            grid.getRowConstraints().add(new RowConstraints());
        }
        for (int r = 0; r < layout.rows(); r++) {
            // The same height in every column, so the three walks read as one picture.
            RowConstraints rc = new RowConstraints(24, CELL_HEIGHT, CELL_HEIGHT);
            rc.setVgrow(Priority.NEVER);
            grid.getRowConstraints().add(rc);
        }

        if (nested) {
            int hostColumns = layout.columns() - 1;
            Label hostHeader = new Label(layout.hostHeader());
            hostHeader.getStyleClass().addAll("walk-header", "walk-header-host");
            hostHeader.setMaxWidth(Double.MAX_VALUE);
            hostHeader.setAlignment(Pos.CENTER);
            grid.add(hostHeader, 1, 0, hostColumns, 1);
            for (int c = 0; c < layout.columns(); c++) {
                Label header = new Label(layout.columnLabels().get(c));
                header.getStyleClass().addAll("walk-header", c < hostColumns ? "walk-header-host" : "walk-header-guest");
                grid.add(header, 1 + c, c < hostColumns ? 1 : 0, 1, c < hostColumns ? 1 : 2);
            }
        }
        for (int r = 0; r < layout.rows(); r++) {
            Label label = new Label(layout.rowLabels().get(r));
            label.getStyleClass().add("walk-row-label");
            if (nested && r < layout.rows() - 1) {
                label.getStyleClass().add("walk-row-label-guest");
            }
            grid.add(label, 0, top + r);
        }
        for (WalkLayout.Cell cell : layout.cells()) {
            Label l = new Label(Integer.toString(cell.step()));
            l.setId(idPrefix + "-" + cell.step());
            l.getStyleClass().addAll("walk-cell", "walk-cell-" + cell.table());
            l.setMinSize(0, 0);
            l.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            l.setAlignment(Pos.CENTER);
            l.setTooltip(tooltip(cell.description()));
            cells.add(l);
            grid.add(l, 1 + cell.column(), top + cell.row());
        }
        dataCell = new Label(dataText);
        dataCell.setId(idPrefix + "-data");
        dataCell.getStyleClass().addAll("walk-cell", "walk-cell-data");
        dataCell.setMinSize(0, 0);
        dataCell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        dataCell.setAlignment(Pos.CENTER);
        dataCell.setTooltip(tooltip(layout.dataTip()));
        grid.add(dataCell, 1 + layout.dataColumn(), top + layout.dataRow());
    }

    /** Fills the references before {@code step}, highlights the one at it, empties the rest. */
    void light(int step) {
        for (int i = 0; i < cells.size(); i++) {
            int s = i + 1;
            cells.get(i).pseudoClassStateChanged(DONE, s < step);
            cells.get(i).pseudoClassStateChanged(CURRENT, s == step);
        }
        if (dataCell != null) {
            dataCell.pseudoClassStateChanged(REACHED, count > 0 && step >= count);
        }
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(200));
        t.setShowDuration(Duration.seconds(30));
        t.getStyleClass().add("walk-tooltip");
        return t;
    }
}
