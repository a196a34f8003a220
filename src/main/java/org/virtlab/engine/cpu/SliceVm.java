package org.virtlab.engine.cpu;

/**
 * What the {@link SliceScheduler} needs to know of one VM: how many vCPUs it has and where they may run.
 *
 * @param vcpus   number of vCPUs, at least 1
 * @param pinning per-vCPU logical CPU sets, or {@link Pinning#NONE}
 */
public record SliceVm(int vcpus, Pinning pinning) {
    public SliceVm {
        if (vcpus < 1) {
            throw new IllegalArgumentException("a VM has at least one vCPU, was " + vcpus);
        }
        if (pinning == null) {
            throw new IllegalArgumentException("pinning is required (Pinning.NONE for none)");
        }
        if (pinning.pinned() && pinning.perVcpu().size() != vcpus) {
            throw new IllegalArgumentException(
                    "pinning lists " + pinning.perVcpu().size() + " vCPUs for a VM with " + vcpus);
        }
    }

    public static SliceVm unpinned(int vcpus) {
        return new SliceVm(vcpus, Pinning.NONE);
    }
}
