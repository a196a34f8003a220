package org.virtlab.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.virtlab.engine.memory.host.MemorySampler;

/**
 * Where each VM's memory is over simulated time, as small multiples side by side (one plot per VM, one MiB axis
 * for all): its pages stacked by state (private, shared, ballooned, swapped) under a dashed line at its
 * configured size; the gap between the stack and the line is memory it has never touched (the zero frame).
 * Private and shared pages are in host memory; ballooned and swapped ones are not.
 *
 * <p>Keeps a sliding window of {@link #WINDOW_SAMPLES} samples for every VM of the scenario and shows the plots
 * of the VMs asked for ({@link #show}), so changing the host in focus needs no history. Each stack is drawn as one
 * filled outline per state over the running sums, as {@link CpuUsageChart} does. Not thread-safe: feed it from the
 * thread that draws it.
 */
public final class MemoryStateChart {
    /** Half a minute of 100 ms samples, like the CPU chart. */
    public static final int WINDOW_SAMPLES = 300;
    /** The page states in stacking order, bottom up. */
    public static final int PRIVATE = 0;
    public static final int SHARED = 1;
    public static final int BALLOONED = 2;
    public static final int SWAPPED = 3;
    /**
     * Colours of the states (Okabe–Ito, told apart with colour-blindness): in host memory blue and bluish green,
     * out of it orange and vermillion.
     */
    private static final Color[] STATE_COLOURS = {
        ChartStyle.BLUE, ChartStyle.BLUISH_GREEN, ChartStyle.ORANGE, ChartStyle.VERMILLION,
    };
    private static final Color CONFIGURED = ChartStyle.DARK_GREY;

    private final Labels labels;
    private final NumberAxis mib;
    private final CombinedRangeXYPlot plot;
    private final JFreeChart chart;
    private final List<SlidingTableDataset> stacks = new ArrayList<>();
    private final List<SlidingTableDataset> sizes = new ArrayList<>();
    private final List<XYPlot> plots = new ArrayList<>();
    private final int capacity;
    private List<Integer> shown = List.of();
    private boolean live = true;

    /**
     * The texts, translated by the caller.
     *
     * @param vmAxis the time axis under one VM's plot, from its name: "Web server: simulated time (s)"
     * @param states the four states' names in stacking order (private, shared, ballooned, swapped)
     */
    public record Labels(String title, Function<String, String> vmAxis, String mibAxis, List<String> states,
                         String configured) {
        public Labels {
            states = List.copyOf(states);
            if (states.size() != 4) {
                throw new IllegalArgumentException("four states, was " + states.size());
            }
        }
    }

    public MemoryStateChart(Labels labels) {
        this(labels, WINDOW_SAMPLES);
    }

    /**
     * A chart keeping the newest {@code capacity} samples per VM instead of {@link #WINDOW_SAMPLES}: a whole run, for
     * a chart drawn once at its end ({@code virtlab run}).
     */
    public MemoryStateChart(Labels labels, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.labels = labels;
        this.capacity = capacity;
        mib = new NumberAxis(labels.mibAxis());
        plot = new CombinedRangeXYPlot(mib);
        plot.setGap(14);
        chart = new JFreeChart(labels.title(), ChartStyle.TITLE_FONT, plot, false);
        LegendTitle legend = new LegendTitle(this::legendItems);
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addLegend(legend);
        ChartStyle.apply(chart);
    }

    /** The colour of a state ({@link #PRIVATE} … {@link #SWAPPED}), for views that show the same states. */
    public static Color stateColour(int state) {
        return STATE_COLOURS[state];
    }

    public JFreeChart chart() {
        return chart;
    }

    /** A new title (the host in focus); the chart redraws only if it changed. */
    public void setTitle(String title) {
        if (!title.equals(chart.getTitle().getText())) {
            chart.getTitle().setText(title);
        }
    }

    /** Starts over with these VMs (display names in scenario order); shows none until {@link #show}. */
    public void reset(List<String> vmNames) {
        chart.setNotify(false);
        showPlots(List.of());
        stacks.clear();
        sizes.clear();
        plots.clear();
        for (String name : vmNames) {
            SlidingTableDataset stack = SlidingTableDataset.stacked(capacity);
            stack.reset(labels.states());
            SlidingTableDataset size = new SlidingTableDataset(capacity);
            size.reset(List.of(labels.configured()));
            stacks.add(stack);
            sizes.add(size);
            plots.add(vmPlot(name, stack, size));
        }
        shown = List.of();
        chart.setNotify(live);
    }

    private XYPlot vmPlot(String name, SlidingTableDataset stack, SlidingTableDataset size) {
        NumberAxis time = new NumberAxis(labels.vmAxis().apply(name));
        time.setAutoRangeIncludesZero(false);
        XYAreaRenderer area = new XYAreaRenderer(XYAreaRenderer.AREA);
        for (int s = 0; s < STATE_COLOURS.length; s++) {
            area.setSeriesPaint(s, STATE_COLOURS[s]);
        }
        XYPlot p = new XYPlot(stack, time, null, area);
        p.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE); // the tallest sum first, each state over it
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setDrawSeriesLineAsPath(true);
        line.setSeriesPaint(0, CONFIGURED);
        line.setSeriesStroke(0, ChartStyle.dashed(2.2f));
        p.setDataset(1, size);
        p.setRenderer(1, line);
        p.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        ChartStyle.plot(p);
        time.setLabelFont(ChartStyle.LABEL_FONT.deriveFont(Font.BOLD)); // the VM's name: which plot is whose
        p.setOutlineVisible(true);
        p.setOutlinePaint(ChartStyle.LIGHT_GREY);
        return p;
    }

    /** New display names for the same VMs (an edit): only the axis labels change. */
    public void rename(List<String> vmNames) {
        for (int i = 0; i < plots.size() && i < vmNames.size(); i++) {
            plots.get(i).getDomainAxis().setLabel(labels.vmAxis().apply(vmNames.get(i)));
        }
    }

    /** Shows the plots of these VMs (indices in scenario order), left to right. */
    public void show(List<Integer> vmIndices) {
        if (vmIndices.equals(shown)) {
            return;
        }
        chart.setNotify(false);
        showPlots(vmIndices);
        chart.setNotify(live);
    }

    private void showPlots(List<Integer> vmIndices) {
        for (int i : shown) {
            plot.remove(plots.get(i));
        }
        List<Integer> kept = new ArrayList<>();
        for (int i : vmIndices) {
            if (i >= 0 && i < plots.size()) {
                plot.add(plots.get(i));
                kept.add(i);
            }
        }
        shown = List.copyOf(kept);
    }

    /** The VMs whose plots are shown, in scenario order indices. */
    public List<Integer> shownVms() {
        return shown;
    }

    /**
     * Whether the chart redraws as data arrives. Off while nobody sees it; turning it on redraws once with
     * everything appended meanwhile.
     */
    public void setLive(boolean live) {
        this.live = live;
        chart.setNotify(live);
    }

    /** Appends samples (MiB); the chart redraws once, if live. */
    public void append(List<MemorySampler.Sample> samples) {
        if (samples.isEmpty() || stacks.isEmpty()) {
            return;
        }
        chart.setNotify(false);
        for (MemorySampler.Sample s : samples) {
            double seconds = s.endMicros() / 1e6;
            for (int i = 0; i < stacks.size() && i < s.vms().size(); i++) {
                MemorySampler.VmSample v = s.vms().get(i);
                // each state's own MiB; the dataset stacks them into the layers' top edges
                stacks.get(i).append(seconds,
                        new double[] {v.privateMib(), v.sharedMib(), v.balloonedMib(), v.swappedMib()});
                sizes.get(i).append(seconds, new double[] {v.configuredMib()});
            }
        }
        for (int i = 0; i < stacks.size(); i++) {
            stacks.get(i).changed();
            sizes.get(i).changed();
        }
        chart.setNotify(live);
    }

    /** Number of samples per VM currently kept. */
    public int pointCount() {
        return stacks.isEmpty() ? 0 : stacks.get(0).getItemCount();
    }

    /**
     * The top of one state's layer in a VM's stack at a kept sample (the running sum up to and including it), in
     * MiB: what the chart draws.
     */
    public double stackTop(int vmIndex, int state, int item) {
        return stacks.get(vmIndex).getYValue(state, item);
    }

    private LegendItemCollection legendItems() {
        LegendItemCollection items = new LegendItemCollection();
        for (int s = 0; s < STATE_COLOURS.length; s++) {
            items.add(new LegendItem(labels.states().get(s), null, null, null, new Rectangle(-6, -6, 12, 12),
                    STATE_COLOURS[s]));
        }
        LegendItem size = new LegendItem(labels.configured(), null, null, null, false,
                new Rectangle(-6, -1, 12, 2), false, CONFIGURED, false, CONFIGURED, ChartStyle.dashed(2.2f), true,
                new java.awt.geom.Line2D.Double(-9, 0, 9, 0), ChartStyle.dashed(2.2f), CONFIGURED);
        items.add(size);
        return items;
    }
}
