/**
 * Live migration, pre-copy (virtualization.md §5): moving a running VM to another host with a short pause.
 *
 * <h2>The model</h2>
 * The migration first copies all of the VM's memory V while the VM runs, then, round after round, what the VM
 * dirtied during the previous round. Once what is left fits the downtime limit at the bandwidth R (no more than
 * R × limit, QEMU's threshold), the VM is paused, the rest is sent (the stop-and-copy, the downtime) and the VM
 * resumes on the target host. With a dirty rate D, round i sends about V·ρ<sup>i</sup>, ρ = D / R: the rounds
 * shrink only when ρ &lt; 1. {@link org.virtlab.engine.migration.PreCopyPlan} works it out in closed form;
 * {@link org.virtlab.engine.migration.MigrationSubsystem} plays it out in simulated time, pausing the VM in the
 * CPU subsystem during the stop-and-copy and moving it there at the end. Settings are QEMU's parameters
 * ({@link org.virtlab.engine.migration.MigrationSettings}: max-bandwidth 128 MiB/s, downtime-limit 300 ms), plus a
 * number of rounds after which the migration gives up, since QEMU itself would iterate until cancelled.
 *
 * <h2>Simplifications</h2>
 * <ul>
 *   <li>Each VM dirties memory at a constant rate while it runs, spread so that a round dirties D × its duration;
 *   real guests have a working set that is dirtied again and again, and bursts.</li>
 *   <li>What a round dirties is capped at V: a page dirtied twice is sent once. Apart from that cap, no page is
 *   counted as dirtied twice within a round (a real working set makes rounds shrink faster).</li>
 *   <li>Every page is sent whole at the bandwidth: no compression, no skipping of zero pages, no multifd, no
 *   XBZRLE; the bandwidth is the migration's own (two migrations at once do not share a link).</li>
 *   <li>No auto-converge (QEMU can throttle the guest's vCPUs until the rounds shrink), no post-copy.</li>
 *   <li>Only memory is sent: CPU and device state take no time, so a VM that dirties nothing would stop for no
 *   time at all; the pause lasts at least one tick anyway.</li>
 *   <li>The target's admission control (CPU and memory reservations) is asked at the start, at switch-over and at
 *   completion, but nothing is reserved on the target meanwhile (vSphere reserves the destination from the
 *   start).</li>
 *   <li>A VM with a passthrough device cannot be migrated this way (§5); VMs have no devices yet, so the reason
 *   {@link org.virtlab.engine.migration.MigrationReason#PASSTHROUGH} exists but nothing produces it.</li>
 * </ul>
 */
package org.virtlab.engine.migration;
