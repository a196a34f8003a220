package org.virtlab.engine.net;

/**
 * The physical side every scenario shares, which the scenario does not describe: one LAN, one router to the
 * Internet, one machine on the LAN and one server on the Internet. The addresses are documentation ranges
 * and private ranges, so a lesson never shows a real machine's address.
 *
 * <pre>
 *   internet 203.0.113.10 ── wan-switch ── router 203.0.113.1 | 10.0.0.1 ── lan-switch ── lan-pc 10.0.0.50
 *                                                                             ├── host1 10.0.0.11
 *                                                                             └── host2 10.0.0.12 …
 * </pre>
 */
public final class PhysicalLan {
    /** The LAN, 10.0.0.0/24: a private range (RFC 1918). */
    public static final int LAN_NETWORK = Ip.of(10, 0, 0, 0);
    public static final int LAN_PREFIX = 24;
    /** The router's LAN address and every LAN machine's default gateway. */
    public static final int ROUTER_LAN_IP = Ip.of(10, 0, 0, 1);
    /** The machine on the LAN. */
    public static final int LAN_PC_IP = Ip.of(10, 0, 0, 50);
    /** Hosts take .11, .12, … in scenario order, skipping the LAN machine's .50, up to .99. */
    public static final int FIRST_HOST_OCTET = 11;
    public static final int LAST_HOST_OCTET = 99;
    /** The router's DHCP range for bridged guests, which are hosts of the LAN: .100–.254. */
    public static final int FIRST_LAN_LEASE_OCTET = 100;
    public static final int LAST_LAN_LEASE_OCTET = 254;
    /** The WAN, standing for the Internet: 203.0.113.0/24, TEST-NET-3 (RFC 5737). */
    public static final int WAN_NETWORK = Ip.of(203, 0, 113, 0);
    public static final int WAN_PREFIX = 24;
    /** The router's WAN address, behind which it masquerades the LAN. */
    public static final int ROUTER_WAN_IP = Ip.of(203, 0, 113, 1);
    /** The server on the Internet. */
    public static final int INTERNET_IP = Ip.of(203, 0, 113, 10);
    /**
     * Port groups' VLANs get a /24 each out of 172.16.0.0/12 (RFC 1918), which holds exactly 4096 of them:
     * VLAN v is 172.(16 + v / 256).(v mod 256).0/24, its guests .2, .3, … in scenario order. No router serves
     * the VLANs: a port group is a layer-2 segment.
     */
    public static final int VLAN_BASE = Ip.of(172, 16, 0, 0);

    public static final String ROUTER = "router";
    public static final String LAN_PC = "lan-pc";
    public static final String INTERNET = "internet";
    public static final String LAN_SWITCH = "lan-switch";
    public static final String WAN_SWITCH = "wan-switch";

    private PhysicalLan() {
    }

    /** The subnet of a port group's VLAN. */
    public static int vlanSubnet(int vlan) {
        return VLAN_BASE | (vlan << 8);
    }

    /** The LAN address of the host at {@code index} in the scenario; -1 if the LAN has no room for it. */
    public static int hostIp(int index) {
        int octet = FIRST_HOST_OCTET + index;
        if (octet >= (LAN_PC_IP & 0xFF)) {
            octet++;
        }
        return octet > LAST_HOST_OCTET ? -1 : LAN_NETWORK | octet;
    }

    /** Whether a name is one the physical side uses for its machines and switches. */
    public static boolean isReserved(String name) {
        return name.equals(ROUTER) || name.equals(LAN_PC) || name.equals(INTERNET) || name.equals(LAN_SWITCH)
                || name.equals(WAN_SWITCH);
    }
}
