package org.virtlab.engine.model;

import org.virtlab.engine.cpu.Workload;

/**
 * A virtual machine placed on a host, with the CPU demand its guest generates.
 *
 * @param x,y position on the topology canvas (layout only; the engine ignores it)
 */
public record VmSpec(String id, String name, String hostId, int vcpus, long memoryMib, Workload workload,
                     double x, double y) {
    /** vSMP: the course article's example allows up to 64 vCPUs per VM. */
    public static final int MAX_VCPUS = 64;
    public static final long MIN_MEMORY_MIB = 16;
    public static final long MAX_MEMORY_MIB = 4L * 1024 * 1024;

    public VmSpec {
        Ranges.id("id", id);
        name = name == null || name.isBlank() ? id : name;
        Ranges.id("host", hostId);
        Ranges.check("vcpus", vcpus, 1, MAX_VCPUS);
        Ranges.check("memoryMib", memoryMib, MIN_MEMORY_MIB, MAX_MEMORY_MIB);
        if (workload == null) {
            throw new IllegalArgumentException("workload is required");
        }
    }

    public VmSpec withWorkload(Workload newWorkload) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, newWorkload, x, y);
    }
}
