package org.virtlab.engine.io;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of what a request costs on its way through a mode: how often it happened per completed request (so far,
 * measured) and what it costs each time. The explanation of a device's throughput and latency, as data.
 *
 * @param stage      what happens
 * @param where      whose time it takes
 * @param perRequest how many times per completed request, measured
 * @param nanosEach  what it costs each time
 */
public record CostStep(Stage stage, Where where, double perRequest, double nanosEach) {

    /** The steps of a request's path, in path order. */
    public enum Stage {
        /** The guest's driver and stack prepare the request. */
        GUEST_SUBMIT,
        /** Emulated: a register access traps (exit served by QEMU). */
        REGISTER_ACCESS_EXIT,
        /** Emulated: the device model handles the access. */
        DEVICE_EMULATION,
        /** virtio: the kick's exit (in KVM with vhost, in QEMU without). */
        KICK_EXIT,
        /** virtio with vhost: waking the worker after a kick (a wait, not CPU time). */
        BACKEND_WAKEUP,
        /** The back-end serves the request (QEMU or vhost). */
        BACKEND,
        /** The back-end polls an empty ring. */
        POLLING,
        /** The device moves the data at its bandwidth. */
        TRANSFER,
        /** Passthrough: IOMMU translations found in the IOTLB. */
        IOTLB_HIT,
        /** Passthrough: IOMMU translations that walked the I/O page tables. */
        IOTLB_MISS,
        /** Inside the device (overlapped with other requests). */
        DEVICE_LATENCY,
        /** The host injects the interrupt. */
        INTERRUPT_INJECTION,
        /** Passthrough with remapped interrupts: the interrupt's exit. */
        INTERRUPT_EXIT,
        /** The guest takes the interrupt. */
        GUEST_INTERRUPT,
        /** Emulated: the interrupt's acknowledgement accesses trap (exits served by QEMU, and emulation). */
        INTERRUPT_ACK_EXIT,
        /** The guest's driver finishes the request. */
        GUEST_COMPLETE
    }

    /** Whose time a step takes. */
    public enum Where {
        /** The vCPU, in guest mode. */
        GUEST,
        /** The vCPU out of guest mode: the host serves an exit. Host CPU time too. */
        EXIT,
        /** A host CPU outside the vCPU (a back-end thread, interrupt injection). */
        HOST,
        /** The physical device or the IOMMU. */
        DEVICE,
        /** A wait that uses no CPU. */
        WAIT
    }

    /** Nanoseconds per completed request this step adds up to. */
    public double nanosPerRequest() {
        return perRequest * nanosEach;
    }

    /**
     * The steps for a device's mode, weighted by what its totals measured (e.g. {@link IoSnapshot.Totals#since} a
     * change of mode); empty before the first completion.
     */
    public static List<CostStep> perRequest(IoDeviceSpec spec, IoCosts c, IoSnapshot.Totals t) {
        List<CostStep> steps = new ArrayList<>();
        if (t.completed() == 0) {
            return steps;
        }
        double n = t.completed();
        IoMode mode = spec.mode();
        steps.add(new CostStep(Stage.GUEST_SUBMIT, Where.GUEST, t.submitted() / n, c.guestSubmitNanos()));
        if (mode instanceof IoMode.Emulated) {
            steps.add(new CostStep(Stage.REGISTER_ACCESS_EXIT, Where.EXIT, t.dataPathExits() / n,
                    c.userSpaceExitNanos()));
            steps.add(new CostStep(Stage.DEVICE_EMULATION, Where.EXIT, t.dataPathExits() / n,
                    c.emulationNanosPerAccess()));
            steps.add(new CostStep(Stage.BACKEND, Where.HOST, t.submitted() / n, c.qemuNanosPerRequest()));
        } else if (mode instanceof IoMode.Virtio v) {
            boolean vhost = v.backend() == VirtioBackend.VHOST;
            steps.add(new CostStep(Stage.KICK_EXIT, Where.EXIT, t.kicks() / n,
                    vhost ? c.exitNanos() : c.userSpaceExitNanos()));
            if (vhost) {
                steps.add(new CostStep(Stage.BACKEND_WAKEUP, Where.WAIT, t.deviceWakeups() / n, c.vhostWakeupNanos()));
            }
            steps.add(new CostStep(Stage.BACKEND, Where.HOST, t.submitted() / n,
                    vhost ? c.vhostNanosPerRequest() : c.qemuNanosPerRequest()));
            if (t.hostPollNanos() > 0) {
                steps.add(new CostStep(Stage.POLLING, Where.HOST, 1, t.hostPollNanos() / n));
            }
        }
        steps.add(new CostStep(Stage.TRANSFER, Where.DEVICE, 1, t.transferNanos() / n));
        if (mode instanceof IoMode.Passthrough) {
            steps.add(new CostStep(Stage.IOTLB_HIT, Where.DEVICE, t.iotlbHits() / n, c.iotlbHitNanos()));
            steps.add(new CostStep(Stage.IOTLB_MISS, Where.DEVICE, t.iotlbMisses() / n, c.iotlbMissNanos()));
        }
        steps.add(new CostStep(Stage.DEVICE_LATENCY, Where.DEVICE, 1, spec.physical().latencyNanos()));
        boolean posted = mode instanceof IoMode.Passthrough p && p.postedInterrupts();
        if (!posted) {
            steps.add(new CostStep(Stage.INTERRUPT_INJECTION, Where.HOST, t.interrupts() / n, c.injectionNanos()));
        }
        if (t.externalInterruptExits() > 0) {
            steps.add(new CostStep(Stage.INTERRUPT_EXIT, Where.EXIT, t.externalInterruptExits() / n, c.exitNanos()));
        }
        steps.add(new CostStep(Stage.GUEST_INTERRUPT, Where.GUEST, t.interruptsHandled() / n, c.guestInterruptNanos()));
        if (mode instanceof IoMode.Emulated) {
            steps.add(new CostStep(Stage.INTERRUPT_ACK_EXIT, Where.EXIT, t.interruptPathExits() / n,
                    c.userSpaceExitNanos() + c.emulationNanosPerAccess()));
        }
        steps.add(new CostStep(Stage.GUEST_COMPLETE, Where.GUEST, 1, c.guestCompleteNanos()));
        return List.copyOf(steps);
    }
}
