package org.virtlab.engine.model;

/**
 * A host's processors: sockets × cores per socket × threads per core logical CPUs, each core clocked at
 * {@code mhzPerCore}. The course article's example host has 24 logical CPUs at 1 GHz = 24 GHz to share
 * (../shared/reference/virtualization.md §1).
 */
public record CpuTopology(int sockets, int coresPerSocket, int threadsPerCore, int mhzPerCore) {
    public static final int MAX_SOCKETS = 8;
    public static final int MAX_CORES_PER_SOCKET = 128;
    public static final int MAX_THREADS_PER_CORE = 2;
    public static final int MIN_MHZ = 100;
    public static final int MAX_MHZ = 10_000;

    public CpuTopology {
        Ranges.check("sockets", sockets, 1, MAX_SOCKETS);
        Ranges.check("coresPerSocket", coresPerSocket, 1, MAX_CORES_PER_SOCKET);
        Ranges.check("threadsPerCore", threadsPerCore, 1, MAX_THREADS_PER_CORE);
        Ranges.check("mhzPerCore", mhzPerCore, MIN_MHZ, MAX_MHZ);
    }

    public int cores() {
        return sockets * coresPerSocket;
    }

    public int logicalCpus() {
        return cores() * threadsPerCore;
    }

    /** What every logical CPU could run if each had a core to itself: logical CPUs × MHz. */
    public long logicalCapacityMhz() {
        return (long) logicalCpus() * mhzPerCore;
    }
}
