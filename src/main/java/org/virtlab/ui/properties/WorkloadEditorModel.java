package org.virtlab.ui.properties;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;
import org.virtlab.engine.cpu.SetWorkload;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing a VM's workload (the CPU demand of its guest) while the simulation runs. The kind picks which
 * fields apply; each field is text as typed. {@link #commit()} checks the fields of the current kind
 * against the ranges of its {@link Workload} record and, only when all are valid, hands the new workload
 * to the editor (the running simulation takes it at the next tick). Choosing another kind fills its fields
 * from the current values (Constant 70 becomes Bursty 70 / 10 %, 800 / 1200 ms) and commits.
 *
 * <p>A trace (a replay of sampled CPU use) comes only from a scenario file: it is shown read-only, in
 * words, and the user may switch to another kind (filled from the trace's lowest and highest values) or
 * back to that same trace, but cannot make one here.
 */
public final class WorkloadEditorModel {
    /** The kinds of {@link Workload}, in menu order. */
    public enum Kind { IDLE, CONSTANT, BURSTY, PERIODIC, RAMP, TRACE }

    /** The kinds the editor can make from the values in its fields: all but a trace. */
    static final List<Kind> MADE_HERE = List.of(Kind.IDLE, Kind.CONSTANT, Kind.BURSTY, Kind.PERIODIC, Kind.RAMP);

    /** Workload.Bursty: meanOnMillis and meanOffMillis 1–3 600 000. */
    static final long MAX_MEAN_MILLIS = Workload.MAX_MEAN_MILLIS;
    /** Workload.Periodic periodMillis and Workload.Ramp durationMillis: 1–86 400 000. */
    static final long MAX_SPAN_MILLIS = Workload.MAX_SPAN_MILLIS;
    /** The course's idle VM: "under 5 %". */
    static final double IDLE_PERCENT = 5;
    /** What a guest leaving Idle turns to: the default lesson's database. */
    static final double BUSY_PERCENT = 70;
    /** The quiet level under a burst: the default lesson's web server. */
    static final double QUIET_PERCENT = 10;
    /** Burst and spell lengths of the default lesson's web server. */
    static final long MEAN_ON_MILLIS = 800;
    static final long MEAN_OFF_MILLIS = 1_200;
    /** The default lesson's batch jobs rise and fall every 20 s. */
    static final long PERIOD_MILLIS = 20_000;
    static final long RAMP_MILLIS = 30_000;

    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String vmId;
    private Workload shown;
    /** The VM's trace when the editor opened on one (the only trace it can give back), else null. */
    private final Workload.Trace trace;
    private final List<Kind> kinds;
    private final String traceSummary;

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>();
    private final NumberField percent = new NumberField("workload.percent");
    private final NumberField onPercent = new NumberField("workload.onPercent");
    private final NumberField offPercent = new NumberField("workload.offPercent");
    private final NumberField meanOnMillis = new NumberField("workload.meanOnMillis");
    private final NumberField meanOffMillis = new NumberField("workload.meanOffMillis");
    private final NumberField minPercent = new NumberField("workload.minPercent");
    private final NumberField maxPercent = new NumberField("workload.maxPercent");
    private final NumberField periodMillis = new NumberField("workload.periodMillis");
    private final NumberField fromPercent = new NumberField("workload.fromPercent");
    private final NumberField toPercent = new NumberField("workload.toPercent");
    private final NumberField durationMillis = new NumberField("workload.durationMillis");
    private final List<NumberField> all = List.of(percent, onPercent, offPercent, meanOnMillis, meanOffMillis,
            minPercent, maxPercent, periodMillis, fromPercent, toPercent, durationMillis);
    private final ObservableObjectValue<List<NumberField>> fields;

    public WorkloadEditorModel(I18n i18n, ScenarioEditor editor, VmSpec vm) {
        this.i18n = i18n;
        this.editor = editor;
        this.vmId = vm.id();
        this.shown = vm.workload();
        this.trace = vm.workload() instanceof Workload.Trace t ? t : null;
        this.kinds = trace == null ? MADE_HERE : List.of(Kind.values());
        this.traceSummary = trace == null ? "" : describeTrace(i18n, trace);
        fill(vm.workload());
        fields = Bindings.createObjectBinding(() -> kind.get() == null ? List.of() : fieldsOf(kind.get()), kind);
        kind.addListener((obs, was, now) -> {
            if (was != null && now != null) {
                if (now != Kind.TRACE) {
                    fill(convert(read(was).orElse(shown), now));
                }
                all.forEach(NumberField::clearError);
                commit();
            }
        });
    }

    /** The kinds to choose from: a trace only when the VM had one as the editor opened. */
    public List<Kind> kinds() {
        return kinds;
    }

    /** The VM's trace in words ("Trace: 12 points, loops, from traces/web.csv"); empty if it had none. */
    public String traceSummary() {
        return traceSummary;
    }

    /** A trace in words, as the editor and the property rows show it. */
    static String describeTrace(I18n i18n, Workload.Trace t) {
        String after = i18n.get(t.loop() ? "workload.trace.loops" : "workload.trace.holds");
        return t.source() == null
                ? i18n.format("workload.trace.describe", t.points().size(), after)
                : i18n.format("workload.trace.describeFile", t.points().size(), after, t.source());
    }

    /** The kind; setting another one fills its fields from the current values and commits. */
    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The fields of the current kind, in form order. */
    public ObservableObjectValue<List<NumberField>> fields() {
        return fields;
    }

    public String kindLabel(Kind k) {
        return i18n.get("workload." + k.name().toLowerCase(Locale.ROOT));
    }

    public NumberField percent() {
        return percent;
    }

    public NumberField onPercent() {
        return onPercent;
    }

    public NumberField offPercent() {
        return offPercent;
    }

    public NumberField meanOnMillis() {
        return meanOnMillis;
    }

    public NumberField meanOffMillis() {
        return meanOffMillis;
    }

    public NumberField minPercent() {
        return minPercent;
    }

    public NumberField maxPercent() {
        return maxPercent;
    }

    public NumberField periodMillis() {
        return periodMillis;
    }

    public NumberField fromPercent() {
        return fromPercent;
    }

    public NumberField toPercent() {
        return toPercent;
    }

    public NumberField durationMillis() {
        return durationMillis;
    }

    /**
     * Validates the fields of the current kind; if all are valid and the workload changed, applies it.
     * Returns whether the fields were valid.
     */
    public boolean commit() {
        if (kind.get() == null) { // a combo box cleared by code; nothing to apply
            return false;
        }
        Optional<Workload> w = read(kind.get());
        if (w.isEmpty()) {
            return false;
        }
        shown = w.get(); // before apply: the property panel asks isFor() while it refreshes
        VmSpec vm = editor.scenario().vm(vmId).orElseThrow();
        if (!w.get().equals(vm.workload())) {
            editor.apply(editor.scenario().withVm(vm.withWorkload(w.get())), new SetWorkload(vmId, w.get()));
        }
        return true;
    }

    /** True when this editor edits that VM and shows its workload as it stands: the panel keeps it. */
    boolean isFor(VmSpec vm) {
        return vm.id().equals(vmId) && vm.workload().equals(shown);
    }

    private List<NumberField> fieldsOf(Kind k) {
        return switch (k) {
            case IDLE, CONSTANT -> List.of(percent);
            case BURSTY -> List.of(onPercent, offPercent, meanOnMillis, meanOffMillis);
            case PERIODIC -> List.of(minPercent, maxPercent, periodMillis);
            case RAMP -> List.of(fromPercent, toPercent, durationMillis);
            case TRACE -> List.of();
        };
    }

    /** The workload the fields of kind {@code k} describe, or empty with a message under each wrong field. */
    private Optional<Workload> read(Kind k) {
        all.forEach(NumberField::clearError);
        switch (k) {
            case IDLE, CONSTANT -> {
                Optional<Double> p = percent(percent);
                return p.map(v -> k == Kind.IDLE ? new Workload.Idle(v) : new Workload.Constant(v));
            }
            case BURSTY -> {
                Optional<Double> on = percent(onPercent);
                Optional<Double> off = percent(offPercent);
                Optional<Long> meanOn = meanOnMillis.whole(i18n, 1, MAX_MEAN_MILLIS);
                Optional<Long> meanOff = meanOffMillis.whole(i18n, 1, MAX_MEAN_MILLIS);
                if (on.isEmpty() || off.isEmpty() || meanOn.isEmpty() || meanOff.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Workload.Bursty(on.get(), off.get(), meanOn.get(), meanOff.get()));
            }
            case PERIODIC -> {
                Optional<Double> min = percent(minPercent);
                // Workload.Periodic: maxPercent in [minPercent, 100]
                Optional<Double> max = maxPercent.decimal(i18n, min.orElse(0.0), 100);
                Optional<Long> period = periodMillis.whole(i18n, 1, MAX_SPAN_MILLIS);
                if (min.isEmpty() || max.isEmpty() || period.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Workload.Periodic(min.get(), max.get(), period.get()));
            }
            case TRACE -> {
                return Optional.ofNullable(trace);
            }
            default -> {
                Optional<Double> from = percent(fromPercent);
                Optional<Double> to = percent(toPercent);
                Optional<Long> duration = durationMillis.whole(i18n, 1, MAX_SPAN_MILLIS);
                if (from.isEmpty() || to.isEmpty() || duration.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Workload.Ramp(from.get(), to.get(), duration.get()));
            }
        }
    }

    private Optional<Double> percent(NumberField f) {
        return f.decimal(i18n, 0, 100);
    }

    /** Sets the fields of {@code w}'s kind from it, and the kind itself when there is none yet (no commit). */
    private void fill(Workload w) {
        if (w instanceof Workload.Idle i) {
            percent.set(i.percent());
        } else if (w instanceof Workload.Constant c) {
            percent.set(c.percent());
        } else if (w instanceof Workload.Bursty b) {
            onPercent.set(b.onPercent());
            offPercent.set(b.offPercent());
            meanOnMillis.set(b.meanOnMillis());
            meanOffMillis.set(b.meanOffMillis());
        } else if (w instanceof Workload.Periodic p) {
            minPercent.set(p.minPercent());
            maxPercent.set(p.maxPercent());
            periodMillis.set(p.periodMillis());
        } else if (w instanceof Workload.Ramp r) {
            fromPercent.set(r.fromPercent());
            toPercent.set(r.toPercent());
            durationMillis.set(r.durationMillis());
        }
        if (kind.get() == null) {
            kind.set(kindOf(w));
        }
    }

    static Kind kindOf(Workload w) {
        if (w instanceof Workload.Idle) {
            return Kind.IDLE;
        }
        if (w instanceof Workload.Constant) {
            return Kind.CONSTANT;
        }
        if (w instanceof Workload.Bursty) {
            return Kind.BURSTY;
        }
        if (w instanceof Workload.Trace) {
            return Kind.TRACE;
        }
        return w instanceof Workload.Periodic ? Kind.PERIODIC : Kind.RAMP;
    }

    /**
     * A workload of kind {@code to} that keeps what it can of {@code from}: its high level (burst, maximum,
     * constant load), its low level (quiet spell, minimum) and its time span (period, ramp duration, a
     * trace's round). A trace's levels are its highest and lowest points.
     *
     * @throws IllegalArgumentException if {@code to} is {@link Kind#TRACE}: traces are not made here
     */
    static Workload convert(Workload from, Kind to) {
        double high;
        double low;
        long span = 0;
        if (from instanceof Workload.Idle i) {
            high = Math.max(i.percent(), BUSY_PERCENT);
            low = i.percent();
        } else if (from instanceof Workload.Constant c) {
            high = c.percent();
            low = Math.min(c.percent(), QUIET_PERCENT);
        } else if (from instanceof Workload.Bursty b) {
            high = Math.max(b.onPercent(), b.offPercent());
            low = Math.min(b.onPercent(), b.offPercent());
        } else if (from instanceof Workload.Periodic p) {
            high = p.maxPercent();
            low = p.minPercent();
            span = p.periodMillis();
        } else if (from instanceof Workload.Trace t) {
            high = t.points().stream().mapToDouble(Workload.Trace.Point::percent).max().orElseThrow();
            low = t.points().stream().mapToDouble(Workload.Trace.Point::percent).min().orElseThrow();
            span = t.points().size() > 1 ? Math.min(t.periodMillis(), MAX_SPAN_MILLIS) : 0;
        } else {
            Workload.Ramp r = (Workload.Ramp) from;
            high = Math.max(r.fromPercent(), r.toPercent());
            low = Math.min(r.fromPercent(), r.toPercent());
            span = r.durationMillis();
        }
        return switch (to) {
            case IDLE -> new Workload.Idle(Math.min(low, IDLE_PERCENT));
            case CONSTANT -> new Workload.Constant(high);
            case BURSTY -> new Workload.Bursty(high, low, MEAN_ON_MILLIS, MEAN_OFF_MILLIS);
            case PERIODIC -> new Workload.Periodic(low, high, span > 0 ? span : PERIOD_MILLIS);
            case RAMP -> new Workload.Ramp(low, high, span > 0 ? span : RAMP_MILLIS);
            case TRACE -> throw new IllegalArgumentException("a trace is read from a scenario file, not made here");
        };
    }
}
