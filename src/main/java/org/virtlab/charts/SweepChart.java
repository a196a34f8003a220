package org.virtlab.charts;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A parameter sweep: the metric against the parameter, one marked point per run joined by a line. The caller gives
 * the texts in the user's language. Not thread-safe: feed it from the thread that draws it.
 */
public final class SweepChart {
    private final XYSeries series;
    private final JFreeChart chart;

    /**
     * @param title  the chart's title
     * @param xLabel the parameter, with its unit where it has one
     * @param yLabel the metric, with its unit
     */
    public SweepChart(String title, String xLabel, String yLabel) {
        series = new XYSeries(yLabel, true, true);
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, ChartStyle.vmColour(0));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), x, y, renderer);
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** New texts: the title, the parameter's axis and the metric's axis (and the series, named after the metric). */
    public void relabel(String title, String xLabel, String yLabel) {
        chart.setTitle(title);
        ChartStyle.apply(chart);
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setLabel(xLabel);
        plot.getRangeAxis().setLabel(yLabel);
        series.setKey(yLabel);
    }

    /** Adds one run's point (a value given twice keeps the last). */
    public void add(double value, double metric) {
        series.addOrUpdate(value, metric);
    }

    public void clear() {
        series.clear();
    }

    /** How many points the chart shows. */
    public int size() {
        return series.getItemCount();
    }
}
