package org.virtlab.ui.properties;

import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
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
    private final NumberField customShares = new NumberField("qos.shares");
    private final NumberField limit = new NumberField("qos.limit");
    private final NumberField reservation = new NumberField("qos.reservation");
    private final ReadOnlyBooleanWrapper customVisible = new ReadOnlyBooleanWrapper();

    public VmQosEditorModel(I18n i18n, ScenarioEditor editor, VmSpec vm) {
        this.i18n = i18n;
        this.editor = editor;
        this.vmId = vm.id();
        CpuQos qos = vm.cpuQos();
        applied = qos;
        level.set(qos.shares().level());
        customShares.set(qos.shares().level() == Shares.Level.CUSTOM ? qos.shares().custom()
                : qos.shares().total(vm.vcpus()));
        limit.textProperty().set(qos.limited() ? Long.toString(qos.limitMhz()) : "");
        reservation.set(qos.reservationMhz());
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
        return customShares.textProperty();
    }

    public StringProperty limitProperty() {
        return limit.textProperty();
    }

    public StringProperty reservationProperty() {
        return reservation.textProperty();
    }

    public ReadOnlyStringProperty sharesErrorProperty() {
        return customShares.errorProperty();
    }

    public ReadOnlyStringProperty limitErrorProperty() {
        return limit.errorProperty();
    }

    public ReadOnlyStringProperty reservationErrorProperty() {
        return reservation.errorProperty();
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
        Optional<Long> reserved = reservation.whole(i18n, 0, CpuQos.MAX_MHZ);
        long minLimit = Math.max(1, reserved.orElse(0L));
        limit.clearError();
        Optional<Long> limited = limit.blank() ? Optional.of(CpuQos.NO_LIMIT)
                : limit.whole(i18n, minLimit, CpuQos.MAX_MHZ, "qos.error.numberOrEmpty");
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
        customShares.clearError();
        if (level.get() != Shares.Level.CUSTOM) {
            return Optional.of(switch (level.get()) {
                case LOW -> Shares.LOW;
                case HIGH -> Shares.HIGH;
                default -> Shares.NORMAL;
            });
        }
        return customShares.whole(i18n, Shares.MIN_CUSTOM, Shares.MAX_CUSTOM).map(v -> Shares.custom(v.intValue()));
    }
}
