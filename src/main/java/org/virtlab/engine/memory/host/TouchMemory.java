package org.virtlab.engine.memory.host;

import org.virtlab.engine.Input;
import org.virtlab.engine.model.Ranges;

/** The guest wants {@code pages} more in use (at most its configured size); it touches them at its touch rate. */
public record TouchMemory(String vmId, long pages) implements Input {
    public TouchMemory {
        Ranges.check("pages", pages, 0, MemoryQos.MAX_MIB * Pages.PER_MIB);
    }

    public static TouchMemory mib(String vmId, long mib) {
        return new TouchMemory(vmId, Pages.pages(mib));
    }
}
