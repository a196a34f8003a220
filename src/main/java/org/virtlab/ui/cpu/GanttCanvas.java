package org.virtlab.ui.cpu;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.virtlab.charts.ChartStyle;
import org.virtlab.ui.common.Presentation;

/**
 * Draws time slices per logical CPU as a Gantt chart: one row per logical CPU, hyper-threading siblings
 * grouped in a shaded band per core, one colour per VM (the charts' colours), the window's time axis
 * below. Redraws when given new data, resized or the window's look changes (presenter scale: larger text, thicker
 * borders; dark theme); draws nothing else.
 */
public final class GanttCanvas extends Region {
    private static final double LABEL_WIDTH = 64;
    private static final double AXIS_HEIGHT = 22;
    private static final double MAX_ROW = 26;

    private final Canvas canvas = new Canvas();
    private final String cpuLabel;
    private GanttData data = GanttData.EMPTY;
    private GanttData.Mark mark;
    private GanttData.Bar highlighted;
    private Presentation.Look look = Presentation.Look.DEFAULT;

    GanttCanvas(String cpuLabel) {
        this.cpuLabel = cpuLabel;
        getChildren().add(canvas);
        setMinHeight(120);
        Presentation.follow(this, now -> {
            look = now;
            draw();
        });
    }

    void show(GanttData next) {
        this.data = next;
        draw();
    }

    /** Points at the slice running at a moment (the selected event), or at nothing. */
    void mark(GanttData.Mark next) {
        this.mark = next;
        draw();
    }

    /** The slice drawn highlighted, if the marked one is in the window shown. */
    public java.util.Optional<GanttData.Bar> highlighted() {
        return java.util.Optional.ofNullable(highlighted);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        highlighted = null;
        int rows = data.logicalCpus();
        double labelWidth = look.px(LABEL_WIDTH);
        if (rows == 0 || w <= labelWidth) {
            return;
        }
        Color text = look.dark() ? Color.rgb(230, 237, 243) : look.highContrast() ? Color.BLACK : Color.rgb(60, 60, 60);
        Color band = look.dark() ? Color.rgb(22, 27, 34) : Color.rgb(244, 246, 248);
        Color background = look.dark() ? Color.rgb(13, 17, 23) : Color.WHITE;
        double axisHeight = look.px(AXIS_HEIGHT);
        double rowHeight = Math.min(look.px(MAX_ROW), (h - axisHeight) / rows);
        double plotWidth = w - labelWidth - 8;
        long start = data.endMicros() - data.windowMicros();
        g.setFont(Font.font(Math.min(look.px(13), rowHeight * 0.6)));
        g.setTextBaseline(VPos.CENTER);
        for (int cpu = 0; cpu < rows; cpu++) {
            double y = cpu * rowHeight;
            int core = cpu / data.threadsPerCore();
            g.setFill(core % 2 == 0 ? band : background);
            g.fillRect(0, y, w, rowHeight);
            g.setFill(text);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(cpuLabel + " " + cpu, 6, y + rowHeight / 2);
        }
        g.setLineWidth(look.scale());
        for (GanttData.Bar bar : data.bars()) {
            double x0 = labelWidth + plotWidth * Math.max(0, bar.startMicros() - start) / data.windowMicros();
            double x1 = labelWidth + plotWidth * Math.min(data.windowMicros(), bar.endMicros() - start) / data.windowMicros();
            if (x1 <= x0) {
                continue;
            }
            java.awt.Color c = (java.awt.Color) ChartStyle.vmColour(bar.vm());
            g.setFill(Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
            double y = bar.logicalCpu() * rowHeight;
            g.fillRect(x0, y + 2, x1 - x0, rowHeight - 4);
            g.setStroke(background);
            g.strokeLine(x0, y + 2, x0, y + rowHeight - 2);
        }
        drawMark(g, rowHeight, plotWidth, start);
        double axisY = rows * rowHeight + 4;
        g.setStroke(look.dark() ? Color.rgb(139, 148, 158) : look.highContrast() ? Color.BLACK : Color.rgb(150, 150, 150));
        g.strokeLine(labelWidth, axisY, labelWidth + plotWidth, axisY);
        g.setFill(text);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font(look.px(12)));
        for (int i = 0; i <= 5; i++) {
            double x = labelWidth + plotWidth * i / 5.0;
            long t = start + data.windowMicros() * i / 5;
            g.strokeLine(x, axisY, x, axisY + look.px(4));
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == 5 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(String.format(java.util.Locale.ROOT, "%.2f s", t / 1e6), x, axisY + look.px(5));
        }
        g.setLineWidth(1);
    }

    /** A dark frame round the marked slice and a line at its moment across its CPU's row. */
    private void drawMark(GraphicsContext g, double rowHeight, double plotWidth, long start) {
        if (mark == null || mark.logicalCpu() >= data.logicalCpus() || mark.atMicros() < start
                || mark.atMicros() > data.endMicros()) {
            return;
        }
        double y = mark.logicalCpu() * rowHeight;
        for (GanttData.Bar bar : data.bars()) {
            if (bar.logicalCpu() == mark.logicalCpu() && bar.startMicros() <= mark.atMicros()
                    && mark.atMicros() < Math.max(bar.endMicros(), bar.startMicros() + 1)) {
                highlighted = bar;
                double x0 = LABEL_WIDTH + plotWidth * Math.max(0, bar.startMicros() - start) / data.windowMicros();
                double x1 = LABEL_WIDTH + plotWidth * Math.min(data.windowMicros(), bar.endMicros() - start)
                        / data.windowMicros();
                g.setStroke(Color.rgb(20, 20, 20));
                g.setLineWidth(3);
                g.strokeRect(x0, y + 1.5, Math.max(3, x1 - x0), rowHeight - 3);
                g.setLineWidth(1);
            }
        }
        double x = LABEL_WIDTH + plotWidth * (mark.atMicros() - start) / data.windowMicros();
        g.setStroke(Color.rgb(200, 30, 30));
        g.setLineWidth(1);
        g.strokeLine(x, 0, x, data.logicalCpus() * rowHeight); // the moment, across every CPU
        g.setLineWidth(3);
        g.strokeLine(x, y, x, y + rowHeight);
        g.setLineWidth(1);
    }
}
