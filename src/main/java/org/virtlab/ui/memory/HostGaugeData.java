package org.virtlab.ui.memory;

import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.MemoryState;

/**
 * What the host gauge draws: the host's memory, how much is used, its state, and the thresholds of free memory
 * (percent) at which the states change ({@link HostMemoryPolicy}).
 */
public record HostGaugeData(String hostName, double capacityMib, double usedMib, MemoryState state,
                            double highPercent, double softPercent, double hardPercent, double lowPercent) {
    public static final HostGaugeData EMPTY = new HostGaugeData("", 1, 0, MemoryState.HIGH,
            HostMemoryPolicy.DEFAULT.highPercent(), HostMemoryPolicy.DEFAULT.softPercent(),
            HostMemoryPolicy.DEFAULT.hardPercent(), HostMemoryPolicy.DEFAULT.lowPercent());

    public double usedPercent() {
        return capacityMib <= 0 ? 0 : 100 * usedMib / capacityMib;
    }

    public double freePercent() {
        return 100 - usedPercent();
    }
}
