package org.virtlab.engine.memory;

/**
 * The address spaces of a translation under virtualization: the guest's virtual addresses, the guest's
 * "physical" addresses (what the guest believes is RAM; the article's PA) and the host's physical
 * addresses (the machine's RAM; the article's MA). On bare metal there is only virtual and host physical.
 */
public enum AddressSpace {
    GUEST_VIRTUAL("guest-virtual"),
    GUEST_PHYSICAL("guest-physical"),
    HOST_PHYSICAL("host-physical");

    private final String id;

    AddressSpace(String id) {
        this.id = id;
    }

    /** The name used in JSON. */
    public String id() {
        return id;
    }
}
