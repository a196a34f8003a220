package org.virtlab.engine.memory.host;

import org.virtlab.engine.Input;
import org.virtlab.engine.model.Ranges;

/**
 * The guest wants {@code pages} less in use. Freed guest memory stays on the host (the host cannot tell it is
 * free) until a balloon takes it, which it does first.
 */
public record FreeMemory(String vmId, long pages) implements Input {
    public FreeMemory {
        Ranges.check("pages", pages, 0, MemoryQos.MAX_MIB * Pages.PER_MIB);
    }

    public static FreeMemory mib(String vmId, long mib) {
        return new FreeMemory(vmId, Pages.pages(mib));
    }
}
