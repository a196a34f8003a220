package org.virtlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.CpuSampler;
import org.virtlab.engine.memory.host.MemorySampler;

/** A chart made with a capacity keeps that many samples: a whole run, not the window's sliding half minute. */
class WholeRunChartsTest {
    private static final int RUN = 1_000; // computed by hand: 100 s of 100 ms samples, above every window size

    @Test
    void theCpuChartKeepsAWholeRun() {
        CpuUsageChart chart = new CpuUsageChart(new CpuUsageChart.Labels("t", "x", "y", "e", "d", "c"), RUN);
        chart.reset(List.of("a"));
        List<CpuSampler.Sample> samples = new ArrayList<>();
        for (int i = 1; i <= RUN + 5; i++) {
            double[] one = {1000};
            samples.add(new CpuSampler.Sample(i * 100_000L, new String[] {"a"}, one, one, one, one, one, one, 2000));
        }
        chart.append(samples);
        assertEquals(RUN, chart.pointCount()); // the newest RUN of RUN + 5
        assertTrue(RUN > CpuUsageChart.WINDOW_SAMPLES && RUN > IoOccupancyChart.WINDOW_POINTS);
        assertThrows(IllegalArgumentException.class,
                () -> new CpuUsageChart(new CpuUsageChart.Labels("t", "x", "y", "e", "d", "c"), 0));
    }

    @Test
    void theMemoryChartKeepsAWholeRun() {
        MemoryStateChart chart = new MemoryStateChart(new MemoryStateChart.Labels("t", n -> n, "MiB",
                List.of("p", "s", "b", "w"), "c"), RUN);
        chart.reset(List.of("a"));
        List<MemorySampler.Sample> samples = new ArrayList<>();
        for (int i = 1; i <= RUN; i++) {
            samples.add(new MemorySampler.Sample(i * 100_000L, List.of(new MemorySampler.VmSample("a", "h", true,
                    1024, 0, 0, 512, 0, 0, 0, 512, 1024, 0, 0, 0, 0)), List.of()));
        }
        chart.append(samples);
        assertEquals(RUN, chart.pointCount());
        assertEquals(512, chart.stackTop(0, MemoryStateChart.PRIVATE, RUN - 1));
    }

    @Test
    void theOccupancyChartKeepsAWholeRun() {
        IoOccupancyChart chart = new IoOccupancyChart(new IoOccupancyChart.Labels("t", "x", "y", (a, b) -> a,
                (a, b) -> b), RUN);
        chart.reset(List.of(new IoOccupancyChart.Line("vda", "vda", 0x0072B2)));
        for (int i = 1; i <= RUN; i++) {
            chart.append(i / 10.0, new double[] {3}, new double[] {256});
        }
        chart.changed();
        assertEquals(RUN, chart.pointCount());
        assertEquals(0.1, chart.seconds(0));
        assertEquals(100.0, chart.seconds(RUN - 1));
    }
}
