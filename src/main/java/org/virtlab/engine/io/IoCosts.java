package org.virtlab.engine.io;

import org.virtlab.engine.model.Ranges;

/**
 * What each step of an I/O request costs, in one place. Cycles are turned into time at {@code clockMhz}; the rest
 * is in nanoseconds. {@link #DEFAULT} gives each value's source or, where no published measurement fits, the
 * reasoning behind an assumed order of magnitude; a lesson can change any of them.
 *
 * @param clockMhz                the host core's clock, to turn cycles into time
 * @param exitCycles              a VM exit and re-entry served inside KVM (an ioeventfd kick, an interrupt exit)
 * @param userSpaceExitCycles     a VM exit served by QEMU in user space (an emulated register access, a kick
 *                                without ioeventfd): the exit, the return from KVM_RUN and the way back
 * @param emulationNanosPerAccess the device model's work for one register access, on top of the exit
 * @param guestSubmitNanos        the guest's driver and stack preparing one request (all modes alike)
 * @param guestCompleteNanos      the guest's driver finishing one request
 * @param guestInterruptNanos     the guest taking one interrupt: entry, handler, return
 * @param qemuNanosPerRequest     QEMU's user-space back-end serving one request (emulated devices, virtio without
 *                                vhost): reading the request, system calls, copying
 * @param vhostNanosPerRequest    a vhost worker serving one request in the kernel
 * @param vhostWakeupNanos        from the ioeventfd signal to the vhost worker running
 * @param injectionNanos          the host injecting one interrupt into the guest (irqfd, posted to the vCPU)
 * @param iotlbHitNanos           an IOMMU translation found in the IOTLB
 * @param iotlbMissNanos          an IOMMU translation that walks the I/O page tables
 */
public record IoCosts(long clockMhz, long exitCycles, long userSpaceExitCycles, long emulationNanosPerAccess,
                      long guestSubmitNanos, long guestCompleteNanos, long guestInterruptNanos,
                      long qemuNanosPerRequest, long vhostNanosPerRequest, long vhostWakeupNanos, long injectionNanos,
                      long iotlbHitNanos, long iotlbMissNanos) {
    /** The page size the IOMMU translates: 4 KiB. */
    public static final int PAGE_BYTES = 4_096;
    private static final long MAX_CYCLES = 10_000_000;
    private static final long MAX_NANOS = 100_000_000;

    /**
     * The defaults:
     * <ul>
     *   <li>{@code clockMhz} 3000: a 3 GHz host core (assumption).</li>
     *   <li>{@code exitCycles} 1,350: one VM exit round trip measured on AMD (virtualization.md §3; Intel: hundreds
     *   to thousands of cycles) = 450 ns at 3 GHz.</li>
     *   <li>{@code userSpaceExitCycles} 4,500: kvm-unit-tests x86/vmexit.c compares a port read served by QEMU
     *   ({@code inl_from_qemu}) with one served by KVM ({@code inl_from_kernel}); the nested results quoted in a
     *   KVM VMX patch series were 44,826 and 13,518 cycles, a ratio of 3.3. The ratio is taken, not the nested
     *   values: 3.3 × 1,350 ≈ 4,500 cycles = 1.5 µs.</li>
     *   <li>{@code emulationNanosPerAccess} 500: QEMU's memory-API dispatch and the register's handler, about
     *   1,500 cycles (assumption, of the order of an exit).</li>
     *   <li>{@code guestSubmitNanos} 1,000 and {@code guestCompleteNanos} 500: a guest's block or network stack
     *   per request, about a microsecond (assumption); the same in every mode, so the modes differ by what
     *   virtualization adds.</li>
     *   <li>{@code guestInterruptNanos} 1,000: interrupt entry, handler and return in the guest (assumption).</li>
     *   <li>{@code vhostNanosPerRequest} 1,000: vhost-net forwards of the order of a million small packets per
     *   second per worker thread, about 1 µs each (order of magnitude).</li>
     *   <li>{@code qemuNanosPerRequest} 3,000: QEMU in user space adds system calls and a copy per request; three
     *   times vhost (assumption).</li>
     *   <li>{@code vhostWakeupNanos} 3,000: a Linux thread wake-up and context switch takes a few microseconds
     *   (order of magnitude).</li>
     *   <li>{@code injectionNanos} 500: irqfd to KVM setting the interrupt in the vCPU's virtual APIC, posted
     *   without an exit (assumption, of the order of an exit).</li>
     *   <li>{@code iotlbHitNanos} 10 and {@code iotlbMissNanos} 400: a miss walks the DMA-remapping tables in
     *   main memory (Amit, Ben-Yehuda, Yassour, "IOMMU: Strategies for Mitigating the IOTLB Bottleneck",
     *   WIOSCA 2010): four levels, four dependent memory reads of about 100 ns; a hit is a cache lookup.</li>
     * </ul>
     */
    public static final IoCosts DEFAULT = new IoCosts(3_000, 1_350, 4_500, 500, 1_000, 500, 1_000, 3_000, 1_000,
            3_000, 500, 10, 400);

    public IoCosts {
        Ranges.check("clockMhz", clockMhz, 100, 10_000);
        Ranges.check("exitCycles", exitCycles, 0, MAX_CYCLES);
        Ranges.check("userSpaceExitCycles", userSpaceExitCycles, 0, MAX_CYCLES);
        Ranges.check("emulationNanosPerAccess", emulationNanosPerAccess, 0, MAX_NANOS);
        Ranges.check("guestSubmitNanos", guestSubmitNanos, 0, MAX_NANOS);
        Ranges.check("guestCompleteNanos", guestCompleteNanos, 0, MAX_NANOS);
        Ranges.check("guestInterruptNanos", guestInterruptNanos, 0, MAX_NANOS);
        Ranges.check("qemuNanosPerRequest", qemuNanosPerRequest, 0, MAX_NANOS);
        Ranges.check("vhostNanosPerRequest", vhostNanosPerRequest, 0, MAX_NANOS);
        Ranges.check("vhostWakeupNanos", vhostWakeupNanos, 0, MAX_NANOS);
        Ranges.check("injectionNanos", injectionNanos, 0, MAX_NANOS);
        Ranges.check("iotlbHitNanos", iotlbHitNanos, 0, MAX_NANOS);
        Ranges.check("iotlbMissNanos", iotlbMissNanos, 0, MAX_NANOS);
    }

    /** An exit served in KVM, in nanoseconds at the clock. */
    public long exitNanos() {
        return cyclesToNanos(exitCycles);
    }

    /** An exit served by QEMU in user space, in nanoseconds at the clock. */
    public long userSpaceExitNanos() {
        return cyclesToNanos(userSpaceExitCycles);
    }

    /** Cycles at {@code clockMhz}, rounded to the nearest nanosecond. */
    public long cyclesToNanos(long cycles) {
        return (cycles * 1_000 + clockMhz / 2) / clockMhz;
    }

    /** The same costs on a host of another clock (a scenario's host: {@code cpu().mhzPerCore()}). */
    public IoCosts withClockMhz(long mhz) {
        return new IoCosts(mhz, exitCycles, userSpaceExitCycles, emulationNanosPerAccess, guestSubmitNanos,
                guestCompleteNanos, guestInterruptNanos, qemuNanosPerRequest, vhostNanosPerRequest, vhostWakeupNanos,
                injectionNanos, iotlbHitNanos, iotlbMissNanos);
    }
}
