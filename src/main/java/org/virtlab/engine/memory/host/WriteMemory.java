package org.virtlab.engine.memory.host;

import org.virtlab.engine.Input;
import org.virtlab.engine.model.Ranges;

/**
 * The guest rewrites {@code pages} of its active pages in the next tick, on top of its write rate: shared pages
 * it writes are copied (copy-on-write), swapped ones swapped in.
 */
public record WriteMemory(String vmId, long pages) implements Input {
    public WriteMemory {
        Ranges.check("pages", pages, 0, MemoryQos.MAX_MIB * Pages.PER_MIB);
    }

    public static WriteMemory mib(String vmId, long mib) {
        return new WriteMemory(vmId, Pages.pages(mib));
    }
}
