package org.virtlab.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.virtlab.engine.cpu.Workload;

/** The {@code workload} object of a VM: {@code kind} plus that kind's fields. */
final class WorkloadJson {
    // The ranges Workload's records check.
    static final double MIN_PERCENT = Workload.MIN_PERCENT;
    static final double MAX_PERCENT = Workload.MAX_PERCENT;
    static final long MAX_MEAN_MILLIS = Workload.MAX_MEAN_MILLIS;
    static final long MAX_SPAN_MILLIS = Workload.MAX_SPAN_MILLIS;

    /** The workload kinds as spelled in files, with their fields in file order. */
    enum Kind {
        IDLE("idle", "percent"),
        CONSTANT("constant", "percent"),
        BURSTY("bursty", "onPercent", "offPercent", "meanOnMillis", "meanOffMillis"),
        PERIODIC("periodic", "minPercent", "maxPercent", "periodMillis"),
        RAMP("ramp", "fromPercent", "toPercent", "durationMillis"),
        /** The points come from {@code csv} or {@code points}; see {@link TraceJson}. */
        TRACE("trace", "csv", "points", "loop");

        final String spelling;
        final List<String> fields;

        Kind(String spelling, String... fields) {
            this.spelling = spelling;
            this.fields = List.of(fields);
        }

        static Kind of(String spelling) {
            return Arrays.stream(values()).filter(k -> k.spelling.equals(spelling)).findFirst().orElse(null);
        }

        static String allowed() {
            return String.join(", ", Arrays.stream(values()).map(k -> k.spelling).toList());
        }
    }

    private WorkloadJson() {
    }

    /**
     * Reads a workload; returns how to build it, or {@code null} if something is wrong (reported).
     * {@code files} opens a trace's CSV file; {@code null} if the scenario has no folder to look in.
     */
    static Supplier<Workload> read(JsonObject json, TraceFiles files) {
        String spelling = json.string("kind", true);
        if (spelling == null) {
            return null;
        }
        Kind kind = Kind.of(spelling);
        if (kind == null) {
            json.problems().add(json.pointer("kind"), "workload.unknownKind", Json.escape(spelling), Kind.allowed());
            return null;
        }
        if (kind == Kind.TRACE) {
            return TraceJson.read(json, files);
        }
        List<String> allowed = new ArrayList<>(List.of("kind"));
        allowed.addAll(kind.fields);
        json.allowOnly(allowed);
        int before = json.problems().count();
        Supplier<Workload> build = switch (kind) {
            case IDLE -> {
                Double percent = percent(json, "percent");
                yield () -> new Workload.Idle(percent);
            }
            case CONSTANT -> {
                Double percent = percent(json, "percent");
                yield () -> new Workload.Constant(percent);
            }
            case BURSTY -> {
                Double on = percent(json, "onPercent");
                Double off = percent(json, "offPercent");
                Long meanOn = json.integer("meanOnMillis", 1, MAX_MEAN_MILLIS, "ms");
                Long meanOff = json.integer("meanOffMillis", 1, MAX_MEAN_MILLIS, "ms");
                yield () -> new Workload.Bursty(on, off, meanOn, meanOff);
            }
            case PERIODIC -> {
                Double min = percent(json, "minPercent");
                Double max = percent(json, "maxPercent");
                Long period = json.integer("periodMillis", 1, MAX_SPAN_MILLIS, "ms");
                if (min != null && max != null && min > max) {
                    json.problems().add(json.pointer("maxPercent"), "workload.maxBelowMin", min, max);
                }
                yield () -> new Workload.Periodic(min, max, period);
            }
            case RAMP -> {
                Double from = percent(json, "fromPercent");
                Double to = percent(json, "toPercent");
                Long duration = json.integer("durationMillis", 1, MAX_SPAN_MILLIS, "ms");
                yield () -> new Workload.Ramp(from, to, duration);
            }
            case TRACE -> throw new AssertionError("read by TraceJson");
        };
        return json.problems().count() == before ? build : null;
    }

    private static Double percent(JsonObject json, String field) {
        return json.percent(field, MIN_PERCENT, MAX_PERCENT);
    }

    /** Writes a workload's fields into {@code out}, kind first. */
    static void write(Workload workload, ObjectNode out) {
        if (workload instanceof Workload.Idle w) {
            out.put("kind", Kind.IDLE.spelling);
            Json.putNumber(out, "percent", w.percent());
        } else if (workload instanceof Workload.Constant w) {
            out.put("kind", Kind.CONSTANT.spelling);
            Json.putNumber(out, "percent", w.percent());
        } else if (workload instanceof Workload.Bursty w) {
            out.put("kind", Kind.BURSTY.spelling);
            Json.putNumber(out, "onPercent", w.onPercent());
            Json.putNumber(out, "offPercent", w.offPercent());
            out.put("meanOnMillis", w.meanOnMillis());
            out.put("meanOffMillis", w.meanOffMillis());
        } else if (workload instanceof Workload.Periodic w) {
            out.put("kind", Kind.PERIODIC.spelling);
            Json.putNumber(out, "minPercent", w.minPercent());
            Json.putNumber(out, "maxPercent", w.maxPercent());
            out.put("periodMillis", w.periodMillis());
        } else if (workload instanceof Workload.Ramp w) {
            out.put("kind", Kind.RAMP.spelling);
            Json.putNumber(out, "fromPercent", w.fromPercent());
            Json.putNumber(out, "toPercent", w.toPercent());
            out.put("durationMillis", w.durationMillis());
        } else if (workload instanceof Workload.Trace w) {
            out.put("kind", Kind.TRACE.spelling);
            TraceJson.write(w, out);
        } else {
            throw new IllegalArgumentException("no file form for workload " + workload);
        }
    }
}
