package org.virtlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.virtlab.ui.i18n.I18n;

/**
 * The hops as a table that wraps: per hop the device and its ports, the MACs, the VLAN tag, the addresses and
 * ports, the lookups in words and the address translations (old struck through, new in bold). The packet's hop
 * is highlighted; hops it has not reached yet are dimmed.
 */
final class HopTable {
    private static final String[] HEADERS = {"network.col.hop", "network.col.device", "network.col.macs",
        "network.col.vlan", "network.col.ips", "network.col.lookups"};

    private final NetworkViewModel vm;
    private final GridPane grid = new GridPane();
    /**
     * Column widths at 14 px: #, device, MACs (17 monospaced characters and the arrow), VLAN, addresses (an
     * address, a port and the arrow), then the lookups and under them the NAT rewrites, which take the rest
     * (the VLAN column is as wide as its bold header, "VLAN", so that it reads whole):
     * together 770 px, what the tab has beside the palette and the lesson at 1280 × 720.
     */
    private static final double[] WIDTHS = {40, 104, 166, 60, 170, 230};
    private static final double SCROLL_BAR = 14;
    private final List<List<Node>> rows = new ArrayList<>();
    private final ScrollPane scroll;
    private final VBox root;

    HopTable(NetworkViewModel vm, I18n i18n) {
        this.vm = vm;
        grid.setId("networkHops");
        grid.getStyleClass().add("net-hops");
        GridPane header = new GridPane();
        header.getStyleClass().add("net-hops");
        columns(grid);
        columns(header);
        for (int c = 0; c < HEADERS.length; c++) {
            Label h = new Label(c == 5 ? i18n.get(HEADERS[c]) + " · " + i18n.get("network.col.rewrites")
                    : i18n.get(HEADERS[c]));
            h.getStyleClass().add("net-hops-header");
            h.setWrapText(true);
            h.setMaxWidth(Double.MAX_VALUE);
            h.setMaxHeight(Double.MAX_VALUE);
            header.add(h, c, 0);
        }
        // The header stays while the rows scroll; the bar is always there so that the columns line up.
        scroll = new ScrollPane(grid);
        scroll.setId("networkHopsScroll");
        scroll.setFitToWidth(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("net-scroll");
        header.setPadding(new javafx.geometry.Insets(0, SCROLL_BAR, 0, 0));
        root = new VBox(header, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        vm.hops().addListener((ListChangeListener<HopRow>) ch -> rebuild());
        vm.stepProperty().addListener((obs, was, now) -> mark());
        rebuild();
    }

    /** The header above the rows, which scroll. */
    VBox root() {
        return root;
    }

    private static void columns(GridPane grid) {
        for (int c = 0; c < WIDTHS.length; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setMinWidth(WIDTHS[c]);
            cc.setPrefWidth(WIDTHS[c]);
            if (c == 5) {
                cc.setHgrow(Priority.ALWAYS);
            } else {
                cc.setMaxWidth(WIDTHS[c]);
            }
            grid.getColumnConstraints().add(cc);
        }
    }

    /** Keeps the packet's row in view, a third of the way down. */
    private void reveal() {
        int step = vm.stepProperty().get();
        if (step < 0 || step >= rows.size()) {
            return;
        }
        Platform.runLater(() -> {
            if (step >= rows.size()) {
                return;
            }
            double content = grid.getHeight();
            double view = scroll.getViewportBounds().getHeight();
            if (content <= view) {
                return;
            }
            double y = rows.get(step).get(0).getBoundsInParent().getMinY();
            scroll.setVvalue(Math.max(0, Math.min(1, (y - view / 3) / (content - view))));
        });
    }

    private void rebuild() {
        grid.getChildren().clear();
        rows.clear();
        int r = 0;
        for (HopRow h : vm.hops()) {
            List<Node> cells = new ArrayList<>();
            cells.add(cell((h.reply() ? "←" : "→") + h.number() + (h.arp() ? "\nARP" : ""), "net-cell-number"));
            cells.add(h.arp() ? deviceWithFrame(h) : cell(h.device() + "\n" + h.ports(), "net-cell-device"));
            cells.add(cell(h.macs().replace(" → ", "\n→"), "net-cell-mono"));
            cells.add(cell(h.vlan(), "net-cell-mono"));
            cells.add(cell(h.ips().replace(" → ", "\n→"), "net-cell-mono"));
            cells.add(lookupsAndRewrites(h));
            for (int c = 0; c < cells.size(); c++) {
                Node n = cells.get(c);
                n.getStyleClass().add("net-cell");
                if (h.arp()) {
                    n.getStyleClass().add("net-row-arp");
                }
                grid.add(n, c, r);
                GridPane.setValignment(n, VPos.TOP);
            }
            cells.get(0).setId("networkHopRow-" + r);
            rows.add(cells);
            r++;
        }
        mark();
    }

    /** An ARP row's device cell: the device and ports, and under them which ARP frame it is. */
    private static Node deviceWithFrame(HopRow h) {
        Label device = cell(h.device() + "\n" + h.ports(), "net-cell-device");
        Label frame = cell(h.frame(), "net-cell-frame");
        VBox box = new VBox(1, device, frame);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMaxHeight(Double.MAX_VALUE);
        return box;
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** The lookups in words and, under them, the address translations made at this hop. */
    private static Node lookupsAndRewrites(HopRow h) {
        Label lookups = cell(String.join("\n", h.lookups()), "net-cell-lookups");
        if (h.rewrites().isEmpty()) {
            return lookups;
        }
        lookups.setMaxHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(3, lookups, rewrites(h));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMaxHeight(Double.MAX_VALUE);
        return box;
    }

    private static Node rewrites(HopRow h) {
        VBox box = new VBox(2);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMaxHeight(Double.MAX_VALUE);
        for (HopRow.RewriteText r : h.rewrites()) {
            Text what = new Text(r.what() + "\n");
            what.getStyleClass().add("net-rewrite-kind");
            Text from = new Text(r.from());
            from.getStyleClass().add("net-rewrite-old");
            Text arrow = new Text(" →\n");
            arrow.getStyleClass().add("net-rewrite-kind");
            Text to = new Text(r.to());
            to.getStyleClass().add("net-rewrite-new");
            TextFlow flow = new TextFlow(what, from, arrow, to);
            flow.getStyleClass().add("net-rewrite");
            box.getChildren().add(flow);
        }
        if (!h.rewrites().isEmpty()) {
            box.getStyleClass().add("net-cell-rewrites");
        }
        return box;
    }

    private void mark() {
        int step = vm.stepProperty().get();
        for (int i = 0; i < rows.size(); i++) {
            for (Node n : rows.get(i)) {
                n.getStyleClass().removeAll("net-row-current", "net-row-ahead", "net-row-drop");
                if (i == step) {
                    n.getStyleClass().add("net-row-current");
                } else if (i > step) {
                    n.getStyleClass().add("net-row-ahead");
                }
                if (vm.isDropAt(i) && i <= step) {
                    n.getStyleClass().add("net-row-drop");
                }
            }
        }
        reveal();
    }
}
