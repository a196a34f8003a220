package org.virtlab.charts;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
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

    private final SlidingTableDataset demand = new SlidingTableDataset(WINDOW_SAMPLES);
    private final XYSeries capacity;
    private final XYSeriesCollection capacityDataset = new XYSeriesCollection();
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
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the capacity line on top of the stack
        chart = new JFreeChart(labels.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Starts over with these VMs (ids and display names in scenario order) and host capacity. */
    public void reset(List<String> vmNames, double hostCapacityGhz) {
        capacity.clear();
        capacityGhz = hostCapacityGhz;
        for (int i = 0; i < vmNames.size(); i++) {
            plot.getRenderer(0).setSeriesPaint(i, ChartStyle.vmColour(i));
        }
        demand.reset(vmNames);
    }

    /** Appends samples; the chart redraws once. */
    public void append(List<DemandSampler.Sample> samples) {
        if (samples.isEmpty() || demand.getSeriesCount() == 0) {
            return;
        }
        for (DemandSampler.Sample sample : samples) {
            double[] ghz = sample.demandMhz();
            for (int i = 0; i < ghz.length; i++) {
                ghz[i] /= 1000.0;
            }
            demand.append(sample.endMicros() / 1e6, ghz);
        }
        capacity.clear();
        capacity.add(demand.firstX(), capacityGhz, false);
        capacity.add(demand.lastX(), capacityGhz, true);
        demand.changed();
    }

    /** Number of points per VM currently shown. */
    public int pointCount() {
        return demand.getItemCount();
    }
}
