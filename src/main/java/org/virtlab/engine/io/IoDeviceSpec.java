package org.virtlab.engine.io;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.model.Ranges;

/**
 * One I/O device of a VM and the workload its guest runs on it.
 *
 * @param id         the device's id, unique among the devices of a simulation
 * @param vmId       the VM that owns it
 * @param workload   what its guest asks of it
 * @param mode       emulated, virtio or passthrough, with the mode's settings
 * @param coalescing interrupt coalescing in the device
 * @param physical   the real device underneath
 */
public record IoDeviceSpec(String id, String vmId, IoWorkload workload, IoMode mode, Coalescing coalescing,
                           PhysicalDevice physical) {
    public IoDeviceSpec {
        Ranges.id("id", id);
        Ranges.id("vmId", vmId);
        if (workload == null) {
            throw new IllegalArgumentException("device " + id + ": workload is required");
        }
        if (mode == null) {
            throw new IllegalArgumentException("device " + id + ": mode is required: Emulated, Virtio or Passthrough");
        }
        checkServes(id, mode, workload.kind());
        coalescing = coalescing == null ? Coalescing.NONE : coalescing;
        physical = physical == null ? PhysicalDevice.forKind(workload.kind()) : physical;
    }

    /** No coalescing, the default physical device for the workload's kind. */
    public IoDeviceSpec(String id, String vmId, IoWorkload workload, IoMode mode) {
        this(id, vmId, workload, mode, Coalescing.NONE, null);
    }

    static void checkServes(String id, IoMode mode, IoKind kind) {
        if (mode instanceof IoMode.Virtio v && !v.indirect() && v.queueSize() < kind.buffersPerRequest()) {
            // virtio 1.1 §2.6.5.3.1: "A driver MUST NOT create a descriptor chain longer than the Queue Size of the
            // device"; an indirect table lifts the limit in practice (Linux and QEMU accept longer indirect chains)
            throw new IllegalArgumentException("device " + id + ": a " + kind + " request is a chain of "
                    + kind.buffersPerRequest() + " descriptors, longer than a queue of " + v.queueSize()
                    + "; use a queue of at least " + Integer.highestOneBit(kind.buffersPerRequest() * 2 - 1)
                    + " or indirect descriptors");
        }
        if (mode instanceof IoMode.Emulated e && !e.model().serves(kind)) {
            List<String> fit = new ArrayList<>();
            for (EmulatedModel m : EmulatedModel.values()) {
                if (m.serves(kind)) {
                    fit.add(m.modelName());
                }
            }
            throw new IllegalArgumentException("device " + id + ": the emulated " + e.model().modelName() + " is a "
                    + (e.model().network() ? "network card" : "disk") + " and cannot serve " + kind
                    + " requests; models that can: " + String.join(", ", fit));
        }
    }

    /** Whether the VM owns this device outright (passthrough), which rules out live migration. */
    public boolean passthrough() {
        return mode.passthrough();
    }

    public IoDeviceSpec withMode(IoMode newMode) {
        return new IoDeviceSpec(id, vmId, workload, newMode, coalescing, physical);
    }

    public IoDeviceSpec withWorkload(IoWorkload newWorkload) {
        return new IoDeviceSpec(id, vmId, newWorkload, mode, coalescing, physical);
    }

    /**
     * The VMs that own a passthrough device among {@code devices}, each once, in the order of their first such
     * device: the VMs live migration must refuse ({@code MigrationReason.PASSTHROUGH}).
     */
    public static List<String> passthroughVmIds(List<IoDeviceSpec> devices) {
        List<String> vms = new ArrayList<>();
        for (IoDeviceSpec d : devices) {
            if (d.passthrough() && !vms.contains(d.vmId())) {
                vms.add(d.vmId());
            }
        }
        return List.copyOf(vms);
    }
}
