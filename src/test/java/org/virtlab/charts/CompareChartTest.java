package org.virtlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The overlay of two runs: a solid and a dashed line per VM in its colour, legend texts, and CSV like any chart. */
class CompareChartTest {
    private static CompareChart twoVms() {
        CompareChart chart = new CompareChart("CPU", "Simulated time (s)", "CPU used (GHz)");
        chart.reset(List.of("VM1 (A)", "VM2 (A)"), List.of("VM1 (B)", "VM2 (B)"));
        return chart;
    }

    @Test
    void eachVmHasASolidLineForAAndADashedOneForBInItsColour() {
        CompareChart chart = twoVms();
        assertEquals(4, chart.seriesCount());
        assertEquals(List.of("VM1 (A)", "VM1 (B)", "VM2 (A)", "VM2 (B)"),
                List.of(chart.seriesName(0), chart.seriesName(1), chart.seriesName(2), chart.seriesName(3)));
        for (int vm = 0; vm < 2; vm++) {
            assertNull(((BasicStroke) chart.stroke(2 * vm)).getDashArray());
            assertNotNull(((BasicStroke) chart.stroke(2 * vm + 1)).getDashArray());
            // ChartStyle's Okabe–Ito VM colours, in scenario order
            assertEquals(ChartStyle.vmColour(vm), chart.paint(2 * vm));
            assertEquals(ChartStyle.vmColour(vm), chart.paint(2 * vm + 1));
        }
    }

    @Test
    void pointsGoToBothRunsAndTheCsvHasAColumnPerLine() {
        CompareChart chart = twoVms();
        chart.append(new double[] {0.1, 0.2}, new double[][] {{4, 8}, {4, 8}}, new double[][] {{3, 12}, {3, 12}});
        assertEquals(2, chart.pointCount(3));
        assertEquals(12.0, chart.value(3, 1));
        assertEquals(8.0, chart.value(2, 1));
        String csv = ChartExport.csv(chart.chart());
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length, csv); // a header and one row per time (ChartExport.csv)
        assertTrue(lines[0].contains("VM2 (B)"), lines[0]);
        assertTrue(lines[0].startsWith("Simulated time (s)"), lines[0]);
        chart.clear();
        assertEquals(0, chart.pointCount(0));
        assertEquals(4, chart.seriesCount());
    }

    @Test
    void twoVmsOfOneNameStillGetTwoLines() {
        CompareChart chart = new CompareChart("CPU", "s", "GHz");
        chart.reset(List.of("web (A)", "web (A)"), List.of("web (B)", "web (B)"));
        assertEquals(4, chart.seriesCount());
        assertEquals("web (A) 2", chart.seriesName(2));
    }
}
