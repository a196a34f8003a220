/**
 * I/O virtualization (virtualization.md §3): a guest's requests reaching a device by emulation, virtio or
 * passthrough, with the VM exits, kicks and interrupts each way costs.
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li>{@link org.virtlab.engine.io.SplitVirtqueue}: a virtio split virtqueue on the real layout, with the driver's
 *   and the device's operations; stand-alone, for lessons that step it by hand.</li>
 *   <li>{@link org.virtlab.engine.io.IoDeviceSpec}: a device of a VM, its {@link org.virtlab.engine.io.IoMode} (a
 *   sealed set: {@code Emulated} with an {@link org.virtlab.engine.io.EmulatedModel}, {@code Virtio},
 *   {@code Passthrough}), its guest's {@link org.virtlab.engine.io.IoWorkload} (open or closed loop), interrupt
 *   {@link org.virtlab.engine.io.Coalescing} and the {@link org.virtlab.engine.io.PhysicalDevice} underneath.</li>
 *   <li>{@link org.virtlab.engine.io.IoCosts}: every cost in one place, each with its source or reasoning.</li>
 *   <li>{@link org.virtlab.engine.io.IoSubsystem}: plays the devices out in simulated time and publishes an
 *   {@link org.virtlab.engine.io.IoSnapshot}: totals, 100 ms windows (throughput, exits per request, latency mean
 *   and p99, ring occupancy, host CPU), the virtqueue's layout, recent events, and per device
 *   {@link org.virtlab.engine.io.CostStep}s that explain what a request cost.</li>
 * </ul>
 *
 * <h2>The model</h2>
 * Each device is a discrete-event simulation in nanoseconds with three actors: the guest's vCPU running the driver
 * (one job at a time), the back-end (QEMU's device model or a vhost worker, one request at a time) and the physical
 * device (transfers one after another at its bandwidth, then its latency, overlapped across requests).
 * <ul>
 *   <li><b>Emulated</b>: issuing a request takes the model's register accesses, each an exit served by QEMU in user
 *   space plus the device model's work, on the vCPU; QEMU then serves the request; completion is an injected
 *   interrupt whose acknowledgement takes more accesses, so more exits. Port I/O exits as an I/O instruction, MMIO
 *   as an EPT violation.</li>
 *   <li><b>virtio</b>: the driver adds chains (header, data, status for a block; header, data for a packet; one
 *   descriptor with indirect tables), kicks after every batch if suppression allows (an MMIO write: an exit served
 *   in KVM with vhost, in QEMU without); the back-end wakes on a kick, serves chains until the ring is empty,
 *   optionally polls it a while, then asks for kicks again (the flags method, or avail_event with EVENT_IDX), and
 *   re-checks. It returns each finished chain in the used ring and interrupts if suppression allows (flags, or
 *   used_event with EVENT_IDX); the driver takes completions with interrupts off and turns them on again when done.
 *   So kicks are saved while the back-end is still busy (or polling), and interrupts while the driver is.</li>
 *   <li><b>Passthrough</b>: the driver writes the device's doorbell itself, no exit; every DMA page is translated by
 *   the IOMMU, an IOTLB hit or a miss (an LRU cache of I/O pages); interrupts are posted to the vCPU (no exit) or
 *   remapped through the host (an external-interrupt exit).</li>
 * </ul>
 * Latency runs from the request's issue to the driver taking it back completed; host CPU time is the time of exits,
 * device emulation, back-end work, interrupt injection and polling.
 *
 * <h2>Simplifications</h2>
 * <ul>
 *   <li>One vCPU per device runs its driver, and it does nothing else; jobs are not pre-empted: an interrupt is
 *   taken when the current job ends. The CPU subsystem's allocation does not slow the vCPU or the back-end.</li>
 *   <li>A request's data is one contiguous guest buffer (one descriptor); a real driver would use a scatter-gather
 *   list of pages.</li>
 *   <li>Only sends for the network (a receive is driven by the wire, with pre-posted buffers).</li>
 *   <li>Virtual interrupts for emulated and virtio devices are injected without an exit (posted into the vCPU's
 *   virtual APIC, as with APICv or AVIC); EOI exits are not modelled.</li>
 *   <li>The back-end's completion work (writing the used ring, signalling) is part of its per-request cost; the
 *   device completes requests in order.</li>
 *   <li>The guest's buffers for passthrough DMA are mapped for good (VFIO maps all of guest memory): IOTLB misses are
 *   capacity misses, no map/unmap per request.</li>
 *   <li>Changing a queue size, the suppression or the mode resets the device at once; the requests it held are
 *   issued again, keeping their issue times.</li>
 * </ul>
 *
 * <p>Emulated devices model the e1000 NIC and a legacy IDE disk; packed virtqueues and SR-IOV's split into virtual
 * functions are not modelled (a passthrough device here may be read as a VF).
 */
package org.virtlab.engine.io;
