package org.virtlab.engine.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a lesson sets up: its texts, the seed, the tick, the hosts and the VMs on them. Immutable;
 * the constructor refuses references to hosts that don't exist and duplicate ids, so an engine never
 * sees an inconsistent model.
 */
public record Scenario(LocalizedText title, LocalizedText goal, long seed, long tickMicros,
                       List<HostSpec> hosts, List<VmSpec> vms) {
    public static final long MIN_TICK_MICROS = 10;
    public static final long MAX_TICK_MICROS = 100_000;

    public Scenario {
        title = title == null ? LocalizedText.EMPTY : title;
        goal = goal == null ? LocalizedText.EMPTY : goal;
        Ranges.check("tickMicros", tickMicros, MIN_TICK_MICROS, MAX_TICK_MICROS);
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
        Set<String> ids = new HashSet<>();
        for (HostSpec h : hosts) {
            if (!ids.add(h.id())) {
                throw new IllegalArgumentException("duplicate id " + h.id());
            }
        }
        Set<String> hostIds = Set.copyOf(ids);
        for (VmSpec v : vms) {
            if (!ids.add(v.id())) {
                throw new IllegalArgumentException("duplicate id " + v.id());
            }
            if (!hostIds.contains(v.hostId())) {
                throw new IllegalArgumentException("VM " + v.id() + " is on unknown host " + v.hostId());
            }
            CpuTopology cpu = hosts.stream().filter(h -> h.id().equals(v.hostId())).findFirst().orElseThrow().cpu();
            if (v.vcpus() > cpu.logicalCpus()) {
                throw new IllegalArgumentException("VM " + v.id() + " has " + v.vcpus() + " vCPUs, more than the "
                        + cpu.logicalCpus() + " logical CPUs of host " + v.hostId());
            }
            if (v.pinning().highestCpu() >= cpu.logicalCpus()) {
                throw new IllegalArgumentException("VM " + v.id() + " is pinned to logical CPU " + v.pinning().highestCpu()
                        + "; host " + v.hostId() + " has logical CPUs 0–" + (cpu.logicalCpus() - 1));
            }
        }
    }

    public Optional<HostSpec> host(String id) {
        return hosts.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    public Optional<VmSpec> vm(String id) {
        return vms.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public List<VmSpec> vmsOn(String hostId) {
        return vms.stream().filter(v -> v.hostId().equals(hostId)).toList();
    }

    public Scenario withVm(VmSpec replacement) {
        List<VmSpec> next = vms.stream().map(v -> v.id().equals(replacement.id()) ? replacement : v).toList();
        return new Scenario(title, goal, seed, tickMicros, hosts, next);
    }
}
