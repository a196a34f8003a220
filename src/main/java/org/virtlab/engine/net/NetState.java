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

    /**
     * An independent copy on the same topology: everything learned so far and the clock, to go on from separately
     * (a simulation's checkpoint, a picture for the window).
     */
    public NetState copy() {
        NetState out = new NetState(topology, nowMicros);
        for (int i = 0; i < macTables.length; i++) {
            out.macTables[i] = macTables[i].copy();
        }
        for (int i = 0; i < arp.size(); i++) {
            Map<Long, long[]> to = out.arp.get(i);
            arp.get(i).forEach((k, v) -> to.put(k, v.clone()));
            out.conntrack[i] = conntrack[i].copy();
        }
        System.arraycopy(nextPort, 0, out.nextPort, 0, nextPort.length);
        return out;
    }

    /**
     * Whether {@code other} knows the same at the same time: the clock, every switch's live MAC entries with their
     * ages, every machine's valid ARP entries, live connection-tracking entries and next port. (The topology is
     * compared by size only: a rewound simulation and a straight run build equal topologies as different objects.)
     */
    public boolean sameAs(NetState other) {
        if (other == this) {
            return true;
        }
        if (other == null || nowMicros != other.nowMicros || macTables.length != other.macTables.length
                || arp.size() != other.arp.size() || !java.util.Arrays.equals(nextPort, other.nextPort)) {
            return false;
        }
        for (int i = 0; i < macTables.length; i++) {
            if (!macTables[i].entries(nowMicros).equals(other.macTables[i].entries(nowMicros))) {
                return false;
            }
        }
        for (int i = 0; i < arp.size(); i++) {
            if (!arpCache(i).equals(other.arpCache(i))
                    || !conntrack[i].entries(nowMicros).equals(other.conntrack[i].entries(nowMicros))) {
                return false;
            }
        }
        return true;
    }

    /**
     * This state on a changed topology, such as after a VM moved to another host: what each switch learned, each
     * machine's ARP cache, connection tracking and next port, and the clock carry over by the names of switches,
     * ports, machines and interfaces. Then every guest NIC that now sits on another switch or port announces
     * itself with a broadcast from its new port, as vSphere's "Notify Switches" does after a vMotion and QEMU's
     * announce (a RARP) after a live migration, so the switches learn where it went.
     */
    public NetState carriedTo(NetTopology next) {
        NetState out = new NetState(next, nowMicros);
        for (int i = 0; i < topology.switches().size(); i++) {
            NetSwitch old = topology.switches().get(i);
            int j = next.switchIndex(old.name());
            if (j < 0) {
                continue;
            }
            NetSwitch now = next.switches().get(j);
            for (MacTable.Entry e : macTables[i].entries(nowMicros)) {
                int port = portIndex(now, old.ports().get(e.port()).name());
                if (port >= 0) {
                    out.macTables[j].learn(e.vlan(), e.mac(), port, nowMicros - e.ageMicros());
                }
            }
        }
        for (int i = 0; i < topology.nodes().size(); i++) {
            NetNode old = topology.nodes().get(i);
            int j = next.nodeIndex(old.name());
            if (j < 0) {
                continue;
            }
            for (ArpEntry e : arpCache(i)) {
                int iface = ifaceIndex(next.nodes().get(j), old.ifaces().get(e.iface()).name());
                if (iface >= 0) {
                    out.arp.get(j).put(arpKey(iface, e.ip()), new long[] {e.mac(), nowMicros - e.ageMicros()});
                }
            }
            out.conntrack[j] = conntrack[i].copy();
            out.nextPort[j] = nextPort[i];
        }
        Fabric fabric = new Fabric(next, out);
        for (NetNode n : next.nodes()) {
            int was = topology.nodeIndex(n.name());
            for (NetIface f : n.ifaces()) {
                if (f.role() != NetIface.Role.GUEST_NIC) {
                    continue;
                }
                int oldIface = was < 0 ? -1 : ifaceIndex(topology.nodes().get(was), f.name());
                NetIface before = oldIface < 0 ? null : topology.iface(was, oldIface);
                boolean moved = before == null
                        || !topology.switches().get(before.sw()).name().equals(next.switches().get(f.sw()).name())
                        || !topology.switches().get(before.sw()).ports().get(before.port()).name()
                        .equals(next.switches().get(f.sw()).ports().get(f.port()).name());
                if (moved) {
                    fabric.announce(f.sw(), f.port(), f.mac());
                }
            }
        }
        return out;
    }

    private static int portIndex(NetSwitch s, String name) {
        for (int p = 0; p < s.ports().size(); p++) {
            if (s.ports().get(p).name().equals(name)) {
                return p;
            }
        }
        return -1;
    }

    private static int ifaceIndex(NetNode n, String name) {
        for (int i = 0; i < n.ifaces().size(); i++) {
            if (n.ifaces().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
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
