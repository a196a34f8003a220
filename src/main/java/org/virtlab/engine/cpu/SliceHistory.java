package org.virtlab.engine.cpu;

import java.util.List;

/**
 * The slices of the last {@code historyMicros} per logical CPU, in one growable ring buffer per CPU
 * (parallel primitive arrays, no object per slice until a snapshot asks for a list).
 *
 * <p>Slices are recorded in start order on each CPU, so the oldest is always at the ring's head.
 */
final class SliceHistory {
    private static final int INITIAL_CAPACITY = 64;

    private final long historyMicros;
    private int[][] vm;
    private int[][] vcpu;
    private long[][] start;
    private long[][] end;
    private final int[] head;
    private final int[] size;

    SliceHistory(int cpus, long historyMicros) {
        this.historyMicros = historyMicros;
        vm = new int[cpus][INITIAL_CAPACITY];
        vcpu = new int[cpus][INITIAL_CAPACITY];
        start = new long[cpus][INITIAL_CAPACITY];
        end = new long[cpus][INITIAL_CAPACITY];
        head = new int[cpus];
        size = new int[cpus];
    }

    private SliceHistory(SliceHistory from) {
        historyMicros = from.historyMicros;
        vm = deep(from.vm);
        vcpu = deep(from.vcpu);
        start = deep(from.start);
        end = deep(from.end);
        head = from.head.clone();
        size = from.size.clone();
    }

    SliceHistory copy() {
        return new SliceHistory(this);
    }

    /** Records a finished slice on {@code cpu}; forgets this CPU's slices that ended before the window. */
    void record(int cpu, int vmIndex, int vcpuIndex, long startMicros, long endMicros) {
        forget(cpu, endMicros - historyMicros);
        int cap = vm[cpu].length;
        if (size[cpu] == cap) {
            grow(cpu);
            cap = vm[cpu].length;
        }
        int i = (head[cpu] + size[cpu]) % cap;
        vm[cpu][i] = vmIndex;
        vcpu[cpu][i] = vcpuIndex;
        start[cpu][i] = startMicros;
        end[cpu][i] = endMicros;
        size[cpu]++;
    }

    /** Appends this CPU's slices that end after {@code cutoffMicros}, oldest first. */
    void appendTo(List<Slice> out, int cpu, long cutoffMicros) {
        int cap = vm[cpu].length;
        for (int k = 0; k < size[cpu]; k++) {
            int i = (head[cpu] + k) % cap;
            if (end[cpu][i] > cutoffMicros) {
                out.add(new Slice(cpu, vm[cpu][i], vcpu[cpu][i], start[cpu][i], end[cpu][i]));
            }
        }
    }

    private void forget(int cpu, long cutoffMicros) {
        int cap = vm[cpu].length;
        while (size[cpu] > 0 && end[cpu][head[cpu]] <= cutoffMicros) {
            head[cpu] = (head[cpu] + 1) % cap;
            size[cpu]--;
        }
    }

    private void grow(int cpu) {
        int cap = vm[cpu].length;
        int[] v = new int[cap * 2];
        int[] c = new int[cap * 2];
        long[] s = new long[cap * 2];
        long[] e = new long[cap * 2];
        for (int k = 0; k < size[cpu]; k++) {
            int i = (head[cpu] + k) % cap;
            v[k] = vm[cpu][i];
            c[k] = vcpu[cpu][i];
            s[k] = start[cpu][i];
            e[k] = end[cpu][i];
        }
        vm[cpu] = v;
        vcpu[cpu] = c;
        start[cpu] = s;
        end[cpu] = e;
        head[cpu] = 0;
    }

    private static int[][] deep(int[][] a) {
        int[][] b = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
        }
        return b;
    }

    private static long[][] deep(long[][] a) {
        long[][] b = new long[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
        }
        return b;
    }

}
