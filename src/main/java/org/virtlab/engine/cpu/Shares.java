package org.virtlab.engine.cpu;

import org.virtlab.engine.model.Ranges;

/**
 * A VM's CPU shares: its relative weight under contention (VMware vSphere resource management). The
 * presets count per vCPU: Low 500, Normal 1000, High 2000 (../shared/reference/virtualization.md §1);
 * a custom value is the VM's total.
 */
public record Shares(Level level, int custom) {
    public static final int LOW_PER_VCPU = 500;
    public static final int NORMAL_PER_VCPU = 1000;
    public static final int HIGH_PER_VCPU = 2000;
    public static final int MIN_CUSTOM = 1;
    public static final int MAX_CUSTOM = 1_000_000;

    public static final Shares LOW = new Shares(Level.LOW, 0);
    public static final Shares NORMAL = new Shares(Level.NORMAL, 0);
    public static final Shares HIGH = new Shares(Level.HIGH, 0);

    public enum Level { LOW, NORMAL, HIGH, CUSTOM }

    public Shares {
        if (level == null) {
            throw new IllegalArgumentException("shares level is required");
        }
        if (level == Level.CUSTOM) {
            Ranges.check("shares", custom, MIN_CUSTOM, MAX_CUSTOM);
        } else if (custom != 0) {
            throw new IllegalArgumentException("a preset level takes no custom value");
        }
    }

    public static Shares custom(int value) {
        return new Shares(Level.CUSTOM, value);
    }

    /** The VM's weight: preset × vCPUs, or the custom value. */
    public long total(int vcpus) {
        return switch (level) {
            case LOW -> (long) LOW_PER_VCPU * vcpus;
            case NORMAL -> (long) NORMAL_PER_VCPU * vcpus;
            case HIGH -> (long) HIGH_PER_VCPU * vcpus;
            case CUSTOM -> custom;
        };
    }
}
