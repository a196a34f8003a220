package org.virtlab.engine.memory;

/** Whose table a memory reference reads. */
public enum PageTableKind {
    /** The OS's own table on bare metal: virtual → physical. */
    NATIVE("native"),
    /** The guest OS's table: guest virtual → guest physical; it lives in guest-physical memory. */
    GUEST("guest"),
    /** The hypervisor's EPT / NPT table: guest physical → host physical. */
    HOST("host"),
    /** The hypervisor's shadow table: guest virtual → host physical. */
    SHADOW("shadow");

    private final String id;

    PageTableKind(String id) {
        this.id = id;
    }

    /** The name used in JSON. */
    public String id() {
        return id;
    }
}
