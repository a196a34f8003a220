package org.virtlab.engine.cpu;

import org.virtlab.engine.Input;

/** Replaces a VM's workload from the next tick on. */
public record SetWorkload(String vmId, Workload workload) implements Input {
}
