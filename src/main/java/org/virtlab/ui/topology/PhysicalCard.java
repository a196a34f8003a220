package org.virtlab.ui.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The physical side under the hosts: the LAN segment (a bar the hosts' uplinks come down to), and on it the LAN
 * machine and the router, whose WAN side leads to the Internet server. Laid out by hand to the width the view
 * gives it (the hosts' span); not managed by the canvas, which would otherwise size it to its preferred width.
 */
final class PhysicalCard extends Pane {
    static final double BAR_HEIGHT = 34;
    private static final double NODE_TOP = 96;
    private static final double NODE_WIDTH = 200;
    private static final double NODE_HEIGHT = 74;
    private static final double WAN_LENGTH = 150;
    /** Narrower than this and the router, the WAN and the Internet would not fit beside the LAN machine. */
    static final double MIN_WIDTH = 24 + NODE_WIDTH + 60 + NODE_WIDTH + WAN_LENGTH + NODE_WIDTH + 8;
    static final double HEIGHT = NODE_TOP + NODE_HEIGHT + 4;

    private final TopologyViewModel.PhysicalItem item;
    private final Label bar;
    private final Label wanLabel;
    private final Line wan = new Line();
    /** The machines by the id a trace calls them: lan-pc, router, internet. */
    private final Map<String, Label> machines = new LinkedHashMap<>();
    private final Map<String, Line> stubs = new LinkedHashMap<>();

    PhysicalCard(TopologyViewModel.PhysicalItem item) {
        this.item = item;
        setManaged(false);
        setPickOnBounds(false);
        setId("physical");
        bar = new Label(item.lan(), new FontIcon("mdi2l-lan"));
        bar.getStyleClass().addAll("segment-bar", "segment-lan");
        bar.setId("lan-segment");
        bar.setUserData(TracePlace.LAN);
        wanLabel = new Label(item.wan());
        wanLabel.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        wanLabel.getStyleClass().add("wan-label");
        wanLabel.setId("wan-label");
        wan.getStyleClass().add("wan-link");
        getChildren().add(wan);
        machine(TracePlace.LAN_PC, item.lanPc(), "mdi2d-desktop-classic", true);
        machine(TracePlace.ROUTER, item.router(), "mdi2r-router-network", true);
        machine(TracePlace.INTERNET, item.internet(), "mdi2w-web", false);
        getChildren().addAll(bar, wanLabel);
        getChildren().addAll(machines.values());
    }

    private void machine(String id, String text, String icon, boolean onLan) {
        Label m = new Label(text, new FontIcon(icon));
        m.getStyleClass().add("phys-node");
        m.setId("phys-" + id);
        m.setUserData(id);
        machines.put(id, m);
        if (onLan) {
            Line stub = new Line();
            stub.getStyleClass().add("lan-stub");
            stubs.put(id, stub);
            getChildren().add(stub);
        }
    }

    TopologyViewModel.PhysicalItem item() {
        return item;
    }

    /** Places it at (x, y) on the canvas, {@code width} wide (at least {@link #MIN_WIDTH}), and lays it out. */
    void place(double x, double y, double width) {
        this.width = Math.max(MIN_WIDTH, width);
        relocate(x, y);
        resize(this.width, HEIGHT);
        layoutChildren();
    }

    private double width = MIN_WIDTH;

    /** Its own layout, not a Pane's (which would size every child to its preferred size). */
    @Override
    protected void layoutChildren() {
        double w = width;
        bar.resizeRelocate(0, 0, w, BAR_HEIGHT);
        double router = Math.max(24 + NODE_WIDTH + 60, w - 2 * NODE_WIDTH - WAN_LENGTH - 8);
        Map<String, Double> at = Map.of(TracePlace.LAN_PC, 24.0, TracePlace.ROUTER, router,
                TracePlace.INTERNET, router + NODE_WIDTH + WAN_LENGTH);
        machines.forEach((id, m) -> m.resizeRelocate(at.get(id), NODE_TOP, NODE_WIDTH, NODE_HEIGHT));
        stubs.forEach((id, line) -> {
            double cx = at.get(id) + NODE_WIDTH / 2;
            line.setStartX(cx);
            line.setStartY(BAR_HEIGHT);
            line.setEndX(cx);
            line.setEndY(NODE_TOP);
        });
        double wy = NODE_TOP + NODE_HEIGHT / 2;
        wan.setStartX(router + NODE_WIDTH);
        wan.setStartY(wy);
        wan.setEndX(router + NODE_WIDTH + WAN_LENGTH);
        wan.setEndY(wy);
        double lw = wanLabel.prefWidth(-1);
        double lh = wanLabel.prefHeight(-1);
        wanLabel.resizeRelocate(router + NODE_WIDTH + (WAN_LENGTH - lw) / 2, wy - lh - 8, lw, lh);
    }

    /** The LAN bar. */
    Label bar() {
        return bar;
    }

    /** The bar's bounds on the canvas. */
    Bounds barBounds() {
        return localToParent(bar.getBoundsInParent());
    }

    /** The point of the bar's top edge at canvas x (kept inside the bar). */
    Point2D barTop(double canvasX) {
        Bounds b = barBounds();
        return new Point2D(Math.max(b.getMinX() + 12, Math.min(b.getMaxX() - 12, canvasX)), b.getMinY());
    }

    /** The bar's centre line at canvas x: where the packet marker rides the LAN. */
    Point2D barAt(double canvasX) {
        Bounds b = barBounds();
        return new Point2D(Math.max(b.getMinX() + 12, Math.min(b.getMaxX() - 12, canvasX)), b.getCenterY());
    }

    /** A machine (lan-pc, router, internet), or null. */
    Label machine(String id) {
        return machines.get(id);
    }

    /** Where a machine's stub meets the bar, as canvas x; NaN for one not on the LAN. */
    double stubX(String id) {
        Line s = stubs.get(id);
        return s == null ? Double.NaN : localToParent(s.getStartX(), 0).getX();
    }

    /** A machine's top centre on the canvas. */
    Point2D machineTop(String id) {
        Label m = machines.get(id);
        Bounds b = localToParent(m.getBoundsInParent());
        return new Point2D(b.getCenterX(), b.getMinY());
    }

    /** The WAN link and its label. */
    Node[] wanNodes() {
        return new Node[] {wan, wanLabel};
    }

    /** The middle of the WAN link on the canvas. */
    Point2D wanMiddle() {
        return localToParent((wan.getStartX() + wan.getEndX()) / 2, wan.getStartY());
    }
}
