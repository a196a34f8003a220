package org.virtlab.engine.net;

import org.virtlab.engine.SubsystemSnapshot;

/**
 * The network after a tick: how many probes were sent so far, the last one's trace, and what the network had
 * learned (MAC tables, ARP caches, connection tracking), frozen after its last change. Immutable: the frozen state
 * is never changed again, and {@link #state()} hands out a copy.
 *
 * @param probes the probes sent since time zero; the last one's serial
 * @param last   the last probe's trace, or {@code null} before the first
 * @param frozen what the network knew after its last change, its clock at that change; {@code null} while no probe
 *               was sent (a network that has seen no traffic)
 */
public record NetSnapshot(long nowMicros, long probes, Trace last, NetState frozen) implements SubsystemSnapshot {

    /** Equal when they say the same: the network's knowledge compared by content ({@link NetState#sameAs}). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NetSnapshot other)) {
            return false;
        }
        if (nowMicros != other.nowMicros || probes != other.probes || !java.util.Objects.equals(last, other.last)) {
            return false;
        }
        NetState a = state();
        NetState b = other.state();
        return a == null ? b == null : a.sameAs(b);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(nowMicros, probes, last);
    }

    @Override
    public String subsystem() {
        return NetSubsystem.NAME;
    }

    /**
     * What the network knows at this snapshot's time, as a copy the caller may read (tables with their ages) or
     * even probe on its own; {@code null} while it has seen no traffic.
     */
    public NetState state() {
        if (frozen == null) {
            return null;
        }
        NetState now = frozen.copy();
        now.advance(Math.max(0, nowMicros - now.nowMicros()));
        return now;
    }
}
