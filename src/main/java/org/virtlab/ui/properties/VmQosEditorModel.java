package org.virtlab.ui.properties;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.SetCpuQos;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing a VM's CPU shares, limit and reservation. Each field is text as typed; {@link #commit()}
 * checks all of them against the model's ranges and, only when every one is valid, hands the new QoS to
 * the editor (the running simulation takes it at the next tick). A wrong value never reaches the model:
 * its message, with the allowed range, shows beside the field.
 */
public final class VmQosEditorModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String vmId;
    /** The QoS this editor last saw applied: while the VM still has it, the editor stays (and keeps focus). */
    private CpuQos applied;

    private final ObjectProperty<Shares.Level> level = new SimpleObjectProperty<>();
    private final StringProperty customShares = new SimpleStringProperty("");
    private final StringProperty limit = new SimpleStringProperty("");
    private final StringProperty reservation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper sharesError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper limitError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reservationError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper customVisible = new ReadOnlyBooleanWrapper();

    public VmQosEditorModel(I18n i18n, ScenarioEditor editor, VmSpec vm) {
        this.i18n = i18n;
        this.editor = editor;
        this.vmId = vm.id();
        CpuQos qos = vm.cpuQos();
        applied = qos;
        level.set(qos.shares().level());
        customShares.set(qos.shares().level() == Shares.Level.CUSTOM ? Integer.toString(qos.shares().custom())
                : Long.toString(qos.shares().total(vm.vcpus())));
        limit.set(qos.limited() ? Long.toString(qos.limitMhz()) : "");
        reservation.set(Long.toString(qos.reservationMhz()));
        customVisible.bind(level.isEqualTo(Shares.Level.CUSTOM));
    }

    /** Whether this editor still shows {@code vm} as it is (so the panel can keep it, and its focus). */
    public boolean isFor(VmSpec vm) {
        return vm.id().equals(vmId) && vm.cpuQos().equals(applied);
    }

    public ObjectProperty<Shares.Level> levelProperty() {
        return level;
    }

    public StringProperty customSharesProperty() {
        return customShares;
    }

    public StringProperty limitProperty() {
        return limit;
    }

    public StringProperty reservationProperty() {
        return reservation;
    }

    public ReadOnlyStringProperty sharesErrorProperty() {
        return sharesError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty limitErrorProperty() {
        return limitError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reservationErrorProperty() {
        return reservationError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty customVisibleProperty() {
        return customVisible.getReadOnlyProperty();
    }

    /** The label of a shares level, e.g. "Normal (1000 per vCPU)". */
    public String levelLabel(Shares.Level l) {
        return switch (l) {
            case LOW -> i18n.format("qos.shares.low", Integer.toString(Shares.LOW_PER_VCPU));
            case NORMAL -> i18n.format("qos.shares.normal", Integer.toString(Shares.NORMAL_PER_VCPU));
            case HIGH -> i18n.format("qos.shares.high", Integer.toString(Shares.HIGH_PER_VCPU));
            case CUSTOM -> i18n.get("qos.shares.custom");
        };
    }

    /**
     * Validates every field; if all are valid and something changed, applies the new QoS. Returns whether
     * the fields were valid.
     */
    public boolean commit() {
        Optional<Shares> shares = parseShares();
        Optional<Long> reserved = parseLong(reservation.get(), 0, CpuQos.MAX_MHZ, reservationError, false);
        long minLimit = Math.max(1, reserved.orElse(0L));
        Optional<Long> limited = parseLong(limit.get(), minLimit, CpuQos.MAX_MHZ, limitError, true);
        if (shares.isEmpty() || reserved.isEmpty() || limited.isEmpty()) {
            return false;
        }
        CpuQos qos = new CpuQos(shares.get(), limited.get(), reserved.get());
        VmSpec vm = editor.scenario().vm(vmId).orElseThrow();
        if (!qos.equals(vm.cpuQos())) {
            applied = qos;
            editor.apply(editor.scenario().withVm(vm.withCpuQos(qos)), new SetCpuQos(vmId, qos));
        }
        return true;
    }

    private Optional<Shares> parseShares() {
        sharesError.set("");
        if (level.get() != Shares.Level.CUSTOM) {
            return Optional.of(switch (level.get()) {
                case LOW -> Shares.LOW;
                case HIGH -> Shares.HIGH;
                default -> Shares.NORMAL;
            });
        }
        return parseLong(customShares.get(), Shares.MIN_CUSTOM, Shares.MAX_CUSTOM, sharesError, false)
                .map(v -> Shares.custom(v.intValue()));
    }

    /** Parses a whole number in [min, max]; empty means "no limit" where {@code emptyIsNone}. */
    private Optional<Long> parseLong(String text, long min, long max, ReadOnlyStringWrapper error, boolean emptyIsNone) {
        error.set("");
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() && emptyIsNone) {
            return Optional.of(CpuQos.NO_LIMIT);
        }
        String range = String.format(Locale.ROOT, "%d–%d", min, max);
        try {
            long v = Long.parseLong(t);
            if (v < min || v > max) {
                error.set(i18n.format("qos.error.range", range, t));
                return Optional.empty();
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            error.set(i18n.format(emptyIsNone ? "qos.error.numberOrEmpty" : "qos.error.number", range, t));
            return Optional.empty();
        }
    }
}
