package org.virtlab.ui.properties;

import org.virtlab.ui.common.WireId;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;

/**
 * A selected wire: one NIC of a VM that is plugged in. {@link #disconnect()} unplugs it as one edit (the
 * NIC stays, plugged into nothing, so the VM's other NICs keep their names) and then selects the VM, as
 * the wire is gone.
 */
public final class WireEditorModel {
    private final ScenarioEditor editor;
    private final WireId wire;
    private final Runnable afterDisconnect;

    /** @param afterDisconnect what to do once unplugged (the panel selects the VM) */
    public WireEditorModel(ScenarioEditor editor, WireId wire, Runnable afterDisconnect) {
        this.editor = editor;
        this.wire = wire;
        this.afterDisconnect = afterDisconnect;
    }

    /** Whether the NIC is plugged into something, so that there is a wire to disconnect. */
    public boolean connected() {
        return editor.scenario().vm(wire.vmId()).filter(vm -> wire.nicIndex() < vm.nics().size())
                .map(vm -> vm.nics().get(wire.nicIndex()).wired()).orElse(false);
    }

    /** Unplugs the NIC, as one edit; nothing if it is not plugged in. */
    public void disconnect() {
        if (!connected()) {
            return;
        }
        Scenario s = editor.scenario();
        VmSpec vm = s.vm(wire.vmId()).orElseThrow();
        editor.restructure(s.withVm(vm.withNic(wire.nicIndex(), NicSpec.UNWIRED)));
        afterDisconnect.run();
    }
}
