package org.virtlab.engine.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * Which logical CPUs each vCPU may run on (libvirt's {@code <vcpupin>}): one sorted, non-empty list per
 * vCPU, or none at all (any vCPU on any logical CPU).
 */
public record Pinning(List<List<Integer>> perVcpu) {
    public static final Pinning NONE = new Pinning(List.of());

    public Pinning {
        List<List<Integer>> copy = new ArrayList<>();
        for (List<Integer> cpus : perVcpu) {
            if (cpus.isEmpty()) {
                throw new IllegalArgumentException("a pinned vCPU needs at least one logical CPU");
            }
            List<Integer> sorted = cpus.stream().sorted().distinct().toList();
            if (sorted.get(0) < 0) {
                throw new IllegalArgumentException("logical CPU numbers start at 0, was " + sorted.get(0));
            }
            copy.add(sorted);
        }
        perVcpu = List.copyOf(copy);
    }

    /** Every vCPU of a VM pinned to the same logical CPUs. */
    public static Pinning all(int vcpus, List<Integer> cpus) {
        List<List<Integer>> each = new ArrayList<>();
        for (int i = 0; i < vcpus; i++) {
            each.add(cpus);
        }
        return new Pinning(each);
    }

    public boolean pinned() {
        return !perVcpu.isEmpty();
    }

    /** The highest logical CPU number used, or -1 when not pinned. */
    public int highestCpu() {
        return perVcpu.stream().mapToInt(l -> l.get(l.size() - 1)).max().orElse(-1);
    }
}
