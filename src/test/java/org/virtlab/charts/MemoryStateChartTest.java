package org.virtlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.engine.memory.host.MemorySampler;
import org.virtlab.engine.memory.host.MemoryState;

/** The memory chart: each VM's pages stacked by state in MiB under its configured size; one plot per VM shown. */
class MemoryStateChartTest {
    @TempDir
    Path dir;

    private final MemoryStateChart chart = new MemoryStateChart(new MemoryStateChart.Labels("t",
            name -> name + " (s)", "MiB", List.of("private", "shared", "ballooned", "swapped"), "configured"));

    /** VM a: 100 private, 20 shared, 30 ballooned, 40 swapped of 2048; VM b: 1024 private of 2048. */
    private static MemorySampler.Sample sample(long endMicros) {
        return new MemorySampler.Sample(endMicros, List.of(
                new MemorySampler.VmSample("a", "h1", true, 2048, 190, 1858, 100, 20, 30, 40, 110, 2048, 1, 1, 0, 0),
                new MemorySampler.VmSample("b", "h2", true, 2048, 1024, 1024, 1024, 0, 0, 0, 1024, 2048, 2, 2, 0, 0)),
                List.of(new MemorySampler.HostSample("h1", 4096, 121, 3975, 97, MemoryState.HIGH, 2048, 0.5, 0, 0, 0)));
    }

    @Test
    void theStatesStackInOrderUnderTheConfiguredLine() {
        chart.reset(List.of("A", "B"));
        chart.show(List.of(0));
        chart.append(List.of(sample(100_000)));
        XYPlot a = (XYPlot) ((CombinedRangeXYPlot) chart.chart().getPlot()).getSubplots().get(0);
        assertEquals(0.1, a.getDataset(0).getXValue(0, 0), 1e-12); // 100 000 µs = 0.1 s
        // running sums of the sample's states, bottom up: 100; 100 + 20; + 30; + 40
        assertEquals(100, a.getDataset(0).getYValue(MemoryStateChart.PRIVATE, 0), 1e-12);
        assertEquals(120, a.getDataset(0).getYValue(MemoryStateChart.SHARED, 0), 1e-12);
        assertEquals(150, a.getDataset(0).getYValue(MemoryStateChart.BALLOONED, 0), 1e-12);
        assertEquals(190, a.getDataset(0).getYValue(MemoryStateChart.SWAPPED, 0), 1e-12);
        assertEquals(2048, a.getDataset(1).getYValue(0, 0), 1e-12); // the configured size
        assertEquals("A (s)", a.getDomainAxis().getLabel());
        assertEquals(1024, chart.stackTop(1, MemoryStateChart.SWAPPED, 0), 1e-12); // B, not shown, is kept too
    }

    @Test
    void theCsvHoldsEachStatesOwnMibNotTheStack() {
        chart.reset(List.of("A", "B"));
        chart.show(List.of(0));
        chart.append(List.of(sample(100_000)));
        String[] rows = ChartExport.csv(chart.chart()).split("\r\n");
        // VM a's sample above: private 100, shared 20, ballooned 30, swapped 40 MiB (drawn at 100/120/150/190)
        String[] cells = rows[1].split(",");
        assertEquals(List.of("0.1", "100", "20", "30", "40", "2048"), List.of(cells));
    }

    @Test
    void showsThePlotsAskedForAndKeepsOnlyTheNewestWindow() {
        chart.reset(List.of("A", "B"));
        chart.show(List.of(0, 1));
        assertEquals(2, ((CombinedRangeXYPlot) chart.chart().getPlot()).getSubplots().size());
        chart.show(List.of(1));
        assertEquals(List.of(1), chart.shownVms());
        assertEquals(1, ((CombinedRangeXYPlot) chart.chart().getPlot()).getSubplots().size());
        List<MemorySampler.Sample> many = new ArrayList<>();
        for (int i = 1; i <= MemoryStateChart.WINDOW_SAMPLES + 20; i++) {
            many.add(sample(i * 100_000L));
        }
        chart.append(many);
        assertEquals(MemoryStateChart.WINDOW_SAMPLES, chart.pointCount());
        chart.reset(List.of("C"));
        assertEquals(0, ((CombinedRangeXYPlot) chart.chart().getPlot()).getSubplots().size(), "none until shown");
        assertEquals(0, chart.pointCount());
    }

    @Test
    void exportsAPicture() throws Exception {
        chart.reset(List.of("A", "B"));
        chart.show(List.of(0, 1));
        chart.append(List.of(sample(100_000), sample(200_000)));
        Path png = dir.resolve("memory.png");
        ChartExport.png(chart.chart(), png, 800, 400);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertTrue(chart.chart().getLegend().getSources()[0].getLegendItems().getItemCount() == 5,
                "four states and the configured size");
    }

    @Test
    void settingTheSameTitleAgainDoesNotRedraw() {
        chart.reset(List.of("A"));
        chart.setTitle("Host 1");
        int[] changes = {0};
        chart.chart().addChangeListener(e -> changes[0]++);
        chart.setTitle("Host 1"); // every frame sets the focus host's title: only a new one may cost a redraw
        assertEquals(0, changes[0]);
        chart.setTitle("Host 2");
        assertEquals(1, changes[0]);
    }
}
