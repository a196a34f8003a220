package org.virtlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/**
 * The trace's path as two rows of boxes: the request's devices left to right, the reply's under them right to
 * left (so that a device the reply passes again sits under itself). The packet is the box with the envelope;
 * boxes it has passed are tinted, a drop is marked ✗ with its reason under the diagram.
 */
final class PathDiagram {
    /** One line of the caption's 11 px text; the tooltip has the whole of it. */
    private static final double CAPTION_HEIGHT = 15;
    /** An ARP frame's box: narrower, so that a first trace's twelve of them leave room for the packet's. */
    private static final double ARP_WIDTH = 90;
    private final NetworkViewModel vm;
    private final I18n i18n;
    private final GridPane grid = new GridPane();
    private final List<VBox> boxes = new ArrayList<>();
    private final Label reason = new Label();
    private final VBox root;
    private final ScrollPane scroll;

    PathDiagram(NetworkViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        grid.setId("networkPath");
        grid.getStyleClass().add("net-path");
        grid.setHgap(0);
        grid.setVgap(6);
        reason.setId("networkDropReason");
        reason.getStyleClass().add("net-drop-reason");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.managedProperty().bind(reason.visibleProperty());
        scroll = new ScrollPane(grid);
        scroll.setId("networkPathScroll");
        scroll.getStyleClass().add("net-path-scroll");
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPannable(true);
        scroll.setMinHeight(Region.USE_PREF_SIZE);
        root = new VBox(4, scroll, reason);
        vm.hops().addListener((javafx.collections.ListChangeListener<HopRow>) c -> rebuild());
        vm.stepProperty().addListener((obs, was, now) -> mark());
        rebuild();
    }

    VBox root() {
        return root;
    }

    /** The diagram itself, whole even where it scrolls: what Copy image and Save as PNG take. */
    GridPane picture() {
        return grid;
    }

    private void rebuild() {
        grid.getChildren().clear();
        boxes.clear();
        List<HopRow> hops = vm.hops();
        int n = vm.requestHopsProperty().get();
        int m = hops.size() - n;
        int columns = Math.max(n, m);
        if (hops.isEmpty()) {
            mark();
            return;
        }
        Label request = legLabel("network.request");
        grid.add(request, 0, 0);
        if (m > 0) {
            grid.add(legLabel("network.reply"), 0, 1);
        }
        for (int i = 0; i < hops.size(); i++) {
            HopRow h = hops.get(i);
            int leg = h.reply() ? 1 : 0;
            int place = h.reply() ? columns - 1 - (i - n) : i;
            VBox box = box(h, i);
            boxes.add(box);
            grid.add(box, 1 + 2 * place, leg);
            boolean last = h.reply() ? i == hops.size() - 1 : i == n - 1;
            if (!last) {
                Label arrow = new Label(h.reply() ? "←" : "→");
                arrow.getStyleClass().add("net-arrow");
                int at = h.reply() ? 2 * place : 2 + 2 * place;
                grid.add(arrow, at, leg);
                GridPane.setHalignment(arrow, HPos.CENTER);
            }
        }
        mark();
    }

    private Label legLabel(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("net-leg");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private VBox box(HopRow h, int index) {
        Label name = new Label(h.device());
        name.getStyleClass().add("net-box-name");
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        Label caption = new Label(h.arp() ? h.frame() : h.kindText());
        caption.getStyleClass().add("net-box-caption");
        caption.setMinHeight(CAPTION_HEIGHT);
        caption.setAlignment(Pos.TOP_CENTER);
        Label packet = new Label();
        packet.getStyleClass().add("net-box-packet");
        VBox box = new VBox(1, packet, name, caption);
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().addAll("net-box", "net-kind-" + h.kind().name().toLowerCase(java.util.Locale.ROOT));
        box.setId("networkHop-" + index);
        double width = h.arp() ? ARP_WIDTH : 86;
        box.setPrefWidth(width);
        box.setMinWidth(width);
        box.setMaxWidth(h.arp() ? ARP_WIDTH : 110);
        if (h.arp()) {
            box.getStyleClass().add("net-box-arp");
        }
        Tooltip.install(box, new Tooltip(h.device() + " — " + h.caption() + "\n" + h.ports()));
        return box;
    }

    private void mark() {
        int step = vm.stepProperty().get();
        for (int i = 0; i < boxes.size(); i++) {
            VBox box = boxes.get(i);
            box.getStyleClass().removeAll("net-box-current", "net-box-passed", "net-box-dropped");
            Label packet = (Label) box.getChildren().get(0);
            boolean drop = vm.isDropAt(i) && i <= step;
            if (i == step) {
                box.getStyleClass().add("net-box-current");
            } else if (i < step) {
                box.getStyleClass().add("net-box-passed");
            }
            if (drop) {
                box.getStyleClass().add("net-box-dropped");
            }
            packet.setText(drop ? "✗" : i == step ? "✉" : "");
        }
        boolean atDrop = vm.isDropAt(step);
        String verdict = step >= 0 && step < vm.hops().size() && vm.hops().get(step).reply()
                ? vm.replyVerdictProperty().get() : vm.requestVerdictProperty().get();
        reason.setText(atDrop ? "✗ " + verdict : "");
        reason.setVisible(atDrop);
        reveal(step);
    }

    /** Scrolls the diagram so that the packet's box is in view. */
    private void reveal(int step) {
        if (step < 0 || step >= boxes.size()) {
            return;
        }
        javafx.application.Platform.runLater(() -> {
            if (step >= boxes.size()) {
                return;
            }
            double content = grid.getWidth();
            double view = scroll.getViewportBounds().getWidth();
            if (content <= view || view <= 0) {
                return;
            }
            javafx.geometry.Bounds b = boxes.get(step).getBoundsInParent();
            double centre = (b.getMinX() + b.getMaxX()) / 2;
            scroll.setHvalue(Math.max(0, Math.min(1, (centre - view / 2) / (content - view))));
        });
    }
}
