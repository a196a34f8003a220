package org.virtlab.charts;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes charts to files for handouts: PNG at a scale (1×, 2×, 4× for print), SVG (JFreeSVG, text kept
 * as text so titles stay searchable), and the data behind the chart as CSV. Every file is written to a
 * temporary file beside the target and then moved over it, so a failed export never leaves a half file.
 */
public final class ChartExport {
    private ChartExport() {
    }

    /** The chart drawn at {@code width × height} layout pixels, rendered at {@code scale} device pixels each. */
    public static BufferedImage image(JFreeChart chart, int width, int height, int scale) {
        if (width <= 0 || height <= 0 || scale < 1) {
            throw new IllegalArgumentException("size " + width + "×" + height + " at scale " + scale);
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.transform(AffineTransform.getScaleInstance(scale, scale));
            chart.draw(g, new Rectangle(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void png(JFreeChart chart, Path target, int width, int height) throws IOException {
        png(chart, target, width, height, 1);
    }

    /** A PNG of {@code width·scale × height·scale} pixels: the same layout, sharper for print. */
    public static void png(JFreeChart chart, Path target, int width, int height, int scale) throws IOException {
        png(image(chart, width, height, scale), target);
    }

    /** An image drawn already (a chart rendered earlier, a snapshot of a view) as a PNG file. */
    public static void png(BufferedImage image, Path target) throws IOException {
        atomically(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /** The chart as an SVG document of {@code width × height}. */
    public static String svgDocument(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    public static void svg(JFreeChart chart, Path target, int width, int height) throws IOException {
        text(svgDocument(chart, width, height), target);
    }

    /** A document made earlier ({@link #svgDocument}, {@link #csv(JFreeChart)}) written as UTF-8. */
    public static void text(String document, Path target) throws IOException {
        atomically(target, out -> out.write(document.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The chart's data as CSV: for XY plots, a first column of x values (headed by the domain axis label,
     * which carries the unit) and one column per series (headed "series (range axis label)"), one row per
     * distinct x, empty where a series has no value there; combined plots put each subplot's series side by
     * side. For category plots, one row per category and one column per series. Numbers in plain notation
     * with a dot decimal separator, whatever the locale; lines end with CRLF (RFC 4180).
     */
    public static String csv(JFreeChart chart) {
        Plot plot = chart.getPlot();
        if (plot instanceof CategoryPlot category) {
            return categoryCsv(category);
        }
        List<XYPlot> plots = new ArrayList<>();
        if (plot instanceof CombinedDomainXYPlot combined) {
            plots.addAll(combined.getSubplots());
        } else if (plot instanceof CombinedRangeXYPlot combined) {
            plots.addAll(combined.getSubplots());
        } else if (plot instanceof XYPlot xy) {
            plots.add(xy);
        } else {
            throw new IllegalArgumentException("no CSV for a " + plot.getPlotType());
        }
        return xyCsv(plots, plots.size() > 1);
    }

    public static void csv(JFreeChart chart, Path target) throws IOException {
        text(csv(chart), target);
    }

    private static String xyCsv(List<XYPlot> plots, boolean prefixSubplot) {
        List<String> headers = new ArrayList<>();
        List<TreeMap<Double, Double>> columns = new ArrayList<>();
        TreeMap<Double, Boolean> xs = new TreeMap<>();
        String domain = null;
        for (XYPlot p : plots) {
            String subplot = label(p.getDomainAxis());
            if (domain == null) {
                domain = subplot;
            }
            for (int d = 0; d < p.getDatasetCount(); d++) {
                XYDataset data = p.getDataset(d);
                if (data == null) {
                    continue;
                }
                ValueAxis range = p.getRangeAxisForDataset(d);
                String unit = label(range);
                for (int s = 0; s < data.getSeriesCount(); s++) {
                    String name = String.valueOf(data.getSeriesKey(s));
                    if (prefixSubplot) {
                        name = subplot + ": " + name;
                    }
                    headers.add(unit.isEmpty() ? name : name + " (" + unit + ")");
                    TreeMap<Double, Double> column = new TreeMap<>();
                    for (int i = 0; i < data.getItemCount(s); i++) {
                        double x = data.getXValue(s, i);
                        // a stacked layer's own value, not the running sum the renderer draws
                        column.put(x, data instanceof SlidingTableDataset t ? t.ownValue(s, i) : data.getYValue(s, i));
                        xs.put(x, Boolean.TRUE);
                    }
                    columns.add(column);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(field(domain == null ? "x" : domain));
        for (String h : headers) {
            out.append(',').append(field(h));
        }
        out.append("\r\n");
        for (Double x : xs.keySet()) {
            out.append(number(x));
            for (TreeMap<Double, Double> column : columns) {
                out.append(',');
                Double y = column.get(x);
                if (y != null && !y.isNaN()) {
                    out.append(number(y));
                }
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String categoryCsv(CategoryPlot plot) {
        StringBuilder out = new StringBuilder();
        String categoryLabel = plot.getDomainAxis() == null || plot.getDomainAxis().getLabel() == null
                ? "" : plot.getDomainAxis().getLabel();
        List<CategoryDataset> datasets = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) != null) {
                datasets.add(plot.getDataset(d));
                units.add(label(plot.getRangeAxisForDataset(d)));
            }
        }
        out.append(field(categoryLabel));
        for (int d = 0; d < datasets.size(); d++) {
            for (Object key : datasets.get(d).getRowKeys()) {
                String unit = units.get(d);
                out.append(',').append(field(unit.isEmpty() ? String.valueOf(key) : key + " (" + unit + ")"));
            }
        }
        out.append("\r\n");
        CategoryDataset first = datasets.isEmpty() ? null : datasets.get(0);
        if (first != null) {
            for (Object column : first.getColumnKeys()) {
                out.append(field(String.valueOf(column)));
                for (CategoryDataset data : datasets) {
                    for (Object row : data.getRowKeys()) {
                        out.append(',');
                        Number v = data.getColumnIndex((Comparable<?>) column) < 0
                                ? null : data.getValue((Comparable<?>) row, (Comparable<?>) column);
                        if (v != null) {
                            out.append(number(v.doubleValue()));
                        }
                    }
                }
                out.append("\r\n");
            }
        }
        return out.toString();
    }

    private static String label(ValueAxis axis) {
        return axis == null || axis.getLabel() == null ? "" : axis.getLabel();
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(10)).stripTrailingZeros()
                .toPlainString();
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void atomically(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String name = target.getFileName().toString();
        // Not Files.createTempFile: its file is private (rw-------) and the move would hand that on to the export,
        // which a teacher means to share. CREATE_NEW gives what any new file here gets (the user's umask).
        Path tmp = dir.resolve(".virtlab-" + UUID.randomUUID() + "-" + name.toLowerCase(Locale.ROOT) + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writer.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
