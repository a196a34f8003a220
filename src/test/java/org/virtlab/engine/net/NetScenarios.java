package org.virtlab.engine.net;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;

/** Scenarios for the network engine's tests, built in code. */
final class NetScenarios {
    static final String NAT = "default";
    static final String ISOLATED = "iso";
    static final String ROUTED = "routed";
    static final String BRIDGED = "lan";

    private NetScenarios() {
    }

    static HostSpec host(String id) {
        return new HostSpec(id, id, new CpuTopology(1, 4, 2, 2_000), 16_384, 0, 0);
    }

    static VmSpec vm(String id, String host, NicSpec... nics) {
        return new VmSpec(id, id, host, 1, 1_024, new Workload.Idle(1), 0, 0).withNics(List.of(nics));
    }

    static NetworkSpec network(String id, String host, NetworkMode mode, String subnet, String bridge, boolean lanRoute) {
        return new NetworkSpec(id, id, host, mode, subnet, bridge, lanRoute, 0, 0);
    }

    /**
     * One host, {@code host1}, with libvirt's four models side by side and two guests on each: {@code nat1},
     * {@code nat2} on {@code default} (NAT, 192.168.122.0/24, virbr0: libvirt's default network);
     * {@code iso1}, {@code iso2} on {@code iso} (isolated, 192.168.150.0/24); {@code routed1}, {@code routed2}
     * on {@code routed} (192.168.100.0/24, the LAN router's return route as {@code lanRoute} says);
     * {@code br1}, {@code br2} on {@code lan} (bridged on br0).
     */
    static Scenario fourModels(boolean lanRoute, List<NicSpec> natNic1) {
        List<NetworkSpec> networks = List.of(
                network(NAT, "host1", NetworkMode.NAT, "192.168.122.0/24", "virbr0", false),
                network(ISOLATED, "host1", NetworkMode.ISOLATED, "192.168.150.0/24", "virbr1", false),
                network(ROUTED, "host1", NetworkMode.ROUTED, "192.168.100.0/24", "virbr2", lanRoute),
                network(BRIDGED, "host1", NetworkMode.BRIDGED, null, "br0", false));
        List<VmSpec> vms = new ArrayList<>();
        vms.add(vm("nat1", "host1", natNic1.toArray(NicSpec[]::new)));
        vms.add(vm("nat2", "host1", NicSpec.toNetwork(NAT)));
        vms.add(vm("iso1", "host1", NicSpec.toNetwork(ISOLATED)));
        vms.add(vm("iso2", "host1", NicSpec.toNetwork(ISOLATED)));
        vms.add(vm("routed1", "host1", NicSpec.toNetwork(ROUTED)));
        vms.add(vm("routed2", "host1", NicSpec.toNetwork(ROUTED)));
        vms.add(vm("br1", "host1", NicSpec.toNetwork(BRIDGED)));
        vms.add(vm("br2", "host1", NicSpec.toNetwork(BRIDGED)));
        return scenario(List.of(host("host1"), host("host2")), networks, List.of(), vms);
    }

    static Scenario fourModels() {
        return fourModels(false, List.of(NicSpec.toNetwork(NAT)));
    }

    /**
     * Three hosts and a distributed switch {@code dvs1} over them with port groups {@code pg-web} (VLAN 10) and
     * {@code pg-db} (VLAN 20): {@code web1} (host1) and {@code web2} (host2) on pg-web, {@code db1} (host1) and
     * {@code db2} (host2) on pg-db.
     */
    static Scenario dvs() {
        return dvs("host1");
    }

    /** The same with web1 on {@code web1Host}; the switch spans host1, host2 and host3. */
    static Scenario dvs(String web1Host) {
        SwitchSpec dvs = new SwitchSpec("dvs1", "DSwitch", List.of("host1", "host2", "host3"),
                List.of(new PortGroupSpec("pg-web", "Web", 10), new PortGroupSpec("pg-db", "DB", 20)), 0, 0);
        List<VmSpec> vms = List.of(
                vm("web1", web1Host, NicSpec.toPortGroup("pg-web")),
                vm("web2", "host2", NicSpec.toPortGroup("pg-web")),
                vm("db1", "host1", NicSpec.toPortGroup("pg-db")),
                vm("db2", "host2", NicSpec.toPortGroup("pg-db")));
        return scenario(List.of(host("host1"), host("host2"), host("host3")), List.of(), List.of(dvs), vms);
    }

    static Scenario scenario(List<HostSpec> hosts, List<NetworkSpec> networks, List<SwitchSpec> switches,
                             List<VmSpec> vms) {
        return new Scenario(LocalizedText.of("net", "网络"), LocalizedText.EMPTY, List.of(), 1, 1_000,
                Scenario.DEFAULT_DURATION_MICROS, hosts, vms, networks, switches, null, null);
    }
}
