package org.virtlab.ui.common;

import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.virtlab.charts.ChartStyle;

/**
 * The columns of a table of a host's VMs (the CPU tab, the Memory tab's overcommit view): the VM's name in its chart
 * colour, then right-aligned numbers whose headers explain themselves in a tooltip and are never cut short.
 */
public final class VmTableColumns {
    private VmTableColumns() {
    }

    /** The VM column: each VM's name after a square of its colour in the charts. */
    public static <R extends VmRow> TableColumn<R, String> name(String header) {
        TableColumn<R, String> c = new TableColumn<>(header);
        c.setCellValueFactory(cell -> cell.getValue().nameProperty());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || getTableRow() == null || getTableRow().getItem() == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                java.awt.Color awt = (java.awt.Color) ChartStyle.vmColour(getTableRow().getItem().colourIndex());
                setGraphic(new Rectangle(10, 10, Color.rgb(awt.getRed(), awt.getGreen(), awt.getBlue())));
                setText(item);
            }
        });
        return c;
    }

    /**
     * A right-aligned column of formatted values. The header is the column's own text, with {@code help} kept for
     * {@link #explainHeaders}: a header's own text lays out better than a label put in as its graphic, which the
     * header cut short ("Dema…") however wide the column.
     */
    public static <R> TableColumn<R, String> value(String header, String help,
            Function<R, ObservableValue<String>> value) {
        TableColumn<R, String> c = new TableColumn<>(header);
        c.setUserData(help);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /**
     * A first guess at the width of a header in 12 px bold, before the table has laid its headers out: about 7.6 px
     * per Latin letter (11.5 for m and w), 12.5 per Chinese character, plus the header's padding.
     */
    public static double headerWidth(String text) {
        double w = 14;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            w += ch >= 0x2E80 ? 12.5 : "mwMW".indexOf(ch) >= 0 ? 11.5 : 7.6;
        }
        return Math.ceil(w);
    }

    /**
     * Once the table has made its headers: gives each header of a {@link #value} column its help as a tooltip made
     * by {@code tooltip}, and widens a column whose header's text, in the font it is shown in, needs more than its
     * minimum width.
     */
    public static void explainHeaders(TableView<?> table, Function<String, Tooltip> tooltip) {
        scaleWithText(table);
        table.skinProperty().addListener((obs, was, now) -> Platform.runLater(() -> {
            for (Node n : table.lookupAll(".column-header")) {
                if (n instanceof TableColumnHeader h && h.getTableColumn() != null
                        && h.getTableColumn().getUserData() instanceof String help) {
                    Tooltip.install(h, tooltip.apply(help));
                    if (h.lookup(".label") instanceof Region label) {
                        double needed = Math.ceil(label.prefWidth(-1) + h.snappedLeftInset() + h.snappedRightInset());
                        if (h.getTableColumn().getMinWidth() < needed) {
                            // measured in the font shown now: at 100 % it needs that much less
                            double factor = PresentationStyler.chartScale(Presentation.lookOf(table).scale());
                            baseWidths(h.getTableColumn())[0] = needed / factor;
                            h.getTableColumn().setMinWidth(needed);
                        }
                    }
                }
            }
        }));
    }

    /**
     * In presenter mode a table's text grows by {@link PresentationStyler#chartScale} of the scale: its columns' widths
     * grow by as much, so that "13.26 GHz" stays whole instead of "13.26 G…". Off, they are as set.
     */
    private static void scaleWithText(TableView<?> table) {
        Presentation.follow(table, look -> {
            double factor = PresentationStyler.chartScale(look.scale());
            for (TableColumn<?, ?> c : table.getColumns()) {
                double[] base = baseWidths(c);
                c.setMinWidth(base[0] * factor);
                c.setPrefWidth(base[1] * factor);
            }
        });
    }

    /** A column's minimum and preferred width at 100 %, as first set (kept in the column's properties). */
    private static double[] baseWidths(javafx.scene.control.TableColumnBase<?, ?> c) {
        return (double[]) c.getProperties().computeIfAbsent(BASE_WIDTHS,
                k -> new double[] {c.getMinWidth(), c.getPrefWidth()});
    }

    private static final String BASE_WIDTHS = "virtlab.baseWidths";
}
