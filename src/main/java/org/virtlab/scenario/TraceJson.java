package org.virtlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.cpu.Workload.Trace.Point;

/**
 * The {@code trace} workload in a file: {@code {"kind": "trace", "csv": "traces/web.csv", "loop": true}},
 * the CSV's path relative to the scenario file's folder, or the points inline,
 * {@code {"kind": "trace", "points": [[0, 10], [500, 80]], "loop": false}}. {@code loop} is optional
 * (false).
 */
final class TraceJson {
    static final List<String> FIELDS = List.of("kind", "csv", "points", "loop");

    private TraceJson() {
    }

    /** Reads a trace; returns how to build it, or {@code null} if something is wrong (reported). */
    static Supplier<Workload> read(JsonObject json, TraceFiles files) {
        json.allowOnly(FIELDS);
        int before = json.problems().count();
        Boolean loop = json.bool("loop", false);
        boolean hasCsv = json.optional("csv") != null;
        boolean hasPoints = json.optional("points") != null;
        List<Point> points = null;
        String source = null;
        if (hasCsv && hasPoints) {
            json.problems().addAtName(json.pointer("points"), "trace.bothSources");
        } else if (hasCsv) {
            source = json.string("csv", true);
            points = source == null ? null : csv(json, source, files);
        } else if (hasPoints) {
            points = inline(json);
        } else {
            json.problems().add(json.pointer(), "trace.noSource");
        }
        if (json.problems().count() != before) {
            return null;
        }
        List<Point> checked = points;
        String from = source;
        return () -> new Workload.Trace(checked, loop, from);
    }

    private static List<Point> csv(JsonObject json, String path, TraceFiles files) {
        String at = json.pointer("csv");
        Problems problems = json.problems();
        String shown = Json.escape(path);
        if (path.isBlank() || path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            problems.add(at, "csv.path", shown);
            return null;
        }
        if (files == null) {
            problems.add(at, "csv.noFolder", shown);
            return null;
        }
        byte[] bytes;
        try (InputStream in = files.open(path)) {
            if (in == null) {
                problems.add(at, "csv.notFound", shown);
                return null;
            }
            bytes = in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problems.add(at, "csv.cannotRead", shown, reason.strip());
            return null;
        }
        return TraceCsv.parse(new String(bytes, StandardCharsets.UTF_8), shown, at, problems);
    }

    private static List<Point> inline(JsonObject json) {
        Problems problems = json.problems();
        List<JsonObject.Element> elements = json.array("points");
        if (elements == null) {
            return null;
        }
        if (elements.isEmpty()) {
            problems.add(json.pointer("points"), "trace.empty");
            return null;
        }
        if (elements.size() > Workload.MAX_TRACE_POINTS) {
            problems.add(json.pointer("points"), "trace.tooMany", Workload.MAX_TRACE_POINTS, elements.size());
            return null;
        }
        int before = problems.count();
        List<Point> points = new ArrayList<>(elements.size());
        Long previous = null;
        for (JsonObject.Element e : elements) {
            JsonNode pair = e.node();
            if (!pair.isArray() || pair.size() != 2) {
                problems.add(e.pointer(), "trace.point", Json.show(pair));
                continue;
            }
            String timeAt = Json.child(e.pointer(), 0);
            Long atMillis = json.integerValue(pair.get(0), timeAt, 0, Workload.MAX_SPAN_MILLIS, "ms");
            Double percent = json.percentValue(pair.get(1), Json.child(e.pointer(), 1),
                    Workload.MIN_PERCENT, Workload.MAX_PERCENT);
            if (atMillis == null) {
                continue;
            }
            if (previous == null && points.isEmpty() && atMillis != 0) {
                problems.add(timeAt, "trace.firstNotZero", atMillis);
            } else if (previous != null && atMillis <= previous) {
                problems.add(timeAt, "trace.notIncreasing", previous, atMillis);
            }
            previous = atMillis;
            if (percent != null) {
                points.add(new Point(atMillis, percent));
            }
        }
        return problems.count() == before ? points : null;
    }

    /** Writes a trace's fields after its kind: the CSV reference if it came from one, else the points. */
    static void write(Workload.Trace trace, ObjectNode out) {
        if (trace.source() != null) {
            out.put("csv", trace.source());
        } else {
            ArrayNode points = out.putArray("points");
            for (Point p : trace.points()) {
                ArrayNode pair = points.addArray();
                pair.add(p.atMillis());
                Json.addNumber(pair, p.percent());
            }
        }
        out.put("loop", trace.loop());
    }
}
