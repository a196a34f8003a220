package org.virtlab.experiment;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.virtlab.charts.ChartExport;

/**
 * A sweep's table as CSV (RFC 4180, CRLF line ends): a header naming the parameter's and the metric's pointers,
 * then one row per value, in plain decimal notation whatever the locale.
 */
public final class SweepCsv {
    private SweepCsv() {
    }

    public static String csv(String param, String metric, List<SweepPoint> points) {
        StringBuilder out = new StringBuilder();
        out.append(field(param)).append(',').append(field(metric)).append("\r\n");
        for (SweepPoint p : points) {
            out.append(p.value().toPlainString()).append(',').append(plain(p.metric())).append("\r\n");
        }
        return out.toString();
    }

    /** Writes the CSV to a temporary file beside {@code target}, then moves it over {@code target}. */
    public static void write(Path target, String param, String metric, List<SweepPoint> points) throws IOException {
        ChartExport.text(csv(param, metric, points), target);
    }

    /** A number as the summary holds it, without exponent or trailing zeros: 6, 2.949204. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String field(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
