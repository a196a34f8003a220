package org.virtlab.ui.io;

import java.util.Locale;
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
 * Draws the exit timeline: a lane per device on one time axis that ends now, the upper row of a lane for what goes
 * to the device (submits, kicks, doorbells and the exits on the way), the lower row for what comes back (interrupts,
 * their acknowledging exits, completions); VM exits as tall strokes, the rest as short ticks, coloured by kind.
 */
final class TimelineCanvas extends Region {
    private static final double LABEL_W = 150;
    private static final double AXIS_H = 24;
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 13);
    private static final Font SMALL = Font.font("System", 12);

    private final Canvas canvas = new Canvas();
    private final I18n i18n;
    private final HitRegions hits;
    private TimelineData data = TimelineData.EMPTY;

    TimelineCanvas(I18n i18n) {
        this.i18n = i18n;
        getChildren().add(canvas);
        org.virtlab.ui.common.Presentation.paper(this); // drawn in light colours: a light sheet in the dark theme
        hits = new HitRegions(canvas);
        hits.followLook(this, 120);
    }

    void show(TimelineData next) {
        data = next;
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
        int lanes = data.lanes().size();
        if (lanes == 0 || w <= LABEL_W + 20) {
            return;
        }
        double plotX = LABEL_W;
        double plotW = w - LABEL_W - 12;
        double laneH = Math.min(80, (h - AXIS_H) / lanes);
        long span = Math.max(1, data.endNanos() - data.startNanos());
        g.setTextBaseline(VPos.TOP);
        for (int l = 0; l < lanes; l++) {
            TimelineData.Lane lane = data.lanes().get(l);
            double y = l * laneH;
            g.setFill(l % 2 == 0 ? Color.rgb(246, 247, 249) : Color.WHITE);
            g.fillRect(0, y, w, laneH);
            g.setStroke(IoColours.GRID);
            g.setLineWidth(1);
            g.strokeLine(plotX, y + laneH / 2, plotX + plotW, y + laneH / 2);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(IoColours.TEXT);
            g.setFont(TITLE);
            g.fillText(lane.title(), 6, y + 4, LABEL_W - 10);
            g.setFont(SMALL);
            g.setFill(IoColours.mode(lane.mode()));
            String sub = i18n.format("io.timeline.lane", i18n.get(lane.mode().key()), Integer.toString(lane.exits()));
            g.fillText(sub, 6, y + 22, LABEL_W - 10);
            hits.add(0, y, LABEL_W, laneH, i18n.format("io.timeline.lane.help", lane.title(),
                    Integer.toString(lane.exits()), span(span)));
            for (TimelineData.Event e : lane.events()) {
                double x = plotX + plotW * (e.atNanos() - data.startNanos()) / span;
                boolean lower = e.mark().completionPath();
                double top = lower ? y + laneH / 2 + 2 : y + 3;
                double bottom = lower ? y + laneH - 3 : y + laneH / 2 - 2;
                if (!e.mark().exit()) {
                    double mid = (top + bottom) / 2;
                    top = mid - (bottom - top) / 4;
                    bottom = mid + (bottom - top) / 3;
                }
                g.setStroke(IoColours.mark(e.mark()));
                g.setLineWidth(e.mark().exit() ? 2.2 : 1.6);
                g.strokeLine(x, top, x, bottom);
                hits.add(x - 2, top, 4, bottom - top, i18n.format("io.timeline.event", i18n.get(e.mark().key()),
                        String.format(Locale.ROOT, "%.3f", e.atNanos() / 1e6)));
            }
        }
        double axisY = lanes * laneH + 2;
        g.setStroke(IoColours.MUTED);
        g.setLineWidth(1);
        g.strokeLine(plotX, axisY, plotX + plotW, axisY);
        g.setFill(IoColours.TEXT);
        g.setFont(SMALL);
        for (int i = 0; i <= 4; i++) {
            double x = plotX + plotW * i / 4.0;
            g.strokeLine(x, axisY, x, axisY + 4);
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == 4 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            long before = span - span * i / 4;
            g.fillText(i == 4 ? i18n.get("io.timeline.now") : "−" + span(before), x, axisY + 5);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(IoColours.MUTED);
        g.fillText(i18n.get("io.timeline.rows"), 6, axisY + 5, LABEL_W - 10);
        hits.add(0, axisY, LABEL_W, AXIS_H, i18n.get("io.timeline.rows.help"));
    }

    /** A span of simulated time in the unit that reads best: "500 ns", "20 µs", "1.5 ms". */
    static String span(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return trim(nanos / 1e3) + " µs";
        }
        return trim(nanos / 1e6) + " ms";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
