package org.virtlab.engine.net;

import java.util.Objects;
import org.virtlab.engine.Input;
import org.virtlab.engine.model.Scenario;

/**
 * The scenario's network as it is now, after an edit the running simulation follows (a NIC plugged into another
 * network) or a finished live migration taken into the scenario (the VM's NICs now on its new host's networks).
 * {@link NetSubsystem} carries what the network learned over to it ({@link NetState#carriedTo}): moved NICs
 * announce themselves.
 */
public record Rewire(Scenario scenario) implements Input {

    public Rewire {
        Objects.requireNonNull(scenario, "scenario");
    }
}
