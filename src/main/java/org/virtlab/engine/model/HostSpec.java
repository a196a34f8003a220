package org.virtlab.engine.model;

/**
 * A physical host as the lesson describes it.
 *
 * @param x,y position on the topology canvas (layout only; the engine ignores it)
 */
public record HostSpec(String id, String name, CpuTopology cpu, long memoryMib, double x, double y) {
    public static final long MIN_MEMORY_MIB = 256;
    public static final long MAX_MEMORY_MIB = 16L * 1024 * 1024;

    public HostSpec {
        Ranges.id("id", id);
        name = name == null || name.isBlank() ? id : name;
        if (cpu == null) {
            throw new IllegalArgumentException("cpu is required");
        }
        Ranges.check("memoryMib", memoryMib, MIN_MEMORY_MIB, MAX_MEMORY_MIB);
    }
}
