package org.virtlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.virtlab.engine.model.Ipv4Cidr;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortForwardSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;

/**
 * The topology beyond hosts and VMs: virtual networks, distributed switches with their port groups, and the
 * NICs of VMs plugged into them. One instance reads one document, after its hosts and before its VMs, and
 * remembers what it found so that NICs can be checked against it.
 *
 * <pre>
 * "networks": [{"id": "default", "name": "default", "host": "host1", "mode": "nat",
 *               "subnet": "192.168.122.0/24", "bridge": "virbr0", "position": {"x": 80, "y": 300}}]
 * "switches": [{"id": "dvs1", "name": "DSwitch", "hosts": ["host1", "host2"],
 *               "portGroups": [{"id": "pg-web", "name": "Web", "vlan": 10}], "position": {...}}]
 * a VM's "nics": [{"network": "default"}, {"portGroup": "pg-web"}, {}]
 * </pre>
 */
final class NetworkJson {
    static final List<String> NETWORK_FIELDS = List.of("id", "name", "host", "mode", "subnet", "bridge", "lanRoute",
            "position");
    static final List<String> SWITCH_FIELDS = List.of("id", "name", "hosts", "portGroups", "position");
    static final List<String> PORT_GROUP_FIELDS = List.of("id", "name", "vlan");
    static final List<String> NIC_FIELDS = List.of("network", "portGroup", "mac", "address", "portForwards");
    static final List<String> PORT_FORWARD_FIELDS = List.of("protocol", "hostPort", "guestPort");

    private final Problems problems;
    private final Ids ids;
    /** The hosts whose ids checked out, in document order. */
    private final List<String> hostIds;
    /** Each network with a usable id, and its host if that is a host of the document; in document order. */
    private final Map<String, String> networkHosts = new LinkedHashMap<>();
    /** Each port group with a usable id, and its switch; in document order. */
    private final Map<String, Owner> portGroupOwners = new LinkedHashMap<>();
    /** Per host, the bridges taken and by which network. */
    private final Map<String, Map<String, String>> bridges = new HashMap<>();
    /** Per host, the subnets taken and by which network. */
    private final Map<String, List<Taken>> subnets = new HashMap<>();
    /** Each network with a usable id and mode: its mode and subnet ({@code null} when bridged or wrong). */
    private final Map<String, Taken> networkSubnets = new HashMap<>();
    private final Map<String, NetworkMode> networkModes = new HashMap<>();
    /** Fixed MACs (lower case), fixed addresses per network and forwarded host ports per host: where first seen. */
    private final Map<String, String> macs = new HashMap<>();
    private final Map<String, String> addresses = new HashMap<>();
    private final Map<String, String> hostPorts = new HashMap<>();

    /** A port group's switch ({@code null} if its id was unusable) and the known hosts it spans. */
    private record Owner(String switchId, List<String> hostIds) {
    }

    private record Taken(String networkId, Ipv4Cidr subnet) {
    }

    NetworkJson(Problems problems, Ids ids, List<String> hostIds) {
        this.problems = problems;
        this.ids = ids;
        this.hostIds = hostIds;
    }

    /** The network modes as spelled in files: isolated, nat, routed, bridged. */
    static String spelling(NetworkMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    private static NetworkMode mode(String spelling) {
        return Arrays.stream(NetworkMode.values()).filter(m -> spelling(m).equals(spelling)).findFirst().orElse(null);
    }

    // ---- networks ----

    /** The optional {@code networks}; {@code null} if the field is not an array (reported). */
    List<Built<NetworkSpec>> networks(JsonObject doc) {
        List<JsonObject.Element> elements = doc.optionalArray("networks");
        if (elements == null) {
            return null;
        }
        List<Built<NetworkSpec>> out = new ArrayList<>();
        for (JsonObject.Element e : elements) {
            JsonObject json = JsonObject.of(e.node(), e.pointer(), problems);
            if (json != null) {
                out.add(network(json));
            }
        }
        return out;
    }

    private Built<NetworkSpec> network(JsonObject json) {
        json.allowOnly(NETWORK_FIELDS);
        String id = json.id("id");
        if (id != null) {
            ids.claim(id, json.pointer("id"));
        }
        String name = json.string("name", false);
        String hostId = json.id("host");
        boolean hostKnown = hostId != null && knownHost(hostId, json.pointer("host"));
        if (id != null) {
            // Even a duplicate id or an unknown host is reported once, not again at every NIC plugged into it.
            networkHosts.putIfAbsent(id, hostKnown ? hostId : null);
        }
        NetworkMode mode = null;
        String spelled = json.string("mode", true);
        if (spelled != null) {
            mode = mode(spelled);
            if (mode == null) {
                problems.add(json.pointer("mode"), "network.unknownMode", Json.escape(spelled),
                        String.join(", ", Arrays.stream(NetworkMode.values()).map(NetworkJson::spelling).toList()));
            }
        }
        String subnet = subnet(json, mode);
        if (id != null && mode != null) {
            networkModes.putIfAbsent(id, mode);
            networkSubnets.putIfAbsent(id, new Taken(id, subnet == null ? null : Ipv4Cidr.parse(subnet).orElseThrow()));
        }
        Boolean lanRoute = json.bool("lanRoute", false);
        if (Boolean.TRUE.equals(lanRoute) && mode == NetworkMode.BRIDGED) {
            problems.addAtName(json.pointer("lanRoute"), "network.lanRouteOnBridged");
        }
        String bridge = json.string("bridge", false);
        boolean bridgeOk = bridge == null ? json.optional("bridge") == null : NetworkSpec.isBridgeName(bridge);
        if (bridge != null && !bridgeOk) {
            problems.add(json.pointer("bridge"), "network.bridge", NetworkSpec.MAX_BRIDGE_CHARS, Json.escape(bridge));
        }
        if (hostKnown && id != null) {
            if (bridgeOk && mode != null) {
                String effective = bridge != null ? bridge : NetworkSpec.defaultBridge(id, mode);
                String other = bridges.computeIfAbsent(hostId, h -> new HashMap<>()).putIfAbsent(effective, id);
                if (other != null) {
                    String at = bridge != null ? json.pointer("bridge") : json.pointer();
                    problems.add(at, "network.bridgeInUse", effective, other, hostId);
                }
            }
            if (subnet != null) {
                Ipv4Cidr cidr = Ipv4Cidr.parse(subnet).orElseThrow();
                List<Taken> taken = subnets.computeIfAbsent(hostId, h -> new ArrayList<>());
                taken.stream().filter(t -> t.subnet().overlaps(cidr)).findFirst().ifPresent(t -> problems.add(
                        json.pointer("subnet"), "network.subnetOverlap", t.subnet(), t.networkId(), hostId));
                taken.add(new Taken(id, cidr));
            }
        }
        double[] xy = json.position();
        NetworkMode checkedMode = mode;
        String checkedBridge = bridge;
        boolean routed = Boolean.TRUE.equals(lanRoute);
        return new Built<>(json.pointer(),
                () -> new NetworkSpec(id, name, hostId, checkedMode, subnet, checkedBridge, routed, xy[0], xy[1]));
    }

    /** The subnet, checked against the mode; {@code null} when there is none or it is wrong (reported). */
    private String subnet(JsonObject json, NetworkMode mode) {
        JsonNode value = json.optional("subnet");
        if (mode == NetworkMode.BRIDGED) {
            if (value != null) {
                problems.addAtName(json.pointer("subnet"), "network.subnetOnBridged");
            }
            return null;
        }
        if (value == null) {
            if (mode != null) {
                problems.add(json.pointer(), "network.subnetMissing", spelling(mode));
            }
            return null;
        }
        String text = json.string("subnet", false);
        if (text == null) {
            return null;
        }
        Optional<Ipv4Cidr> cidr = Ipv4Cidr.parse(text);
        String at = json.pointer("subnet");
        if (cidr.isEmpty()) {
            problems.add(at, "network.subnet", Json.escape(text));
        } else if (cidr.get().prefix() < NetworkSpec.MIN_SUBNET_PREFIX
                || cidr.get().prefix() > NetworkSpec.MAX_SUBNET_PREFIX) {
            problems.add(at, "network.subnetPrefix", NetworkSpec.MIN_SUBNET_PREFIX, NetworkSpec.MAX_SUBNET_PREFIX,
                    cidr.get().prefix());
        } else if (!cidr.get().isNetwork()) {
            problems.add(at, "network.subnetHostBits", text, cidr.get().network());
        } else {
            return text;
        }
        return null;
    }

    /** Whether {@code hostId} is a host of the document; if not, reports it with the hosts there are. */
    private boolean knownHost(String hostId, String at) {
        if (hostIds.contains(hostId)) {
            return true;
        }
        if (hostIds.isEmpty()) {
            problems.add(at, "ref.noHosts", hostId);
        } else {
            problems.add(at, "ref.unknownHost", hostId, String.join(", ", hostIds));
        }
        return false;
    }

    // ---- switches ----

    /** The optional {@code switches}; {@code null} if the field is not an array (reported). */
    List<Built<SwitchSpec>> switches(JsonObject doc) {
        List<JsonObject.Element> elements = doc.optionalArray("switches");
        if (elements == null) {
            return null;
        }
        List<Built<SwitchSpec>> out = new ArrayList<>();
        for (JsonObject.Element e : elements) {
            JsonObject json = JsonObject.of(e.node(), e.pointer(), problems);
            if (json != null) {
                out.add(switchSpec(json));
            }
        }
        return out;
    }

    private Built<SwitchSpec> switchSpec(JsonObject json) {
        json.allowOnly(SWITCH_FIELDS);
        String id = json.id("id");
        if (id != null) {
            ids.claim(id, json.pointer("id"));
        }
        String name = json.string("name", false);
        List<String> hosts = new ArrayList<>();
        List<JsonObject.Element> hostElements = json.array("hosts");
        if (hostElements != null) {
            Map<String, String> seen = new HashMap<>();
            for (JsonObject.Element e : hostElements) {
                String host = JsonObject.idValue(e.node(), e.pointer(), problems);
                if (host == null) {
                    continue;
                }
                String first = seen.putIfAbsent(host, e.pointer());
                if (first != null) {
                    problems.add(e.pointer(), "switch.duplicateHost", host, first);
                } else if (knownHost(host, e.pointer())) {
                    hosts.add(host);
                }
            }
        }
        Owner owner = new Owner(id, List.copyOf(hosts));
        List<Supplier<PortGroupSpec>> groups = new ArrayList<>();
        List<JsonObject.Element> groupElements = json.optionalArray("portGroups");
        if (groupElements != null) {
            for (JsonObject.Element e : groupElements) {
                JsonObject group = JsonObject.of(e.node(), e.pointer(), problems);
                if (group != null) {
                    groups.add(portGroup(group, owner));
                }
            }
        }
        double[] xy = json.position();
        return new Built<>(json.pointer(), () -> new SwitchSpec(id, name, hosts,
                groups.stream().map(Supplier::get).toList(), xy[0], xy[1]));
    }

    private Supplier<PortGroupSpec> portGroup(JsonObject json, Owner owner) {
        json.allowOnly(PORT_GROUP_FIELDS);
        String id = json.id("id");
        if (id != null) {
            ids.claim(id, json.pointer("id"));
            portGroupOwners.putIfAbsent(id, owner); // a duplicate is reported once, not at every NIC
        }
        String name = json.string("name", false);
        JsonNode vlan = json.required("vlan");
        Integer vlanId = null;
        if (vlan != null) {
            BigInteger exact = JsonObject.exactInteger(vlan);
            if (exact != null && exact.compareTo(BigInteger.valueOf(PortGroupSpec.MIN_VLAN_ID)) >= 0
                    && exact.compareTo(BigInteger.valueOf(PortGroupSpec.MAX_VLAN_ID)) <= 0) {
                vlanId = exact.intValueExact();
            } else {
                problems.add(json.pointer("vlan"), "portGroup.vlan", PortGroupSpec.MIN_VLAN_ID,
                        PortGroupSpec.MAX_VLAN_ID, Json.show(vlan));
            }
        }
        Integer checkedVlan = vlanId;
        return () -> new PortGroupSpec(id, name, checkedVlan);
    }

    // ---- NICs ----

    /**
     * A VM's optional {@code nics}; none when absent, {@code null} if something is wrong (reported).
     *
     * @param vmHostId the VM's host if it is a host of the document, else {@code null} (then whether a
     *                 network or switch reaches it is not checked)
     */
    Supplier<List<NicSpec>> nics(JsonObject vm, String vmHostId) {
        int before = problems.count();
        List<JsonObject.Element> elements = vm.optionalArray("nics");
        if (elements == null) {
            return null;
        }
        if (elements.size() > VmSpec.MAX_NICS) {
            problems.add(vm.pointer("nics"), "vm.tooManyNics", VmSpec.MAX_NICS, elements.size());
        }
        List<NicSpec> nics = new ArrayList<>();
        for (JsonObject.Element e : elements) {
            JsonObject json = JsonObject.of(e.node(), e.pointer(), problems);
            if (json == null) {
                continue;
            }
            json.allowOnly(NIC_FIELDS);
            if (json.optional("network") != null && json.optional("portGroup") != null) {
                problems.add(e.pointer(), "nic.both");
            }
            String network = json.optionalId("network");
            if (network != null) {
                checkNetwork(network, json.pointer("network"), vmHostId);
            }
            String portGroup = json.optionalId("portGroup");
            if (portGroup != null) {
                checkPortGroup(portGroup, json.pointer("portGroup"), vmHostId);
            }
            String mac = mac(json);
            String address = network == null && json.optional("address") != null ? noAddress(json)
                    : address(json, network);
            List<PortForwardSpec> forwards = portForwards(json, network, vmHostId);
            if (problems.count() == before) {
                nics.add(new NicSpec(network, portGroup, mac, address, forwards));
            }
        }
        return problems.count() == before ? () -> nics : null;
    }

    /** A NIC's optional fixed MAC: unicast, and no other NIC's. */
    private String mac(JsonObject nic) {
        String mac = nic.string("mac", false);
        if (mac == null) {
            return null;
        }
        String at = nic.pointer("mac");
        if (!NicSpec.isUnicastMac(mac)) {
            problems.add(at, "nic.mac", Json.escape(mac));
            return null;
        }
        String lower = mac.toLowerCase(Locale.ROOT);
        String other = macs.putIfAbsent(lower, nic.pointer());
        if (other != null) {
            problems.add(at, "nic.macDuplicate", lower, other);
        }
        return lower;
    }

    private String noAddress(JsonObject nic) {
        problems.addAtName(nic.pointer("address"), "nic.addressNoNetwork");
        return null;
    }

    /**
     * A NIC's optional fixed address: in its network's subnet, not the network's, its broadcast or the host's
     * bridge address (the first), and no other NIC's on that network; none on a bridged network.
     */
    private String address(JsonObject nic, String network) {
        String address = nic.string("address", false);
        if (address == null) {
            return null;
        }
        String at = nic.pointer("address");
        Optional<Integer> ip = NicSpec.parseAddress(address);
        if (ip.isEmpty()) {
            problems.add(at, "nic.address", Json.escape(address));
            return null;
        }
        if (networkModes.get(network) == NetworkMode.BRIDGED) {
            problems.addAtName(at, "nic.addressOnBridged", network);
            return null;
        }
        Taken taken = networkSubnets.get(network);
        if (taken == null || taken.subnet() == null) {
            return address; // an unknown network or a wrong subnet: reported there
        }
        Ipv4Cidr subnet = taken.subnet();
        int hostBits = ip.get() & ~subnet.mask();
        int broadcast = ~subnet.mask();
        if (!new Ipv4Cidr(ip.get(), subnet.prefix()).network().equals(subnet)) {
            problems.add(at, "nic.addressOutside", address, network, subnet);
        } else if (hostBits == 0 || hostBits == 1 || hostBits == broadcast) {
            problems.add(at, "nic.addressReserved", address, network, dotted(subnet.address()),
                    dotted(subnet.address() + 1), dotted(subnet.address() | broadcast), dotted(subnet.address() + 2),
                    dotted((subnet.address() | broadcast) - 1));
        } else {
            String other = addresses.putIfAbsent(network + " " + address, nic.pointer());
            if (other != null) {
                problems.add(at, "nic.addressDuplicate", address, network, other);
            }
        }
        return address;
    }

    private static String dotted(int ip) {
        String cidr = new Ipv4Cidr(ip, 32).toString();
        return cidr.substring(0, cidr.length() - 3);
    }

    /** A NIC's optional port forwards: only into a NAT network, each host port of a host once. */
    private List<PortForwardSpec> portForwards(JsonObject nic, String network, String vmHostId) {
        List<JsonObject.Element> elements = nic.optionalArray("portForwards");
        List<PortForwardSpec> out = new ArrayList<>();
        if (elements == null || elements.isEmpty()) {
            return out;
        }
        NetworkMode mode = network == null ? null : networkModes.get(network);
        if (mode != NetworkMode.NAT && (network == null || mode != null)) {
            problems.addAtName(nic.pointer("portForwards"), "nic.portForwardsNotNat");
            return out;
        }
        for (JsonObject.Element e : elements) {
            JsonObject json = JsonObject.of(e.node(), e.pointer(), problems);
            if (json == null) {
                continue;
            }
            json.allowOnly(PORT_FORWARD_FIELDS);
            String spelled = json.string("protocol", true);
            PortForwardSpec.Protocol protocol = null;
            if (spelled != null) {
                protocol = Arrays.stream(PortForwardSpec.Protocol.values()).filter(p -> p.spelling().equals(spelled))
                        .findFirst().orElse(null);
                if (protocol == null) {
                    problems.add(json.pointer("protocol"), "portForward.protocol", Json.escape(spelled), "tcp, udp");
                }
            }
            Long hostPort = json.integer("hostPort", PortForwardSpec.MIN_PORT, PortForwardSpec.MAX_PORT, null);
            Long guestPort = json.integer("guestPort", PortForwardSpec.MIN_PORT, PortForwardSpec.MAX_PORT, null);
            if (protocol == null || hostPort == null || guestPort == null) {
                continue;
            }
            if (vmHostId != null) {
                String other = hostPorts.putIfAbsent(vmHostId + " " + protocol + " " + hostPort, json.pointer());
                if (other != null) {
                    problems.add(json.pointer("hostPort"), "portForward.hostPortInUse", protocol.spelling(), hostPort,
                            vmHostId, other);
                }
            }
            out.add(new PortForwardSpec(protocol, Math.toIntExact(hostPort), Math.toIntExact(guestPort)));
        }
        return out;
    }

    private void checkNetwork(String network, String at, String vmHostId) {
        String host = networkHosts.get(network);
        if (!networkHosts.containsKey(network)) {
            if (networkHosts.isEmpty()) {
                problems.add(at, "ref.noNetworks", network);
            } else {
                problems.add(at, "ref.unknownNetwork", network, String.join(", ", networkHosts.keySet()));
            }
        } else if (vmHostId != null && host != null && !host.equals(vmHostId)) {
            List<String> here = networkHosts.entrySet().stream().filter(e -> vmHostId.equals(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            if (here.isEmpty()) {
                problems.add(at, "nic.networkOnOtherHostNone", network, host, vmHostId);
            } else {
                problems.add(at, "nic.networkOnOtherHost", network, host, vmHostId, String.join(", ", here));
            }
        }
    }

    private void checkPortGroup(String portGroup, String at, String vmHostId) {
        Owner owner = portGroupOwners.get(portGroup);
        if (owner == null) {
            if (portGroupOwners.isEmpty()) {
                problems.add(at, "ref.noPortGroups", portGroup);
            } else {
                problems.add(at, "ref.unknownPortGroup", portGroup, String.join(", ", portGroupOwners.keySet()));
            }
        } else if (vmHostId != null && owner.switchId() != null && !owner.hostIds().contains(vmHostId)) {
            if (owner.hostIds().isEmpty()) {
                problems.add(at, "nic.switchOnNoHost", portGroup, owner.switchId(), vmHostId);
            } else {
                problems.add(at, "nic.switchNotOnHost", portGroup, owner.switchId(), vmHostId,
                        String.join(", ", owner.hostIds()));
            }
        }
    }

    // ---- writing ----

    /** Writes the networks; nothing when there are none. */
    static void writeNetworks(ObjectNode root, List<NetworkSpec> networks) {
        if (networks.isEmpty()) {
            return;
        }
        ArrayNode out = root.putArray("networks");
        for (NetworkSpec n : networks) {
            ObjectNode node = out.addObject();
            node.put("id", n.id());
            node.put("name", n.name());
            node.put("host", n.hostId());
            node.put("mode", spelling(n.mode()));
            if (n.subnet() != null) {
                node.put("subnet", n.subnet());
            }
            node.put("bridge", n.bridge());
            if (n.lanRoute()) {
                node.put("lanRoute", true);
            }
            ScenarioWriter.position(node, n.x(), n.y());
        }
    }

    /** Writes the switches; nothing when there are none. */
    static void writeSwitches(ObjectNode root, List<SwitchSpec> switches) {
        if (switches.isEmpty()) {
            return;
        }
        ArrayNode out = root.putArray("switches");
        for (SwitchSpec s : switches) {
            ObjectNode node = out.addObject();
            node.put("id", s.id());
            node.put("name", s.name());
            ArrayNode hosts = node.putArray("hosts");
            s.hostIds().forEach(hosts::add);
            ArrayNode groups = node.putArray("portGroups");
            for (PortGroupSpec g : s.portGroups()) {
                ObjectNode group = groups.addObject();
                group.put("id", g.id());
                group.put("name", g.name());
                group.put("vlan", g.vlanId());
            }
            ScenarioWriter.position(node, s.x(), s.y());
        }
    }

    /** Writes a VM's NICs, an unplugged one as {@code {}}; nothing when it has none. */
    static void writeNics(ObjectNode vm, List<NicSpec> nics) {
        if (nics.isEmpty()) {
            return;
        }
        ArrayNode out = vm.putArray("nics");
        for (NicSpec nic : nics) {
            ObjectNode node = out.addObject();
            if (nic.networkId() != null) {
                node.put("network", nic.networkId());
            }
            if (nic.portGroupId() != null) {
                node.put("portGroup", nic.portGroupId());
            }
            if (nic.mac() != null) {
                node.put("mac", nic.mac());
            }
            if (nic.address() != null) {
                node.put("address", nic.address());
            }
            if (!nic.portForwards().isEmpty()) {
                ArrayNode forwards = node.putArray("portForwards");
                for (PortForwardSpec f : nic.portForwards()) {
                    ObjectNode forward = forwards.addObject();
                    forward.put("protocol", f.protocol().spelling());
                    forward.put("hostPort", f.hostPort());
                    forward.put("guestPort", f.guestPort());
                }
            }
        }
    }
}
