package org.virtlab.engine.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.virtlab.engine.model.Scenario;

/**
 * The wiring a scenario stands for, immutable: machines with their interfaces, addresses and routes, switches
 * with their ports and the links between them, the endpoints a probe can start or end at and the DHCP leases.
 * What changes as packets flow (MAC tables, ARP caches, connection tracking) is in {@link NetState}.
 */
public final class NetTopology {
    private final List<NetNode> nodes;
    private final List<NetSwitch> switches;
    private final List<Endpoint> endpoints;
    private final Map<String, Endpoint> byId = new LinkedHashMap<>();
    private final Set<String> unwired;
    private final List<Lease> leases;

    NetTopology(List<NetNode> nodes, List<NetSwitch> switches, List<Endpoint> endpoints, Map<String, Endpoint> aliases,
                Set<String> unwired, List<Lease> leases) {
        this.nodes = List.copyOf(nodes);
        this.switches = List.copyOf(switches);
        this.endpoints = List.copyOf(endpoints);
        for (Endpoint e : endpoints) {
            byId.put(e.id(), e);
        }
        aliases.forEach(byId::putIfAbsent);
        this.unwired = new TreeSet<>(unwired);
        this.leases = List.copyOf(leases);
    }

    /**
     * The network a scenario describes, on the {@link PhysicalLan}.
     *
     * @throws NetException if the scenario asks for something the network cannot be: a subnet that collides with
     *                      the LAN's, conflicting routes on the router, a range without addresses left
     */
    public static NetTopology of(Scenario scenario) {
        return TopologyBuilder.build(scenario);
    }

    public List<NetNode> nodes() {
        return nodes;
    }

    public List<NetSwitch> switches() {
        return switches;
    }

    /** Every endpoint: hosts, VM NICs that are plugged in, the LAN machine, the Internet; in that order. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Every address a guest NIC holds, in scenario order. */
    public List<Lease> leases() {
        return leases;
    }

    /**
     * The endpoint {@code name} names: an endpoint's id, or a VM's id for its first plugged-in NIC.
     *
     * @throws NetException naming {@code name}: an unknown endpoint, or a NIC plugged into nothing
     */
    public Endpoint endpoint(String name) {
        Endpoint e = byId.get(name);
        if (e != null) {
            return e;
        }
        if (unwired.contains(name)) {
            throw new NetException(NetException.Kind.UNWIRED_NIC, name, name
                    + " is plugged into nothing: plug it into a network or a port group first", name);
        }
        List<String> ids = new ArrayList<>();
        endpoints.forEach(x -> ids.add(x.id()));
        throw new NetException(NetException.Kind.UNKNOWN_ENDPOINT, name, "unknown endpoint \"" + name
                + "\"; endpoints are: " + String.join(", ", ids), name, String.join(", ", ids));
    }

    /** The index of the machine called {@code name}, or -1. */
    public int nodeIndex(String name) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the switch called {@code name}, or -1. */
    public int switchIndex(String name) {
        for (int i = 0; i < switches.size(); i++) {
            if (switches.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The interface {@code iface} of machine {@code node}. */
    NetIface iface(int node, int iface) {
        return nodes.get(node).ifaces().get(iface);
    }
}
