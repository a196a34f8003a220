package org.virtlab.engine.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A distributed virtual switch (vSphere's vDS): one switch managed centrally, with a proxy switch on every
 * host it spans, each host's physical NICs as its uplinks, and port groups VMs on any of those hosts can
 * join (virtualization.md §4).
 *
 * @param hostIds    the hosts the switch spans (each with its uplinks), none twice
 * @param portGroups its port groups; their ids are scenario ids like any other
 * @param x,y        position on the topology canvas (layout only; the engine ignores it)
 */
public record SwitchSpec(String id, String name, List<String> hostIds, List<PortGroupSpec> portGroups,
                         double x, double y) {

    public SwitchSpec {
        Ranges.id("id", id);
        name = name == null || name.isBlank() ? id : name;
        hostIds = List.copyOf(hostIds);
        portGroups = List.copyOf(portGroups);
        Set<String> seen = new HashSet<>();
        for (String host : hostIds) {
            Ranges.id("host", host);
            if (!seen.add(host)) {
                throw new IllegalArgumentException("switch " + id + " lists host " + host + " twice");
            }
        }
        Set<String> groups = new HashSet<>();
        for (PortGroupSpec group : portGroups) {
            if (!groups.add(group.id())) {
                throw new IllegalArgumentException("switch " + id + " has two port groups " + group.id());
            }
        }
    }

    /** Whether the switch has a proxy on {@code hostId}, so that VMs there can join its port groups. */
    public boolean spans(String hostId) {
        return hostIds.contains(hostId);
    }

    public Optional<PortGroupSpec> portGroup(String portGroupId) {
        return portGroups.stream().filter(g -> g.id().equals(portGroupId)).findFirst();
    }

    /** The same switch at another place on the canvas. */
    public SwitchSpec at(double newX, double newY) {
        return new SwitchSpec(id, name, hostIds, portGroups, newX, newY);
    }

    public SwitchSpec withName(String newName) {
        return new SwitchSpec(id, newName, hostIds, portGroups, x, y);
    }

    public SwitchSpec withHostIds(List<String> newHostIds) {
        return new SwitchSpec(id, name, newHostIds, portGroups, x, y);
    }

    public SwitchSpec withPortGroups(List<PortGroupSpec> newPortGroups) {
        return new SwitchSpec(id, name, hostIds, newPortGroups, x, y);
    }
}
