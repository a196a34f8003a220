package org.virtlab.charts;

import java.awt.BasicStroke;
import java.awt.Stroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Two runs of one set of VMs over simulated time, overlaid: per VM a solid line for run A and a dashed line for
 * run B in the VM's colour, so "what if" reads as the gap between two lines of one colour. The legend names each
 * line as the caller does ("VM2 (A)", "VM2 (B)"). Series {@code 2·vm} is A's, {@code 2·vm + 1} B's. The caller gives
 * the texts in the user's language. Not thread-safe: feed it from the thread that draws it.
 */
public final class CompareChart {
    /** A's lines: solid, as wide as the sweep's. */
    public static final float LINE_WIDTH = 2.5f;

    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final XYPlot plot;
    private final JFreeChart chart;

    /**
     * @param title  the chart's title
     * @param xLabel the time axis, with its unit
     * @param yLabel the value axis, with its unit
     */
    public CompareChart(String title, String xLabel, String yLabel) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole seconds: runs last whole seconds
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        y.setAutoRangeMinimumSize(1.0); // lines all at zero (no memory touched) read 0–1, not ±5E-9
        y.setRangeType(RangeType.POSITIVE); // GHz and MiB are never below zero
        renderer.setDrawSeriesLineAsPath(true); // one path per line: a dashed line stays cheap and evenly dashed
        plot = new XYPlot(dataset, x, y, renderer);
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        ChartStyle.apply(chart);
    }

    public JFreeChart chart() {
        return chart;
    }

    /**
     * Starts over with these lines: for each VM (scenario order) its legend text in run A and in run B.
     *
     * @param namesA per VM, A's line's legend text
     * @param namesB per VM, B's line's legend text (the same length)
     */
    public void reset(List<String> namesA, List<String> namesB) {
        if (namesA.size() != namesB.size()) {
            throw new IllegalArgumentException("one legend text per VM and run: " + namesA + " / " + namesB);
        }
        chart.setNotify(false);
        dataset.removeAllSeries();
        for (int i = 0; i < namesA.size(); i++) {
            dataset.addSeries(new XYSeries(unique(namesA.get(i)), false, true));
            dataset.addSeries(new XYSeries(unique(namesB.get(i)), false, true));
            renderer.setSeriesPaint(2 * i, ChartStyle.vmColour(i));
            renderer.setSeriesPaint(2 * i + 1, ChartStyle.vmColour(i));
            renderer.setSeriesStroke(2 * i, new BasicStroke(LINE_WIDTH));
            renderer.setSeriesStroke(2 * i + 1, ChartStyle.dashed(LINE_WIDTH));
        }
        chart.setNotify(true);
    }

    /** The text, or with a number after it when a line already has it (two VMs of one name): keys must differ. */
    private String unique(String name) {
        String key = name;
        for (int n = 2; dataset.getSeriesIndex(key) >= 0; n++) {
            key = name + " " + n;
        }
        return key;
    }

    /** How many VMs the chart has lines for. */
    public int vmCount() {
        return dataset.getSeriesCount() / 2;
    }

    /**
     * Appends points to both runs' lines; the chart redraws once.
     *
     * @param seconds the points' times, the same for both runs (they run in lockstep)
     * @param a       per point, per VM, run A's value
     * @param b       per point, per VM, run B's value
     */
    public void append(double[] seconds, double[][] a, double[][] b) {
        chart.setNotify(false);
        for (int p = 0; p < seconds.length; p++) {
            for (int vm = 0; vm < vmCount(); vm++) {
                dataset.getSeries(2 * vm).add(seconds[p], a[p][vm], false);
                dataset.getSeries(2 * vm + 1).add(seconds[p], b[p][vm], false);
            }
        }
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            dataset.getSeries(s).fireSeriesChanged();
        }
        chart.setNotify(true);
    }

    /** Empties every line, keeping the legend. */
    public void clear() {
        chart.setNotify(false);
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            dataset.getSeries(s).clear();
        }
        chart.setNotify(true);
    }

    /** The number of lines (two per VM). */
    public int seriesCount() {
        return dataset.getSeriesCount();
    }

    /** Line {@code series}'s legend text. */
    public String seriesName(int series) {
        return String.valueOf(dataset.getSeriesKey(series));
    }

    /** Points on line {@code series}. */
    public int pointCount(int series) {
        return dataset.getSeries(series).getItemCount();
    }

    /** Line {@code series}'s value at point {@code item}. */
    public double value(int series, int item) {
        return dataset.getSeries(series).getY(item).doubleValue();
    }

    /** How line {@code series} is drawn: B's are dashed ({@link BasicStroke#getDashArray()} not null). */
    public Stroke stroke(int series) {
        return renderer.getSeriesStroke(series);
    }

    /** Line {@code series}'s colour. */
    public java.awt.Paint paint(int series) {
        return renderer.getSeriesPaint(series);
    }
}
