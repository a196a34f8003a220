package org.virtlab.engine.model;

import org.virtlab.engine.cpu.HostCpuPolicy;
import org.virtlab.engine.memory.host.HostMemoryPolicy;

/**
 * A physical host as the lesson describes it.
 *
 * @param cpuPolicy    how its hypervisor shares the CPUs (reservation mode, hyper-threading factor, quantum)
 * @param memoryPolicy how its hypervisor manages memory under pressure (thresholds, page sharing, balloon, swap)
 * @param x,y          position on the topology canvas (layout only; the engine ignores it)
 */
public record HostSpec(String id, String name, CpuTopology cpu, HostCpuPolicy cpuPolicy, long memoryMib,
                       HostMemoryPolicy memoryPolicy, double x, double y) {
    public static final long MIN_MEMORY_MIB = 256;
    public static final long MAX_MEMORY_MIB = 16L * 1024 * 1024;

    public HostSpec {
        Ranges.id("id", id);
        name = name == null || name.isBlank() ? id : name;
        if (cpu == null) {
            throw new IllegalArgumentException("cpu is required");
        }
        cpuPolicy = cpuPolicy == null ? HostCpuPolicy.DEFAULT : cpuPolicy;
        Ranges.check("memoryMib", memoryMib, MIN_MEMORY_MIB, MAX_MEMORY_MIB);
        memoryPolicy = memoryPolicy == null ? HostMemoryPolicy.DEFAULT : memoryPolicy;
    }

    /** A host with the default memory policy. */
    public HostSpec(String id, String name, CpuTopology cpu, HostCpuPolicy cpuPolicy, long memoryMib, double x,
                    double y) {
        this(id, name, cpu, cpuPolicy, memoryMib, HostMemoryPolicy.DEFAULT, x, y);
    }

    /** A host with the default CPU policy. */
    public HostSpec(String id, String name, CpuTopology cpu, long memoryMib, double x, double y) {
        this(id, name, cpu, HostCpuPolicy.DEFAULT, memoryMib, x, y);
    }

    /** The same host at another place on the canvas. */
    public HostSpec at(double newX, double newY) {
        return new HostSpec(id, name, cpu, cpuPolicy, memoryMib, memoryPolicy, newX, newY);
    }

    /** The same host under another name. */
    public HostSpec withName(String newName) {
        return new HostSpec(id, newName, cpu, cpuPolicy, memoryMib, memoryPolicy, x, y);
    }

    /** The same host with other hardware (its policies and place kept). */
    public HostSpec withHardware(String newName, CpuTopology newCpu, long newMemoryMib) {
        return new HostSpec(id, newName, newCpu, cpuPolicy, newMemoryMib, memoryPolicy, x, y);
    }

    /** A copy of this host under another id and name, at (x, y) (a paste). */
    public HostSpec copy(String newId, String newName, double newX, double newY) {
        return new HostSpec(newId, newName, cpu, cpuPolicy, memoryMib, memoryPolicy, newX, newY);
    }

    public HostSpec withCpuPolicy(HostCpuPolicy policy) {
        return new HostSpec(id, name, cpu, policy, memoryMib, memoryPolicy, x, y);
    }

    public HostSpec withMemoryPolicy(HostMemoryPolicy policy) {
        return new HostSpec(id, name, cpu, cpuPolicy, memoryMib, policy, x, y);
    }
}
