package org.virtlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** A chart's look (presenter scale, dark): applied, applied again without compounding, and undone exactly. */
class ChartLookTest {
    private static CpuUsageChart chart() {
        CpuUsageChart c = new CpuUsageChart(new CpuUsageChart.Labels("CPU", "t", "GHz", "entitlement", "demand", "capacity"));
        c.reset(List.of("a", "b"));
        return c;
    }

    @Test
    void aScaledLookScalesFontsAndLinesOnceAndTheDefaultLookUndoesIt() {
        JFreeChart chart = chart().chart();
        XYPlot plot = chart.getXYPlot();
        // CpuUsageChart.reset: the demand line (series vmCount = 2) is 2.2 px wide
        float demand = ((BasicStroke) plot.getRenderer(1).getSeriesStroke(2)).getLineWidth();
        assertEquals(2.2f, demand, 1e-6);

        ChartStyle.apply(chart, new ChartStyle.Look(1.5, true));
        ChartStyle.apply(chart); // a chart restyling itself keeps its look: no compounding
        // computed by hand: title 18 × 1.5 = 27, tick labels 14 × 1.5 = 21, demand line 2.2 × 1.5 = 3.3
        assertEquals(27f, chart.getTitle().getFont().getSize2D(), 1e-6);
        assertEquals(21f, plot.getDomainAxis().getTickLabelFont().getSize2D(), 1e-6);
        assertEquals(3.3f, ((BasicStroke) plot.getRenderer(1).getSeriesStroke(2)).getLineWidth(), 1e-5);
        assertEquals(ChartStyle.DARK_BACKGROUND, chart.getBackgroundPaint());
        assertEquals(ChartStyle.DARK_TEXT, chart.getTitle().getPaint());
        assertEquals(RectangleEdge.RIGHT, chart.getLegend().getPosition());
        // the demand line is dark grey (CpuUsageChart.DEMAND): light on the dark look
        assertEquals(ChartStyle.DARK_LOOK_GREY.getRGB(), ((java.awt.Color) plot.getRenderer(1).getSeriesPaint(2)).getRGB());

        ChartStyle.apply(chart, ChartStyle.Look.DEFAULT);
        assertEquals(ChartStyle.TITLE_FONT, chart.getTitle().getFont());
        assertEquals(ChartStyle.TICK_FONT, plot.getDomainAxis().getTickLabelFont());
        assertEquals(new BasicStroke(2.2f), plot.getRenderer(1).getSeriesStroke(2));
        assertEquals(java.awt.Color.WHITE, chart.getBackgroundPaint());
        assertEquals(RectangleEdge.BOTTOM, chart.getLegend().getPosition());
        assertEquals(ChartStyle.DARK_GREY, plot.getRenderer(1).getSeriesPaint(2));
    }

    @Test
    void scalesOutsideOneToTwoAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ChartStyle.Look(0.5, false));
        assertThrows(IllegalArgumentException.class, () -> new ChartStyle.Look(2.5, false));
    }
}
