package org.virtlab.ui.topology;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A host on the canvas: its name (the handle to drag it by), its hardware in one line, its capacity badges
 * and its VMs, three to a row.
 */
final class HostCard extends VBox {
    static final int VMS_PER_ROW = 3;
    static final double GAP = 12;
    /** The grid of three VM cards, plus the card's padding (12) and border (2) each side, as topology.css sets. */
    static final double WIDTH = VMS_PER_ROW * VmCard.WIDTH + (VMS_PER_ROW - 1) * GAP + 2 * 12 + 2 * 2;

    private final TopologyViewModel.HostItem item;
    private final Label title;
    private final List<VmCard> vmCards = new ArrayList<>();
    private final List<Label> networkChips = new ArrayList<>();

    private final boolean detailed;

    /** @param detailed whether its VM cards show their text (see {@link VmCard}) */
    HostCard(TopologyViewModel.HostItem item, boolean detailed) {
        super(6);
        this.item = item;
        this.detailed = detailed;
        title = new Label(item.name(), new FontIcon("mdi2s-server"));
        title.getStyleClass().add("host-title");
        title.setCursor(javafx.scene.Cursor.MOVE);
        Label summary = new Label(item.summary());
        summary.getStyleClass().add("host-summary");
        HBox badges = new HBox(6);
        for (TopologyViewModel.Badge b : item.badges()) {
            Label badge = new Label(b.text());
            badge.getStyleClass().add("capacity-badge");
            if (b.warning()) {
                badge.getStyleClass().add("capacity-badge-warning");
            }
            // Installed when first pointed at: hundreds of idle tooltips cost time when a big lesson opens.
            badge.setOnMouseEntered(e -> {
                if (badge.getTooltip() == null) {
                    badge.setTooltip(new Tooltip(b.tooltip()));
                }
            });
            badges.getChildren().add(badge);
        }
        VmGrid grid = new VmGrid();
        for (TopologyViewModel.VmItem vm : item.vms()) {
            VmCard card = new VmCard(vm, detailed);
            vmCards.add(card);
            grid.getChildren().add(card);
        }
        getChildren().addAll(title, summary, badges, grid);
        if (!item.networks().isEmpty()) {
            VBox nets = new VBox(SEGMENT_GAP);
            nets.setPadding(new javafx.geometry.Insets(SEGMENT_GAP, 0, 0, 0));
            for (TopologyViewModel.NetworkItem n : item.networks()) {
                Label bar = networkSegment(n);
                networkChips.add(bar);
                nets.getChildren().add(bar);
            }
            getChildren().add(nets);
        }
        getStyleClass().add("host-card");
        setId("host-" + item.id());
        setUserData(item.id());
        relocate(item.x(), item.y());
    }

    boolean detailed() {
        return detailed;
    }

    /** The height of its VM grid: what a card's height is beyond its title, summary and badges. */
    static double gridHeight(int vms) {
        int rows = (vms + VMS_PER_ROW - 1) / VMS_PER_ROW;
        return rows == 0 ? 0 : rows * VmCard.HEIGHT + (rows - 1) * GAP;
    }

    TopologyViewModel.HostItem item() {
        return item;
    }

    String hostId() {
        return item.id();
    }

    Label title() {
        return title;
    }

    List<VmCard> vmCards() {
        return vmCards;
    }

    /**
     * Its networks' bridge bars (virbr0, br0 …), each a segment its VMs' NICs are wired onto and a place to plug
     * a NIC into (see {@link TopologyView#WIRE_TARGET}).
     */
    List<Label> networkChips() {
        return networkChips;
    }

    /** The extra height the network bars add, for estimating an unbuilt card (the card's spacing included). */
    static double networksHeight(int networks) {
        return networks == 0 ? 0 : 6 + SEGMENT_GAP + networks * (SEGMENT_HEIGHT + SEGMENT_GAP) - SEGMENT_GAP;
    }

    /** A network's bridge bar: its name, model, subnet and bridge on a bar of its model's colour. */
    static final double SEGMENT_HEIGHT = 30;
    static final double SEGMENT_GAP = 8;

    private static Label networkSegment(TopologyViewModel.NetworkItem n) {
        Label bar = new Label(n.name() + " · " + n.mode() + " · " + n.detail(), new FontIcon(NETWORK_ICONS.get(n.modeKey())));
        bar.getStyleClass().addAll("network-chip", "segment-bar", "network-" + n.modeKey());
        bar.setId("net-" + n.id());
        bar.setUserData(n.id());
        bar.getProperties().put(TopologyView.WIRE_TARGET, n.id());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setMinHeight(SEGMENT_HEIGHT);
        bar.setPrefHeight(SEGMENT_HEIGHT);
        bar.setMaxHeight(SEGMENT_HEIGHT);
        bar.setMinWidth(0);
        bar.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        bar.setOnMouseEntered(e -> { // installed when first pointed at, as the badges' are
            if (bar.getTooltip() == null) {
                bar.setTooltip(new Tooltip(n.name() + " · " + n.mode() + "\n" + n.detail()));
            }
        });
        return bar;
    }

    /** The palette's icon for each network mode. */
    static final java.util.Map<String, String> NETWORK_ICONS = java.util.Map.of(
            "isolated", "mdi2l-lan-disconnect", "nat", "mdi2s-swap-horizontal", "routed", "mdi2r-router-network",
            "bridged", "mdi2b-bridge");

    /** VM cards of one size in rows of {@link #VMS_PER_ROW}, laid out by hand. */
    private static final class VmGrid extends Pane {
        @Override
        public double computePrefWidth(double height) {
            return VMS_PER_ROW * VmCard.WIDTH + (VMS_PER_ROW - 1) * GAP;
        }

        @Override
        protected double computePrefHeight(double width) {
            return gridHeight(getChildren().size());
        }

        @Override
        protected void layoutChildren() {
            for (int i = 0; i < getChildren().size(); i++) {
                int row = i / VMS_PER_ROW;
                int col = i % VMS_PER_ROW;
                getChildren().get(i).resizeRelocate(col * (VmCard.WIDTH + GAP), row * (VmCard.HEIGHT + GAP),
                        VmCard.WIDTH, VmCard.HEIGHT);
            }
        }
    }
}
