package org.virtlab.engine.net;

import java.util.List;

/** One direction of a probe: the hops in order and how it ended. */
public record Leg(List<Hop> hops, Verdict verdict) {
    public Leg {
        hops = List.copyOf(hops);
    }
}
