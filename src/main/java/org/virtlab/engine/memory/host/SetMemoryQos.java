package org.virtlab.engine.memory.host;

import org.virtlab.engine.Input;

/** Replaces a VM's memory shares, limit and reservation from the next tick on. */
public record SetMemoryQos(String vmId, MemoryQos qos) implements Input {
}
