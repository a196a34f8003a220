package org.virtlab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/**
 * One look for every chart: legible on a classroom projector (a 1280 × 720 picture seen from the back row:
 * titles 18 px, axis labels 15, tick labels and legends 14), the Okabe–Ito colours that people with a
 * colour-vision deficiency tell apart, white plots with light grid lines.
 */
public final class ChartStyle {
    /** Okabe &amp; Ito (2008), "Color Universal Design": the eight colours, named as they name them. */
    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    /** VM colours, in scenario order (the palette's order here is the VM cards' and tables' order too). */
    private static final Color[] VM_COLOURS = {
        BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW, BLACK,
    };
    /** The hosts' capacity: a dashed vermillion line (the palette's red). */
    public static final Color CAPACITY = VERMILLION;
    /** Neutral greys for what is no VM's: totals, reference lines, idle time. */
    public static final Color DARK_GREY = new Color(0x444444);
    public static final Color LIGHT_GREY = new Color(0xBBBBBB);
    public static final Color GRID = new Color(0xDDDDDD);

    /** "SansSerif" is a logical font: Java maps it to a real one with CJK glyphs where the system has them. */
    private static final String FONT = Font.SANS_SERIF;
    public static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 18);
    public static final Font LABEL_FONT = new Font(FONT, Font.PLAIN, 15);
    public static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 14);
    public static final Font LEGEND_FONT = new Font(FONT, Font.PLAIN, 14);

    private ChartStyle() {
    }

    public static Paint vmColour(int index) {
        return VM_COLOURS[Math.floorMod(index, VM_COLOURS.length)];
    }

    /** Styles the chart's title, legends, plot and axes (for a combined plot: the subplots it has now). */
    public static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE_FONT);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setItemFont(LEGEND_FONT);
            }
        }
        plot(chart.getPlot());
    }

    /** Styles a plot and its axes; {@link #apply} calls it, charts call it for subplots added later. */
    public static void plot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof CombinedRangeXYPlot combined) {
            axis(combined.getRangeAxis());
            combined.getSubplots().forEach(ChartStyle::plot);
        } else if (plot instanceof CombinedDomainXYPlot combined) {
            axis(combined.getDomainAxis());
            combined.getSubplots().forEach(ChartStyle::plot);
        } else if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setOutlineVisible(false);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
            category.setOutlineVisible(false);
            for (int i = 0; i < category.getDomainAxisCount(); i++) {
                axis(category.getDomainAxis(i));
            }
            for (int i = 0; i < category.getRangeAxisCount(); i++) {
                axis(category.getRangeAxis(i));
            }
        }
    }

    /** An axis' label and tick label fonts. */
    public static void axis(Axis axis) {
        if (axis != null) {
            axis.setLabelFont(LABEL_FONT);
            axis.setTickLabelFont(TICK_FONT);
        }
    }

    public static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }
}
