package org.virtlab.ui;

import org.virtlab.engine.cpu.CpuSnapshot;

/** What the window tests read from the running application. */
final class RunningApp {
    private RunningApp() {
    }

    /** The MHz a VM got in the latest tick the app's simulation ran. */
    static double usedMhz(VirtLabApp app, String vmId) {
        return app.runner().state().snapshot().find(CpuSnapshot.class).orElseThrow().vms().stream()
                .filter(v -> v.vmId().equals(vmId)).findFirst().orElseThrow().usedMhz();
    }
}
