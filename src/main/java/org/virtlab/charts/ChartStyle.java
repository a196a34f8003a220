package org.virtlab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** One look for every chart: legible on a projector, the same VM colours everywhere. */
public final class ChartStyle {
    /** VM colours, in scenario order (Okabe–Ito palette, distinguishable with colour-blindness). */
    private static final Color[] VM_COLOURS = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000),
    };
    public static final Color CAPACITY = new Color(0xC0392B);
    /** "SansSerif" is a logical font: Java maps it to a real one with CJK glyphs where the system has them. */
    private static final String FONT = Font.SANS_SERIF;

    private ChartStyle() {
    }

    public static Paint vmColour(int index) {
        return VM_COLOURS[Math.floorMod(index, VM_COLOURS.length)];
    }

    public static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(FONT, Font.BOLD, 16));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(FONT, Font.PLAIN, 13));
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(new Color(0xDDDDDD));
            plot.setRangeGridlinePaint(new Color(0xDDDDDD));
            plot.setOutlineVisible(false);
            Font label = new Font(FONT, Font.PLAIN, 13);
            Font ticks = new Font(FONT, Font.PLAIN, 12);
            plot.getDomainAxis().setLabelFont(label);
            plot.getDomainAxis().setTickLabelFont(ticks);
            plot.getRangeAxis().setLabelFont(label);
            plot.getRangeAxis().setTickLabelFont(ticks);
        }
    }

    public static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }
}
