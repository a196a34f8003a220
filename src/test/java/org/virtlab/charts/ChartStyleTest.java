package org.virtlab.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.junit.jupiter.api.Test;

/**
 * Every chart the window shows has the one look of issue #8 ("fonts large enough for a projector, colour-blind-safe
 * palette"): title ≥ 18 px, axis labels ≥ 15, tick labels ≥ 14, legend ≥ 14 (the sizes this project set for a
 * 1280 × 720 projector); series in the Okabe–Ito colours (Okabe &amp; Ito 2008, the eight colours by their hex
 * values), their darker shades (entitlement lines) or neutral greys.
 */
class ChartStyleTest {
    private static final Set<Integer> OKABE_ITO = Set.of(0x000000, 0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2,
            0xD55E00, 0xCC79A7);

    private static List<JFreeChart> charts() {
        CpuUsageChart cpu = new CpuUsageChart(new CpuUsageChart.Labels("CPU", "Simulated time (s)", "GHz", "ent.",
                "Total demand", "Capacity"));
        cpu.reset(List.of("a", "b", "c", "d", "e", "f", "g", "h"));
        MemoryStateChart memory = new MemoryStateChart(new MemoryStateChart.Labels("Memory", n -> n + ": time (s)",
                "MiB", List.of("private", "shared", "ballooned", "swapped"), "configured"));
        memory.reset(List.of("a", "b"));
        memory.show(List.of(0, 1));
        IoCostChart cost = new IoCostChart("Cost", "µs per request", List.of("g", "x", "h", "d", "w"));
        cost.update(List.of("disk"), new double[][] {{1}, {2}, {3}, {4}, {5}}, new String[5][1]);
        IoOccupancyChart occupancy = new IoOccupancyChart(new IoOccupancyChart.Labels("Ring", "Simulated time (s)",
                "Entries", (a, b) -> a + b, (a, b) -> a + b));
        occupancy.reset(List.of(new IoOccupancyChart.Line("disk", "d", 0x0072B2)));
        return List.of(cpu.chart(), memory.chart(), cost.chart(), occupancy.chart());
    }

    @Test
    void fontsAreLargeEnoughForAProjector() {
        for (JFreeChart chart : charts()) {
            String name = chart.getTitle().getText();
            assertTrue(chart.getTitle().getFont().getSize() >= 18, name + " title");
            for (int i = 0; i < chart.getSubtitleCount(); i++) {
                if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                    assertTrue(legend.getItemFont().getSize() >= 14, name + " legend");
                }
            }
            for (Axis axis : axes(chart.getPlot())) {
                Font label = axis.getLabelFont();
                assertTrue(label.getSize() >= 15, name + " axis label " + axis.getLabel() + ": " + label.getSize());
                assertTrue(axis.getTickLabelFont().getSize() >= 14, name + " tick labels of " + axis.getLabel());
            }
        }
    }

    @Test
    void seriesAreInTheOkabeItoPaletteOrNeutral() {
        for (JFreeChart chart : charts()) {
            for (Paint paint : seriesPaints(chart.getPlot())) {
                Color c = (Color) paint;
                int rgb = c.getRGB() & 0xFFFFFF;
                boolean grey = c.getRed() == c.getGreen() && c.getGreen() == c.getBlue();
                boolean shade = OKABE_ITO.stream().anyMatch(o -> (new Color(o).darker().getRGB() & 0xFFFFFF) == rgb);
                assertTrue(OKABE_ITO.contains(rgb) || grey || shade,
                        chart.getTitle().getText() + ": " + Integer.toHexString(rgb));
            }
        }
    }

    private static List<Axis> axes(Plot plot) {
        List<Axis> out = new ArrayList<>();
        if (plot instanceof CombinedRangeXYPlot combined) {
            out.add(combined.getRangeAxis());
            combined.getSubplots().forEach(p -> out.addAll(axes(p)));
        } else if (plot instanceof XYPlot xy) {
            out.add(xy.getDomainAxis());
            if (xy.getRangeAxis() != null) {
                out.add(xy.getRangeAxis());
            }
        } else if (plot instanceof CategoryPlot category) {
            out.add(category.getDomainAxis());
            out.add(category.getRangeAxis());
        }
        return out;
    }

    private static List<Paint> seriesPaints(Plot plot) {
        List<Paint> out = new ArrayList<>();
        if (plot instanceof CombinedRangeXYPlot combined) {
            combined.getSubplots().forEach(p -> out.addAll(seriesPaints(p)));
        } else if (plot instanceof XYPlot xy) {
            for (int r = 0; r < xy.getRendererCount(); r++) {
                XYItemRenderer renderer = xy.getRenderer(r);
                if (renderer != null && xy.getDataset(r) != null) {
                    for (int s = 0; s < xy.getDataset(r).getSeriesCount(); s++) {
                        out.add(renderer.getSeriesPaint(s));
                    }
                }
            }
        } else if (plot instanceof CategoryPlot category) {
            CategoryItemRenderer renderer = category.getRenderer();
            for (int s = 0; s < category.getDataset().getRowCount(); s++) {
                out.add(renderer.getSeriesPaint(s));
            }
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }
}
