package org.virtlab.ui.io;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.virtlab.ui.common.Presentation;
import org.virtlab.ui.common.PresentationStyler;

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
    private double zoom = 1;
    private double lookZoom = 1;
    private double minHeight = 1;

    HitRegions(Node node) {
        this.node = node;
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        node.setOnMouseMoved(e -> hover(e.getX() / zoom, e.getY() / zoom));
        node.setOnMouseExited(e -> hover(-1, -1));
    }

    /**
     * Makes {@code drawing} follow the window's presenter scale (the charts' share of it,
     * {@link PresentationStyler#chartScale}) as far as its height allows: its drawing is laid out at 1/zoom of its
     * size and drawn scaled up, so text, lines and boxes grow together and all of it still fits; hovering reads the
     * regions back at that scale.
     *
     * @param minHeight the height the drawing needs at 100 %
     */
    void followLook(javafx.scene.layout.Region drawing, double minHeight) {
        this.minHeight = minHeight;
        drawing.setMinHeight(minHeight);
        Presentation.follow(drawing, look -> {
            lookZoom = PresentationStyler.chartScale(look.scale());
            drawing.requestLayout();
        });
    }

    /** The zoom for a drawing {@code height} high: the look's, or less where the height would not hold it all. */
    double fit(double height) {
        zoom = Math.min(lookZoom, Math.max(1, height / minHeight));
        return zoom;
    }

    /**
     * Clears the whole canvas and sets it to draw at the zoom that {@link #fit fits}: what follows draws in the
     * drawing's own units.
     *
     * @return the drawing's width and height in its own units
     */
    double[] begin(javafx.scene.canvas.Canvas canvas) {
        double z = fit(canvas.getHeight());
        javafx.scene.canvas.GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setTransform(z, 0, 0, z, 0, 0);
        clear();
        return new double[] {canvas.getWidth() / z, canvas.getHeight() / z};
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
