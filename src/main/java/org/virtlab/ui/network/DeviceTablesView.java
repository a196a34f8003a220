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

        VBox mac = section(i18n, "network.table.mac", "networkMacTable", model.macRows(),
                "network.col.mac", "network.col.port", "network.col.vlan", "network.col.age");
        VBox routes = section(i18n, "network.table.routes", "networkRouteTable", model.routeRows(),
                "network.col.dest", "network.col.gateway", "network.col.iface");
        VBox arp = section(i18n, "network.table.arp", "networkArpTable", model.arpRows(),
                "network.col.iface", "network.col.ip", "network.col.mac", "network.col.age");
        VBox conntrack = section(i18n, "network.table.conntrack", "networkConntrackTable", model.conntrackRows(),
                "network.col.proto", "network.col.orig", "network.col.replyTuple", "network.col.nat",
                "network.col.expires");
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

    private static void showIf(VBox section, boolean forSwitch, DeviceTablesModel model) {
        section.visibleProperty().bind(forSwitch ? model.chosenIsSwitchProperty() : model.chosenIsSwitchProperty().not());
        section.managedProperty().bind(section.visibleProperty());
    }

    private static VBox section(I18n i18n, String title, String id, ObservableList<List<String>> rows, String... columns) {
        Label heading = new Label(i18n.get(title));
        heading.getStyleClass().add("net-section");
        TableView<List<String>> table = new TableView<>(rows);
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.get("network.table.empty")));
        table.setFixedCellSize(ROW);
        table.getStyleClass().add("net-table");
        for (int c = 0; c < columns.length; c++) {
            int col = c;
            TableColumn<List<String>, String> column = new TableColumn<>(i18n.get(columns[c]));
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(col)));
            column.setSortable(false);
            column.setReorderable(false);
            table.getColumns().add(column);
        }
        // As tall as its rows (a header and at least two rows), so the page scrolls rather than each table.
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(rows).add(1).multiply(ROW).add(ROW + 4)
                .map(h -> Math.max(h.doubleValue(), 3 * ROW + 4)));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setMaxHeight(Region.USE_PREF_SIZE);
        return new VBox(4, heading, table);
    }
}
