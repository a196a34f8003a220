package org.virtlab.engine.model;

/**
 * One virtual NIC of a VM, plugged into a network of the VM's host, into a port group of a distributed
 * switch that spans the host, or into nothing. A NIC has no id: its place in the VM's list is its name
 * ({@code nic0}, {@code nic1}, ...), as a guest sees its first, second, ... adapter. In the topology
 * editor, a wire is a NIC that is plugged in.
 *
 * @param networkId   the {@link NetworkSpec} it is plugged into, or {@code null}
 * @param portGroupId the {@link PortGroupSpec} it is plugged into, or {@code null}
 */
public record NicSpec(String networkId, String portGroupId) {
    /** A NIC plugged into nothing. */
    public static final NicSpec UNWIRED = new NicSpec(null, null);

    public NicSpec {
        if (networkId != null && portGroupId != null) {
            throw new IllegalArgumentException("a NIC is plugged into a network or a port group, not both: "
                    + networkId + " and " + portGroupId);
        }
        if (networkId != null) {
            Ranges.id("network", networkId);
        }
        if (portGroupId != null) {
            Ranges.id("portGroup", portGroupId);
        }
    }

    public static NicSpec toNetwork(String networkId) {
        return new NicSpec(networkId, null);
    }

    public static NicSpec toPortGroup(String portGroupId) {
        return new NicSpec(null, portGroupId);
    }

    /** Whether it is plugged into something. */
    public boolean wired() {
        return networkId != null || portGroupId != null;
    }

    /** The name the NIC at {@code index} goes by: {@code nic0}, {@code nic1}, ... */
    public static String name(int index) {
        return "nic" + index;
    }
}
