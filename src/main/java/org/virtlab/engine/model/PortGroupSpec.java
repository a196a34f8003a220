package org.virtlab.engine.model;

/**
 * A distributed port group of a {@link SwitchSpec}: the ports VMs plug into, with the VLAN their traffic is
 * tagged with. The policy belongs to the port group, not to a host, so a VM keeps it when it moves between
 * hosts the switch spans (virtualization.md §4).
 *
 * @param vlanId the IEEE 802.1Q VLAN ID, 1–4094 (0 means "no VLAN, priority tag only" and 4095 is reserved)
 */
public record PortGroupSpec(String id, String name, int vlanId) {
    public static final int MIN_VLAN_ID = 1;
    public static final int MAX_VLAN_ID = 4094;

    public PortGroupSpec {
        Ranges.id("id", id);
        name = name == null || name.isBlank() ? id : name;
        Ranges.check("vlanId", vlanId, MIN_VLAN_ID, MAX_VLAN_ID);
    }

    public PortGroupSpec withName(String newName) {
        return new PortGroupSpec(id, newName, vlanId);
    }

    public PortGroupSpec withVlanId(int newVlanId) {
        return new PortGroupSpec(id, name, newVlanId);
    }
}
