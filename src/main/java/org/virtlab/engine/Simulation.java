package org.virtlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulation kernel: owner of simulated time and of the only random generator.
 *
 * <p>Time is an integer number of microseconds advanced in fixed ticks. {@link #step()} runs one tick,
 * {@link #runUntil(long)} runs ticks up to a time. Subsystems are stepped in registration order. Inputs
 * submitted between ticks take effect at the start of the next tick and are logged with that time.
 *
 * <p>Every {@code checkpointEveryTicks} ticks the kernel saves a checkpoint (time, random state, every
 * subsystem's state). {@link #rewindTo(long)} restores the latest checkpoint not after the wanted time and
 * replays the logged inputs up to it: a past moment is restored exactly, without keeping every tick.
 *
 * <p>With {@link #enableJournal(int)} the subsystems' events (a vCPU switch, a VM exit, a copy-on-write fault, a
 * migration round...) are kept in an {@link EventJournal}; without it, emitting costs a subsystem one branch.
 * After a rewind the journal holds the events up to the restored moment, as a straight run would.
 *
 * <p>Single-threaded and synchronous by design: the caller owns the thread.
 */
public final class Simulation {
    /** Default tick: 1 ms. */
    public static final long DEFAULT_TICK_MICROS = 1_000;
    /** Default checkpoint spacing: one simulated second at the default tick. */
    public static final int DEFAULT_CHECKPOINT_EVERY_TICKS = 1_000;
    /** Checkpoints kept before the oldest are dropped (one hour at the defaults). */
    public static final int DEFAULT_MAX_CHECKPOINTS = 3_600;

    private final long seed;
    private final long tickMicros;
    private final List<Subsystem> subsystems;
    private final SimRandom random;
    private final StepContext context;
    private final int checkpointEveryTicks;
    private final int maxCheckpoints;
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final List<TimedInput> inputLog = new ArrayList<>();
    private final List<Input> pending = new ArrayList<>();
    private final List<Registration> observers = new ArrayList<>();
    /** Null until {@link #enableJournal}. */
    private EventJournal journal;

    private long ticks;
    private long inputSerial;
    /** Index in the input log of the first input not yet delivered on this timeline (after a rewind). */
    private int replayNext;

    public Simulation(long seed, long tickMicros, List<? extends Subsystem> subsystems) {
        this(seed, tickMicros, subsystems, DEFAULT_CHECKPOINT_EVERY_TICKS, DEFAULT_MAX_CHECKPOINTS);
    }

    public Simulation(long seed, long tickMicros, List<? extends Subsystem> subsystems,
                      int checkpointEveryTicks, int maxCheckpoints) {
        if (tickMicros <= 0) {
            throw new IllegalArgumentException("tick must be positive, was " + tickMicros + " µs");
        }
        if (checkpointEveryTicks <= 0 || maxCheckpoints <= 0) {
            throw new IllegalArgumentException("checkpoint spacing and count must be positive");
        }
        this.seed = seed;
        this.tickMicros = tickMicros;
        this.subsystems = List.copyOf(subsystems);
        this.random = new SimRandom(seed);
        this.context = new StepContext(random, tickMicros);
        this.checkpointEveryTicks = checkpointEveryTicks;
        this.maxCheckpoints = maxCheckpoints;
        checkpoints.add(checkpoint());
    }

    public long seed() {
        return seed;
    }

    public long tickMicros() {
        return tickMicros;
    }

    /** Simulated time now, in microseconds: always {@code ticks() * tickMicros()}. */
    public long nowMicros() {
        return ticks * tickMicros;
    }

    public long ticks() {
        return ticks;
    }

    public List<Subsystem> subsystems() {
        return subsystems;
    }

    /** Calls the observer after every tick. */
    public void addObserver(SimulationObserver observer) {
        addObserver(observer, tickMicros);
    }

    /**
     * Calls the observer after the ticks that end on a multiple of {@code everyMicros} of simulated time
     * (rounded up to whole ticks). A snapshot is built only on ticks where some observer is due, so
     * sampling every 100 ms costs a hundredth of sampling every tick.
     */
    public void addObserver(SimulationObserver observer, long everyMicros) {
        if (everyMicros <= 0) {
            throw new IllegalArgumentException("observer interval must be positive, was " + everyMicros);
        }
        observers.add(new Registration(observer, Math.max(1, (everyMicros + tickMicros - 1) / tickMicros)));
    }

    public void removeObserver(SimulationObserver observer) {
        observers.removeIf(r -> r.observer() == observer);
    }

    /**
     * Keeps the events the subsystems emit from now on in a journal of the newest {@code capacity}. Emitting never
     * changes the simulation: its snapshots are the same with a journal or without. Calling it again replaces the
     * journal with an empty one.
     */
    public void enableJournal(int capacity) {
        journal = new EventJournal(capacity, nowMicros());
        context.events(journal);
    }

    /** Whether {@link #enableJournal} was called. */
    public boolean journaling() {
        return journal != null;
    }

    /** The events kept so far; read it between ticks. */
    public EventJournal journal() {
        if (journal == null) {
            throw new IllegalStateException("no journal: call enableJournal first");
        }
        return journal;
    }

    /**
     * Queues a change; it takes effect at the start of the next tick. If the simulation was rewound, the
     * inputs logged after now are forgotten: the new input starts a new future.
     */
    public void submit(Input input) {
        pending.add(input);
    }

    /** Runs one tick. */
    public void step() {
        long start = nowMicros();
        beginTick(start);
        while (replayNext < inputLog.size() && inputLog.get(replayNext).atMicros() == start) {
            deliver(inputLog.get(replayNext++).input()); // the kept future after a rewind
        }
        if (!pending.isEmpty()) {
            applyPending(start);
        }
        advance(start);
        notifyObservers();
    }

    /**
     * Delivers the pending inputs and logs those accepted. A refused input is dropped, not logged, and
     * reported by throwing after the others were applied; the tick has not run then.
     */
    private void applyPending(long start) {
        List<Input> batch = List.copyOf(pending);
        pending.clear();
        IllegalArgumentException refused = null;
        for (Input input : batch) {
            int mark = journal == null ? 0 : journal.mark();
            try {
                deliver(input);
            } catch (IllegalArgumentException e) {
                if (journal != null) {
                    journal.rollBack(mark); // a refused input did nothing, so it told nothing either
                }
                if (refused == null) {
                    refused = e;
                } else {
                    refused.addSuppressed(e);
                }
                continue;
            }
            forgetFutureFrom(start);
            inputLog.add(new TimedInput(start, inputSerial++, input));
        }
        replayNext = inputLog.size();
        if (refused != null) {
            throw refused;
        }
    }

    /**
     * Runs ticks until the largest tick boundary not after {@code timeMicros}. Afterwards
     * {@code nowMicros() == timeMicros - timeMicros % tickMicros()} (or unchanged if that is not later).
     */
    public void runUntil(long timeMicros) {
        long targetTicks = Math.floorDiv(timeMicros, tickMicros);
        while (ticks < targetTicks) {
            step();
        }
    }

    /** The state after the last tick. */
    public SimulationSnapshot snapshot() {
        List<SubsystemSnapshot> parts = new ArrayList<>(subsystems.size());
        for (Subsystem s : subsystems) {
            parts.add(s.snapshot());
        }
        return new SimulationSnapshot(nowMicros(), ticks, parts);
    }

    /** Earliest time {@link #rewindTo} can reach (older checkpoints are dropped). */
    public long earliestRestorableMicros() {
        return checkpoints.get(0).ticks() * tickMicros;
    }

    /**
     * Puts the simulation back (or forward) to the tick boundary at or before {@code timeMicros}: restores
     * the latest checkpoint not after it and replays the logged inputs. Observers are not called during the
     * replay. Pending inputs are discarded. The journal, if kept, loses the events after the restored checkpoint
     * and gets those of the replay again: it then holds the events up to the tick boundary reached, emitted in the
     * same order with the same serials as the first time (those the ring had dropped stay dropped).
     */
    public void rewindTo(long timeMicros) {
        long targetTicks = Math.floorDiv(timeMicros, tickMicros);
        if (targetTicks * tickMicros < earliestRestorableMicros()) {
            throw new IllegalArgumentException("cannot restore " + timeMicros + " µs: the earliest checkpoint is at "
                    + earliestRestorableMicros() + " µs");
        }
        pending.clear();
        Checkpoint from = checkpoints.get(0);
        for (Checkpoint c : checkpoints) {
            if (c.ticks() <= targetTicks) {
                from = c;
            }
        }
        restore(from);
        if (journal != null) {
            journal.truncateFrom(nowMicros());
        }
        int next = firstInputAtOrAfter(nowMicros());
        while (ticks < targetTicks) {
            long start = nowMicros();
            beginTick(start);
            while (next < inputLog.size() && inputLog.get(next).atMicros() == start) {
                deliver(inputLog.get(next).input());
                next++;
            }
            advance(start);
        }
        replayNext = next;
    }

    /** Inputs that took effect so far, in order. */
    public List<TimedInput> inputLog() {
        return List.copyOf(inputLog);
    }

    /** Inputs of the tick starting at {@code start} are delivered, and its events emitted, from now on. */
    private void beginTick(long start) {
        context.moveTo(start);
        if (journal != null) {
            journal.beginTick(start, start + tickMicros);
        }
    }

    private void advance(long start) {
        context.moveTo(start);
        for (int i = 0; i < subsystems.size(); i++) {
            if (journal != null) {
                journal.subsystem(i);
            }
            subsystems.get(i).step(context);
        }
        if (journal != null) {
            journal.endTick();
        }
        ticks++;
        if (ticks % checkpointEveryTicks == 0 && checkpoints.get(checkpoints.size() - 1).ticks() < ticks) {
            checkpoints.add(checkpoint());
            if (checkpoints.size() > maxCheckpoints) {
                checkpoints.remove(0);
            }
        }
    }

    private void deliver(Input input) {
        for (int i = 0; i < subsystems.size(); i++) {
            if (journal != null) {
                journal.subsystem(i);
            }
            if (subsystems.get(i).accept(input, context)) {
                return;
            }
        }
        throw new IllegalArgumentException("no subsystem accepts " + input);
    }

    private void notifyObservers() {
        SimulationSnapshot snap = null;
        for (int i = 0; i < observers.size(); i++) {
            Registration r = observers.get(i);
            if (ticks % r.everyTicks() == 0) {
                if (snap == null) {
                    snap = snapshot();
                }
                r.observer().onTick(snap);
            }
        }
    }


    private void forgetFutureFrom(long startMicros) {
        inputLog.removeIf(t -> t.atMicros() > startMicros);
        checkpoints.removeIf(c -> c.ticks() * tickMicros > startMicros);
    }

    private int firstInputAtOrAfter(long micros) {
        int i = 0;
        while (i < inputLog.size() && inputLog.get(i).atMicros() < micros) {
            i++;
        }
        return i;
    }

    private Checkpoint checkpoint() {
        Object[] states = new Object[subsystems.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = subsystems.get(i).saveState();
        }
        return new Checkpoint(ticks, random.state(), List.of(states));
    }

    private void restore(Checkpoint c) {
        ticks = c.ticks();
        random.restore(c.randomState());
        for (int i = 0; i < subsystems.size(); i++) {
            subsystems.get(i).restore(c.states().get(i));
        }
    }

    /** An input and the simulated time at which it took effect; the serial orders inputs of one tick. */
    public record TimedInput(long atMicros, long serial, Input input) {
    }

    private record Registration(SimulationObserver observer, long everyTicks) {
    }

    private record Checkpoint(long ticks, long randomState, List<Object> states) {
    }
}
