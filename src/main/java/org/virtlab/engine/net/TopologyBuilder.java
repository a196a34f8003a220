package org.virtlab.engine.net;

import static org.virtlab.engine.net.PhysicalLan.LAN_NETWORK;
import static org.virtlab.engine.net.PhysicalLan.LAN_PREFIX;
import static org.virtlab.engine.net.PhysicalLan.ROUTER_LAN_IP;
import static org.virtlab.engine.net.PhysicalLan.WAN_NETWORK;
import static org.virtlab.engine.net.PhysicalLan.WAN_PREFIX;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Ipv4Cidr;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortForwardSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;

/** Builds a {@link NetTopology} from a scenario and the {@link PhysicalLan}; one instance builds one. */
final class TopologyBuilder {
    private static final int LAN_VLAN = SwitchPort.DEFAULT_PVID;
    private static final long PHYSICAL_PREFIX = 0x0200_0000_0000L; // locally administered (IEEE 802: bit 1 of octet 1)

    private final Scenario scenario;
    private final List<NodeB> nodes = new ArrayList<>();
    private final List<SwitchB> switches = new ArrayList<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, Endpoint> aliases = new LinkedHashMap<>();
    private final Set<String> unwired = new HashSet<>();
    private final List<Lease> leases = new ArrayList<>();
    /** Per scenario network or port-group id: the switch its NICs plug into, per host for port groups. */
    private final Map<String, Integer> segmentSwitch = new HashMap<>();
    private final Map<String, Integer> hostNode = new HashMap<>();
    private final Map<String, Integer> hostTaps = new HashMap<>();
    private final Set<Long> macsTaken = new HashSet<>();
    private final Map<String, Allocator> allocators = new HashMap<>();
    private final Map<String, Integer> hostLanIp = new HashMap<>();

    private static final class NodeB {
        final String name;
        final DeviceKind kind;
        final String hostId;
        final List<NetIface> ifaces = new ArrayList<>();
        final List<Route> routes = new ArrayList<>();
        final boolean forwards;
        final List<NetNode.PortForward> forwardsIn = new ArrayList<>();

        NodeB(String name, DeviceKind kind, String hostId, boolean forwards) {
            this.name = name;
            this.kind = kind;
            this.hostId = hostId;
            this.forwards = forwards;
        }
    }

    private static final class PortB {
        final String name;
        final int accessVlan;
        final boolean trunk;
        int node = -1;
        int iface = -1;
        int peerSwitch = -1;
        int peerPort = -1;

        PortB(String name, int accessVlan, boolean trunk) {
            this.name = name;
            this.accessVlan = accessVlan;
            this.trunk = trunk;
        }
    }

    private static final class SwitchB {
        final String name;
        final DeviceKind kind;
        final String hostId;
        final List<PortB> ports = new ArrayList<>();
        int uplink = -1;

        SwitchB(String name, DeviceKind kind, String hostId) {
            this.name = name;
            this.kind = kind;
            this.hostId = hostId;
        }
    }

    /** Hands out addresses of one segment: fixed ones first, then the lowest free one of the range. */
    private static final class Allocator {
        final String server;
        final int first;
        final int last;
        final Set<Integer> taken = new HashSet<>();
        int cursor;

        Allocator(String server, int first, int last) {
            this.server = server;
            this.first = first;
            this.last = last;
            this.cursor = first;
        }

        /** The next free address, or 0 (0.0.0.0 is in no range) if none is left. */
        int next() {
            while (cursor <= last && taken.contains(cursor)) {
                cursor++;
            }
            if (cursor > last) {
                return 0;
            }
            taken.add(cursor);
            return cursor++;
        }
    }

    private TopologyBuilder(Scenario scenario) {
        this.scenario = scenario;
    }

    static NetTopology build(Scenario scenario) {
        return new TopologyBuilder(scenario).build();
    }

    private NetTopology build() {
        checkNames();
        int lan = addSwitch(PhysicalLan.LAN_SWITCH, DeviceKind.PHYSICAL_SWITCH, null);
        int wan = addSwitch(PhysicalLan.WAN_SWITCH, DeviceKind.PHYSICAL_SWITCH, null);
        int router = addNode(PhysicalLan.ROUTER, DeviceKind.ROUTER, null, true);
        addIface(router, "lan", NetIface.Role.ROUTER_LAN, PHYSICAL_PREFIX | 0x01, ROUTER_LAN_IP, LAN_PREFIX, null, null,
                lan, access(lan, "router", LAN_VLAN));
        addIface(router, "wan", NetIface.Role.ROUTER_WAN, PHYSICAL_PREFIX | 0x02, PhysicalLan.ROUTER_WAN_IP, WAN_PREFIX,
                null, null, wan, access(wan, "router", LAN_VLAN));
        int pc = addNode(PhysicalLan.LAN_PC, DeviceKind.LAN_MACHINE, null, false);
        addIface(pc, "eth0", NetIface.Role.MACHINE, PHYSICAL_PREFIX | 0x50, PhysicalLan.LAN_PC_IP, LAN_PREFIX, null,
                null, lan, access(lan, PhysicalLan.LAN_PC, LAN_VLAN));
        nodes.get(pc).routes.add(new Route(LAN_NETWORK, LAN_PREFIX, 0, 0));
        nodes.get(pc).routes.add(new Route(0, 0, 0, ROUTER_LAN_IP));
        int internet = addNode(PhysicalLan.INTERNET, DeviceKind.INTERNET, null, false);
        addIface(internet, "eth0", NetIface.Role.MACHINE, PHYSICAL_PREFIX | 0x10, PhysicalLan.INTERNET_IP, WAN_PREFIX,
                null, null, wan, access(wan, PhysicalLan.INTERNET, LAN_VLAN));
        nodes.get(internet).routes.add(new Route(WAN_NETWORK, WAN_PREFIX, 0, 0));
        nodes.get(internet).routes.add(new Route(0, 0, 0, PhysicalLan.ROUTER_WAN_IP));

        reserveFixedMacs();
        for (int i = 0; i < scenario.hosts().size(); i++) {
            host(i, scenario.hosts().get(i), lan);
        }
        routerRoutes(router);
        reserveFixedAddresses();
        for (VmSpec vm : scenario.vms()) {
            guest(vm);
        }
        List<Endpoint> ordered = new ArrayList<>();
        for (HostSpec h : scenario.hosts()) {
            ordered.add(endpoints.get(h.id()));
        }
        endpoints.values().stream().filter(e -> e.kind() == Endpoint.Kind.VM_NIC).forEach(ordered::add);
        ordered.add(new Endpoint(PhysicalLan.LAN_PC, Endpoint.Kind.LAN_MACHINE, pc, -1));
        ordered.add(new Endpoint(PhysicalLan.INTERNET, Endpoint.Kind.INTERNET, internet, -1));
        return new NetTopology(finishNodes(), finishSwitches(), ordered, aliases, unwired, leases);
    }

    private void checkNames() {
        for (HostSpec h : scenario.hosts()) {
            reserved(h.id());
        }
        for (VmSpec v : scenario.vms()) {
            reserved(v.id());
        }
    }

    private static void reserved(String id) {
        if (PhysicalLan.isReserved(id)) {
            throw new NetException(NetException.Kind.RESERVED_NAME, id, "\"" + id
                    + "\" names a machine of the physical LAN in the network engine; give the element another id", id);
        }
    }

    // ---- hosts ----

    private void host(int index, HostSpec h, int lan) {
        int lanIp = PhysicalLan.hostIp(index);
        if (lanIp < 0) {
            throw new NetException(NetException.Kind.LAN_FULL, h.id(), "host " + h.id()
                    + " gets no address: the LAN 10.0.0.0/24 has room for "
                    + (PhysicalLan.LAST_HOST_OCTET - PhysicalLan.FIRST_HOST_OCTET) + " hosts", h.id());
        }
        hostLanIp.put(h.id(), lanIp);
        int node = addNode(h.id(), DeviceKind.HOST, h.id(), true);
        hostNode.put(h.id(), node);
        long physical = PHYSICAL_PREFIX | ((long) (index + 1) << 8);
        int nextNic = 0;
        int lanIface = -1;
        for (NetworkSpec n : scenario.networksOn(h.id())) {
            if (n.mode() != NetworkMode.BRIDGED) {
                continue;
            }
            // libvirt's bridged mode: an existing bridge that holds a physical NIC (wiki.libvirt.org/Networking.html);
            // the first takes eth0 and, as in the classic set-up, the host's address moves onto the bridge.
            String nic = "eth" + nextNic;
            int br = addSwitch(h.id() + "/" + n.bridge(), DeviceKind.LINUX_BRIDGE, h.id());
            link(br, access(br, nic, LAN_VLAN), lan, access(lan, h.id() + "-" + nic, LAN_VLAN));
            if (lanIface < 0) {
                lanIface = addIface(node, n.bridge(), NetIface.Role.HOST_LAN, physical | nextNic, lanIp, LAN_PREFIX, null,
                        null, br, access(br, n.bridge(), LAN_VLAN));
            }
            segmentSwitch.put(n.id(), br);
            nextNic++;
        }
        if (lanIface < 0) {
            lanIface = addIface(node, "eth0", NetIface.Role.HOST_LAN, physical, lanIp, LAN_PREFIX, null, null, lan,
                    access(lan, h.id() + "-eth0", LAN_VLAN));
            nextNic++;
        }
        NodeB hostB = nodes.get(node);
        hostB.routes.add(new Route(LAN_NETWORK, LAN_PREFIX, lanIface, 0));
        for (NetworkSpec n : scenario.networksOn(h.id())) {
            if (n.mode() == NetworkMode.BRIDGED) {
                continue;
            }
            Ipv4Cidr subnet = n.subnetCidr().orElseThrow();
            collides(n, subnet, LAN_NETWORK, LAN_PREFIX, "the LAN");
            collides(n, subnet, WAN_NETWORK, WAN_PREFIX, "the WAN");
            int br = addSwitch(h.id() + "/" + n.bridge(), DeviceKind.LINUX_BRIDGE, h.id());
            int gw = subnet.address() + 1;
            int iface = addIface(node, n.bridge(), NetIface.Role.HOST_BRIDGE, uniqueMac(h.id() + "/" + n.bridge()), gw,
                    subnet.prefix(), n.id(), n.mode(), br, access(br, n.bridge(), LAN_VLAN));
            hostB.routes.add(new Route(subnet.address(), subnet.prefix(), iface, 0));
            segmentSwitch.put(n.id(), br);
            int broadcast = subnet.address() | ~subnet.mask();
            // libvirt's default network: host 192.168.122.1, DHCP range .2–.254 (libvirt.org/formatnetwork.html).
            allocators.put(n.id(), new Allocator(n.id() + " dnsmasq " + Ip.format(gw), gw + 1, broadcast - 1));
        }
        hostB.routes.add(new Route(0, 0, lanIface, ROUTER_LAN_IP));
        for (SwitchSpec s : scenario.switches()) {
            if (!s.spans(h.id())) {
                continue;
            }
            // A vDS proxy switch on the host, its uplink a physical NIC on a trunk port of the LAN switch (802.1Q).
            String nic = "eth" + nextNic++;
            int proxy = addSwitch(h.id() + "/" + s.id(), DeviceKind.DVS_PROXY, h.id());
            int up = trunk(proxy, nic);
            switches.get(proxy).uplink = up;
            link(proxy, up, lan, trunk(lan, h.id() + "-" + nic));
            segmentSwitch.put(s.id() + "@" + h.id(), proxy);
        }
        endpoints.put(h.id(), new Endpoint(h.id(), Endpoint.Kind.HOST, node, -1));
    }

    private static void collides(NetworkSpec n, Ipv4Cidr subnet, int network, int prefix, String what) {
        if (subnet.overlaps(new Ipv4Cidr(network, prefix))) {
            // libvirt refuses to start such a network: "Network is already in use by interface …".
            throw new NetException(NetException.Kind.SUBNET_COLLIDES, n.id(), "network " + n.id() + "'s subnet "
                    + n.subnet() + " overlaps " + what + " " + Ip.cidr(network, prefix) + "; give it another subnet",
                    n.id(), n.subnet(), Ip.cidr(network, prefix));
        }
    }

    private void routerRoutes(int router) {
        NodeB r = nodes.get(router);
        r.routes.add(new Route(LAN_NETWORK, LAN_PREFIX, 0, 0));
        r.routes.add(new Route(WAN_NETWORK, WAN_PREFIX, 1, 0));
        List<NetworkSpec> routed = new ArrayList<>();
        for (NetworkSpec n : scenario.networks()) {
            if (!n.lanRoute()) {
                continue;
            }
            Ipv4Cidr subnet = n.subnetCidr().orElseThrow();
            for (NetworkSpec other : routed) {
                if (other.subnetCidr().orElseThrow().overlaps(subnet)) {
                    throw new NetException(NetException.Kind.ROUTE_CONFLICT, n.id(), "network " + n.id()
                            + " asks the LAN router for a route to " + n.subnet() + ", which overlaps network "
                            + other.id() + "'s " + other.subnet() + " on host " + other.hostId(), n.id(), other.id());
                }
            }
            routed.add(n);
            r.routes.add(new Route(subnet.address(), subnet.prefix(), 0, hostLanIp.get(n.hostId())));
        }
    }

    // ---- guests ----

    private void reserveFixedMacs() {
        for (VmSpec v : scenario.vms()) {
            for (NicSpec nic : v.nics()) {
                if (nic.mac() != null) {
                    macsTaken.add(Mac.parse(nic.mac()));
                }
            }
        }
    }

    private long uniqueMac(String key) {
        long mac = Mac.derive(key);
        while (!macsTaken.add(mac)) {
            mac = Mac.next(mac);
        }
        return mac;
    }

    private void reserveFixedAddresses() {
        for (VmSpec v : scenario.vms()) {
            for (NicSpec nic : v.nics()) {
                if (nic.address() != null) {
                    allocators.get(nic.networkId()).taken.add(Ip.parse(nic.address()).orElseThrow());
                }
            }
        }
    }

    private void guest(VmSpec vm) {
        int node = -1;
        for (int i = 0; i < vm.nics().size(); i++) {
            NicSpec nic = vm.nics().get(i);
            String name = vm.id() + ":" + NicSpec.name(i);
            long mac = nic.mac() != null ? Mac.parse(nic.mac()) : uniqueMac(name);
            if (!nic.wired()) {
                unwired.add(name);
                continue;
            }
            if (node < 0) {
                node = addNode(vm.id(), DeviceKind.GUEST, vm.hostId(), false);
            }
            NodeB guest = nodes.get(node);
            int sw;
            int port;
            int ip;
            int prefix;
            int gateway = 0;
            NetworkMode mode = null;
            if (nic.networkId() != null) {
                NetworkSpec n = scenario.network(nic.networkId()).orElseThrow();
                mode = n.mode();
                sw = segmentSwitch.get(n.id());
                port = access(sw, tap(vm.hostId()), LAN_VLAN);
                if (n.mode() == NetworkMode.BRIDGED) {
                    prefix = LAN_PREFIX;
                    ip = lease("lan", new Allocator(PhysicalLan.ROUTER + " dhcp " + Ip.format(ROUTER_LAN_IP),
                            LAN_NETWORK | PhysicalLan.FIRST_LAN_LEASE_OCTET, LAN_NETWORK | PhysicalLan.LAST_LAN_LEASE_OCTET),
                            name, mac, null);
                    gateway = ROUTER_LAN_IP;
                } else {
                    Ipv4Cidr subnet = n.subnetCidr().orElseThrow();
                    prefix = subnet.prefix();
                    ip = lease(n.id(), null, name, mac, nic.address());
                    // isolated: libvirt's dnsmasq advertises no router (an empty option 3), so no default route.
                    gateway = n.mode() == NetworkMode.ISOLATED ? 0 : subnet.address() + 1;
                }
            } else {
                PortGroupSpec pg = scenario.portGroup(nic.portGroupId()).orElseThrow();
                SwitchSpec s = scenario.switchOf(pg.id()).orElseThrow();
                sw = segmentSwitch.get(s.id() + "@" + vm.hostId());
                port = access(sw, vm.id() + "." + NicSpec.name(i), pg.vlanId());
                int subnet = PhysicalLan.vlanSubnet(pg.vlanId());
                prefix = 24;
                ip = lease("vlan " + pg.vlanId(), new Allocator("vlan " + pg.vlanId() + " plan", subnet + 2, subnet + 254),
                        name, mac, null);
            }
            int iface = addIface(node, NicSpec.name(i), NetIface.Role.GUEST_NIC, mac, ip, prefix,
                    nic.networkId() != null ? nic.networkId() : nic.portGroupId(), mode, sw, port);
            guest.routes.add(new Route(ip & Ip.mask(prefix), prefix, iface, 0));
            if (gateway != 0) {
                guest.routes.add(new Route(0, 0, iface, gateway));
            }
            Endpoint e = new Endpoint(name, Endpoint.Kind.VM_NIC, node, iface);
            endpoints.put(name, e);
            aliases.putIfAbsent(vm.id(), e);
            NodeB host = nodes.get(hostNode.get(vm.hostId()));
            for (PortForwardSpec f : nic.portForwards()) {
                host.forwardsIn.add(new NetNode.PortForward(f.protocol() == PortForwardSpec.Protocol.TCP ? Protocol.TCP
                        : Protocol.UDP, hostLanIp.get(vm.hostId()), f.hostPort(), ip, f.guestPort(), name));
            }
        }
    }

    private String tap(String hostId) {
        int n = hostTaps.merge(hostId, 1, Integer::sum) - 1;
        return "vnet" + n; // libvirt names the tap devices vnet0, vnet1, … on each host
    }

    private int lease(String segment, Allocator fresh, String nic, long mac, String fixed) {
        Allocator a = allocators.computeIfAbsent(segment, s -> fresh);
        int ip;
        if (fixed != null) {
            ip = Ip.parse(fixed).orElseThrow();
        } else {
            ip = a.next();
            if (ip == 0) {
                String range = Ip.format(a.first) + "–" + Ip.format(a.last);
                throw new NetException(NetException.Kind.DHCP_EXHAUSTED, nic, segment + "'s address range " + range
                        + " has no address left for " + nic, segment, range);
            }
        }
        leases.add(new Lease(segment, a.server, nic, mac, ip, fixed != null));
        return ip;
    }

    // ---- building blocks ----

    private int addNode(String name, DeviceKind kind, String hostId, boolean forwards) {
        nodes.add(new NodeB(name, kind, hostId, forwards));
        return nodes.size() - 1;
    }

    private int addIface(int node, String name, NetIface.Role role, long mac, int ip, int prefix, String networkId,
                         NetworkMode mode, int sw, int port) {
        NodeB n = nodes.get(node);
        n.ifaces.add(new NetIface(name, role, mac, ip, prefix, networkId, mode, sw, port));
        PortB p = switches.get(sw).ports.get(port);
        p.node = node;
        p.iface = n.ifaces.size() - 1;
        return n.ifaces.size() - 1;
    }

    private int addSwitch(String name, DeviceKind kind, String hostId) {
        switches.add(new SwitchB(name, kind, hostId));
        return switches.size() - 1;
    }

    private int access(int sw, String name, int vlan) {
        List<PortB> ports = switches.get(sw).ports;
        ports.add(new PortB(name, vlan, false));
        return ports.size() - 1;
    }

    private int trunk(int sw, String name) {
        List<PortB> ports = switches.get(sw).ports;
        ports.add(new PortB(name, 0, true));
        return ports.size() - 1;
    }

    private void link(int swA, int portA, int swB, int portB) {
        PortB a = switches.get(swA).ports.get(portA);
        PortB b = switches.get(swB).ports.get(portB);
        a.peerSwitch = swB;
        a.peerPort = portB;
        b.peerSwitch = swA;
        b.peerPort = portA;
    }

    private List<NetNode> finishNodes() {
        List<NetNode> out = new ArrayList<>(nodes.size());
        for (NodeB n : nodes) {
            out.add(new NetNode(n.name, n.kind, n.hostId, n.ifaces, n.routes, n.forwards, n.forwardsIn));
        }
        return out;
    }

    private List<NetSwitch> finishSwitches() {
        List<NetSwitch> out = new ArrayList<>(switches.size());
        for (SwitchB s : switches) {
            List<SwitchPort> ports = new ArrayList<>(s.ports.size());
            for (PortB p : s.ports) {
                ports.add(new SwitchPort(p.name, p.accessVlan, p.trunk, p.node, p.iface, p.peerSwitch, p.peerPort));
            }
            out.add(new NetSwitch(s.name, s.kind, s.hostId, ports, s.uplink));
        }
        return out;
    }
}
