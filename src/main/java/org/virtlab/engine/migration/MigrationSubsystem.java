package org.virtlab.engine.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.EventSink;
import org.virtlab.engine.Input;
import org.virtlab.engine.StepContext;
import org.virtlab.engine.Subsystem;
import org.virtlab.engine.SubsystemSnapshot;
import org.virtlab.engine.cpu.CpuSubsystem;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * Plays live migrations out tick by tick (the model is in the package comment). Accepts {@link StartMigration}
 * and {@link CancelMigration}, publishes a {@link MigrationSnapshot}.
 *
 * <h2>Order within a tick</h2>
 * Registered <b>after</b> the {@link CpuSubsystem} it is given. In a tick, CPU demand and allocation come first,
 * with the placement and pause state as they were at the tick's start; then this subsystem sends the tick's
 * share of memory. What it decides during the tick (pause the VM for the stop-and-copy, move it to the target
 * and resume it, resume it on the source after a failure) is done at the tick's end and takes effect from the
 * next tick on, as an input would. So the VM is paused for whole ticks, and its CPU use is 0 in exactly the
 * ticks counted as downtime. Inputs arrive at a tick's start, before any step: a cancel resumes a paused VM for
 * that very tick.
 *
 * <h2>Within a tick's rounding</h2>
 * Rounds are tracked in time, carried over from tick to tick: each round's size, duration and dirtied data are
 * exactly {@link PreCopyPlan}'s, and the switch-over happens after the same round. Two things are whole ticks:
 * the VM runs (and the transfer goes on) to the end of the tick in which pre-copy ended, and stays paused until
 * the end of the tick in which the stop-and-copy is sent, at least one tick. So the stop-and-copy sends at most
 * the plan's remainder (less when the last part of that tick sent more than it dirtied), the measured downtime
 * is within one tick of the plan's (and so at most the limit + one tick), and the total time within two ticks.
 *
 * <h2>Refusals</h2>
 * Never an exception: a start that cannot be done, or a cancel with nothing to cancel, is an entry of the
 * snapshot in phase {@link MigrationPhase#REFUSED} with its {@link MigrationReason}.
 *
 * <p>State: the migrations under way (copied on save) and the finished ones (immutable records), so rewinding
 * restores them exactly.
 */
public final class MigrationSubsystem implements Subsystem {
    public static final String NAME = MigrationSnapshot.NAME;
    /** How many finished migrations (done, failed, cancelled, refused) the snapshot keeps, the newest. */
    public static final int MAX_FINISHED = 64;
    /** The dirty rate used until the scenario gives each VM its own: 16 MiB/s. */
    public static final double DEFAULT_DIRTY_MIB_PER_SECOND = 16;

    private final CpuSubsystem cpu;
    private final MigrationSettings settings;
    private final double thresholdMib;
    private final String[] vmIds;
    private final String[] hostIds;
    private final double[] memoryMib;
    private final double[] dirtyMibPerSecond;
    private final boolean[] pinned;
    private final Predicate<String> ownsPassthrough;

    private long nowMicros;
    private long nextSerial;
    private List<MigrationRun> underWay = new ArrayList<>();
    private List<MigrationSnapshot.Migration> finished = new ArrayList<>();
    private MigrationSnapshot quietSnapshot;
    /** Where the step or input under way emits events: not state. */
    private EventSink events = EventSink.OFF;

    /**
     * @param cpu               the scenario's CPU subsystem, registered before this one
     * @param dirtyMibPerSecond each VM's dirty rate while it runs, in the order of {@code scenario.vms()}
     * @param ownsPassthrough   whether a VM owns a passthrough device now (asked when its migration would start;
     *                          e.g. {@code IoSubsystem::ownsPassthrough}): such a VM is refused with
     *                          {@link MigrationReason#PASSTHROUGH}
     */
    public MigrationSubsystem(Scenario scenario, CpuSubsystem cpu, MigrationSettings settings,
                              double[] dirtyMibPerSecond, Predicate<String> ownsPassthrough) {
        List<VmSpec> vms = scenario.vms();
        if (dirtyMibPerSecond.length != vms.size()) {
            throw new IllegalArgumentException("expected a dirty rate per VM (" + vms.size() + "), got "
                    + dirtyMibPerSecond.length);
        }
        this.cpu = cpu;
        this.settings = settings;
        this.ownsPassthrough = ownsPassthrough;
        thresholdMib = PreCopyPlan.thresholdMib(settings);
        int n = vms.size();
        vmIds = new String[n];
        memoryMib = new double[n];
        pinned = new boolean[n];
        this.dirtyMibPerSecond = dirtyMibPerSecond.clone();
        for (int i = 0; i < n; i++) {
            VmSpec vm = vms.get(i);
            vmIds[i] = vm.id();
            memoryMib[i] = vm.memoryMib();
            pinned[i] = vm.pinning().pinned();
            if (!(dirtyMibPerSecond[i] >= 0 && dirtyMibPerSecond[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("VM " + vm.id() + ": dirty rate must be a finite MiB/s ≥ 0, was "
                        + dirtyMibPerSecond[i]);
            }
        }
        hostIds = scenario.hosts().stream().map(h -> h.id()).toArray(String[]::new);
    }

    /** No VM owning a passthrough device. */
    public MigrationSubsystem(Scenario scenario, CpuSubsystem cpu, MigrationSettings settings,
                              double[] dirtyMibPerSecond) {
        this(scenario, cpu, settings, dirtyMibPerSecond, vmId -> false);
    }

    /** Every VM dirtying {@link #DEFAULT_DIRTY_MIB_PER_SECOND}. */
    public MigrationSubsystem(Scenario scenario, CpuSubsystem cpu, MigrationSettings settings) {
        this(scenario, cpu, settings, uniform(scenario.vms().size(), DEFAULT_DIRTY_MIB_PER_SECOND));
    }

    static double[] uniform(int n, double mibPerSecond) {
        double[] rates = new double[n];
        Arrays.fill(rates, mibPerSecond);
        return rates;
    }

    public MigrationSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void step(StepContext ctx) {
        nowMicros = ctx.nowMicros();
        long end = ctx.endMicros();
        if (!underWay.isEmpty()) {
            events = ctx.events();
            List<MigrationRun> still = new ArrayList<>(underWay.size());
            for (MigrationRun r : underWay) {
                MigrationSnapshot.Migration ended = r.phase == MigrationPhase.PRE_COPY
                        ? preCopy(r, ctx.tickMicros(), end) : stopAndCopy(r, ctx.tickMicros(), end);
                if (ended == null) {
                    still.add(r);
                } else {
                    finish(ended);
                }
            }
            underWay = still;
            quietSnapshot = null;
            events = EventSink.OFF;
        }
        nowMicros = end;
    }

    /** Sends a tick of pre-copy; returns the migration's end if it ended, else null. */
    private MigrationSnapshot.Migration preCopy(MigrationRun r, double tickMicros, long end) {
        double budget = tickMicros;
        while (true) {
            double toFinish = r.roundDurationMicros - r.roundElapsedMicros;
            if (toFinish > budget) {
                r.roundElapsedMicros += budget;
                return null;
            }
            budget -= toFinish;
            double sizeMib = r.roundSizeMib;
            double dirtied = r.finishRound();
            long roundEnd = end - (long) Math.ceil(budget); // within the tick, to the microsecond
            if (events.on()) {
                emit(EventKind.MIGRATION_ROUND, roundEnd, r, null, r.rounds.size() - 1, kib(sizeMib), kib(dirtied));
            }
            if (dirtied <= thresholdMib) {
                return switchOver(r, dirtied, budget, end);
            }
            r.startRound(dirtied, settings);
            if (r.rounds.size() == settings.maxRounds()) {
                return failed(r, end, roundEnd, PreCopyPlan.failure(r.dirtyMibPerSecond, settings));
            }
        }
    }

    /**
     * Pre-copy ended with {@code leftMib} dirty and {@code restMicros} of the tick to go: asks the target's
     * admission control again, then lets the VM run to the tick's end while the transfer goes on, and pauses it.
     */
    private MigrationSnapshot.Migration switchOver(MigrationRun r, double leftMib, double restMicros, long end) {
        r.startRound(leftMib, settings); // what is left, until it is known where it goes
        MigrationSnapshot.AdmissionCheck check = admission(r.vmId, r.targetHostId, MigrationSnapshot.CheckPoint.SWITCH_OVER, end);
        r.check(check);
        long at = end - (long) Math.ceil(restMicros);
        if (!check.fits()) {
            return failed(r, end, at, check.reason());
        }
        double inflowMib = leftMib + r.dirtyMibPerSecond * restMicros / 1_000_000;
        double sentMib = Math.min(settings.bandwidthMibPerSecond() * restMicros / 1_000_000, inflowMib);
        r.sentBeforeMib += sentMib;
        r.roundSizeMib = 0;
        r.roundDurationMicros = 0;
        r.stopAndCopyMib = Math.min(r.memoryMib, inflowMib - sentMib);
        r.stopAndCopyMicros = PreCopyPlan.durationMicros(r.stopAndCopyMib, settings);
        r.phase = MigrationPhase.STOP_AND_COPY;
        cpu.setPaused(r.vmId, true);
        if (events.on()) {
            emit(EventKind.MIGRATION_SWITCH_OVER, at, r, null, kib(r.stopAndCopyMib), Math.round(r.stopAndCopyMicros),
                    0);
        }
        return null;
    }

    /** The migration failed at {@code atMicros} (within the tick ending at {@code end}) for {@code reason}. */
    private MigrationSnapshot.Migration failed(MigrationRun r, long end, long atMicros, MigrationReason reason) {
        if (events.on()) {
            emit(EventKind.MIGRATION_FAILED, atMicros, r, reason, r.rounds.size(), 0, 0);
        }
        return r.toSnapshot(thresholdMib, end, MigrationPhase.FAILED, reason);
    }

    private void emit(EventKind kind, long atMicros, MigrationRun r, Enum<?> cause, long a0, long a1, long a2) {
        events.emit(kind, atMicros, r.sourceHostId, r.vmId, null, r.targetHostId, cause, a0, a1, a2);
    }

    private static long kib(double mib) {
        return Math.round(mib * 1024);
    }

    /** A tick of stop-and-copy (the VM was paused all of it); at its end, the VM starts on the target. */
    private MigrationSnapshot.Migration stopAndCopy(MigrationRun r, long tickMicros, long end) {
        r.pausedMicros += tickMicros;
        if (r.pausedMicros < r.stopAndCopyMicros) {
            return null;
        }
        // the stop-and-copy was sent within this tick: its last byte's time
        long sent = end - tickMicros + (long) Math.ceil(r.stopAndCopyMicros - (r.pausedMicros - tickMicros));
        MigrationSnapshot.AdmissionCheck check = admission(r.vmId, r.targetHostId, MigrationSnapshot.CheckPoint.COMPLETION, end);
        r.check(check);
        if (!check.fits()) {
            cpu.setPaused(r.vmId, false); // it goes on where it was
            return failed(r, end, sent, check.reason());
        }
        cpu.move(r.vmId, r.targetHostId);
        cpu.setPaused(r.vmId, false);
        MigrationSnapshot.Migration done = r.toSnapshot(thresholdMib, end, MigrationPhase.DONE, MigrationReason.NONE);
        if (events.on()) {
            emit(EventKind.MIGRATION_DONE, sent, r, null, done.downtimeMicros(), done.elapsedMicros(), 0);
        }
        return done;
    }

    /** The target's admission control, CPU and memory in one decision ({@link CpuSubsystem#admission}). */
    private MigrationSnapshot.AdmissionCheck admission(String vmId, String hostId, MigrationSnapshot.CheckPoint at,
                                                       long atMicros) {
        return new MigrationSnapshot.AdmissionCheck(at, atMicros, cpu.admission(vmId, hostId));
    }

    private void finish(MigrationSnapshot.Migration m) {
        finished.add(m);
        if (finished.size() > MAX_FINISHED) {
            finished.remove(0);
        }
        quietSnapshot = null;
    }

    /** As {@link #accept(Input)}; starts, cancels and refusals are journaled. */
    @Override
    public boolean accept(Input input, StepContext ctx) {
        events = ctx.events();
        try {
            return accept(input);
        } finally {
            events = EventSink.OFF;
        }
    }

    @Override
    public boolean accept(Input input) {
        if (input instanceof StartMigration start) {
            start(start);
            return true;
        }
        if (input instanceof CancelMigration cancel) {
            cancel(cancel);
            return true;
        }
        return false;
    }

    private void start(StartMigration s) {
        int i = indexOf(vmIds, s.vmId());
        if (i < 0) {
            refuse(s.vmId(), "", s.targetHostId(), MigrationReason.UNKNOWN_VM, List.of());
            return;
        }
        String source = cpu.hostOf(s.vmId());
        if (indexOf(hostIds, s.targetHostId()) < 0) {
            refuse(s.vmId(), source, s.targetHostId(), MigrationReason.UNKNOWN_HOST, List.of());
        } else if (runOf(s.vmId()) != null) {
            refuse(s.vmId(), source, s.targetHostId(), MigrationReason.ALREADY_MIGRATING, List.of());
        } else if (source.equals(s.targetHostId())) {
            refuse(s.vmId(), source, s.targetHostId(), MigrationReason.SAME_HOST, List.of());
        } else if (!cpu.poweredOn(s.vmId())) {
            refuse(s.vmId(), source, s.targetHostId(), MigrationReason.POWERED_OFF, List.of());
        } else if (pinned[i]) {
            refuse(s.vmId(), source, s.targetHostId(), MigrationReason.PINNED, List.of());
        } else if (ownsPassthrough.test(s.vmId())) {
            refuse(s.vmId(), source, s.targetHostId(), MigrationReason.PASSTHROUGH, List.of());
        } else {
            MigrationSnapshot.AdmissionCheck check =
                    admission(s.vmId(), s.targetHostId(), MigrationSnapshot.CheckPoint.START, nowMicros);
            if (!check.fits()) {
                refuse(s.vmId(), source, s.targetHostId(), check.reason(), List.of(check));
                return;
            }
            MigrationRun run = new MigrationRun(nextSerial++, s.vmId(), source, s.targetHostId(), memoryMib[i],
                    dirtyMibPerSecond[i], nowMicros, check, settings);
            underWay.add(run);
            quietSnapshot = null;
            if (events.on()) {
                emit(EventKind.MIGRATION_START, nowMicros, run, null, Math.round(memoryMib[i]), run.serial, 0);
            }
        }
    }

    private void cancel(CancelMigration c) {
        MigrationRun r = runOf(c.vmId());
        if (r == null) {
            boolean known = indexOf(vmIds, c.vmId()) >= 0;
            refuse(c.vmId(), known ? cpu.hostOf(c.vmId()) : "", "",
                    known ? MigrationReason.NOT_MIGRATING : MigrationReason.UNKNOWN_VM, List.of());
            return;
        }
        if (r.phase == MigrationPhase.STOP_AND_COPY) {
            cpu.setPaused(r.vmId, false);
        }
        underWay.remove(r);
        finish(r.toSnapshot(thresholdMib, nowMicros, MigrationPhase.CANCELLED, MigrationReason.NONE));
        if (events.on()) {
            emit(EventKind.MIGRATION_CANCELLED, nowMicros, r, null, 0, 0, 0);
        }
    }

    private void refuse(String vmId, String source, String target, MigrationReason reason,
                        List<MigrationSnapshot.AdmissionCheck> checks) {
        finish(new MigrationSnapshot.Migration(nextSerial++, vmId, source, target, MigrationPhase.REFUSED, reason, 0, 0,
                thresholdMib, List.of(), 0, 0, 0, 0, 0, 0, 0, nowMicros, 0, checks));
        if (events.on()) {
            events.emit(EventKind.MIGRATION_REFUSED, nowMicros, source.isEmpty() ? null : source, vmId, null,
                    target.isEmpty() ? null : target, reason, 0, 0, 0);
        }
    }

    private MigrationRun runOf(String vmId) {
        for (MigrationRun r : underWay) {
            if (r.vmId.equals(vmId)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public SubsystemSnapshot snapshot() {
        if (quietSnapshot != null) {
            return quietSnapshot;
        }
        List<MigrationSnapshot.Migration> all = new ArrayList<>(finished);
        for (MigrationRun r : underWay) {
            all.add(r.toSnapshot(thresholdMib, nowMicros, r.phase, MigrationReason.NONE));
        }
        all.sort(Comparator.comparingLong(MigrationSnapshot.Migration::serial));
        MigrationSnapshot snap = new MigrationSnapshot(settings, all);
        if (underWay.isEmpty()) {
            quietSnapshot = snap; // nothing changes until an input or a restore
        }
        return snap;
    }

    @Override
    public Object saveState() {
        List<MigrationRun> runs = new ArrayList<>(underWay.size());
        for (MigrationRun r : underWay) {
            runs.add(r.copy());
        }
        return new State(nowMicros, nextSerial, List.copyOf(runs), List.copyOf(finished));
    }

    @Override
    public void restore(Object savedState) {
        State s = (State) savedState;
        nowMicros = s.nowMicros;
        nextSerial = s.nextSerial;
        underWay = new ArrayList<>(s.underWay.size());
        for (MigrationRun r : s.underWay) {
            underWay.add(r.copy());
        }
        finished = new ArrayList<>(s.finished);
        quietSnapshot = null;
    }

    private static int indexOf(String[] ids, String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Saved state: copies of the runs under way (never touched after saving), the finished records. */
    private record State(long nowMicros, long nextSerial, List<MigrationRun> underWay,
                         List<MigrationSnapshot.Migration> finished) {
    }
}
