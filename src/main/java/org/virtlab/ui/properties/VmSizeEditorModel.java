package org.virtlab.ui.properties;

import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing a VM's name and size: its vCPUs (1 up to its host's logical CPUs, and at most
 * {@link VmSpec#MAX_VCPUS}) and its memory. A valid change is one edit through
 * {@link ScenarioEditor#restructure}: a VM of another size is another machine to the engine, so the
 * simulation restarts at time zero (the shell says so); a name alone is layout to the engine
 * ({@link org.virtlab.ui.common.ScenarioDiff}), so it goes on running. A wrong value stays in its field with
 * the allowed range.
 */
public final class VmSizeEditorModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String vmId;
    private final NameField name;
    private final NumberField vcpus = new NumberField("size.vcpus");
    private final NumberField memory = new NumberField("size.memory");
    private VmSpec shown;

    public VmSizeEditorModel(I18n i18n, ScenarioEditor editor, VmSpec vm) {
        this.i18n = i18n;
        this.editor = editor;
        this.vmId = vm.id();
        this.shown = vm;
        this.name = new NameField(vm.name());
        vcpus.set(vm.vcpus());
        memory.set(vm.memoryMib());
    }

    public StringProperty nameProperty() {
        return name.textProperty();
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return name.errorProperty();
    }

    public StringProperty vcpusProperty() {
        return vcpus.textProperty();
    }

    public StringProperty memoryProperty() {
        return memory.textProperty();
    }

    public ReadOnlyStringProperty vcpusErrorProperty() {
        return vcpus.errorProperty();
    }

    public ReadOnlyStringProperty memoryErrorProperty() {
        return memory.errorProperty();
    }

    /** Whether this editor still shows {@code vm} as it is (the panel then keeps it). */
    boolean isFor(VmSpec vm) {
        return vm.equals(shown);
    }

    /** Checks every field, as one is left, without applying anything. Returns whether all are valid. */
    public boolean check() {
        return validated().isPresent();
    }

    /**
     * Checks every field; if all are valid and something changed, renames or resizes the VM as one edit
     * (a new vCPU count drops the pinning, which names vCPUs).
     */
    public boolean commit() {
        Optional<VmSpec> edited = validated();
        if (edited.isEmpty()) {
            return false;
        }
        Scenario s = editor.scenario();
        if (edited.get().equals(s.vm(vmId).orElseThrow())) {
            return true;
        }
        shown = edited.get();
        editor.restructure(s.withVm(shown));
        return true;
    }

    /** The VM as typed, if every field is valid; each wrong field gets its message. */
    private Optional<VmSpec> validated() {
        Scenario s = editor.scenario();
        VmSpec vm = s.vm(vmId).orElseThrow();
        HostSpec host = s.host(vm.hostId()).orElseThrow();
        int most = Math.min(VmSpec.MAX_VCPUS, host.cpu().logicalCpus());
        Optional<String> newName = name.check(i18n);
        Optional<Long> n = vcpus.whole(i18n, 1, most);
        Optional<Long> mib = memory.whole(i18n, VmSpec.MIN_MEMORY_MIB, VmSpec.MAX_MEMORY_MIB);
        if (newName.isEmpty() || n.isEmpty() || mib.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(vm.withSize(n.get().intValue(), mib.get()).withName(newName.get()));
    }
}
