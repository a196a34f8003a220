package org.virtlab.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.virtlab.engine.cpu.DemandSampler;

/**
 * CPU demand of every VM over simulated time, stacked, with the host's logical capacity as a dashed line:
 * the stack rising above the line is contention. Values in GHz against seconds.
 *
 * <p>Keeps a sliding window of {@link #WINDOW_SAMPLES} samples. Not thread-safe: feed it from the thread
 * that draws it.
 */
public final class CpuDemandChart {
    /** One minute of 100 ms samples. */
    public static final int WINDOW_SAMPLES = 600;

    private final DefaultTableXYDataset demand = new DefaultTableXYDataset();
    private final XYSeries capacity;
    private final XYSeriesCollection capacityDataset = new XYSeriesCollection();
    private final List<XYSeries> vmSeries = new ArrayList<>();
    private final JFreeChart chart;
    private final XYPlot plot;
    private double capacityGhz;

    public CpuDemandChart(ChartLabels labels) {
        NumberAxis time = new NumberAxis(labels.timeAxis());
        time.setAutoRangeIncludesZero(false);
        NumberAxis ghz = new NumberAxis(labels.valueAxis());
        StackedXYAreaRenderer2 stacked = new StackedXYAreaRenderer2();
        plot = new XYPlot(demand, time, ghz, stacked);
        capacity = new XYSeries(labels.capacity(), true, true);
        capacityDataset.addSeries(capacity);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ChartStyle.CAPACITY);
        line.setSeriesStroke(0, ChartStyle.dashed(2f));
        plot.setRenderer(1, line); // before the dataset: without it the stacked renderer would be asked
        plot.setDataset(1, capacityDataset);
        chart = new JFreeChart(labels.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Starts over with these VMs (ids and display names in scenario order) and host capacity. */
    public void reset(List<String> vmNames, double hostCapacityGhz) {
        demand.removeAllSeries();
        vmSeries.clear();
        capacity.clear();
        capacityGhz = hostCapacityGhz;
        for (int i = 0; i < vmNames.size(); i++) {
            XYSeries s = new XYSeries(vmNames.get(i), true, false);
            s.setMaximumItemCount(WINDOW_SAMPLES);
            vmSeries.add(s);
            demand.addSeries(s);
            plot.getRenderer(0).setSeriesPaint(i, ChartStyle.vmColour(i));
        }
    }

    /** Appends samples; the chart redraws once. */
    public void append(List<DemandSampler.Sample> samples) {
        if (samples.isEmpty() || vmSeries.isEmpty()) {
            return;
        }
        for (DemandSampler.Sample sample : samples) {
            double seconds = sample.endMicros() / 1e6;
            double[] mhz = sample.demandMhz();
            for (int i = 0; i < vmSeries.size() && i < mhz.length; i++) {
                vmSeries.get(i).add(seconds, mhz[i] / 1000.0, false);
            }
        }
        double first = vmSeries.get(0).getMinX();
        double last = vmSeries.get(0).getMaxX();
        capacity.clear();
        capacity.add(first, capacityGhz, false);
        capacity.add(last, capacityGhz, false);
        capacity.fireSeriesChanged();
        for (XYSeries s : vmSeries) {
            s.fireSeriesChanged();
        }
    }

    /** Number of points per VM currently shown. */
    public int pointCount() {
        return vmSeries.isEmpty() ? 0 : vmSeries.get(0).getItemCount();
    }
}
