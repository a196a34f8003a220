package org.virtlab.ui.shell;

import java.util.List;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.ui.i18n.I18n;

/** What File › New starts from: one host, no VMs. */
final class NewScenario {
    private NewScenario() {
    }

    static Scenario create(I18n i18n) {
        HostSpec host = new HostSpec("host1", i18n.get("new.host"), new CpuTopology(1, 8, 2, 2000), 32_768, 60, 60);
        return new Scenario(new LocalizedText("", ""), LocalizedText.EMPTY, 1, Simulation.DEFAULT_TICK_MICROS,
                List.of(host), List.of());
    }
}
