package org.virtlab.engine.net;

import java.util.List;

/**
 * One device on a packet's way.
 *
 * @param device   the device's name: a machine ({@code web}, {@code host1}, {@code router}) or a switch
 *                 ({@code host1/virbr0}, {@code lan}, {@code host2/dvs1})
 * @param inPort   the interface or port it came in on, {@code ""} where it started
 * @param outPort  the interface or port it left by, {@code ""} where it ended
 * @param headers  the headers as the packet left (as it arrived, at the last hop)
 * @param lookups  the tables looked into, in order
 * @param rewrites the translations applied here
 */
public record Hop(String device, DeviceKind kind, String inPort, String outPort, Headers headers,
                  List<Lookup> lookups, List<Rewrite> rewrites) {

    public Hop {
        lookups = List.copyOf(lookups);
        rewrites = List.copyOf(rewrites);
    }

    @Override
    public String toString() {
        return device + " [" + inPort + " → " + outPort + "] " + headers + " " + lookups + " " + rewrites;
    }
}
