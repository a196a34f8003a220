package org.virtlab.ui.palette;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.ui.topology.TopologyView;
import org.virtlab.ui.topology.TopologyViewModel;
import org.virtlab.ui.i18n.I18n;

/**
 * The palette of things a lesson is built from, each dragged onto the topology: a host or a distributed
 * switch onto the canvas, a VM or a network onto a host, a port group onto a switch.
 */
public final class PaletteView {
    private final VBox root = new VBox(6);

    public PaletteView(I18n i18n) {
        Label heading = new Label(i18n.get("palette.heading"));
        heading.getStyleClass().add("panel-heading");
        root.getChildren().add(heading);
        draggable(item(i18n, "palette.host", "mdi2s-server"), TopologyViewModel.PaletteItem.HOST);
        draggable(item(i18n, "palette.vm", "mdi2m-monitor"), TopologyViewModel.PaletteItem.VM);
        draggable(item(i18n, "palette.net.nat", "mdi2s-swap-horizontal"), TopologyViewModel.PaletteItem.NET_NAT);
        draggable(item(i18n, "palette.net.isolated", "mdi2l-lan-disconnect"), TopologyViewModel.PaletteItem.NET_ISOLATED);
        draggable(item(i18n, "palette.net.routed", "mdi2r-router-network"), TopologyViewModel.PaletteItem.NET_ROUTED);
        draggable(item(i18n, "palette.net.bridged", "mdi2b-bridge"), TopologyViewModel.PaletteItem.NET_BRIDGED);
        draggable(item(i18n, "palette.switch", "mdi2l-lan"), TopologyViewModel.PaletteItem.SWITCH);
        draggable(item(i18n, "palette.portGroup", "mdi2e-ethernet"), TopologyViewModel.PaletteItem.PORT_GROUP);
        Label note = new Label(i18n.get("palette.note"));
        note.setWrapText(true);
        note.getStyleClass().add("tab-note");
        root.getChildren().add(note);
        root.setPadding(new Insets(8));
        root.setPrefWidth(180);
        root.setMinWidth(180);
        root.setMaxWidth(180);
        root.getStyleClass().add("palette");
    }

    /** Lets the item be dragged onto the topology (a host onto the canvas, a VM onto a host). */
    private static void draggable(Label label, TopologyViewModel.PaletteItem what) {
        label.setId("palette-" + what.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        label.setOnDragDetected(e -> {
            Dragboard board = label.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.put(TopologyView.PALETTE_ITEM, what.name());
            board.setContent(content);
            e.consume();
        });
    }

    private Label item(I18n i18n, String key, String icon) {
        FontIcon glyph = new FontIcon(icon);
        glyph.setIconSize(22);
        Label label = new Label(i18n.get(key), glyph);
        label.getStyleClass().add("palette-item");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setWrapText(true);
        Tooltip.install(label, new Tooltip(i18n.get(key + ".tip")));
        root.getChildren().add(label);
        return label;
    }

    public VBox root() {
        return root;
    }
}
