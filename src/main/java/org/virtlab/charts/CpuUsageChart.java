package org.virtlab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.virtlab.engine.cpu.CpuSampler;

/**
 * What each VM gets of the CPU over simulated time: the VMs' use stacked as areas (GHz), each VM's
 * entitlement as a thin line in a darker shade of its colour, the total demand as a grey line and the
 * hosts' capacity as a red dashed line. Where the demand line runs above the stack, VMs wait (ready time).
 *
 * <p>The stack is drawn as one filled outline per VM over the running sums (the top layer first), which
 * costs a polygon per VM instead of one per point: it keeps the live redraw within a frame's budget.
 *
 * <p>Keeps a sliding window of {@link #WINDOW_SAMPLES} samples. Not thread-safe: feed it from the thread
 * that draws it.
 */
public final class CpuUsageChart {
    /** Half a minute of 100 ms samples: enough history to read, little enough to redraw every frame. */
    public static final int WINDOW_SAMPLES = 300;
    private static final Color DEMAND = ChartStyle.DARK_GREY;

    private final SlidingTableDataset used;
    private final SlidingTableDataset lines;
    private final XYPlot plot;
    private final JFreeChart chart;
    private final Labels labels;
    private int vmCount;
    private boolean live = true;

    /** The texts, translated by the caller. */
    public record Labels(String title, String timeAxis, String valueAxis, String entitlementSuffix,
                         String totalDemand, String capacity) {
    }

    public CpuUsageChart(Labels labels) {
        this(labels, WINDOW_SAMPLES);
    }

    /**
     * A chart keeping the newest {@code capacity} samples instead of {@link #WINDOW_SAMPLES}: a whole run, for a
     * chart drawn once at its end ({@code virtlab run}).
     */
    public CpuUsageChart(Labels labels, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.labels = labels;
        used = SlidingTableDataset.stacked(capacity);
        lines = new SlidingTableDataset(capacity);
        NumberAxis time = new NumberAxis(labels.timeAxis());
        time.setAutoRangeIncludesZero(false);
        NumberAxis ghz = new NumberAxis(labels.valueAxis());
        plot = new XYPlot(used, time, ghz, new XYAreaRenderer(XYAreaRenderer.AREA));
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setDrawSeriesLineAsPath(true); // one path per line, not one shape per segment
        plot.setRenderer(1, lineRenderer);
        plot.setDataset(1, lines);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        chart = new JFreeChart(labels.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Starts over with these VMs (display names in scenario order). */
    public void reset(List<String> vmNames) {
        vmCount = vmNames.size();
        List<String> lineKeys = new ArrayList<>();
        XYLineAndShapeRenderer lineRenderer = (XYLineAndShapeRenderer) plot.getRenderer(1);
        for (int i = 0; i < vmCount; i++) {
            plot.getRenderer(0).setSeriesPaint(i, ChartStyle.vmColour(i));
            lineKeys.add(vmNames.get(i) + " " + labels.entitlementSuffix());
            lineRenderer.setSeriesPaint(i, ((Color) ChartStyle.vmColour(i)).darker());
            lineRenderer.setSeriesStroke(i, new BasicStroke(1.6f)); // solid: dashing long lines costs a frame
        }
        lineKeys.add(labels.totalDemand());
        lineRenderer.setSeriesPaint(vmCount, DEMAND);
        lineRenderer.setSeriesStroke(vmCount, new BasicStroke(2.2f));
        lineKeys.add(labels.capacity());
        lineRenderer.setSeriesPaint(vmCount + 1, ChartStyle.CAPACITY);
        lineRenderer.setSeriesStroke(vmCount + 1, ChartStyle.dashed(2.2f));
        used.reset(vmNames);
        lines.reset(lineKeys);
    }

    /**
     * Whether the chart redraws as data arrives. Off while nobody sees it (another tab is showing); turning
     * it on redraws once with everything appended meanwhile.
     */
    public void setLive(boolean live) {
        this.live = live;
        chart.setNotify(live);
    }

    /** Appends samples (GHz on the chart); the chart redraws once, if live. */
    public void append(List<CpuSampler.Sample> samples) {
        if (samples.isEmpty() || vmCount == 0) {
            return;
        }
        chart.setNotify(false);
        for (CpuSampler.Sample s : samples) {
            double seconds = s.endMicros() / 1e6;
            double[] u = s.usedMhz();
            double[] e = s.entitlementMhz();
            double[] d = s.demandMhz();
            double[] own = new double[vmCount];
            double[] row = new double[vmCount + 2];
            double totalDemand = 0;
            for (int i = 0; i < vmCount && i < u.length; i++) {
                own[i] = u[i] / 1000.0; // the dataset stacks them: layer i's top edge is the running sum
                row[i] = e[i] / 1000.0;
                totalDemand += d[i];
            }
            row[vmCount] = totalDemand / 1000.0;
            row[vmCount + 1] = s.capacityMhz() / 1000.0;
            used.append(seconds, own);
            lines.append(seconds, row);
        }
        used.changed();
        lines.changed();
        chart.setNotify(live);
    }

    /** Number of samples per series currently shown. */
    public int pointCount() {
        return used.getItemCount();
    }
}
