package org.virtlab.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.memory.host.MemoryActivity;
import org.virtlab.engine.memory.host.MemoryQos;

/**
 * A virtual machine placed on a host: its size, the CPU demand its guest generates, its CPU QoS and
 * optional pinning of vCPUs to logical CPUs, its virtual NICs, how fast its guest dirties memory, its memory QoS
 * and how its guest uses its memory.
 *
 * @param nics              its virtual NICs, 0–{@value #MAX_NICS}; a NIC's place in the list is its name
 *                          ({@link NicSpec#name})
 * @param dirtyMibPerSecond how much memory its guest writes per second, 0–100000 MiB/s: what a live
 *                          migration's pre-copy rounds must send again
 * @param memoryQos         memory shares, limit and reservation; the reservation at most {@code memoryMib}
 * @param memoryActivity    how much memory its guest wants and how it uses it; the demand at most {@code memoryMib}
 * @param x,y               position on the topology canvas (layout only; the engine ignores it)
 */
public record VmSpec(String id, String name, String hostId, int vcpus, long memoryMib, Workload workload,
                     CpuQos cpuQos, Pinning pinning, List<NicSpec> nics, double dirtyMibPerSecond,
                     MemoryQos memoryQos, MemoryActivity memoryActivity, double x, double y) {
    /** vSMP: the course article's example allows up to 64 vCPUs per VM. */
    public static final int MAX_VCPUS = 64;
    public static final long MIN_MEMORY_MIB = 16;
    public static final long MAX_MEMORY_MIB = 4L * 1024 * 1024;
    /** NICs per VM in a lesson (issue #4): room for a few networks without a wall of wires. */
    public static final int MAX_NICS = 8;
    /** A guest that writes a little, like an idle server's logs and caches. */
    public static final double DEFAULT_DIRTY_MIB_PER_SECOND = 16;
    /** 100 000 MiB/s: beyond any memory bus a lesson would model. */
    public static final double MAX_DIRTY_MIB_PER_SECOND = 100_000;

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
        nics = nics == null ? List.of() : List.copyOf(nics);
        Ranges.check("nics", nics.size(), 0, MAX_NICS);
        Ranges.check("dirtyMibPerSecond", dirtyMibPerSecond, 0, MAX_DIRTY_MIB_PER_SECOND);
        memoryQos = memoryQos == null ? MemoryQos.DEFAULT : memoryQos;
        memoryActivity = memoryActivity == null ? MemoryActivity.DEFAULT : memoryActivity;
        Ranges.check("reservationMib", memoryQos.reservationMib(), 0, memoryMib);
        Ranges.check("demandMib", memoryActivity.demandMib(), 0, memoryMib);
    }

    /** A VM with the default memory QoS and no memory activity. */
    public VmSpec(String id, String name, String hostId, int vcpus, long memoryMib, Workload workload,
                  CpuQos cpuQos, Pinning pinning, List<NicSpec> nics, double dirtyMibPerSecond, double x, double y) {
        this(id, name, hostId, vcpus, memoryMib, workload, cpuQos, pinning, nics, dirtyMibPerSecond, MemoryQos.DEFAULT,
                MemoryActivity.DEFAULT, x, y);
    }

    /** A VM with no NICs and the default dirty rate. */
    public VmSpec(String id, String name, String hostId, int vcpus, long memoryMib, Workload workload,
                  CpuQos cpuQos, Pinning pinning, double x, double y) {
        this(id, name, hostId, vcpus, memoryMib, workload, cpuQos, pinning, List.of(), DEFAULT_DIRTY_MIB_PER_SECOND,
                x, y);
    }

    /** A VM with default QoS (Normal shares, no limit, no reservation), no pinning and no NICs. */
    public VmSpec(String id, String name, String hostId, int vcpus, long memoryMib, Workload workload,
                  double x, double y) {
        this(id, name, hostId, vcpus, memoryMib, workload, CpuQos.DEFAULT, Pinning.NONE, x, y);
    }

    /** The same VM at another place on the canvas. */
    public VmSpec at(double newX, double newY) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, workload, cpuQos, pinning, nics, dirtyMibPerSecond,
                memoryQos, memoryActivity, newX, newY);
    }

    /** The same VM on another host, at (x, y) on the canvas. */
    public VmSpec onHost(String newHostId, double newX, double newY) {
        return new VmSpec(id, name, newHostId, vcpus, memoryMib, workload, cpuQos, pinning, nics, dirtyMibPerSecond,
                memoryQos, memoryActivity, newX, newY);
    }

    /**
     * A copy of this VM under another id and name (a paste): its NICs plugged in as the original's, without the
     * MACs, addresses and port forwards they fix, which are one machine's only.
     */
    public VmSpec copy(String newId, String newName) {
        return new VmSpec(newId, newName, hostId, vcpus, memoryMib, workload, cpuQos, pinning,
                nics.stream().map(NicSpec::plugOnly).toList(), dirtyMibPerSecond, memoryQos, memoryActivity, x, y);
    }

    public VmSpec withName(String newName) {
        return new VmSpec(id, newName, hostId, vcpus, memoryMib, workload, cpuQos, pinning, nics, dirtyMibPerSecond,
                memoryQos, memoryActivity, x, y);
    }

    /**
     * Another size. Pinning names vCPUs, so it is kept only if the vCPU count stays; a memory reservation or
     * demand above the new memory is cut to it; everything else (QoS, NICs, dirty rate, position) is kept.
     */
    public VmSpec withSize(int newVcpus, long newMemoryMib) {
        Pinning kept = newVcpus == vcpus ? pinning : Pinning.NONE;
        MemoryQos q = memoryQos.reservationMib() <= newMemoryMib ? memoryQos
                : new MemoryQos(memoryQos.shares(), memoryQos.limitMib(), Math.max(0, newMemoryMib));
        MemoryActivity a = memoryActivity.demandMib() <= newMemoryMib ? memoryActivity
                : memoryActivity.withDemandMib(Math.max(0, newMemoryMib));
        return new VmSpec(id, name, hostId, newVcpus, newMemoryMib, workload, cpuQos, kept, nics, dirtyMibPerSecond,
                q, a, x, y);
    }

    public VmSpec withWorkload(Workload newWorkload) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, newWorkload, cpuQos, pinning, nics, dirtyMibPerSecond,
                memoryQos, memoryActivity, x, y);
    }

    public VmSpec withCpuQos(CpuQos qos) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, workload, qos, pinning, nics, dirtyMibPerSecond, memoryQos,
                memoryActivity, x, y);
    }

    public VmSpec withPinning(Pinning newPinning) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, workload, cpuQos, newPinning, nics, dirtyMibPerSecond,
                memoryQos, memoryActivity, x, y);
    }

    public VmSpec withNics(List<NicSpec> newNics) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, workload, cpuQos, pinning, newNics, dirtyMibPerSecond,
                memoryQos, memoryActivity, x, y);
    }

    /** The NIC at {@code index} replaced; {@code index == nics().size()} adds one at the end. */
    public VmSpec withNic(int index, NicSpec nic) {
        List<NicSpec> next = new ArrayList<>(nics);
        if (index == next.size()) {
            next.add(nic);
        } else {
            next.set(index, nic);
        }
        return withNics(next);
    }

    public VmSpec withDirtyMibPerSecond(double rate) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, workload, cpuQos, pinning, nics, rate, memoryQos,
                memoryActivity, x, y);
    }

    public VmSpec withMemoryQos(MemoryQos qos) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, workload, cpuQos, pinning, nics, dirtyMibPerSecond, qos,
                memoryActivity, x, y);
    }

    public VmSpec withMemoryActivity(MemoryActivity activity) {
        return new VmSpec(id, name, hostId, vcpus, memoryMib, workload, cpuQos, pinning, nics, dirtyMibPerSecond,
                memoryQos, activity, x, y);
    }
}
