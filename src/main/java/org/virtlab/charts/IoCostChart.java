package org.virtlab.charts;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Where a request's time goes, per device: one horizontal bar per device stacked from the time each party spends on
 * an average request (the guest's driver, VM exits, the host's back-end, the device, waiting), in microseconds.
 * Built from the engine's cost steps by the caller, which groups and translates them. Not thread-safe: feed it from
 * the thread that draws it.
 */
public final class IoCostChart {
    /** The parties, in stacking order, and their colours (Okabe–Ito, as the VM colours). */
    private static final Paint[] PARTY_COLOURS = {
        ChartStyle.SKY_BLUE, ChartStyle.VERMILLION, ChartStyle.ORANGE, ChartStyle.BLUISH_GREEN, ChartStyle.LIGHT_GREY,
    };
    public static final int PARTIES = PARTY_COLOURS.length;

    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final List<String> parties;
    private String[][] tooltips = new String[0][0];
    private boolean live = true;

    /**
     * @param title   the chart's title
     * @param axis    the value axis' label (µs per request)
     * @param parties the {@link #PARTIES} parties' names, in order: guest, exits, host, device, waiting
     */
    public IoCostChart(String title, String axis, List<String> parties) {
        if (parties.size() != PARTIES) {
            throw new IllegalArgumentException("name the " + PARTIES + " parties, not " + parties.size());
        }
        this.parties = List.copyOf(parties);
        CategoryAxis devices = new CategoryAxis();
        NumberAxis micros = new NumberAxis(axis);
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.22);
        for (int p = 0; p < PARTIES; p++) {
            renderer.setSeriesPaint(p, PARTY_COLOURS[p]);
        }
        renderer.setDefaultToolTipGenerator((data, row, column) -> row < tooltips.length
                && column < tooltips[row].length ? tooltips[row][column] : null);
        CategoryPlot plot = new CategoryPlot(dataset, devices, micros, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** The parties' colours, for a legend drawn elsewhere. */
    public static Color partyColour(int party) {
        return (Color) PARTY_COLOURS[party];
    }

    /** Whether the chart redraws as data arrives (off while its tab is hidden). */
    public void setLive(boolean live) {
        this.live = live;
        chart.setNotify(live);
    }

    /**
     * Shows the devices' costs.
     *
     * @param devices  the bars' names, top to bottom
     * @param micros   per party, per device: microseconds per request
     * @param tooltips per party, per device: what the segment is made of, or null
     */
    public void update(List<String> devices, double[][] micros, String[][] tooltips) {
        chart.setNotify(false);
        dataset.clear();
        this.tooltips = tooltips.clone();
        for (int p = 0; p < PARTIES; p++) {
            for (int d = 0; d < devices.size(); d++) {
                dataset.addValue(micros[p][d], parties.get(p), devices.get(d));
            }
        }
        chart.setNotify(live);
    }

    /** Microseconds of a party on a device's bar, as shown. */
    public double value(int party, String device) {
        Number n = dataset.getValue(parties.get(party), device);
        return n == null ? 0 : n.doubleValue();
    }
}
