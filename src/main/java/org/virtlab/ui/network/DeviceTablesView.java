package org.virtlab.ui.network;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.i18n.I18n;

/** The Network tab's device tables: pick a device, see its MAC table, or its routes, ARP cache and conntrack. */
final class DeviceTablesView {
    private static final double ROW = 26;
    /** A connection's tuples wrap onto two lines. */
    private static final double TALL_ROW = 44;
    /** The column headers and the table's borders, so that the rows fit without a scroll bar. */
    private static final double HEADER = 44;
    private final ScrollPane root;

    DeviceTablesView(DeviceTablesModel model, I18n i18n) {
        ComboBox<String> device = new ComboBox<>(model.devices());
        device.setId("networkDevice");
        device.setCellFactory(list -> new TextCell<>(model::deviceLabel));
        device.setButtonCell(new TextCell<>(model::deviceLabel));
        device.valueProperty().bindBidirectional(model.chosenProperty());
        device.setVisibleRowCount(14);
        Label label = new Label(i18n.get("network.device"));
        label.setTooltip(new Tooltip(i18n.get("network.device.help")));
        label.getStyleClass().add("net-label");
        label.setLabelFor(device);
        HBox chooser = new HBox(8, label, device);
        chooser.setAlignment(Pos.CENTER_LEFT);

        VBox mac = section(i18n, "network.table.mac", "networkMacTable", model.macRows(), ROW,
                "network.col.mac", "network.col.port", "network.col.vlan", "network.col.age");
        VBox routes = section(i18n, "network.table.routes", "networkRouteTable", model.routeRows(), ROW,
                "network.col.dest", "network.col.gateway", "network.col.iface");
        VBox arp = section(i18n, "network.table.arp", "networkArpTable", model.arpRows(), ROW,
                "network.col.iface", "network.col.ip", "network.col.mac", "network.col.age");
        VBox conntrack = section(i18n, "network.table.conntrack", "networkConntrackTable", model.conntrackRows(), TALL_ROW,
                "network.col.proto", "network.col.orig", "network.col.replyTuple", "network.col.nat",
                "network.col.expires");
        // Two address:port pairs per tuple need the room; protocol and timeout do not.
        widths(conntrack, 78, 195, 195, 180, 86);
        showIf(mac, true, model);
        showIf(routes, false, model);
        showIf(arp, false, model);
        showIf(conntrack, false, model);
        VBox content = new VBox(10, chooser, mac, routes, arp, conntrack);
        content.setPadding(new Insets(8));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("networkTables");
    }

    ScrollPane root() {
        return root;
    }

    @SuppressWarnings("unchecked")
    private static void widths(VBox section, double... widths) {
        TableView<List<String>> table = (TableView<List<String>>) section.getChildren().get(1);
        for (int c = 0; c < widths.length; c++) {
            table.getColumns().get(c).setPrefWidth(widths[c]);
            table.getColumns().get(c).setMinWidth(Math.min(widths[c], 78));
        }
    }

    private static void showIf(VBox section, boolean forSwitch, DeviceTablesModel model) {
        section.visibleProperty().bind(forSwitch ? model.chosenIsSwitchProperty() : model.chosenIsSwitchProperty().not());
        section.managedProperty().bind(section.visibleProperty());
    }

    private static VBox section(I18n i18n, String title, String id, ObservableList<List<String>> rows, double row,
                                String... columns) {
        Label heading = new Label(i18n.get(title));
        heading.getStyleClass().add("net-section");
        TableView<List<String>> table = new TableView<>(rows);
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.get("network.table.empty")));
        table.setFixedCellSize(row);
        table.getStyleClass().add("net-table");
        for (int c = 0; c < columns.length; c++) {
            int col = c;
            TableColumn<List<String>, String> column = new TableColumn<>(i18n.get(columns[c]));
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(col)));
            column.setCellFactory(tc -> new WrappingCell());
            column.setSortable(false);
            column.setReorderable(false);
            table.getColumns().add(column);
        }
        // As tall as its rows (a header and at least two rows), so the page scrolls rather than each table.
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(rows).multiply(row).add(HEADER)
                .map(h -> Math.max(h.doubleValue(), ROW + HEADER)));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setMaxHeight(Region.USE_PREF_SIZE);
        return new VBox(4, heading, table);
    }

    /** A cell whose text wraps at spaces (a connection's tuples). */
    private static final class WrappingCell extends javafx.scene.control.TableCell<List<String>, String> {
        WrappingCell() {
            setWrapText(true);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }
}
