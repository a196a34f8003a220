package org.virtlab.ui.properties;

import org.virtlab.engine.model.CpuTopology;

/**
 * Where a logical CPU sits: its socket, its core and its thread on that core, numbered as the engine
 * numbers them (SliceScheduler, FluidAllocator): logical CPU = core × threads per core + thread, so the
 * two threads of a core are neighbours. The engine does not model sockets; cores count on through them,
 * socket by socket (CPU topology's sockets × cores per socket), so a core's socket is core ÷ cores per
 * socket. {@code core} is the host-wide core number, the one the CPU tab's Gantt chart shades by.
 */
record CpuPlace(int socket, int core, int thread) {

    static CpuPlace of(CpuTopology topology, int cpu) {
        int core = cpu / topology.threadsPerCore();
        return new CpuPlace(core / topology.coresPerSocket(), core, cpu % topology.threadsPerCore());
    }

    /** Whether the host has more than one socket or thread per core, so where a CPU sits tells something. */
    static boolean worthTelling(CpuTopology topology) {
        return topology.sockets() > 1 || topology.threadsPerCore() > 1;
    }
}
