package org.virtlab.engine.memory.host;

import org.virtlab.engine.Input;

/** Replaces a host's memory policy from the next tick on; its {@code maxPageSharing} cannot change while it runs. */
public record SetHostMemoryPolicy(String hostId, HostMemoryPolicy policy) implements Input {
}
