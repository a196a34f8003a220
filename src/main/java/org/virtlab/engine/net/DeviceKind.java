package org.virtlab.engine.net;

/** The kinds of device a packet passes. */
public enum DeviceKind {
    /** A VM's guest operating system: its NICs, routes and ARP cache. */
    GUEST,
    /** A physical host: its own addresses, routes, ARP cache, firewall and NAT (libvirt's iptables rules). */
    HOST,
    /** A machine on the physical LAN. */
    LAN_MACHINE,
    /** The LAN's router to the Internet, which masquerades the LAN behind its WAN address. */
    ROUTER,
    /** A server on the Internet. */
    INTERNET,
    /** A Linux bridge on a host (virbr0, br0): learns MACs, floods unknown ones. */
    LINUX_BRIDGE,
    /** A physical Ethernet switch (the LAN, the WAN): VLAN-aware, learns MACs per VLAN. */
    PHYSICAL_SWITCH,
    /** A distributed switch's proxy on one host: knows its VMs' MACs, sends the rest out of its uplink. */
    DVS_PROXY;

    /** Whether it works on frames (a switch) rather than packets (a machine with an IP stack). */
    public boolean isSwitch() {
        return this == LINUX_BRIDGE || this == PHYSICAL_SWITCH || this == DVS_PROXY;
    }
}
