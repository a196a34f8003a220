/**
 * Host memory under overcommit: zero pages and copy-on-write, content-based page sharing, ballooning, host
 * swapping, the host's memory states and memory QoS (../shared/reference/virtualization.md §2, "Overcommit and
 * reclamation"). {@link org.virtlab.engine.memory.host.MemorySubsystem} runs it; {@link
 * org.virtlab.engine.memory.host.MemorySnapshot} reports it.
 *
 * <h2>The model</h2>
 * A guest's memory is its configured size in 4 KiB pages, each in exactly one state: <b>untouched</b> (reads see the
 * host's one zero frame), <b>private</b> (a host frame of its own), <b>shared</b> (a read-only frame that identical
 * pages map), <b>ballooned</b> (given to the balloon driver: the guest does not use it, the host backs it with
 * nothing) or <b>swapped</b> (in the host's swap). A host's frames in use are its one zero frame, its VMs' private
 * pages and the shared frames; they never exceed its memory, because every frame is taken only when one is free.
 * What a page holds is one of three classes, zero, image (the same in every VM booted from the same OS image) or
 * unique ({@link org.virtlab.engine.memory.host.MemoryActivity}).
 * <ul>
 *   <li>The guest touches new pages at its touch rate up to its demand: each first write is a copy-on-write
 *   fault that takes a frame. It rewrites its active pages at its write rate: a write to a shared page copies it
 *   (copy-on-write), a write to a swapped page swaps it in and charges the swap-in latency.</li>
 *   <li>The host's sharing scanner (KSM) merges identical pages, {@code pages_to_scan} every
 *   {@code sleep_millisecs} ({@link org.virtlab.engine.memory.host.PageSharing}).</li>
 *   <li>When free memory falls below the soft threshold the host balloons; below hard it also swaps; below low
 *   it also holds back the VMs above their target; from the VMs with the fewest shares per page first, with idle
 *   pages taxed (Waldspurger 2002). Above the high threshold balloons deflate
 *   ({@link org.virtlab.engine.memory.host.Reclaimer}).</li>
 * </ul>
 *
 * <h2>Scale: pages in arrays, bounded work per tick</h2>
 * A page is one byte in a chunked array ({@link org.virtlab.engine.memory.host.Pages}); its content and activity
 * are functions of its number, not stored; shared frames are counts per content key, not objects. So 4 VMs of
 * 8 GiB (8 M pages) hold 8 MiB of page state, and untouched memory costs nothing. Work per tick is bounded by
 * the rates (touch, write, balloon, swap) and by {@code pages_to_scan}, not by memory size: every page is not
 * visited every tick. Checkpoints share unchanged chunks (copy-on-write), so they cost what changed.
 *
 * <h2>Simplifications</h2>
 * <ul>
 *   <li>Guest activity is a rate and a fraction of active pages; reads are not modelled, so only a write brings
 *   a swapped page back. The guest's own paging (when its balloon takes active pages) is not modelled.</li>
 *   <li>Freed guest memory stays on the host until a balloon takes it (no free page reporting).</li>
 *   <li>Shared frames are charged to the VMs that map them in proportion to their pages, host-wide.</li>
 *   <li>No memory compression (ESX's hard state compresses before swapping), no large pages, no NUMA.</li>
 *   <li>Admission control checks a VM's memory reservation against the host's memory minus the reservations of
 *   its powered-on VMs, at power-on, for a running VM's new reservation and for a live migration's target, as
 *   vSphere does, but counts no per-VM overhead memory and keeps nothing back for the hypervisor. A reservation
 *   guarantees admission, not frames: reclamation still treats it as the floor of the VM's entitlement, kept
 *   once touched.</li>
 *   <li>Live migration moves the VM's memory with it in one tick; balloon and untouched pages stay so.</li>
 * </ul>
 */
package org.virtlab.engine.memory.host;
