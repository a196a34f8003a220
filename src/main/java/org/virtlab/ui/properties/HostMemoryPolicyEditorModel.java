package org.virtlab.ui.properties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.SetHostMemoryPolicy;
import org.virtlab.engine.memory.host.SharingMode;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing how a host manages its memory under pressure ({@link HostMemoryPolicy}, virtualization.md §2): the
 * free-memory thresholds of its states, each {@value HostMemoryPolicy#MIN_THRESHOLD_PERCENT}–{@value
 * HostMemoryPolicy#MAX_THRESHOLD_PERCENT} % and each below the one before (high &gt; soft &gt; hard &gt; low, ESX's
 * 6 / 4 / 2 / 1 %); when its page-sharing scanner runs and how fast (KSM's {@code pages_to_scan} per
 * {@code sleep_millisecs}) and how many pages one shared frame may back; its balloon's rate and most; its swap's
 * rates; the idle memory tax τ. {@link #commit()} applies a valid policy with {@link SetHostMemoryPolicy} at the
 * next tick; a new {@code maxPageSharing}, fixed while a host runs, is one edit that restarts the simulation.
 */
public final class HostMemoryPolicyEditorModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String hostId;
    private final long memoryMib;
    private HostMemoryPolicy applied;

    private final NumberField high = new NumberField("memPolicy.high");
    private final NumberField soft = new NumberField("memPolicy.soft");
    private final NumberField hard = new NumberField("memPolicy.hard");
    private final NumberField low = new NumberField("memPolicy.low");
    private final ObjectProperty<SharingMode> sharing = new SimpleObjectProperty<>();
    private final NumberField pagesToScan = new NumberField("memPolicy.pagesToScan");
    private final NumberField sleepMillis = new NumberField("memPolicy.sleepMillis");
    private final NumberField maxPageSharing = new NumberField("memPolicy.maxPageSharing");
    private final NumberField balloonRate = new NumberField("memPolicy.balloonRate");
    private final NumberField balloonMax = new NumberField("memPolicy.balloonMax");
    private final NumberField swapOutRate = new NumberField("memPolicy.swapOutRate");
    private final NumberField swapIn = new NumberField("memPolicy.swapIn");
    private final NumberField idleTax = new NumberField("memPolicy.idleTax");
    private final StringBinding thresholdsInMib;
    private final StringBinding scanRate;
    private final StringBinding idleCost;

    public HostMemoryPolicyEditorModel(I18n i18n, ScenarioEditor editor, HostSpec host) {
        this.i18n = i18n;
        this.editor = editor;
        this.hostId = host.id();
        this.memoryMib = host.memoryMib();
        HostMemoryPolicy p = host.memoryPolicy();
        applied = p;
        high.set(p.highPercent());
        soft.set(p.softPercent());
        hard.set(p.hardPercent());
        low.set(p.lowPercent());
        sharing.set(p.sharing());
        pagesToScan.set(p.pagesToScan());
        sleepMillis.set(p.sleepMillis());
        maxPageSharing.set(p.maxPageSharing());
        balloonRate.set(p.balloonMibPerSecond());
        balloonMax.set(p.balloonMaxPercent());
        swapOutRate.set(p.swapOutMibPerSecond());
        swapIn.set(p.swapInMicros());
        idleTax.set(p.idleTaxPercent());
        thresholdsInMib = Bindings.createStringBinding(this::describeThresholds, high.textProperty(),
                soft.textProperty(), hard.textProperty(), low.textProperty());
        scanRate = Bindings.createStringBinding(this::describeScanRate, pagesToScan.textProperty(),
                sleepMillis.textProperty());
        idleCost = Bindings.createStringBinding(this::describeIdleCost, idleTax.textProperty());
    }

    /** Whether this editor still shows {@code host} as it is (so the panel keeps it, and its focus). */
    boolean isFor(HostSpec host) {
        return host.id().equals(hostId) && host.memoryMib() == memoryMib && host.memoryPolicy().equals(applied);
    }

    /** High, soft, hard, low, in form order. */
    public List<NumberField> thresholds() {
        return List.of(high, soft, hard, low);
    }

    /** Pages to scan, sleep, the most guest pages per shared frame (a restart), in form order. */
    public List<NumberField> scanner() {
        return List.of(pagesToScan, sleepMillis);
    }

    public NumberField maxPageSharing() {
        return maxPageSharing;
    }

    /** Balloon rate and most, swap-out rate, swap-in time, in form order. */
    public List<NumberField> reclamation() {
        return List.of(balloonRate, balloonMax, swapOutRate, swapIn);
    }

    public NumberField idleTax() {
        return idleTax;
    }

    /** When the scanner runs; choosing another applies the form. */
    public ObjectProperty<SharingMode> sharingProperty() {
        return sharing;
    }

    /** "Always". */
    public String sharingLabel(SharingMode m) {
        return i18n.get("memPolicy.sharing." + m.name());
    }

    /** What the mode does, one line. */
    public String sharingExplanation(SharingMode m) {
        return i18n.get("memPolicy.sharing." + m.name() + ".help");
    }

    /** The thresholds as free MiB of this host, for the values as typed; empty while one is wrong. */
    public StringBinding thresholdsProperty() {
        return thresholdsInMib;
    }

    /** "100 pages every 20 ms = 5000 pages/s (19.53 MiB/s)"; empty while one is no number in range. */
    public StringBinding scanRateProperty() {
        return scanRate;
    }

    /** "An idle page counts k = 1 / (1 − 0.75) = 4 times…"; empty while τ is no number in range. */
    public StringBinding idleCostProperty() {
        return idleCost;
    }

    /** Checks every field without applying (as the max page sharing field is left: a new value restarts). */
    public boolean check() {
        return validated().isPresent();
    }

    /**
     * Checks every field; if all are valid and something changed, applies the policy: live, or as a restart
     * when {@code maxPageSharing} is new. Returns whether the fields were valid.
     */
    public boolean commit() {
        Optional<HostMemoryPolicy> edited = validated();
        if (edited.isEmpty()) {
            return false;
        }
        Scenario s = editor.scenario();
        HostSpec host = s.host(hostId).orElseThrow();
        HostMemoryPolicy p = edited.get();
        if (p.equals(host.memoryPolicy())) {
            return true;
        }
        applied = p;
        if (p.maxPageSharing() == host.memoryPolicy().maxPageSharing()) {
            editor.apply(s.withHost(host.withMemoryPolicy(p)), new SetHostMemoryPolicy(hostId, p));
        } else {
            editor.restructure(s.withHost(host.withMemoryPolicy(p)));
        }
        return true;
    }

    private Optional<HostMemoryPolicy> validated() {
        Optional<Double> hi = threshold(high, null);
        Optional<Double> so = threshold(soft, hi.orElse(null));
        Optional<Double> ha = threshold(hard, so.orElse(null));
        Optional<Double> lo = threshold(low, ha.orElse(null));
        Optional<Long> pages = pagesToScan.whole(i18n, 1, HostMemoryPolicy.MAX_PAGES_TO_SCAN);
        Optional<Long> sleep = sleepMillis.whole(i18n, 1, HostMemoryPolicy.MAX_SLEEP_MILLIS);
        Optional<Long> maxSharing = maxPageSharing.whole(i18n, 2, HostMemoryPolicy.MAX_PAGE_SHARING);
        Optional<Double> balloon = balloonRate.decimal(i18n, 0, HostMemoryPolicy.MAX_MIB_PER_SECOND);
        Optional<Double> balloonMost = balloonMax.decimal(i18n, 0, 100);
        Optional<Double> swapOut = swapOutRate.decimal(i18n, 0, HostMemoryPolicy.MAX_MIB_PER_SECOND);
        Optional<Long> swapInMicros = swapIn.whole(i18n, 0, HostMemoryPolicy.MAX_SWAP_IN_MICROS);
        Optional<Double> tax = idleTax.decimal(i18n, 0, HostMemoryPolicy.MAX_IDLE_TAX_PERCENT);
        if (hi.isEmpty() || so.isEmpty() || ha.isEmpty() || lo.isEmpty() || sharing.get() == null || pages.isEmpty()
                || sleep.isEmpty() || maxSharing.isEmpty() || balloon.isEmpty() || balloonMost.isEmpty()
                || swapOut.isEmpty() || swapInMicros.isEmpty() || tax.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HostMemoryPolicy(hi.get(), so.get(), ha.get(), lo.get(), sharing.get(),
                pages.get().intValue(), sleep.get().intValue(), maxSharing.get().intValue(), balloon.get(),
                balloonMost.get(), swapOut.get(), swapInMicros.get(), tax.get()));
    }

    /**
     * A threshold in 0.1–50 % and below the one before it ({@code above}, null for high): the states fall as free
     * memory does. The one found out of order is the lower one, whose message names the bound.
     */
    private Optional<Double> threshold(NumberField f, Double above) {
        Optional<Double> v = f.decimal(i18n, HostMemoryPolicy.MIN_THRESHOLD_PERCENT,
                HostMemoryPolicy.MAX_THRESHOLD_PERCENT);
        if (v.isPresent() && above != null && v.get() >= above) {
            f.refuse(i18n.format("memPolicy.error.order", NumberField.format(HostMemoryPolicy.MIN_THRESHOLD_PERCENT),
                    NumberField.format(above), NumberField.format(v.get())));
            return Optional.empty();
        }
        return v;
    }

    private String describeThresholds() {
        List<Optional<Double>> typed = thresholds().stream().map(NumberField::typed)
                .map(t -> t.filter(v -> v >= HostMemoryPolicy.MIN_THRESHOLD_PERCENT
                        && v <= HostMemoryPolicy.MAX_THRESHOLD_PERCENT)).toList();
        if (typed.stream().anyMatch(Optional::isEmpty)) {
            return "";
        }
        for (int i = 1; i < typed.size(); i++) {
            if (typed.get(i).get() >= typed.get(i - 1).get()) {
                return ""; // out of order: the field's message says why
            }
        }
        Object[] mib = typed.stream().map(t -> Long.toString(Math.round(memoryMib * t.get() / 100))).toArray();
        return i18n.format("memPolicy.thresholds.mib", Long.toString(memoryMib), mib[0], mib[1], mib[2], mib[3]);
    }

    private String describeScanRate() {
        Optional<Double> pages = pagesToScan.typed().filter(v -> v >= 1 && v <= HostMemoryPolicy.MAX_PAGES_TO_SCAN);
        Optional<Double> millis = sleepMillis.typed().filter(v -> v >= 1 && v <= HostMemoryPolicy.MAX_SLEEP_MILLIS);
        if (pages.isEmpty() || millis.isEmpty()) {
            return "";
        }
        double perSecond = pages.get() * 1000 / millis.get();
        // 256 pages of 4 KiB are a MiB
        return i18n.format("memPolicy.scanRate", NumberField.format(pages.get()), NumberField.format(millis.get()),
                rounded(perSecond), rounded(perSecond / 256));
    }

    private String describeIdleCost() {
        Optional<Double> tau = idleTax.typed().filter(v -> v >= 0 && v <= HostMemoryPolicy.MAX_IDLE_TAX_PERCENT);
        if (tau.isEmpty()) {
            return "";
        }
        String fraction = rounded(tau.get() / 100);
        // Waldspurger 2002, §5.2: k = 1 / (1 − τ)
        return i18n.format(tau.get() == 0 ? "memPolicy.idleCost.off" : "memPolicy.idleCost", fraction,
                rounded(1 / (1 - tau.get() / 100)));
    }

    /** Two decimals at most: "5000", "19.53", "0.75". */
    private static String rounded(double value) {
        return NumberField.format(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue());
    }
}
