package org.virtlab.engine.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NAT device's connection-tracking table (Linux nf_conntrack): each translated connection with its original
 * tuple and the tuple its replies will carry, so that a reply is recognised and translated back. Entries time
 * out unless refreshed by traffic.
 */
public final class Conntrack {
    /** nf_conntrack_icmp_timeout: 30 s. */
    public static final long ICMP_TIMEOUT_MICROS = 30_000_000L;
    /** nf_conntrack_udp_timeout: 30 s. */
    public static final long UDP_TIMEOUT_MICROS = 30_000_000L;
    /** nf_conntrack_tcp_timeout_syn_sent: 120 s (a SYN seen, the handshake not finished). */
    public static final long TCP_TIMEOUT_MICROS = 120_000_000L;
    /** libvirt's masquerade rules map source ports into 1024–65535 ({@code --to-ports 1024-65535}). */
    public static final int MIN_NAT_PORT = 1024;
    public static final int MAX_NAT_PORT = 65535;

    /**
     * One connection: its original direction and the reply's, and which translation made them differ.
     *
     * @param nat MASQUERADE (source NAT) or PORT_FORWARD (destination NAT)
     */
    public record Entry(Protocol protocol, int origSrcIp, int origSrcPort, int origDstIp, int origDstPort,
                        int replySrcIp, int replySrcPort, int replyDstIp, int replyDstPort, Rewrite.Kind nat,
                        long expiresMicros) {

        /** As {@code conntrack -L} shows it, roughly. */
        @Override
        public String toString() {
            return protocol.spelling() + " src=" + Ip.format(origSrcIp) + ":" + origSrcPort + " dst="
                    + Ip.format(origDstIp) + ":" + origDstPort + " | reply src=" + Ip.format(replySrcIp) + ":"
                    + replySrcPort + " dst=" + Ip.format(replyDstIp) + ":" + replyDstPort + " [" + nat + "]";
        }
    }

    private record Tuple(Protocol protocol, int srcIp, int srcPort, int dstIp, int dstPort) {
    }

    /** By the tuple a reply carries; insertion-ordered so that listings follow creation. */
    private final Map<Tuple, Entry> byReply = new LinkedHashMap<>();

    Conntrack copy() {
        Conntrack c = new Conntrack();
        c.byReply.putAll(byReply);
        return c;
    }

    static long timeout(Protocol protocol) {
        switch (protocol) {
            case ICMP:
                return ICMP_TIMEOUT_MICROS;
            case UDP:
                return UDP_TIMEOUT_MICROS;
            default:
                return TCP_TIMEOUT_MICROS;
        }
    }

    /** The live entry a packet with these addresses is the reply of, refreshed; {@code null} if none. */
    Entry reply(Protocol protocol, int srcIp, int srcPort, int dstIp, int dstPort, long nowMicros) {
        Tuple t = new Tuple(protocol, srcIp, srcPort, dstIp, dstPort);
        Entry e = byReply.get(t);
        if (e == null || e.expiresMicros() < nowMicros) {
            return null;
        }
        Entry refreshed = new Entry(e.protocol(), e.origSrcIp(), e.origSrcPort(), e.origDstIp(), e.origDstPort(),
                e.replySrcIp(), e.replySrcPort(), e.replyDstIp(), e.replyDstPort(), e.nat(),
                nowMicros + timeout(protocol));
        byReply.put(t, refreshed);
        return refreshed;
    }

    private boolean taken(Protocol protocol, int srcIp, int srcPort, int dstIp, int dstPort, long nowMicros) {
        Entry e = byReply.get(new Tuple(protocol, srcIp, srcPort, dstIp, dstPort));
        return e != null && e.expiresMicros() >= nowMicros;
    }

    /**
     * The source port a masquerade to {@code natIp} gives a connection from {@code port} to {@code dstIp:dstPort}:
     * the same port if it is in 1024–65535 and no live connection uses that tuple (as nf_nat keeps it), else the
     * next free one above it, wrapping within the range (nf_nat picks one by hash; here, the next, so that
     * results never depend on chance). -1 if none is free.
     */
    int masqueradePort(Protocol protocol, int natIp, int port, int dstIp, int dstPort, long nowMicros) {
        int min = protocol == Protocol.ICMP ? 0 : MIN_NAT_PORT;
        int span = MAX_NAT_PORT - min + 1;
        int start = port >= min && port <= MAX_NAT_PORT ? port : min;
        for (int i = 0; i < span; i++) {
            int candidate = min + (start - min + i) % span;
            // An ICMP echo's identifier is in both port fields (Headers), so its reply carries the new one twice.
            int replySrcPort = protocol == Protocol.ICMP ? candidate : dstPort;
            if (!taken(protocol, dstIp, replySrcPort, natIp, candidate, nowMicros)) {
                return candidate;
            }
        }
        return -1;
    }

    /** Adds an entry for a connection whose replies will carry the given tuple. */
    Entry add(Protocol protocol, int origSrcIp, int origSrcPort, int origDstIp, int origDstPort, int replySrcIp,
              int replySrcPort, int replyDstIp, int replyDstPort, Rewrite.Kind nat, long nowMicros) {
        Entry e = new Entry(protocol, origSrcIp, origSrcPort, origDstIp, origDstPort, replySrcIp, replySrcPort,
                replyDstIp, replyDstPort, nat, nowMicros + timeout(protocol));
        Tuple t = new Tuple(protocol, replySrcIp, replySrcPort, replyDstIp, replyDstPort);
        byReply.remove(t); // an expired entry with the same tuple goes; the new one is listed last
        byReply.put(t, e);
        return e;
    }

    /** The live entries at {@code nowMicros}, oldest first. */
    public List<Entry> entries(long nowMicros) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : byReply.values()) {
            if (e.expiresMicros() >= nowMicros) {
                out.add(e);
            }
        }
        return out;
    }
}
