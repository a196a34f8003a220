package org.virtlab.engine.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the network remembers between probes, with its own simulated clock: each switch's MAC table, each
 * machine's ARP cache, each NAT device's connection tracking, each machine's next ephemeral port. Probes
 * change it (switches learn, caches fill, NAT adds entries); {@link #advance} moves time on so that entries
 * age out. Nothing here reads a wall clock.
 */
public final class NetState {
    /**
     * How long an ARP answer is used before asking again: Linux keeps a neighbour entry usable (reachable, then
     * stale) for about a minute ({@code gc_stale_time} 60 s, ip-sysctl).
     */
    public static final long ARP_VALID_MICROS = 60_000_000L;
    /** Linux picks ephemeral ports from 32768–60999 ({@code ip_local_port_range}). */
    public static final int FIRST_EPHEMERAL_PORT = 32768;
    public static final int LAST_EPHEMERAL_PORT = 60999;

    private final NetTopology topology;
    private long nowMicros;
    private final MacTable[] macTables;
    private final List<Map<Long, long[]>> arp;
    private final Conntrack[] conntrack;
    private final int[] nextPort;

    /** A network that has seen no traffic yet, at {@code nowMicros}. */
    public NetState(NetTopology topology, long nowMicros) {
        this.topology = topology;
        this.nowMicros = nowMicros;
        int switches = topology.switches().size();
        int nodes = topology.nodes().size();
        macTables = new MacTable[switches];
        for (int i = 0; i < switches; i++) {
            macTables[i] = new MacTable(MacTable.DEFAULT_AGEING_MICROS);
        }
        arp = new ArrayList<>(nodes);
        conntrack = new Conntrack[nodes];
        nextPort = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            arp.add(new HashMap<>());
            conntrack[i] = new Conntrack();
            nextPort[i] = FIRST_EPHEMERAL_PORT;
        }
    }

    public NetTopology topology() {
        return topology;
    }

    public long nowMicros() {
        return nowMicros;
    }

    /** Moves the clock on by {@code micros} (at least 0). */
    public void advance(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("time only moves forward, was " + micros + " µs");
        }
        nowMicros += micros;
    }

    /** The MAC table of the switch at {@code index} in {@link NetTopology#switches()}. */
    public MacTable macTable(int index) {
        return macTables[index];
    }

    /** The connection-tracking table of the machine at {@code index} in {@link NetTopology#nodes()}. */
    public Conntrack conntrack(int index) {
        return conntrack[index];
    }

    /** One ARP cache entry: on interface {@code iface}, {@code ip} is at {@code mac}. */
    public record ArpEntry(int iface, int ip, long mac, long ageMicros) {
    }

    /** The ARP cache of the machine at {@code index}, valid entries only, by interface and address. */
    public List<ArpEntry> arpCache(int index) {
        List<ArpEntry> out = new ArrayList<>();
        arp.get(index).forEach((k, v) -> {
            if (nowMicros - v[1] <= ARP_VALID_MICROS) {
                out.add(new ArpEntry((int) (k >>> 32), (int) (long) k, v[0], nowMicros - v[1]));
            }
        });
        out.sort((a, b) -> a.iface() != b.iface() ? Integer.compare(a.iface(), b.iface())
                : Integer.compareUnsigned(a.ip(), b.ip()));
        return out;
    }

    // ---- for the packet engine ----

    long arpLookup(int node, int iface, int ip) {
        long[] e = arp.get(node).get(arpKey(iface, ip));
        return e == null || nowMicros - e[1] > ARP_VALID_MICROS ? -1 : e[0];
    }

    void arpLearn(int node, int iface, int ip, long mac) {
        arp.get(node).put(arpKey(iface, ip), new long[] {mac, nowMicros});
    }

    private static long arpKey(int iface, int ip) {
        return ((long) iface << 32) | (ip & 0xFFFF_FFFFL);
    }

    /** The machine's next ephemeral port (an ICMP echo's identifier too), cycling through Linux's range. */
    int ephemeralPort(int node) {
        int port = nextPort[node];
        nextPort[node] = port == LAST_EPHEMERAL_PORT ? FIRST_EPHEMERAL_PORT : port + 1;
        return port;
    }
}
