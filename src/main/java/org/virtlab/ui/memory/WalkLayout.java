package org.virtlab.ui.memory;

import java.util.List;
import java.util.Objects;

/**
 * One page walk laid out as a grid of levels, ready to draw: one cell per memory reference, in order, and a
 * last cell for the data the walk reaches (not a reference, so not counted).
 *
 * <p>Native and shadow walks are one column, a row per level walked. A nested walk is the two-dimensional
 * grid that (n + 1)(m + 1) − 1 counts: a row per guest level walked, then one for the data; in each row
 * first the m host (EPT/NPT) references that find where the guest entry lies, then the guest entry itself.
 * The last row's last cell is the data: (n + 1) × (m + 1) cells minus that one.
 *
 * @param rowLabels    one per row, top to bottom: the level the row walks; the last row is the data's
 * @param columnLabels one per column, left to right; empty for a one-column walk
 * @param hostHeader   the label over the host columns of a nested walk; empty otherwise
 * @param cells        one per memory reference, in order: cell i has step i + 1
 * @param dataRow      the row of the data cell
 * @param dataColumn   the column of the data cell
 * @param dataTip      what the data cell says when pointed at
 */
public record WalkLayout(List<String> rowLabels, List<String> columnLabels, String hostHeader, List<Cell> cells,
                         int dataRow, int dataColumn, String dataTip) {
    public static final WalkLayout EMPTY = new WalkLayout(List.of(), List.of(), "", List.of(), 0, 0, "");

    /**
     * One memory reference drawn as a cell.
     *
     * @param step        1-based position in the walk: the cell lights up at this step
     * @param row         its row in the grid
     * @param column      its column in the grid
     * @param table       whose table it reads: {@code native}, {@code guest}, {@code host} or {@code shadow}
     * @param description the reference in words: table, level, index, address, why (a tooltip)
     */
    public record Cell(int step, int row, int column, String table, String description) {
        public Cell {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(description, "description");
        }
    }

    public WalkLayout {
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        Objects.requireNonNull(hostHeader, "hostHeader");
        cells = List.copyOf(cells);
        Objects.requireNonNull(dataTip, "dataTip");
    }

    public int rows() {
        return rowLabels.size();
    }

    /** At least one: a one-column walk has no column labels. */
    public int columns() {
        return Math.max(1, columnLabels.size());
    }

    /** The number of references. */
    public int count() {
        return cells.size();
    }
}
