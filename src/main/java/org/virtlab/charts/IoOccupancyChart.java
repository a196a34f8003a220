package org.virtlab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYSeriesLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;

/**
 * How full each device's ring is over simulated time: per device one solid line of what it holds, on average over each
 * metrics window (a virtio device's descriptors in use; another device's requests in flight), in its colour; for a
 * virtio device its queue size as a dashed line of the same colour, the ceiling the descriptors cannot pass.
 *
 * <p>A ceiling far above what the devices hold would squash their lines to the floor (a 256-entry queue holding the
 * 3 descriptors of one read): the value axis covers the lines and only the ceilings up to {@value #CEILING_REACH}
 * times their highest point; a ceiling above that stays off the chart and its legend entry says so.
 *
 * <p>Keeps a sliding window of {@link #WINDOW_POINTS} points. Not thread-safe: feed it from the thread that draws it.
 */
public final class IoOccupancyChart {
    /** A minute of 100 ms windows. */
    public static final int WINDOW_POINTS = 600;
    /** How far above the highest line a ceiling may be and still be drawn. */
    public static final double CEILING_REACH = 4;

    private final SlidingTableDataset data;
    private final XYPlot plot;
    private final JFreeChart chart;
    private final Labels labels;
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private List<Line> lines = List.of();
    /** The newest ceilings, NaN where a device has none (it is not virtio now). */
    private double[] ceilings = new double[0];
    private double upper = 1;
    private boolean live = true;

    /**
     * The texts, translated by the caller.
     *
     * @param ceiling  a ceiling's legend entry from the device's short name and the queue size
     * @param offScale the same for a ceiling above the chart
     */
    public record Labels(String title, String timeAxis, String valueAxis, BiFunction<String, String, String> ceiling,
                         BiFunction<String, String, String> offScale) {
    }

    /** A device's line: its name in the legend, its short name (for its ceiling's entry) and colour, 0xRRGGBB. */
    public record Line(String name, String shortName, int rgb) {
    }

    public IoOccupancyChart(Labels labels) {
        this(labels, WINDOW_POINTS);
    }

    /**
     * A chart keeping the newest {@code capacity} points instead of {@link #WINDOW_POINTS}: a whole run, for a chart
     * drawn once at its end ({@code virtlab run}).
     */
    public IoOccupancyChart(Labels labels, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.labels = labels;
        data = new SlidingTableDataset(capacity);
        NumberAxis time = new NumberAxis(labels.timeAxis());
        time.setAutoRangeIncludesZero(false);
        NumberAxis count = new NumberAxis(labels.valueAxis());
        count.setAutoRange(false);
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole descriptors and requests
        count.setRange(0, 1);
        renderer.setDrawSeriesLineAsPath(true); // one path per line, not one shape per segment
        renderer.setLegendItemLabelGenerator(new Legend());
        plot = new XYPlot(data, time, count, renderer);
        chart = new JFreeChart(labels.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        // beside the plot: the tab's chart area is wide and low, a legend under it would take half its height
        chart.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Starts over with these devices, in order: series 2k is device k's line, 2k + 1 its ceiling. */
    public void reset(List<Line> devices) {
        lines = List.copyOf(devices);
        ceilings = new double[lines.size()];
        java.util.Arrays.fill(ceilings, Double.NaN);
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            Line l = lines.get(k);
            keys.add(l.name());
            keys.add(l.name() + " \u2191"); // unique key; the legend's text comes from Legend
            Color colour = new Color(l.rgb());
            renderer.setSeriesPaint(2 * k, colour);
            renderer.setSeriesStroke(2 * k, new BasicStroke(2.4f));
            renderer.setSeriesPaint(2 * k + 1, colour);
            renderer.setSeriesStroke(2 * k + 1, ChartStyle.dashed(1.6f));
            renderer.setSeriesVisibleInLegend(2 * k + 1, false);
        }
        data.reset(keys);
        upper = 1;
        plot.getRangeAxis().setRange(0, upper);
    }

    /** Whether the chart redraws as data arrives (off while its tab is hidden); turning it on redraws once. */
    public void setLive(boolean live) {
        this.live = live;
        chart.setNotify(live);
    }

    /**
     * Appends one point per device at {@code seconds}: what each holds and its ceiling (NaN for none). The chart
     * redraws once, if live; call {@link #changed()} after a batch of points.
     */
    public void append(double seconds, double[] inUse, double[] ceiling) {
        if (lines.isEmpty()) {
            return;
        }
        chart.setNotify(false);
        double[] row = new double[2 * lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            row[2 * k] = k < inUse.length ? inUse[k] : Double.NaN;
            row[2 * k + 1] = k < ceiling.length ? ceiling[k] : Double.NaN;
        }
        data.append(seconds, row);
        ceilings = ceiling.clone();
    }

    /** Shows what was appended: the value axis fits the lines and the ceilings within reach. */
    public void changed() {
        if (lines.isEmpty()) {
            return;
        }
        double top = 0;
        for (int i = 0; i < data.getItemCount(); i++) {
            for (int k = 0; k < lines.size(); k++) {
                double v = data.getYValue(2 * k, i);
                if (!Double.isNaN(v)) {
                    top = Math.max(top, v);
                }
            }
        }
        double reach = Math.max(top, 1) * CEILING_REACH;
        double wanted = Math.max(top, 1);
        for (int k = 0; k < lines.size(); k++) {
            boolean has = k < ceilings.length && !Double.isNaN(ceilings[k]);
            renderer.setSeriesVisibleInLegend(2 * k + 1, has, false);
            if (has && ceilings[k] <= reach) {
                wanted = Math.max(wanted, ceilings[k]);
            }
        }
        upper = wanted * 1.08;
        plot.getRangeAxis().setRange(new Range(0, upper), true, false);
        data.changed();
        chart.setNotify(live);
    }

    /** Number of points per series shown. */
    public int pointCount() {
        return data.getItemCount();
    }

    /** Device {@code device}'s value at point {@code item} (oldest first). */
    public double inUse(int device, int item) {
        return data.getYValue(2 * device, item);
    }

    /** Its ceiling at that point, NaN if none. */
    public double ceiling(int device, int item) {
        return data.getYValue(2 * device + 1, item);
    }

    /** Simulated seconds at point {@code item}. */
    public double seconds(int item) {
        return data.getXValue(0, item);
    }

    /** The value axis' upper end. */
    public double upperBound() {
        return upper;
    }

    /** The legend's text of series {@code series} as it reads now. */
    public String legendText(int series) {
        return new Legend().generateLabel(data, series);
    }

    private final class Legend implements XYSeriesLabelGenerator {
        @Override
        public String generateLabel(org.jfree.data.xy.XYDataset dataset, int series) {
            int k = series / 2;
            if (series % 2 == 0 || k >= lines.size()) {
                return k < lines.size() ? lines.get(k).name() : "";
            }
            double c = k < ceilings.length ? ceilings[k] : Double.NaN;
            String size = Double.isNaN(c) ? "" : Long.toString(Math.round(c));
            return (c > upper ? labels.offScale() : labels.ceiling()).apply(lines.get(k).shortName(), size);
        }
    }
}
