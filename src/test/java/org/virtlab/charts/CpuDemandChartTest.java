package org.virtlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.engine.cpu.DemandSampler;

/** The demand chart's data: a sliding window of stacked samples in GHz, and PNG export. */
class CpuDemandChartTest {
    @TempDir
    Path dir;

    private final CpuDemandChart chart = new CpuDemandChart(new ChartLabels("t", "x", "y", "capacity"));

    private static DemandSampler.Sample sample(long endMicros, double... mhz) {
        return new DemandSampler.Sample(endMicros, new String[] {"a", "b"}, mhz);
    }

    @Test
    void samplesArePlottedInGhzAgainstSeconds() {
        chart.reset(List.of("A", "B"), 24.0);
        chart.append(List.of(sample(100_000, 7200, 11_200)));
        var dataset = chart.chart().getXYPlot().getDataset(0);
        assertEquals(0.1, dataset.getXValue(0, 0), 1e-12);   // 100 000 µs = 0.1 s
        assertEquals(7.2, dataset.getYValue(0, 0), 1e-12);   // 7200 MHz = 7.2 GHz
        assertEquals(11.2, dataset.getYValue(1, 0), 1e-12);
        var capacity = chart.chart().getXYPlot().getDataset(1);
        assertEquals(24.0, capacity.getYValue(0, 0), 1e-12);
    }

    @Test
    void keepsOnlyTheNewestWindowOfSamples() {
        chart.reset(List.of("A", "B"), 24.0);
        List<DemandSampler.Sample> many = new ArrayList<>();
        for (int i = 1; i <= CpuDemandChart.WINDOW_SAMPLES + 50; i++) {
            many.add(sample(i * 100_000L, i, 2 * i));
        }
        chart.append(many);
        var dataset = chart.chart().getXYPlot().getDataset(0);
        assertEquals(CpuDemandChart.WINDOW_SAMPLES, chart.pointCount());
        assertEquals(5.1, dataset.getXValue(0, 0), 1e-9);    // the 51st sample is now the oldest: 51 × 0.1 s
        assertEquals((CpuDemandChart.WINDOW_SAMPLES + 50) / 10.0,
                dataset.getXValue(1, CpuDemandChart.WINDOW_SAMPLES - 1), 1e-9);
    }

    @Test
    void exportsAPngOfTheRequestedSize() throws Exception {
        chart.reset(List.of("A", "B"), 24.0);
        chart.append(List.of(sample(100_000, 1000, 2000), sample(200_000, 3000, 4000)));
        Path file = dir.resolve("chart.png");
        ChartExport.png(chart.chart(), file, 800, 450);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(450, image.getHeight());
    }
}
