package org.virtlab.engine.cpu;

import org.virtlab.engine.Input;

/** Replaces a VM's CPU shares, limit and reservation from the next tick on. */
public record SetCpuQos(String vmId, CpuQos qos) implements Input {
}
