/**
 * The simulation kernel: integer simulated time in fixed ticks, one seeded random generator, subsystems stepped in
 * a fixed order, checkpoints and deterministic replay ({@link org.virtlab.engine.Simulation}), and the event
 * journal. Pure Java: no threads, no clock, no hash-ordered iteration.
 *
 * <h2>The event journal (simulation mode)</h2>
 * {@link org.virtlab.engine.Simulation#enableJournal(int)} keeps what the subsystems emit through
 * {@link org.virtlab.engine.StepContext#events()} in an {@link org.virtlab.engine.EventJournal}: a ring of the
 * newest N events in primitive columns, the count dropped known. Without a journal the sink is
 * {@link org.virtlab.engine.EventSink#OFF} and a subsystem pays one branch per place it could emit; the snapshots
 * are the same with a journal or without (a test compares them).
 *
 * <p>An event ({@link org.virtlab.engine.SimEvent}) is data: a time within the tick it was decided in, the emitting
 * subsystem's index and a serial (the total order: time, subsystem, serial), a {@link org.virtlab.engine.EventKind}
 * from a closed set, the host, VM, device and peer it concerns, a cause (a constant of the emitting subsystem's own
 * enum: {@code io.ExitReason}, {@code memory.host.Reclamation.Reason}, {@code migration.MigrationReason},
 * {@code alloc.Admission.Resource}, {@code net.Hop.Frame}, {@code net.Rewrite.Kind}, {@code net.DropReason}) and up to three numbers named by the kind. The window and the command line
 * render it from its message keys; the engine holds no sentence. What is emitted, and how often:
 * <ul>
 *   <li>CPU: power-on and refusal at time 0; with time slices, a {@code VCPU_SWITCH} only when a logical CPU starts
 *   a vCPU other than the one that ran there last (a vCPU running quantum after quantum emits nothing).</li>
 *   <li>Host memory: per VM and tick at most one {@code COW_FAULT} (first writes to zero-frame pages),
 *   {@code SHARE_BROKEN}, {@code SWAP_IN}, and one event per balloon, swap or deflate action of the reclamation
 *   (with its reason); per KSM wake-up that merged, one {@code KSM_MERGE}.</li>
 *   <li>I/O: each request submitted and completed, kick (or suppressed kick), doorbell, VM exit with its reason,
 *   interrupt (or suppressed one), IOTLB miss, drop and reset, at its nanosecond rounded down to the microsecond;
 *   the back-end's own steps stay in the device's timeline ({@code IoSnapshot}).</li>
 *   <li>Live migration: start, refusal, each pre-copy round's end, the switch-over, done, failed, cancelled, at the
 *   microsecond within the tick.</li>
 *   <li>Network ({@code net.NetSubsystem}): for each probe sent (a {@code net.SendProbe} input), every frame at every
 *   device on its way, request then reply, ARP exchanges included ({@code PACKET_HOP}), each address translation
 *   ({@code NAT_SOURCE_REWRITE}, {@code NAT_DESTINATION_REWRITE}) and how each leg ended ({@code PACKET_DELIVERED},
 *   {@code PACKET_DROPPED} with its {@code net.DropReason}), all at the start of the tick the probe took effect in,
 *   in order. What the network learned (MAC tables, ARP caches, connection tracking) is part of its checkpoints.</li>
 *   <li>Page walks ({@code memory.WalkSubsystem}): when an address is walked (the Memory tab's animator), one
 *   {@code WALK_REFERENCE} per memory reference of its nested (EPT / NPT) walk, in walk order, at the start of the
 *   tick; the cause ({@code memory.WalkRole}) says what the reference is for.</li>
 * </ul>
 *
 * <h2>Back and Forward</h2>
 * {@link org.virtlab.engine.Simulation#rewindTo(long)} restores the latest checkpoint not after the wanted moment,
 * drops the journal's events from the checkpoint on, and replays: the replay emits those up to the moment again,
 * with the same times, subsystems and serials, so the journal holds exactly the events before the moment (those
 * the ring had dropped stay dropped; when dropped events may lie after the checkpoint, the journal starts afresh
 * there, {@link org.virtlab.engine.EventJournal#startMicros()}). Running forward re-creates the same events.
 * A rewind costs the restore plus the replay of at most one checkpoint spacing of simulated time.
 */
package org.virtlab.engine;
