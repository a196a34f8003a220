package org.virtlab.ui.topology;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.ui.i18n.I18n;

/**
 * A distributed virtual switch on the canvas: its name (the handle to drag it by), how many hosts it spans
 * (its uplinks, drawn as dashed lines to those hosts) and its port groups, each a place to plug a NIC into.
 */
final class SwitchCard extends VBox {
    static final double WIDTH = 240;

    private final TopologyViewModel.SwitchItem item;
    private final Label title;
    private final List<Label> portGroups = new ArrayList<>();

    SwitchCard(TopologyViewModel.SwitchItem item, I18n i18n) {
        super(4);
        this.item = item;
        title = new Label(item.name(), new FontIcon("mdi2l-lan"));
        title.getStyleClass().add("switch-title");
        title.setCursor(javafx.scene.Cursor.MOVE);
        Label uplinks = new Label(i18n.format("topology.switch.uplinks", item.hostIds().size()));
        uplinks.getStyleClass().add("host-summary");
        getChildren().addAll(title, uplinks);
        for (TopologyViewModel.PortGroupItem g : item.portGroups()) {
            Label row = new Label(g.name() + " · " + g.vlan(), new FontIcon("mdi2e-ethernet"));
            row.getStyleClass().add("port-group");
            row.setId("pg-" + g.id());
            row.setUserData(g.id());
            row.getProperties().put(TopologyView.WIRE_TARGET, g.id());
            row.setMaxWidth(Double.MAX_VALUE);
            portGroups.add(row);
            getChildren().add(row);
        }
        getStyleClass().add("switch-card");
        setId("switch-" + item.id());
        setUserData(item.id());
        setPrefWidth(WIDTH);
        setMinWidth(Region.USE_PREF_SIZE);
        relocate(item.x(), item.y());
    }

    TopologyViewModel.SwitchItem item() {
        return item;
    }

    String switchId() {
        return item.id();
    }

    Label title() {
        return title;
    }

    List<Label> portGroups() {
        return portGroups;
    }
}
