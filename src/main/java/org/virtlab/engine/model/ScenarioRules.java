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
