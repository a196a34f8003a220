/**
 * Network virtualization: packets traced hop by hop through libvirt's four network models and a distributed
 * virtual switch (issue #7; virtualization.md §4). Pure Java: no clock but {@link org.virtlab.engine.net.NetState}'s
 * simulated micros, no threads, no randomness, no iteration over hashed collections where order shows.
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li>{@link org.virtlab.engine.net.NetTopology#of} turns a scenario into wiring: machines
 *       ({@link org.virtlab.engine.net.NetNode}: guests, hosts, the router, the LAN machine, the Internet server)
 *       with interfaces ({@link org.virtlab.engine.net.NetIface}: MAC, address, prefix, the switch port they
 *       plug into) and routing tables; switches ({@link org.virtlab.engine.net.NetSwitch}: Linux bridges, the
 *       LAN and WAN switches, one vDS proxy per host) with access and trunk ports
 *       ({@link org.virtlab.engine.net.SwitchPort}) and links between them; the
 *       {@link org.virtlab.engine.net.Endpoint endpoints} probes start and end at; the DHCP
 *       {@link org.virtlab.engine.net.Lease leases}. Immutable; index-based, so a view can draw it.</li>
 *   <li>{@link org.virtlab.engine.net.NetState} is what traffic changes: each switch's
 *       {@link org.virtlab.engine.net.MacTable} (learning, ageing 300 s), each machine's ARP cache (60 s) and
 *       {@link org.virtlab.engine.net.Conntrack} (NAT entries with Linux's timeouts), ephemeral ports; its
 *       clock moves only by {@link org.virtlab.engine.net.NetState#advance}. After a topology edit (a VM moved)
 *       {@link org.virtlab.engine.net.NetState#carriedTo} keeps what still applies and announces moved NICs.</li>
 *   <li>{@link org.virtlab.engine.net.PacketTracer} sends an ICMP echo, a TCP SYN or a UDP datagram and its
 *       reply; the {@link org.virtlab.engine.net.Trace} holds both {@link org.virtlab.engine.net.Leg legs}: per
 *       {@link org.virtlab.engine.net.Hop} the device, ports, {@link org.virtlab.engine.net.Headers} (MACs,
 *       VLAN tag on the wire, addresses, ports, TTL), {@link org.virtlab.engine.net.Lookup lookups} (route, ARP,
 *       MAC hit or flood, conntrack, port forward, firewall) and {@link org.virtlab.engine.net.Rewrite rewrites};
 *       A machine whose ARP cache misses first resolves the next hop, and that exchange is recorded as hops too
 *       ({@link org.virtlab.engine.net.Hop.Frame}): its request broadcast (each switch on the way to the target
 *       lists the ports it flooded it to), the target's unicast answer and the switches that carry it; then the
 *       packet, which the switches, having learned both MACs, send out of one port;
 *       and a {@link org.virtlab.engine.net.Verdict}: delivered, or a {@link org.virtlab.engine.net.DropReason}
 *       with parameters for the UI to put into words. {@link org.virtlab.engine.net.Reachability} probes every
 *       pair.</li>
 * </ul>
 *
 * <h2>The model and its simplifications</h2>
 * <ul>
 *   <li><b>The physical side</b> ({@link org.virtlab.engine.net.PhysicalLan}) is fixed: LAN 10.0.0.0/24, router
 *       .1, hosts .11, .12, … in scenario order, {@code lan-pc} .50, bridged guests from the router's DHCP
 *       .100–.254; the router's WAN side 203.0.113.1 and {@code internet} 203.0.113.10 (TEST-NET-3). The router
 *       masquerades the LAN behind its WAN address and has no port forwards, so nothing from the Internet gets
 *       in; its routes are the LAN, the WAN and one per network whose scenario says {@code lanRoute}.</li>
 *   <li><b>Hosts</b> forward (ip_forward on) and apply libvirt's rules: nothing in or out of an isolated
 *       network; into a NAT network only replies (conntrack) and port forwards; a NAT network's guests are
 *       masqueraded behind the outgoing interface's address, source ports kept when free, else the next free one
 *       in 1024–65535 (nf_nat picks by hash); routed networks pass both ways untranslated. A host's first bridged
 *       network takes eth0 and the host's LAN address moves onto the bridge; further bridged networks get eth1,
 *       eth2, …; each distributed switch the host is in gets the next NIC as its uplink, on a trunk port.</li>
 *   <li><b>Guests</b> have, per NIC, the on-link route and a default route via the network's gateway (the host's
 *       bridge address, .1; the router for bridged NICs); none on isolated networks (libvirt's dnsmasq offers no
 *       router there) or port groups. A probe from a NIC leaves through that NIC, whatever other NICs the VM has.
 *       MACs are 52:54:00 plus 24 bits of a hash of {@code vm:nicN} (the next free one on a clash), unless the
 *       scenario fixes one; addresses come from the network's range .2 on, in scenario order, after the
 *       addresses the scenario fixes.</li>
 *   <li><b>Port groups</b>: VLAN v is the layer-2 segment 172.(16 + v/256).(v mod 256).0/24; no router serves
 *       it, so a port group's guests reach only their VLAN, on any host. Same VLAN ID, same segment, across
 *       switches. The vDS proxy does not learn: it knows its own VMs' MACs and sends the rest to its uplink.</li>
 *   <li><b>Every endpoint answers</b> every probe (an echo reply, a SYN-ACK, a datagram back): there are no
 *       closed ports, no TCP state beyond the first exchange and no ICMP errors; TTL is counted only to stop
 *       loops. A probe to a host lands on the host's address on the sender's network when the sender is one of
 *       its guests there (its gateway), else on its LAN address; to use a port forward, probe the host's port.</li>
 *   <li>Ids {@code router}, {@code lan-pc}, {@code internet}, {@code lan-switch} and {@code wan-switch} are the
 *       physical side's; a host or VM with one of them is refused. Subnets overlapping the LAN or the WAN are
 *       refused as libvirt refuses them.</li>
 * </ul>
 *
 * <p>For the Network tab: draw {@link org.virtlab.engine.net.NetTopology#switches()} as segments and their
 * ports' links; replay a {@link org.virtlab.engine.net.Trace} hop by hop; show
 * {@link org.virtlab.engine.net.NetState#macTable}, {@link org.virtlab.engine.net.NetState#arpCache},
 * {@link org.virtlab.engine.net.NetState#conntrack} and the routes of each {@code NetNode}; colour a
 * {@link org.virtlab.engine.net.Reachability} as a heat map. Translate {@code DropReason}, {@code Lookup.Kind}
 * and {@code Rewrite.Kind} in the UI's bundles.
 */
package org.virtlab.engine.net;
