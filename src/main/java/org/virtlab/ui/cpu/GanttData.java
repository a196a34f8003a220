package org.virtlab.ui.cpu;

import java.util.List;

/**
 * What the time-slice Gantt draws: for one host, its logical CPUs (threads per core, so siblings can be
 * drawn as pairs) and the slices in a time window ending at {@code endMicros}.
 */
public record GanttData(String hostName, int logicalCpus, int threadsPerCore, long windowMicros, long endMicros,
                        List<Bar> bars, List<String> vmNames) {
    public static final GanttData EMPTY = new GanttData("", 0, 1, 500_000, 0, List.of(), List.of());

    public GanttData {
        bars = List.copyOf(bars);
        vmNames = List.copyOf(vmNames);
    }

    /** One slice: vCPU {@code vcpu} of VM {@code vm} (scenario order, which picks its colour) on a logical CPU. */
    public record Bar(int logicalCpu, int vm, int vcpu, long startMicros, long endMicros) {
    }

    /** A moment to point at (the selected event): the slice running on {@code logicalCpu} at {@code atMicros}. */
    public record Mark(int logicalCpu, long atMicros) {
    }
}
