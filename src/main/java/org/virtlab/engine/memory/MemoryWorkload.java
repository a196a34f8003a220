package org.virtlab.engine.memory;

import java.util.Objects;
import org.virtlab.engine.model.Ranges;

/**
 * A run of memory accesses and the events between them that disturb translation. Each event fires after
 * every N-th access (N = its {@code ...EveryAccesses}; 0 = never), so a run of A accesses has A / N of them.
 *
 * @param pattern                     the addresses touched
 * @param accesses                    how many, 1 to 10<sup>12</sup>
 * @param processes                   processes taking turns in each VM (1–64): a switch is a CR3 write
 * @param processSwitchEveryAccesses  accesses between process switches
 * @param vms                         VMs taking turns on the core (1–64; 1 in native mode): a switch passes
 *                                    through the host; with one VM it is a round trip (an exit for I/O)
 * @param vmSwitchEveryAccesses       accesses between VM switches
 * @param pageTableWriteEveryAccesses accesses between guest page-table writes (each changes the entry of the
 *                                    address just accessed)
 */
public record MemoryWorkload(AccessPattern pattern, long accesses, int processes, long processSwitchEveryAccesses,
                             int vms, long vmSwitchEveryAccesses, long pageTableWriteEveryAccesses) {
    public static final long MAX_ACCESSES = 1_000_000_000_000L;
    public static final int MAX_PROCESSES = 64;
    public static final int MAX_VMS = 64;

    public MemoryWorkload {
        Objects.requireNonNull(pattern, "pattern");
        Ranges.check("accesses", accesses, 1, MAX_ACCESSES);
        Ranges.check("processes", processes, 1, MAX_PROCESSES);
        Ranges.check("processSwitchEveryAccesses", processSwitchEveryAccesses, 0, MAX_ACCESSES);
        Ranges.check("vms", vms, 1, MAX_VMS);
        Ranges.check("vmSwitchEveryAccesses", vmSwitchEveryAccesses, 0, MAX_ACCESSES);
        Ranges.check("pageTableWriteEveryAccesses", pageTableWriteEveryAccesses, 0, MAX_ACCESSES);
    }

    /** One process in one VM, undisturbed. */
    public static MemoryWorkload of(AccessPattern pattern, long accesses) {
        return new MemoryWorkload(pattern, accesses, 1, 0, 1, 0, 0);
    }

    public MemoryWorkload withProcessSwitches(int count, long everyAccesses) {
        return new MemoryWorkload(pattern, accesses, count, everyAccesses, vms, vmSwitchEveryAccesses,
                pageTableWriteEveryAccesses);
    }

    public MemoryWorkload withVmSwitches(int count, long everyAccesses) {
        return new MemoryWorkload(pattern, accesses, processes, processSwitchEveryAccesses, count, everyAccesses,
                pageTableWriteEveryAccesses);
    }

    public MemoryWorkload withPageTableWrites(long everyAccesses) {
        return new MemoryWorkload(pattern, accesses, processes, processSwitchEveryAccesses, vms,
                vmSwitchEveryAccesses, everyAccesses);
    }
}
