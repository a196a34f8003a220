package org.virtlab.ui.topology;

import java.util.Optional;

/**
 * A wire on the canvas: NIC number {@code nic} of a VM, plugged into a network or a port group. Its
 * selection id is {@code wire:<vmId>:<nic>} (ids of hosts and VMs never contain ':').
 */
public record Wire(String vmId, int nic) {
    static final String PREFIX = "wire:";

    public String id() {
        return PREFIX + vmId + ":" + nic;
    }

    /** The wire a selection id names, if it names one. */
    public static Optional<Wire> parse(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int colon = id.lastIndexOf(':');
        if (colon <= PREFIX.length()) {
            return Optional.empty();
        }
        try {
            int nic = Integer.parseInt(id.substring(colon + 1));
            return nic < 0 ? Optional.empty() : Optional.of(new Wire(id.substring(PREFIX.length(), colon), nic));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
