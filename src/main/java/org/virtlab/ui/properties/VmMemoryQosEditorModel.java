package org.virtlab.ui.properties;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.memory.host.MemoryQos;
import org.virtlab.engine.memory.host.SetMemoryQos;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing a VM's memory shares, limit and reservation (vSphere's memory QoS, virtualization.md §2). The
 * shares presets count per MiB configured (Low 5, Normal 10, High 20, {@link MemoryQos}); a custom value is
 * the VM's total, {@value Shares#MIN_CUSTOM}–{@value Shares#MAX_CUSTOM}. The reservation is 0 to the VM's memory;
 * the limit, empty for none, is at least the reservation (and 1) and at most the VM's memory: a limit above what
 * the VM has would never bite. {@link #commit()} checks every field and, only when all are valid, hands the new
 * QoS to the editor with {@link SetMemoryQos}: the running simulation takes it at the next tick.
 */
public final class VmMemoryQosEditorModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String vmId;
    private final long memoryMib;
    /** The QoS this editor last saw applied: while the VM still has it, the editor stays (and keeps focus). */
    private MemoryQos applied;

    private final ObjectProperty<Shares.Level> level = new SimpleObjectProperty<>();
    private final NumberField customShares = new NumberField("memQos.custom");
    private final NumberField limit = new NumberField("memQos.limit");
    private final NumberField reservation = new NumberField("memQos.reservation");
    private final ReadOnlyBooleanWrapper customVisible = new ReadOnlyBooleanWrapper();
    private final StringBinding result;

    public VmMemoryQosEditorModel(I18n i18n, ScenarioEditor editor, VmSpec vm) {
        this.i18n = i18n;
        this.editor = editor;
        this.vmId = vm.id();
        this.memoryMib = vm.memoryMib();
        MemoryQos qos = vm.memoryQos();
        applied = qos;
        level.set(qos.shares().level());
        customShares.set(qos.sharesTotal(memoryMib));
        limit.textProperty().set(qos.limited() ? Long.toString(qos.limitMib()) : "");
        reservation.set(qos.reservationMib());
        customVisible.bind(level.isEqualTo(Shares.Level.CUSTOM));
        result = Bindings.createStringBinding(this::describeShares, level, customShares.textProperty());
    }

    /** Whether this editor still shows {@code vm} as it is (so the panel can keep it, and its focus). */
    boolean isFor(VmSpec vm) {
        return vm.id().equals(vmId) && vm.memoryMib() == memoryMib && vm.memoryQos().equals(applied);
    }

    public ObjectProperty<Shares.Level> levelProperty() {
        return level;
    }

    public NumberField customShares() {
        return customShares;
    }

    public NumberField limit() {
        return limit;
    }

    public NumberField reservation() {
        return reservation;
    }

    public ReadOnlyBooleanProperty customVisibleProperty() {
        return customVisible.getReadOnlyProperty();
    }

    /** The VM's shares as chosen, worked out: "20,480 shares = 10 per MiB × 2048 MiB"; empty while not a number. */
    public StringBinding resultProperty() {
        return result;
    }

    /** "Normal (10 per MiB)". */
    public String levelLabel(Shares.Level l) {
        return levelLabel(i18n, l);
    }

    /** "Normal (10 per MiB)", also for the panel's rows. */
    static String levelLabel(I18n i18n, Shares.Level l) {
        return switch (l) {
            case LOW -> i18n.format("memQos.shares.low", Integer.toString(MemoryQos.LOW_PER_MIB));
            case NORMAL -> i18n.format("memQos.shares.normal", Integer.toString(MemoryQos.NORMAL_PER_MIB));
            case HIGH -> i18n.format("memQos.shares.high", Integer.toString(MemoryQos.HIGH_PER_MIB));
            case CUSTOM -> i18n.get("memQos.shares.custom");
        };
    }

    /** What the level gives this VM: "20,480 shares for its 2048 MiB", or what a custom value is. */
    public String levelExplanation(Shares.Level l) {
        if (l == Shares.Level.CUSTOM) {
            return i18n.format("memQos.shares.custom.help", Integer.toString(Shares.MIN_CUSTOM),
                Integer.toString(Shares.MAX_CUSTOM));
        }
        return i18n.format("memQos.shares.preset.help", grouped(preset(l).sharesTotal(memoryMib)),
                Long.toString(memoryMib));
    }

    /** Validates every field; if all are valid and something changed, applies the new QoS. */
    public boolean commit() {
        Optional<Shares> shares = parseShares();
        Optional<Long> reserved = reservation.whole(i18n, 0, memoryMib);
        long minLimit = Math.max(1, reserved.orElse(0L));
        limit.clearError();
        Optional<Long> limited = limit.blank() ? Optional.of(MemoryQos.NO_LIMIT)
                : limit.whole(i18n, minLimit, memoryMib, "qos.error.numberOrEmpty");
        if (shares.isEmpty() || reserved.isEmpty() || limited.isEmpty()) {
            return false;
        }
        MemoryQos qos = new MemoryQos(shares.get(), limited.get(), reserved.get());
        VmSpec vm = editor.scenario().vm(vmId).orElseThrow();
        if (!qos.equals(vm.memoryQos())) {
            applied = qos;
            editor.apply(editor.scenario().withVm(vm.withMemoryQos(qos)), new SetMemoryQos(vmId, qos));
        }
        return true;
    }

    private Optional<Shares> parseShares() {
        customShares.clearError();
        if (level.get() != Shares.Level.CUSTOM) {
            return Optional.of(preset(level.get()).shares());
        }
        return customShares.whole(i18n, Shares.MIN_CUSTOM, Shares.MAX_CUSTOM).map(v -> Shares.custom(v.intValue()));
    }

    private static MemoryQos preset(Shares.Level l) {
        Shares s = switch (l) {
            case LOW -> Shares.LOW;
            case HIGH -> Shares.HIGH;
            default -> Shares.NORMAL;
        };
        return new MemoryQos(s, MemoryQos.NO_LIMIT, 0);
    }

    /** "20,480": a total of shares can run to eight digits (20 per MiB of a 4 TiB guest). */
    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private String describeShares() {
        Shares.Level l = level.get();
        if (l == null) {
            return "";
        }
        if (l != Shares.Level.CUSTOM) {
            long perMib = preset(l).sharesTotal(1);
            return i18n.format("memQos.result.preset", grouped(preset(l).sharesTotal(memoryMib)),
                    Long.toString(perMib), Long.toString(memoryMib));
        }
        Optional<Double> typed = customShares.typed();
        if (typed.isEmpty() || typed.get() < Shares.MIN_CUSTOM || typed.get() > Shares.MAX_CUSTOM
                || typed.get() != Math.rint(typed.get())) {
            return "";
        }
        String perMib = String.format(Locale.ROOT, "%.2f", typed.get() / memoryMib);
        return i18n.format("memQos.result.custom", grouped(typed.get().longValue()), perMib,
                Long.toString(memoryMib));
    }
}
