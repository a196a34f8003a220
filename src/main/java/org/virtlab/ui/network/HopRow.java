package org.virtlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.net.DeviceKind;
import org.virtlab.engine.net.Headers;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Lookup;
import org.virtlab.engine.net.Mac;
import org.virtlab.engine.net.Rewrite;

/**
 * One hop of a trace as the hop table shows it: texts only, in the window's language.
 *
 * @param reply    whether it belongs to the reply's leg
 * @param number   its place in its leg, from 1
 * @param deviceId the engine's name of the device ({@code host1/virbr0})
 * @param device   the device's name as the diagram shows it ("Web 1", "virbr0", "router")
 * @param kindText what the device is ("Linux bridge")
 * @param caption  what the device is, and where ("Linux bridge · Host 1")
 * @param ports    "vnet0 → virbr0", with "·" where the packet started or ended
 * @param macs     Ethernet source → destination
 * @param vlan     the 802.1Q tag on the wire, "—" untagged
 * @param ips      addresses and ports, source → destination; for an ARP frame its question or answer
 *                 ("who has 192.168.122.1? tell 192.168.122.2")
 * @param lookups  the lookups in words, in order
 * @param rewrites the address translations made here
 * @param arp      whether the hop carried an ARP frame (resolving a next hop) rather than the probe's packet
 * @param frame    "ARP request" or "ARP reply"; empty for the packet
 */
public record HopRow(boolean reply, int number, String deviceId, String device, DeviceKind kind, String kindText, String caption, String ports,
                     String macs, String vlan, String ips, List<String> lookups, List<RewriteText> rewrites,
                     boolean arp, String frame) {

    public HopRow {
        lookups = List.copyOf(lookups);
        rewrites = List.copyOf(rewrites);
    }

    /** A translation: what kind in words, and the address and port before and after. */
    public record RewriteText(String what, String from, String to) {
    }

    static HopRow of(NetTexts texts, boolean reply, int number, Hop hop) {
        Headers h = hop.headers();
        String ports = (hop.inPort().isEmpty() ? "·" : hop.inPort()) + " → "
                + (hop.outPort().isEmpty() ? "·" : hop.outPort());
        List<String> lookups = new ArrayList<>();
        for (Lookup l : hop.lookups()) {
            lookups.add(texts.lookup(l));
        }
        List<RewriteText> rewrites = new ArrayList<>();
        for (Rewrite r : hop.rewrites()) {
            rewrites.add(new RewriteText(texts.rewriteKind(r), NetTexts.address(r.fromIp(), r.fromPort()),
                    NetTexts.address(r.toIp(), r.toPort())));
        }
        return new HopRow(reply, number, hop.device(), texts.device(hop.device(), hop.kind()), hop.kind(), texts.kind(hop.kind()),
                texts.deviceCaption(hop.device(), hop.kind()), ports,
                Mac.format(h.srcMac()) + " → " + Mac.format(h.dstMac()),
                h.vlan() == 0 ? "—" : String.valueOf(h.vlan()), hop.frame().arp() ? texts.arp(hop) : texts.ips(h),
                lookups, rewrites, hop.frame().arp(), hop.frame().arp() ? texts.frame(hop) : "");
    }
}
