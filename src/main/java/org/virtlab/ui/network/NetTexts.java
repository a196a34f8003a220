package org.virtlab.ui.network;

import java.util.Optional;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.engine.net.DeviceKind;
import org.virtlab.engine.net.Endpoint;
import org.virtlab.engine.net.Headers;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.Lookup;
import org.virtlab.engine.net.Mac;
import org.virtlab.engine.net.NetException;
import org.virtlab.engine.net.NetIface;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.engine.net.Verdict;
import org.virtlab.ui.i18n.I18n;

/**
 * The network engine's data in the window's language: endpoints and devices by the names the scenario gives
 * them, drop reasons, lookups and rewrites as sentences (the bundle keys {@code net.drop.*}, {@code net.lookup.*},
 * {@code net.rewrite.*}, the same words {@code virtlab trace} prints). Addresses and ports stay as they are.
 */
final class NetTexts {
    private final I18n i18n;
    private final Scenario scenario;
    private final NetTopology topology;

    NetTexts(I18n i18n, Scenario scenario, NetTopology topology) {
        this.i18n = i18n;
        this.scenario = scenario;
        this.topology = topology;
    }

    /** "Web 1 · nic0 (default)", "Host 1", "LAN PC", "Internet". */
    String endpoint(Endpoint e) {
        switch (e.kind()) {
            case HOST:
                return scenario.host(e.id()).map(HostSpec::name).orElse(e.id());
            case VM_NIC: {
                NetIface nic = topology.nodes().get(e.node()).ifaces().get(e.iface());
                String vm = vmName(topology.nodes().get(e.node()).name());
                return i18n.format("network.endpoint.nic", vm, nic.name(), segmentName(nic.networkId()));
            }
            case LAN_MACHINE:
                return i18n.get("network.endpoint.lanPc");
            default:
                return i18n.get("network.endpoint.internet");
        }
    }

    /** A network's or a port group's name, the id if the scenario has neither. */
    String segmentName(String id) {
        if (id == null) {
            return "";
        }
        Optional<NetworkSpec> n = scenario.network(id);
        if (n.isPresent()) {
            return n.get().name();
        }
        return scenario.portGroup(id).map(PortGroupSpec::name).orElse(id);
    }

    String vmName(String vmId) {
        return scenario.vm(vmId).map(VmSpec::name).orElse(vmId);
    }

    /** The big line of a device's box: a VM's or host's name, a bridge's interface, a switch's name. */
    String device(String device, DeviceKind kind) {
        switch (kind) {
            case GUEST:
                return vmName(device);
            case HOST:
                return scenario.host(device).map(HostSpec::name).orElse(device);
            case LINUX_BRIDGE:
                return afterSlash(device);
            case DVS_PROXY: {
                String sw = afterSlash(device);
                return scenario.switchSpec(sw).map(SwitchSpec::name).orElse(sw);
            }
            case LAN_MACHINE:
                return i18n.get("network.endpoint.lanPc");
            case INTERNET:
                return i18n.get("network.endpoint.internet");
            case ROUTER:
                return i18n.get("network.device.router");
            case PHYSICAL_SWITCH:
                return device.equals("wan-switch") ? i18n.get("network.device.wan") : i18n.get("network.device.lan");
            default:
                return device;
        }
    }

    /**
     * A name the engine puts in a verdict (a machine, a switch, a network) as the diagram shows it; anything
     * else (an address, a MAC) as it is.
     */
    String named(String name) {
        if (topology != null) {
            int n = topology.nodeIndex(name);
            if (n >= 0) {
                return device(name, topology.nodes().get(n).kind());
            }
            int s = topology.switchIndex(name);
            if (s >= 0) {
                return device(name, topology.switches().get(s).kind());
            }
        }
        return scenario.network(name).map(NetworkSpec::name).orElse(name);
    }

    /** The small line of a device's box: its kind, and for a switch on a host, which host. */
    String deviceCaption(String device, DeviceKind kind) {
        String what = kind(kind);
        int slash = device.indexOf('/');
        if (slash < 0) {
            return what;
        }
        String host = device.substring(0, slash);
        return what + " · " + scenario.host(host).map(HostSpec::name).orElse(host);
    }

    String kind(DeviceKind kind) {
        return i18n.get("net.kind." + kind.name());
    }

    private static String afterSlash(String device) {
        int slash = device.indexOf('/');
        return slash < 0 ? device : device.substring(slash + 1);
    }

    String lookup(Lookup l) {
        return i18n.format("net.lookup." + l.kind().name(), l.key(), l.result());
    }

    /** What kind of translation, in words: "masquerade (source NAT)". */
    String rewriteKind(Rewrite r) {
        return i18n.get("net.rewrite." + r.kind().name());
    }

    static String address(int ip, int port) {
        return Ip.format(ip) + ":" + port;
    }

    /** The drop reason with its parameters as a sentence. */
    String reason(Verdict v) {
        return i18n.format("net.drop." + v.reason().name(), v.params().stream().map(this::named).toArray());
    }

    /** "Delivered to internet." or "Dropped at host1: host1 has no route to 10.0.0.50." */
    String verdict(Verdict v) {
        if (v.delivered()) {
            return i18n.format("net.delivered", named(v.device()));
        }
        return i18n.format("net.dropped", named(v.device()), reason(v));
    }

    /** "192.168.122.2:32768 → 203.0.113.10:80"; for ICMP the addresses and the echo id. */
    String ips(Headers h) {
        if (h.protocol() == Protocol.ICMP) {
            return i18n.format("network.icmpAddresses", Ip.format(h.srcIp()), Ip.format(h.dstIp()),
                    String.valueOf(h.srcPort()));
        }
        return address(h.srcIp(), h.srcPort()) + " → " + address(h.dstIp(), h.dstPort());
    }

    /** An ARP frame's question or answer: "who has 192.168.122.1? tell 192.168.122.2". */
    String arp(Hop hop) {
        Headers h = hop.headers();
        return i18n.format("network.arp." + hop.frame().name(), Ip.format(h.srcIp()), Ip.format(h.dstIp()),
                Mac.format(h.srcMac()));
    }

    /** "ARP request", "ARP reply". */
    String frame(Hop hop) {
        return i18n.get("network.frame." + hop.frame().name());
    }

    String protocol(Protocol p) {
        return i18n.get("network.protocol." + p.name());
    }

    /** Why the scenario's network cannot be built, in words. */
    String refusal(NetException e) {
        return i18n.format("net.error." + e.kind().name(), e.params().toArray());
    }
}
