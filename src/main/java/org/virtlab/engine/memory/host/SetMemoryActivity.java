package org.virtlab.engine.memory.host;

import org.virtlab.engine.Input;

/** Replaces how a VM's guest uses its memory from the next tick on; its image cannot change while it runs. */
public record SetMemoryActivity(String vmId, MemoryActivity activity) implements Input {
}
