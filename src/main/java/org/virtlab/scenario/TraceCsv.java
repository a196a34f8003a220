package org.virtlab.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.cpu.Workload.Trace.Point;

/**
 * Reads the CSV form of a trace: {@code time_ms,percent} lines, an optional header line
 * {@code time_ms,percent} first, blank lines and lines starting with {@code #} ignored. Every problem is
 * reported at the {@code csv} field with the file's name and line number; at most {@link #MAX_REPORTED}
 * of them, then how many more there were.
 */
final class TraceCsv {
    static final String HEADER = "time_ms,percent";
    static final int MAX_REPORTED = 10;

    private final String file;
    private final String pointer;
    private final Problems problems;
    private final List<Point> points = new ArrayList<>();
    private int found;
    private int lastLine;

    private TraceCsv(String file, String pointer, Problems problems) {
        this.file = file;
        this.pointer = pointer;
        this.problems = problems;
    }

    /**
     * The points of {@code text}, or {@code null} if something is wrong (reported at {@code pointer}, naming
     * {@code file}).
     */
    static List<Point> parse(String text, String file, String pointer, Problems problems) {
        TraceCsv csv = new TraceCsv(file, pointer, problems);
        csv.lines(text.startsWith("\uFEFF") ? text.substring(1) : text); // a BOM from a spreadsheet
        if (csv.found > MAX_REPORTED) {
            problems.add(pointer, "csv.more", file, csv.found - MAX_REPORTED);
        }
        return csv.found == 0 ? csv.points : null;
    }

    private void lines(String text) {
        String[] lines = text.split("\\R", -1);
        boolean first = true;
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (first && line.replace(" ", "").equalsIgnoreCase(HEADER)) {
                first = false;
                continue;
            }
            first = false;
            point(line, k + 1);
        }
        if (points.isEmpty() && found == 0) {
            problem(0, "csv.empty");
        } else if (points.size() > Workload.MAX_TRACE_POINTS) {
            problem(0, "csv.tooMany", points.size(), Workload.MAX_TRACE_POINTS);
        }
    }

    private void point(String line, int number) {
        String[] values = line.split(",", -1);
        if (values.length != 2) {
            problem(number, "csv.columns", Json.escape(line));
            return;
        }
        Long atMillis = wholeNumber(values[0].strip());
        if (atMillis == null || atMillis < 0 || atMillis > Workload.MAX_SPAN_MILLIS) {
            problem(number, "csv.time", Workload.MAX_SPAN_MILLIS, Json.escape(values[0].strip()));
            return;
        }
        BigDecimal percent = decimal(values[1].strip());
        if (percent == null || percent.compareTo(BigDecimal.valueOf(Workload.MIN_PERCENT)) < 0
                || percent.compareTo(BigDecimal.valueOf(Workload.MAX_PERCENT)) > 0) {
            problem(number, "csv.percent", Workload.MIN_PERCENT, Workload.MAX_PERCENT,
                    Json.escape(values[1].strip()));
            return;
        }
        if (points.isEmpty() && found == 0 && atMillis != 0) {
            problem(number, "csv.firstNotZero", atMillis);
            return;
        }
        if (!points.isEmpty() && atMillis <= points.get(points.size() - 1).atMillis()) {
            problem(number, "csv.notIncreasing", atMillis, points.get(points.size() - 1).atMillis(), lastLine);
            return;
        }
        points.add(new Point(atMillis, percent.doubleValue()));
        lastLine = number;
    }

    /** A problem at line {@code number} (0: the file as a whole). */
    private void problem(int number, String key, Object... args) {
        found++;
        if (found > MAX_REPORTED) {
            return;
        }
        Object[] all = new Object[args.length + (number == 0 ? 1 : 2)];
        all[0] = file;
        int at = 1;
        if (number > 0) {
            all[at++] = number;
        }
        System.arraycopy(args, 0, all, at, args.length);
        problems.add(pointer, key, all);
    }

    /** A plain decimal number such as {@code 12.5}; {@code null} for anything else (NaN, hex, "12 %"). */
    private static BigDecimal decimal(String text) {
        if (!text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
            return null;
        }
        return new BigDecimal(text);
    }

    private static Long wholeNumber(String text) {
        BigDecimal d = decimal(text);
        if (d == null) {
            return null;
        }
        d = d.stripTrailingZeros();
        if (d.scale() > 0 || d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return null;
        }
        return d.longValueExact();
    }
}
