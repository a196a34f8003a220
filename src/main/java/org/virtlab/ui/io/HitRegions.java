package org.virtlab.ui.io;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The explained areas of a drawing: each drawn field registers its rectangle and its explanation, and hovering it
 * shows that explanation as the node's tooltip (a canvas has no nodes to hang tooltips on).
 */
final class HitRegions {
    private record Region(Rectangle2D area, String text) {
    }

    private final List<Region> regions = new ArrayList<>();
    private final Tooltip tooltip = new Tooltip();
    private final Node node;
    private String showing;

    HitRegions(Node node) {
        this.node = node;
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        node.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        node.setOnMouseExited(e -> hover(-1, -1));
    }

    void clear() {
        regions.clear();
    }

    void add(double x, double y, double w, double h, String text) {
        if (w > 0 && h > 0 && text != null && !text.isEmpty()) {
            regions.add(new Region(new Rectangle2D(x, y, w, h), text));
        }
    }

    /** The explanation at a point, the last drawn on top; null where there is none. */
    String at(double x, double y) {
        for (int i = regions.size() - 1; i >= 0; i--) {
            if (regions.get(i).area().contains(x, y)) {
                return regions.get(i).text();
            }
        }
        return null;
    }

    private void hover(double x, double y) {
        String text = at(x, y);
        if (text == null) {
            if (showing != null) {
                Tooltip.uninstall(node, tooltip);
                showing = null;
            }
            return;
        }
        if (!text.equals(showing)) {
            tooltip.setText(text);
            if (showing == null) {
                Tooltip.install(node, tooltip);
            }
            showing = text;
        }
    }
}
