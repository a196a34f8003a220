package org.virtlab.engine.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.virtlab.engine.io.IoDeviceSpec;

/**
 * What a {@link Scenario} checks across its parts: one name space of ids, and every reference resolved
 * (a VM's host, a network's host, a switch's hosts, a NIC's network or port group, an I/O device's VM)
 * and reachable from
 * where it is used. The scenario reader checks the same rules first, to say where in the file.
 */
final class ScenarioRules {
    private ScenarioRules() {
    }

    static void check(List<LocalizedText> steps, List<HostSpec> hosts, List<VmSpec> vms, List<NetworkSpec> networks,
                      List<SwitchSpec> switches, List<IoDeviceSpec> devices) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).equals(LocalizedText.EMPTY)) {
                throw new IllegalArgumentException("step " + (i + 1) + " has no text in either language");
            }
        }
        Set<String> ids = new HashSet<>();
        Map<String, HostSpec> hostById = new HashMap<>();
        for (HostSpec h : hosts) {
            claim(ids, h.id());
            hostById.put(h.id(), h);
        }
        Map<String, NetworkSpec> networkById = new HashMap<>();
        Map<String, List<NetworkSpec>> networksByHost = new HashMap<>();
        for (NetworkSpec n : networks) {
            claim(ids, n.id());
            if (!hostById.containsKey(n.hostId())) {
                throw new IllegalArgumentException("network " + n.id() + " is on unknown host " + n.hostId());
            }
            List<NetworkSpec> sameHost = networksByHost.computeIfAbsent(n.hostId(), h -> new ArrayList<>());
            for (NetworkSpec other : sameHost) {
                checkBesides(n, other);
            }
            sameHost.add(n);
            networkById.put(n.id(), n);
        }
        Map<String, SwitchSpec> switchByPortGroup = new HashMap<>();
        for (SwitchSpec s : switches) {
            claim(ids, s.id());
            for (String host : s.hostIds()) {
                if (!hostById.containsKey(host)) {
                    throw new IllegalArgumentException("switch " + s.id() + " spans unknown host " + host);
                }
            }
            for (PortGroupSpec g : s.portGroups()) {
                claim(ids, g.id());
                switchByPortGroup.put(g.id(), s);
            }
        }
        for (VmSpec v : vms) {
            claim(ids, v.id());
            HostSpec host = hostById.get(v.hostId());
            if (host == null) {
                throw new IllegalArgumentException("VM " + v.id() + " is on unknown host " + v.hostId());
            }
            CpuTopology cpu = host.cpu();
            if (v.vcpus() > cpu.logicalCpus()) {
                throw new IllegalArgumentException("VM " + v.id() + " has " + v.vcpus() + " vCPUs, more than the "
                        + cpu.logicalCpus() + " logical CPUs of host " + v.hostId());
            }
            if (v.pinning().highestCpu() >= cpu.logicalCpus()) {
                throw new IllegalArgumentException("VM " + v.id() + " is pinned to logical CPU " + v.pinning().highestCpu()
                        + "; host " + v.hostId() + " has logical CPUs 0–" + (cpu.logicalCpus() - 1));
            }
            for (int i = 0; i < v.nics().size(); i++) {
                checkNic(v, i, networkById, switchByPortGroup);
            }
        }
        checkNicIdentities(vms, networkById);
        Set<String> vmIds = new HashSet<>();
        for (VmSpec v : vms) {
            vmIds.add(v.id());
        }
        for (IoDeviceSpec d : devices) {
            claim(ids, d.id());
            if (!vmIds.contains(d.vmId())) {
                throw new IllegalArgumentException("I/O device " + d.id() + " belongs to unknown VM " + d.vmId());
            }
        }
    }

    private static void claim(Set<String> ids, String id) {
        if (!ids.add(id)) {
            throw new IllegalArgumentException("duplicate id " + id);
        }
    }

    /** Two networks of one host need bridges of their own and subnets that do not overlap. */
    private static void checkBesides(NetworkSpec n, NetworkSpec other) {
        if (n.bridge().equals(other.bridge())) {
            throw new IllegalArgumentException("networks " + other.id() + " and " + n.id() + " on host " + n.hostId()
                    + " both use bridge " + n.bridge());
        }
        if (n.subnet() != null && other.subnet() != null
                && n.subnetCidr().orElseThrow().overlaps(other.subnetCidr().orElseThrow())) {
            throw new IllegalArgumentException("network " + n.id() + "'s subnet " + n.subnet() + " overlaps network "
                    + other.id() + "'s " + other.subnet() + " on host " + n.hostId());
        }
    }

    /**
     * What a NIC fixes for itself: a MAC no other NIC has, an address in its network's subnet that is neither
     * the network's, its broadcast nor the host's on the bridge (the first, as libvirt's 192.168.122.1) and no
     * other NIC of the network has, port forwards only into a NAT network and each host port of a host once.
     */
    private static void checkNicIdentities(List<VmSpec> vms, Map<String, NetworkSpec> networkById) {
        Map<String, String> macs = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        Map<String, String> hostPorts = new HashMap<>();
        for (VmSpec v : vms) {
            for (int i = 0; i < v.nics().size(); i++) {
                NicSpec nic = v.nics().get(i);
                String name = "VM " + v.id() + " " + NicSpec.name(i);
                if (nic.mac() != null) {
                    String other = macs.putIfAbsent(nic.mac(), name);
                    if (other != null) {
                        throw new IllegalArgumentException(name + " has MAC " + nic.mac() + ", as " + other + " has");
                    }
                }
                NetworkSpec network = nic.networkId() == null ? null : networkById.get(nic.networkId());
                if (nic.address() != null) {
                    checkAddress(name, nic.address(), network);
                    String other = addresses.putIfAbsent(network.id() + " " + nic.address(), name);
                    if (other != null) {
                        throw new IllegalArgumentException(name + " has address " + nic.address() + " on network "
                                + network.id() + ", as " + other + " has");
                    }
                }
                if (!nic.portForwards().isEmpty() && network.mode() != NetworkMode.NAT) {
                    throw new IllegalArgumentException(name + " has port forwards, but network " + network.id()
                            + " is " + network.mode().name().toLowerCase(java.util.Locale.ROOT)
                            + "; only a NAT network forwards ports");
                }
                for (PortForwardSpec f : nic.portForwards()) {
                    String key = v.hostId() + " " + f.protocol() + " " + f.hostPort();
                    String other = hostPorts.putIfAbsent(key, name);
                    if (other != null) {
                        throw new IllegalArgumentException(name + " forwards " + f.protocol().spelling() + " port "
                                + f.hostPort() + " of host " + v.hostId() + ", which " + other + " forwards already");
                    }
                }
            }
        }
    }

    private static void checkAddress(String name, String address, NetworkSpec network) {
        if (network.subnet() == null) {
            throw new IllegalArgumentException(name + " has address " + address + ", but network " + network.id()
                    + " is bridged: its guests take the LAN's addresses");
        }
        Ipv4Cidr subnet = network.subnetCidr().orElseThrow();
        int ip = NicSpec.parseAddress(address).orElseThrow();
        if (!new Ipv4Cidr(ip, subnet.prefix()).network().equals(subnet)) {
            throw new IllegalArgumentException(name + " has address " + address + ", outside network " + network.id()
                    + "'s subnet " + network.subnet());
        }
        int hostBits = ip & ~subnet.mask();
        if (hostBits == 0 || hostBits == ~subnet.mask() || hostBits == 1) {
            throw new IllegalArgumentException(name + " has address " + address + ", which network " + network.id()
                    + " keeps for " + (hostBits == 1 ? "the host's bridge" : hostBits == 0 ? "the network" : "broadcast"));
        }
    }

    private static void checkNic(VmSpec v, int index, Map<String, NetworkSpec> networkById,
                                 Map<String, SwitchSpec> switchByPortGroup) {
        NicSpec nic = v.nics().get(index);
        String name = "VM " + v.id() + " " + NicSpec.name(index);
        if (nic.networkId() != null) {
            NetworkSpec network = networkById.get(nic.networkId());
            if (network == null) {
                throw new IllegalArgumentException(name + " is plugged into unknown network " + nic.networkId());
            }
            if (!network.hostId().equals(v.hostId())) {
                throw new IllegalArgumentException(name + " is plugged into network " + network.id() + " of host "
                        + network.hostId() + ", but the VM is on host " + v.hostId());
            }
        }
        if (nic.portGroupId() != null) {
            SwitchSpec s = switchByPortGroup.get(nic.portGroupId());
            if (s == null) {
                throw new IllegalArgumentException(name + " is plugged into unknown port group " + nic.portGroupId());
            }
            if (!s.spans(v.hostId())) {
                throw new IllegalArgumentException(name + " is plugged into port group " + nic.portGroupId()
                        + " of switch " + s.id() + ", which does not span the VM's host " + v.hostId());
            }
        }
    }
}
