package org.virtlab.engine.net;

/**
 * A port of a switch: an access port in one VLAN (untagged frames; 1, IEEE 802.1Q's default PVID, for the
 * plain LAN) or a trunk carrying every VLAN tagged; plugged into a machine's interface or linked to a port of
 * another switch (a physical NIC that is a bridge port, a distributed switch's uplink).
 *
 * @param node,iface        the interface plugged in, or -1
 * @param peerSwitch,peerPort the other end of a link to another switch, or -1
 */
public record SwitchPort(String name, int accessVlan, boolean trunk, int node, int iface, int peerSwitch,
                         int peerPort) {
    /** IEEE 802.1Q's default port VLAN ID: untagged frames belong to VLAN 1. */
    public static final int DEFAULT_PVID = 1;

    /** Whether frames of {@code vlan} may leave or enter through it. */
    public boolean carries(int vlan) {
        return trunk || accessVlan == vlan;
    }

    /** The tag a frame of {@code vlan} carries on this port's wire: the VLAN on a trunk, none (0) on an access port. */
    public int tag(int vlan) {
        return trunk ? vlan : 0;
    }
}
