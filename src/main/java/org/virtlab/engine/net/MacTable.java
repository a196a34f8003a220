package org.virtlab.engine.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A switch's forwarding database: which port each source MAC was last seen on, per VLAN (IEEE 802.1Q's
 * independent VLAN learning), forgotten after the ageing time. Lookups by key only; listings sorted.
 */
public final class MacTable {
    /**
     * Linux bridges forget a MAC not seen for 300 s ({@code ageing_time}, bridge(8) and brctl(8) "setageing";
     * IEEE 802.1D's recommended default; virtualization.md §4).
     */
    public static final long DEFAULT_AGEING_MICROS = 300_000_000L;

    private final long ageingMicros;
    /** (vlan << 48 | mac) → {port, last seen µs}. */
    private final Map<Long, long[]> entries = new HashMap<>();

    /** One learned MAC, as {@code bridge fdb show} lists it. */
    public record Entry(int vlan, long mac, int port, long ageMicros) {
    }

    public MacTable(long ageingMicros) {
        this.ageingMicros = ageingMicros;
    }

    /** An independent copy: what the switch has learned so far, to go on from separately. */
    MacTable copy() {
        MacTable c = new MacTable(ageingMicros);
        entries.forEach((k, v) -> c.entries.put(k, v.clone()));
        return c;
    }

    private static long key(int vlan, long mac) {
        return ((long) vlan << 48) | mac;
    }

    /** Records that {@code mac} was seen arriving on {@code port} at {@code nowMicros}. */
    public void learn(int vlan, long mac, int port, long nowMicros) {
        long[] e = entries.get(key(vlan, mac));
        if (e == null) {
            entries.put(key(vlan, mac), new long[] {port, nowMicros});
        } else {
            e[0] = port;
            e[1] = nowMicros;
        }
    }

    /** The port {@code mac} was last seen on in {@code vlan}, or -1 if never or longer ago than the ageing time. */
    public int lookup(int vlan, long mac, long nowMicros) {
        long[] e = entries.get(key(vlan, mac));
        return e == null || nowMicros - e[1] > ageingMicros ? -1 : (int) e[0];
    }

    /** The entries not yet aged out at {@code nowMicros}, by VLAN and MAC. */
    public List<Entry> entries(long nowMicros) {
        List<Entry> out = new ArrayList<>();
        entries.forEach((k, v) -> {
            if (nowMicros - v[1] <= ageingMicros) {
                out.add(new Entry((int) (k >>> 48), k & Mac.BROADCAST, (int) v[0], nowMicros - v[1]));
            }
        });
        out.sort((a, b) -> a.vlan() != b.vlan() ? Integer.compare(a.vlan(), b.vlan()) : Long.compare(a.mac(), b.mac()));
        return out;
    }

    public long ageingMicros() {
        return ageingMicros;
    }
}
