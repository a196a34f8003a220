package org.virtlab.engine.net;

/**
 * One table lookup a device made for a packet, as data: the UI and the command line render it in their
 * language from the kind; {@code key} and {@code result} are addresses, ports and interface names, the same
 * in every language.
 *
 * @param kind   which table and what came of it
 * @param key    what was looked up ({@code 192.168.122.10}, {@code vlan 10 52:54:00:…}, a connection's tuple)
 * @param result what was found ({@code 10.0.0.0/24 dev eth0}, a port, the ports flooded to); empty on a miss
 */
public record Lookup(Kind kind, String key, String result) {

    /** The tables a device looks into, and the outcome. */
    public enum Kind {
        /** The routing table: longest prefix match. */
        ROUTE,
        /** The routing table had no entry for the destination. */
        ROUTE_MISS,
        /** The ARP cache held the next hop's MAC. */
        ARP_CACHED,
        /** An ARP request was broadcast on the segment and answered (RFC 826). */
        ARP_RESOLVED,
        /** An ARP request was broadcast and nobody answered. */
        ARP_UNANSWERED,
        /** A learning bridge or switch knew the destination MAC: one port. */
        MAC_HIT,
        /** Unknown unicast or broadcast: sent out of every other port of the VLAN. */
        MAC_FLOOD,
        /** A distributed switch's proxy knows its own VMs' MACs from their configuration, it does not learn. */
        MAC_STATIC,
        /** A distributed switch's proxy sends what is not one of its own VMs out of its uplink. */
        MAC_UPLINK,
        /** A new connection-tracking entry (with its NAT, if any). */
        CONNTRACK_NEW,
        /** The packet is a reply to a tracked connection. */
        CONNTRACK_REPLY,
        /** A port forward matched. */
        PORT_FORWARD,
        /** A firewall rule decided. */
        FIREWALL,
        /**
         * The ARP cache had no entry for the next hop: the machine broadcasts a request and waits (RFC 826). Key:
         * the address asked for; result: the asker's address.
         */
        ARP_MISS,
        /**
         * An ARP request for one of this machine's addresses: it notes the asker's MAC and answers with its own by
         * unicast (RFC 826's merge and reply). Key: its address; result: its MAC.
         */
        ARP_ANSWER,
        /** A broadcast: sent out of every other port of the VLAN, whatever the table holds (IEEE 802.1D). */
        MAC_BROADCAST
    }

    @Override
    public String toString() {
        return kind + " " + key + (result.isEmpty() ? "" : " → " + result);
    }
}
