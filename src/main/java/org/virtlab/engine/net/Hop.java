package org.virtlab.engine.net;

import java.util.List;
import java.util.Locale;

/**
 * One device on a packet's way, or on the way of the ARP exchange that precedes it.
 *
 * @param device   the device's name: a machine ({@code web}, {@code host1}, {@code router}) or a switch
 *                 ({@code host1/virbr0}, {@code lan}, {@code host2/dvs1})
 * @param inPort   the interface or port it came in on, {@code ""} where it started
 * @param outPort  the interface or port it left by, {@code ""} where it ended
 * @param headers  the headers as the frame left (as it arrived, at the last hop); for an ARP frame the sender's
 *                 and target's protocol addresses stand in {@code srcIp} and {@code dstIp} and the protocol,
 *                 ports and TTL mean nothing (ARP has no IP header, RFC 826)
 * @param lookups  the tables looked into, in order
 * @param rewrites the translations applied here
 * @param frame    what travelled: the probe's packet, or an ARP request or reply resolving a next hop
 */
public record Hop(String device, DeviceKind kind, String inPort, String outPort, Headers headers,
                  List<Lookup> lookups, List<Rewrite> rewrites, Frame frame) {

    /** What a hop carried. */
    public enum Frame {
        /** The probe or its reply: an IP packet. */
        PACKET,
        /** "Who has X? Tell Y": broadcast to ff:ff:ff:ff:ff:ff on the segment (RFC 826). */
        ARP_REQUEST,
        /** "X is at M": unicast back to the asker (RFC 826). */
        ARP_REPLY;

        /** As JSON spells it: {@code packet}, {@code arp-request}, {@code arp-reply}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean arp() {
            return this != PACKET;
        }
    }

    public Hop {
        lookups = List.copyOf(lookups);
        rewrites = List.copyOf(rewrites);
    }

    /** A hop of the probe's packet. */
    public Hop(String device, DeviceKind kind, String inPort, String outPort, Headers headers, List<Lookup> lookups,
               List<Rewrite> rewrites) {
        this(device, kind, inPort, outPort, headers, lookups, rewrites, Frame.PACKET);
    }

    @Override
    public String toString() {
        String what = frame == Frame.PACKET ? headers.toString()
                : frame.code() + " " + Mac.format(headers.srcMac()) + " → " + Mac.format(headers.dstMac())
                + (headers.vlan() == 0 ? "" : " vlan " + headers.vlan()) + ", " + arpText(headers, frame);
        return device + " [" + inPort + " → " + outPort + "] " + what + " " + lookups + " " + rewrites;
    }

    /** "who has 192.168.122.1? tell 192.168.122.10" or "192.168.122.1 is at 52:54:00:…", as RFC 826 puts it. */
    private static String arpText(Headers h, Frame frame) {
        return frame == Frame.ARP_REQUEST ? "who has " + Ip.format(h.dstIp()) + "? tell " + Ip.format(h.srcIp())
                : Ip.format(h.srcIp()) + " is at " + Mac.format(h.srcMac());
    }
}
