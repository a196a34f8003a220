package org.virtlab.engine.memory.host;

/** When a host's page-sharing scanner runs (Linux KSM, VMware TPS). */
public enum SharingMode {
    /** All the time, as KSM does once started and ESX's TPS did by default. */
    ALWAYS,
    /** Only while the host is short of memory (soft state or worse), as the host states' table has it. */
    UNDER_PRESSURE,
    /** Never. */
    OFF
}
