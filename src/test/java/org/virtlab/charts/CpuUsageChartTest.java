package org.virtlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.engine.cpu.CpuSampler;

/** The CPU chart's data: use stacked in GHz, entitlement, total demand and capacity as lines; PNG export. */
class CpuUsageChartTest {
    @TempDir
    Path dir;

    private final CpuUsageChart chart = new CpuUsageChart(
            new CpuUsageChart.Labels("t", "x", "y", "entitlement", "demand", "capacity"));

    private static CpuSampler.Sample sample(long endMicros, double usedA, double usedB) {
        return new CpuSampler.Sample(endMicros, new String[] {"a", "b"}, new double[] {24_000, 24_000},
                new double[] {8_000, 16_000}, new double[] {usedA, usedB}, new double[] {0, 0}, new double[] {0, 0},
                new double[] {0, 0}, 24_000);
    }

    @Test
    void samplesArePlottedInGhzAgainstSeconds() {
        chart.reset(List.of("A", "B"));
        chart.append(List.of(sample(100_000, 8_000, 16_000)));
        var used = chart.chart().getXYPlot().getDataset(0);
        var lines = chart.chart().getXYPlot().getDataset(1);
        assertEquals(0.1, used.getXValue(0, 0), 1e-12);    // 100 000 µs = 0.1 s
        assertEquals(8.0, used.getYValue(0, 0), 1e-12);    // 8000 MHz = 8 GHz
        assertEquals(24.0, used.getYValue(1, 0), 1e-12);   // the stack's top: 8 + 16 GHz
        assertEquals(8.0, lines.getYValue(0, 0), 1e-12);   // A's entitlement
        assertEquals(48.0, lines.getYValue(2, 0), 1e-12);  // total demand 24 + 24 GHz
        assertEquals(24.0, lines.getYValue(3, 0), 1e-12);  // capacity
        assertEquals("A entitlement", lines.getSeriesKey(0));
    }

    @Test
    void theCsvHoldsEachVmsOwnGhzNotTheStack() {
        chart.reset(List.of("A", "B"));
        chart.append(List.of(sample(100_000, 8_000, 16_000)));
        String[] rows = ChartExport.csv(chart.chart()).split("\r\n");
        // the chart draws B's layer at 8 + 16 = 24 GHz, but B itself used 16 000 MHz = 16 GHz (sample above)
        assertEquals("x,A (y),B (y),A entitlement (y),B entitlement (y),demand (y),capacity (y)", rows[0]);
        assertEquals("0.1,8,16,8,16,48,24", rows[1]);
    }

    @Test
    void keepsOnlyTheNewestWindowOfSamples() {
        chart.reset(List.of("A", "B"));
        List<CpuSampler.Sample> many = new ArrayList<>();
        for (int i = 1; i <= CpuUsageChart.WINDOW_SAMPLES + 50; i++) {
            many.add(sample(i * 100_000L, i, 2 * i));
        }
        chart.append(many);
        var used = chart.chart().getXYPlot().getDataset(0);
        assertEquals(CpuUsageChart.WINDOW_SAMPLES, chart.pointCount());
        assertEquals(5.1, used.getXValue(0, 0), 1e-9);    // the 51st sample is now the oldest: 51 × 0.1 s
    }

    @Test
    void exportsAPngOfTheRequestedSize() throws Exception {
        chart.reset(List.of("A", "B"));
        chart.append(List.of(sample(100_000, 1000, 2000), sample(200_000, 3000, 4000)));
        Path file = dir.resolve("chart.png");
        ChartExport.png(chart.chart(), file, 800, 450);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(450, image.getHeight());
    }
}
