package org.virtlab.engine.net;

import java.util.Objects;
import org.virtlab.engine.Input;
import org.virtlab.engine.model.Scenario;

/**
 * The scenario's network as it is now, after an edit the running simulation follows (a NIC plugged into another
 * network, a network or port group added, changed or removed). {@link NetSubsystem} carries what the network learned
 * over to it ({@link NetState#carriedTo}): moved NICs announce themselves. (A live migration needs none: the network
 * follows where the CPU subsystem runs each VM.)
 */
public record Rewire(Scenario scenario) implements Input {

    public Rewire {
        Objects.requireNonNull(scenario, "scenario");
    }
}
