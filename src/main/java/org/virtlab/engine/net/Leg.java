package org.virtlab.engine.net;

import java.util.List;

/**
 * One direction of a probe: the hops in order and how it ended. The hops include the ARP exchanges a machine on
 * the way made before it could send the packet on (when its ARP cache had no entry for the next hop).
 */
public record Leg(List<Hop> hops, Verdict verdict) {
    public Leg {
        hops = List.copyOf(hops);
    }

    /** The hops of the packet itself, without the ARP frames. */
    public List<Hop> packetHops() {
        return hops.stream().filter(h -> h.frame() == Hop.Frame.PACKET).toList();
    }
}
