package org.virtlab.engine.net;

import java.util.List;

/**
 * A switch: a Linux bridge on a host, the physical LAN or WAN switch, or a distributed switch's proxy on one host.
 *
 * @param hostId the host it is on, {@code null} for the physical ones
 * @param uplink for a distributed switch's proxy, the index of its uplink port; -1 otherwise
 */
public record NetSwitch(String name, DeviceKind kind, String hostId, List<SwitchPort> ports, int uplink) {

    public NetSwitch {
        ports = List.copyOf(ports);
    }

    /** Whether it learns source MACs (Linux bridges and physical switches do; a vDS proxy does not). */
    public boolean learns() {
        return kind != DeviceKind.DVS_PROXY;
    }
}
