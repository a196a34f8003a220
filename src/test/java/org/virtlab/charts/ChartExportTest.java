package org.virtlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartExportTest {
    @TempDir
    Path dir;

    private static JFreeChart lines() {
        XYSeries a = new XYSeries("VM1");
        a.add(0.0, 1.5);
        a.add(0.1, 2.0);
        XYSeries b = new XYSeries("VM2, web");
        b.add(0.1, 3.0);
        b.add(0.2, 4.25);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(a);
        data.addSeries(b);
        XYPlot plot = new XYPlot(data, new NumberAxis("Simulated time (s)"), new NumberAxis("GHz"),
                new XYLineAndShapeRenderer(true, false));
        JFreeChart chart = new JFreeChart("CPU used per VM", plot);
        ChartStyle.apply(chart);
        return chart;
    }

    @Test
    void pngHasTheScaledSize() throws IOException {
        Path file = dir.resolve("cpu.png");
        ChartExport.png(lines(), file, 640, 360, 2);
        BufferedImage read = ImageIO.read(file.toFile());
        // 2× scale: 640·2 × 360·2 pixels, the same layout drawn sharper.
        assertEquals(1280, read.getWidth());
        assertEquals(720, read.getHeight());
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left beside it");
        }
    }

    @Test
    void svgParsesAsXmlAndHoldsTheTitle() throws Exception {
        Path file = dir.resolve("cpu.svg");
        ChartExport.svg(lines(), file, 640, 360);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The document names the SVG 1.1 DTD; parse offline without fetching it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(doc.getDocumentElement().getTextContent().contains("CPU used per VM"));
    }

    @Test
    void csvHasOneColumnPerSeriesAndOneRowPerX() throws IOException {
        Path file = dir.resolve("cpu.csv");
        ChartExport.csv(lines(), file);
        // RFC 4180: CRLF line ends; a header with a comma is quoted. x values 0, 0.1, 0.2 are the union of
        // both series' x values; each series is empty where it has no point.
        assertEquals("Simulated time (s),VM1 (GHz),\"VM2, web (GHz)\"\r\n"
                + "0,1.5,\r\n"
                + "0.1,2,3\r\n"
                + "0.2,,4.25\r\n", Files.readString(file));
    }

    @Test
    void anExportGetsTheUsualPermissionsOfANewFileNotATemporaryFilesPrivateOnes() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class));
        Path probe = Files.createFile(dir.resolve("probe")); // what the user's umask gives any new file here
        Path png = dir.resolve("chart.png");
        ChartExport.png(lines(), png, 320, 200, 1);
        Path csv = dir.resolve("chart.csv");
        ChartExport.csv(lines(), csv);
        // a handout shared from this folder must be readable as any file the user makes (Files.createTempFile
        // would have made them rw------- whatever the umask)
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(png));
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(csv));
        try (var left = Files.list(dir)) {
            assertEquals(3, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void categoryCsvHasOneRowPerCategory() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(5.0, "guest", "vda");
        data.addValue(12.5, "exits", "vda");
        data.addValue(7.0, "guest", "net0");
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("Device"), new NumberAxis("µs per request"),
                new BarRenderer());
        String csv = ChartExport.csv(new JFreeChart("Where the time goes", plot));
        // Rows: categories in insertion order; net0 has no "exits" value, so that cell is empty.
        assertEquals("Device,guest (µs per request),exits (µs per request)\r\n"
                + "vda,5,12.5\r\n"
                + "net0,7,\r\n", csv);
    }
}
