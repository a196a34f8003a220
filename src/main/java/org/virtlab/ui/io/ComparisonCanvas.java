package org.virtlab.ui.io;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.virtlab.ui.i18n.I18n;

/**
 * The devices side by side, one small bar chart per measure (exits per request, IOPS, latency mean and p99, host
 * CPU), each with its own scale from zero, a bar per device in its mode's colour and the value written on it.
 */
final class ComparisonCanvas extends Region {
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 13);
    private static final Font VALUE = Font.font("System", 12);
    private static final double TITLE_H = 36;
    private static final double NAME_H = 20;

    private final Canvas canvas = new Canvas();
    private final I18n i18n;
    private final HitRegions hits;
    private List<ComparisonBar> bars = List.of();

    ComparisonCanvas(I18n i18n) {
        this.i18n = i18n;
        getChildren().add(canvas);
        org.virtlab.ui.common.Presentation.paper(this); // drawn in light colours: a light sheet in the dark theme
        hits = new HitRegions(canvas);
        hits.followLook(this, 140);
    }

    void show(List<ComparisonBar> next) {
        bars = next;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double[] size = hits.begin(canvas); // in the drawing's own units: presenter mode scales it up
        double w = size[0];
        double h = size[1];
        if (bars.isEmpty()) {
            return;
        }
        double pw = w / 4;
        panel(g, 0, pw, h, "io.compare.exits", b -> b.exitsPerRequest(), null, ComparisonCanvas::decimal);
        panel(g, pw, pw, h, "io.compare.iops", b -> b.iops(), null, ComparisonCanvas::thousands);
        panel(g, 2 * pw, pw, h, "io.compare.latency", b -> b.meanLatencyUs(), b -> b.p99LatencyUs(),
                ComparisonCanvas::decimal);
        panel(g, 3 * pw, pw, h, "io.compare.cpu", b -> b.hostCpuPercent(), null, v -> decimal(v) + " %");
    }

    /** One measure: a bar per device (and a lighter second bar per device when {@code second} is given). */
    private void panel(GraphicsContext g, double x, double width, double h, String key, ToDoubleFunction<ComparisonBar> value,
                       ToDoubleFunction<ComparisonBar> second, java.util.function.DoubleFunction<String> format) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(IoColours.TEXT);
        g.setFont(TITLE);
        g.fillText(i18n.get(key), x + width / 2, 2, width - 6);
        hits.add(x, 0, width, TITLE_H, i18n.get(key + ".help"));
        double max = 0;
        for (ComparisonBar b : bars) {
            max = Math.max(max, value.applyAsDouble(b));
            if (second != null) {
                max = Math.max(max, second.applyAsDouble(b));
            }
        }
        double plotTop = TITLE_H + 4;
        double plotBottom = h - NAME_H;
        double plotH = Math.max(10, plotBottom - plotTop - 14);
        int n = bars.size();
        double slot = (width - 12) / n;
        double barW = Math.min(34, slot * 0.6);
        g.setStroke(IoColours.GRID);
        g.setLineWidth(1);
        g.strokeLine(x + 6, plotBottom, x + width - 6, plotBottom);
        for (int i = 0; i < n; i++) {
            ComparisonBar b = bars.get(i);
            double cx = x + 6 + slot * (i + 0.5);
            Color colour = IoColours.mode(b.mode());
            double v = value.applyAsDouble(b);
            double bx = cx - barW / 2;
            double top = bar(g, bx, barW, plotBottom, plotH, v, max, colour);
            String tip = i18n.format("io.compare.bar", b.title(), i18n.get(b.mode().key()), i18n.get(key + ".help"),
                    format.apply(v));
            if (second != null) {
                // the 99th percentile as a dark tick across the bar: the mean is the bar
                double v2 = second.applyAsDouble(b);
                double ty = max <= 0 ? plotBottom : plotBottom - plotH * v2 / max;
                g.setStroke(IoColours.TEXT);
                g.setLineWidth(2.5);
                g.strokeLine(bx - 4, ty, bx + barW + 4, ty);
                top = Math.min(top, ty);
                tip += "\n" + i18n.format("io.compare.bar.p99", format.apply(v2));
            }
            g.setFill(IoColours.TEXT);
            g.setFont(VALUE);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(format.apply(v), cx, top - 16);
            hits.add(bx - 4, plotTop, barW + 8, plotBottom - plotTop, tip);
            String name = b.title().contains(" ") ? b.title().substring(0, b.title().indexOf(' ')) : b.title();
            g.fillText(name, cx, plotBottom + 3, slot - 2);
        }
    }

    /** A bar of {@code v} on a scale to {@code max}; returns its top. */
    private static double bar(GraphicsContext g, double x, double width, double bottom, double height, double v,
                              double max, Color colour) {
        double bh = max <= 0 ? 0 : height * v / max;
        g.setFill(colour);
        g.fillRect(x, bottom - bh, width, bh);
        return bottom - bh;
    }

    static String decimal(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** 45200 → "45.2k". */
    static String thousands(double v) {
        return v >= 1_000 ? String.format(Locale.ROOT, "%.1fk", v / 1_000) : String.format(Locale.ROOT, "%.0f", v);
    }
}
