package org.virtlab.engine.model;

import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;

/**
 * A virtual machine placed on a host: its size, the CPU demand its guest generates, its CPU QoS and
 * optional pinning of vCPUs to logical CPUs.
 *
 * @param x,y position on the topology canvas (layout only; the engine ignores it)
 */
public record VmSpec(String id, String name, String hostId, int vcpus, long memoryMib, Workload workload,
                     CpuQos cpuQos, Pinning pinning, double x, double y) {
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
        cpuQos = cpuQos == null ? CpuQos.DEFAULT : cpuQos;
        pinning = pinning == null ? Pinning.NONE : pinning;
        if (pinning.pinned() && pinning.perVcpu().size() != vcpus) {
            throw new IllegalArgumentException("pinning lists " + pinning.perVcpu().size() + " vCPUs, the VM has " + vcpus);
        }
    }

    /** A VM with default QoS (Normal shares, no limit, no reservation) and no pinning. */
    public VmSpec(String id, String name, String hostId, int vcpus, long memoryMib, Workload workload,
                  double x, double y) {
        this(id, name, hostId, vcpus, memoryMib, workload, CpuQos.DEFAULT, Pinning.NONE, x, y);
    }

    /** The same VM at another place on the canvas. */
    public VmSpec at(double newX, double newY) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, workload, cpuQos, pinning, newX, newY);
    }

    public VmSpec withWorkload(Workload newWorkload) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, newWorkload, cpuQos, pinning, x, y);
    }

    public VmSpec withCpuQos(CpuQos qos) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, workload, qos, pinning, x, y);
    }

    public VmSpec withPinning(Pinning newPinning) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, workload, cpuQos, newPinning, x, y);
    }
}
