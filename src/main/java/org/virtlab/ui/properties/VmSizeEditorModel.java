package org.virtlab.ui.properties;

import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing a VM's size: its vCPUs (1 up to its host's logical CPUs, and at most {@link VmSpec#MAX_VCPUS})
 * and its memory. A VM of another size is another machine to the engine, so a valid change restarts the
 * simulation at time zero (the shell says so). A wrong value stays in its field with the allowed range.
 */
public final class VmSizeEditorModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String vmId;
    private final NumberField vcpus = new NumberField("size.vcpus");
    private final NumberField memory = new NumberField("size.memory");
    private VmSpec shown;

    public VmSizeEditorModel(I18n i18n, ScenarioEditor editor, VmSpec vm) {
        this.i18n = i18n;
        this.editor = editor;
        this.vmId = vm.id();
        this.shown = vm;
        vcpus.set(vm.vcpus());
        memory.set(vm.memoryMib());
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

    /** Checks both fields; if valid and changed, resizes the VM (pinning, which names vCPUs, is dropped). */
    public boolean commit() {
        Scenario s = editor.scenario();
        VmSpec vm = s.vm(vmId).orElseThrow();
        HostSpec host = s.host(vm.hostId()).orElseThrow();
        int most = Math.min(VmSpec.MAX_VCPUS, host.cpu().logicalCpus());
        Optional<Long> n = vcpus.whole(i18n, 1, most);
        Optional<Long> mib = memory.whole(i18n, VmSpec.MIN_MEMORY_MIB, VmSpec.MAX_MEMORY_MIB);
        if (n.isEmpty() || mib.isEmpty()) {
            return false;
        }
        if (n.get() == vm.vcpus() && mib.get() == vm.memoryMib()) {
            return true;
        }
        Pinning pinning = n.get() == vm.vcpus() ? vm.pinning() : Pinning.NONE;
        VmSpec resized = new VmSpec(vm.id(), vm.name(), vm.hostId(), n.get().intValue(), mib.get(), vm.workload(),
                vm.cpuQos(), pinning, vm.x(), vm.y());
        shown = resized;
        editor.restructure(s.withVm(resized));
        return true;
    }
}
