package org.virtlab.engine.net;

/**
 * Something a probe can start or end at.
 *
 * @param id    its name: a host's id, {@code vm:nic0} for a VM's NIC, {@code lan-pc}, {@code internet}
 * @param node  index of its machine
 * @param iface index of its interface for a VM's NIC; -1 for the others (they use whichever their routes pick)
 */
public record Endpoint(String id, Kind kind, int node, int iface) {

    public enum Kind {
        HOST, VM_NIC, LAN_MACHINE, INTERNET
    }
}
