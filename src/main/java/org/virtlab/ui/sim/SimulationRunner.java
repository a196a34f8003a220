package org.virtlab.ui.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.virtlab.engine.EventJournal;
import org.virtlab.engine.Input;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.CpuDerivation;
import org.virtlab.engine.cpu.CpuSampler;
import org.virtlab.engine.cpu.CpuSubsystem;
import org.virtlab.engine.memory.host.MemorySampler;
import org.virtlab.engine.memory.host.MemorySubsystem;
import org.virtlab.engine.model.Scenario;
import org.virtlab.experiment.RunSummary;

/**
 * Runs the simulation on one worker thread and publishes what the window needs: the latest snapshot and
 * the chart samples, both immutable. The FX thread samples them at display rate and never touches the
 * engine.
 *
 * <p>Playing maps wall-clock time to simulated time at the chosen {@link Speed}; because the engine's
 * results depend only on simulated time and inputs, the speed changes how soon results arrive, never
 * what they are. When the machine cannot keep up, simulated time falls behind instead of skipping.
 *
 * <p>The simulation keeps an event journal; the runner hands its new events to the window ({@link #drainEvents})
 * and can {@link #seek} to any moment back to the oldest checkpoint kept: the engine restores a checkpoint and
 * replays, and the runner restores what it observes (the run summary, the chart samplers) to the same moment, so
 * going back and then forward again reaches exactly the state a straight run reaches.
 */
public final class SimulationRunner implements AutoCloseable {
    /** Chart samples average this much simulated time. */
    public static final long SAMPLE_WINDOW_MICROS = 100_000;
    private static final long FRAME_NANOS = 16_000_000;
    /** At most this much wall time per burst of work, so commands are never kept waiting long. */
    private static final long BURST_NANOS = 12_000_000;
    /** Ticks run between two looks at the wall clock when playing as fast as possible. */
    private static final int UNLIMITED_CHUNK_TICKS = 100;
    /** Events the journal keeps (the window's list keeps as many): bounded memory, about 10 MB. */
    public static final int JOURNAL_CAPACITY = 100_000;

    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<ChartSample> samples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<MemoryChartSample> memorySamples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<EventBatch> events = new ConcurrentLinkedQueue<>();
    private final LongSupplier wallNanos;
    private final Thread worker;

    private volatile State state;
    private volatile boolean closed;

    // Owned by the worker thread.
    private Simulation simulation;
    private CpuSubsystem cpu;
    /** What {@code virtlab run} reports, observing this generation's simulation from time zero. */
    private RunSummary summary;
    private boolean playing;
    private Speed speed = Speed.X1;
    private long anchorWallNanos;
    private long anchorSimMicros;
    private String failure;
    private long generation;
    /** Counts loads, resets and restarts: a seek keeps the timeline (and the window its event list). */
    private long timeline = -1;
    private CpuSampler cpuSampler;
    private MemorySampler memorySampler;
    /** While true the samplers are being brought to a moment after a seek: what they produce is not new. */
    private boolean priming;
    /**
     * The chart samples of this timeline up to the latest moment reached (a replay after a seek makes the same ones
     * again); a seek re-sends those up to its target under a new generation.
     */
    private final List<CpuSampler.Sample> cpuHistory = new ArrayList<>();
    private final List<MemorySampler.Sample> memoryHistory = new ArrayList<>();
    /** The run summary as it was at each chart-sample boundary: a seek goes on from the one before the target. */
    private final TreeMap<Long, RunSummary> summaryMarks = new TreeMap<>();
    /** The scenario as the window had it from each moment on (edits while running), for a seek to show. */
    private final TreeMap<Long, Scenario> scenarioAt = new TreeMap<>();
    /** Events up to this (time, subsystem, serial) were handed to the window already. */
    private SimEvent lastHanded;

    public SimulationRunner(Scenario scenario) {
        this(scenario, System::nanoTime);
    }

    /** With a wall clock of the caller's choosing (tests). */
    public SimulationRunner(Scenario scenario, LongSupplier wallNanos) {
        this.wallNanos = wallNanos;
        build(scenario, 0);
        worker = new Thread(this::loop, "virtlab-simulation");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * What the window shows: immutable, replaced as a whole.
     *
     * @param failure     why the simulation stopped on its own (an input the engine refused), or null
     * @param derivations how each host's CPU is shared at this moment, in the scenario's host order
     */
    public record State(Scenario scenario, long generation, SimulationSnapshot snapshot, boolean playing, Speed speed,
                        String failure, List<CpuDerivation> derivations) {
        public State {
            derivations = List.copyOf(derivations);
        }
    }

    public State state() {
        return state;
    }

    /** A chart sample and the generation (scenario load or reset) it belongs to. */
    public record ChartSample(long generation, CpuSampler.Sample sample) {
    }

    /** Chart samples produced since the last call, oldest first. */
    public List<ChartSample> drainSamples() {
        List<ChartSample> out = new ArrayList<>();
        for (ChartSample s; (s = samples.poll()) != null; ) {
            out.add(s);
        }
        return out;
    }

    /** A host-memory sample and the generation (scenario load or reset) it belongs to. */
    public record MemoryChartSample(long generation, MemorySampler.Sample sample) {
    }

    /**
     * Host-memory samples produced since the last call, oldest first, one per {@link #SAMPLE_WINDOW_MICROS}; none
     * when the simulation has no memory subsystem.
     */
    public List<MemoryChartSample> drainMemorySamples() {
        List<MemoryChartSample> out = new ArrayList<>();
        for (MemoryChartSample s; (s = memorySamples.poll()) != null; ) {
            out.add(s);
        }
        return out;
    }

    /**
     * Journaled events for the window.
     *
     * @param timeline   the load, reset or restart they belong to (a new one: the list starts over)
     * @param forgetFromMicros the window forgets its events at or after this time first (an edit after a seek
     *                   changed the future), or {@link Long#MAX_VALUE}
     * @param events     new events, oldest first, each after every event handed before
     */
    public record EventBatch(long timeline, long forgetFromMicros, List<SimEvent> events) {
        public EventBatch {
            events = List.copyOf(events);
        }
    }

    /** Event batches produced since the last call, oldest first. */
    public List<EventBatch> drainEvents() {
        List<EventBatch> out = new ArrayList<>();
        for (EventBatch b; (b = events.poll()) != null; ) {
            out.add(b);
        }
        return out;
    }

    /**
     * Pauses and puts the whole run at {@code micros} (rounded down to a tick): the simulation, the summary and the
     * chart samples (sent again under a new generation) are as a straight run to that time leaves them. Later
     * moments already run can be sought again: the replay reaches them bit for bit. The state's failure says why
     * when the moment is older than the oldest checkpoint kept.
     */
    public void seek(long micros) {
        command(() -> {
            playing = false;
            seekNow(micros);
        });
    }

    /** Pauses and {@link #seek}s to the end of the tick an event at {@code eventMicros} happened in: just after it. */
    public void seekAfterEvent(long eventMicros) {
        command(() -> {
            playing = false;
            long tick = simulation.tickMicros();
            seekNow(Math.floorDiv(eventMicros, tick) * tick + tick);
        });
    }

    public void play() {
        command(() -> {
            playing = true;
            failure = null;
            anchor();
        });
    }

    public void pause() {
        command(() -> playing = false);
    }

    /** Pauses and runs exactly one tick. */
    public void step() {
        command(() -> {
            playing = false;
            simulation.step();
        });
    }

    /** Back to time zero with the same scenario, paused. */
    public void reset() {
        command(() -> build(state.scenario(), state.generation() + 1));
    }

    /** Replaces the scenario; the simulation starts over at time zero, paused. */
    public void load(Scenario scenario) {
        command(() -> build(scenario, state.generation() + 1));
    }

    /** Replaces the scenario after a structural edit: time zero again, still playing if it was. */
    public void restart(Scenario scenario) {
        command(() -> {
            boolean wasPlaying = playing;
            build(scenario, state.generation() + 1);
            if (wasPlaying) {
                playing = true;
                anchor();
            }
        });
    }

    public void setSpeed(Speed newSpeed) {
        command(() -> {
            speed = newSpeed;
            anchor();
        });
    }

    /** Hands a change to the engine; it takes effect at the start of the next tick. */
    public void submit(Input input) {
        command(() -> {
            forgetFuture();
            simulation.submit(input);
        });
    }

    /**
     * Hands the engine an input whose effect the window shows at once (a packet sent, an address walked): it takes
     * effect at the start of the next tick and, when the run is paused, that one tick runs, so what it did (and the
     * events it journaled) is seen without pressing Play. Like any input it starts a new future after a seek back.
     */
    public void submitShown(Input input) {
        command(() -> {
            forgetFuture();
            simulation.submit(input);
            if (!playing) {
                simulation.step();
            }
        });
    }

    /**
     * An edit while the simulation runs: {@code edited} becomes the scenario (what Reset and Save use)
     * and {@code input} tells the engine, from the next tick on. Time does not go back.
     */
    public void edit(Scenario edited, Input input) {
        edit(edited, List.of(input));
    }

    /** An edit made of several inputs, applied at the same tick (undo and redo of an edit). */
    public void edit(Scenario edited, List<? extends Input> inputs) {
        List<Input> copy = List.copyOf(inputs);
        command(() -> {
            if (!copy.isEmpty()) {
                forgetFuture(); // an edit made of no input (a finished migration adopted) changes no future
            }
            copy.forEach(simulation::submit);
            scenarioAt.put(simulation.nowMicros(), edited);
            State old = state;
            state = new State(edited, old.generation(), old.snapshot(), old.playing(), old.speed(), old.failure(),
                    old.derivations());
        });
    }

    /** Plays as fast as possible until simulated time reaches {@code micros}, then pauses (tests, exports). */
    public void runTo(long micros) {
        command(() -> {
            playing = false;
            runHanding(micros);
        });
    }

    /**
     * The run so far as {@code virtlab run} reports it in {@code summary.json}: the same observer has watched the
     * simulation since time zero (of this load, restart or reset), so the same scenario, seed and simulated time
     * give the same bytes. Completes on the worker once the commands given before have been carried out.
     */
    public CompletableFuture<String> summaryJson() {
        CompletableFuture<String> json = new CompletableFuture<>();
        command(() -> {
            try {
                json.complete(summary.toJson(simulation));
            } catch (RuntimeException e) {
                json.completeExceptionally(e);
            }
        });
        return json;
    }

    /** Blocks until every command given before has been carried out; for tests. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        command(latch::countDown);
        return latch.await(timeout, unit);
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }

    private void command(Runnable action) {
        if (closed) {
            throw new IllegalStateException("the simulation runner is closed");
        }
        commands.add(() -> {
            action.run();
            publish();
        });
    }

    private void loop() {
        try {
            while (!closed) {
                Runnable next = playing ? commands.poll(FRAME_NANOS, TimeUnit.NANOSECONDS) : commands.take();
                if (next != null) {
                    guarded(next);
                    for (Runnable more; (more = commands.poll()) != null; ) {
                        guarded(more);
                    }
                }
                if (playing) {
                    guarded(this::advance);
                    publish();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs work on the worker; if the engine refuses something (it throws only for inputs it cannot
     * take), the simulation pauses and the state says why, instead of the worker dying.
     */
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            playing = false;
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            publish();
        }
    }

    private void advance() {
        long burstEnd = wallNanos.getAsLong() + BURST_NANOS;
        if (speed.unlimited()) {
            while (wallNanos.getAsLong() < burstEnd) {
                simulation.runUntil(simulation.nowMicros() + UNLIMITED_CHUNK_TICKS * simulation.tickMicros());
                handEvents(Long.MAX_VALUE);
            }
            return;
        }
        double elapsedSeconds = (wallNanos.getAsLong() - anchorWallNanos) / 1e9;
        long target = anchorSimMicros + (long) (elapsedSeconds * speed.factor() * 1e6);
        int ticks = 0;
        while (simulation.nowMicros() + simulation.tickMicros() <= target && wallNanos.getAsLong() < burstEnd) {
            simulation.step();
            if (++ticks % UNLIMITED_CHUNK_TICKS == 0) {
                handEvents(Long.MAX_VALUE);
            }
        }
        if (simulation.nowMicros() + 1_000_000 < target) {
            anchor(); // more than a simulated second behind: fall behind rather than rush to catch up
        }
    }

    private void anchor() {
        anchorWallNanos = wallNanos.getAsLong();
        anchorSimMicros = simulation.nowMicros();
    }

    private void build(Scenario scenario, long generation) {
        this.generation = generation;
        timeline++;
        simulation = Simulations.of(scenario, scenario.seed(), true);
        simulation.enableJournal(JOURNAL_CAPACITY);
        lastHanded = null;
        events.add(new EventBatch(timeline, Long.MAX_VALUE, List.of()));
        cpu = simulation.subsystems().stream().filter(CpuSubsystem.class::isInstance).map(CpuSubsystem.class::cast)
                .findFirst().orElseThrow();
        summary = new RunSummary();
        summaryMarks.clear();
        summaryMarks.put(0L, summary.copy());
        scenarioAt.clear();
        scenarioAt.put(0L, scenario);
        cpuHistory.clear();
        memoryHistory.clear();
        simulation.addObserver(snapshot -> {
            summary.onTick(snapshot);
            if (snapshot.nowMicros() % SAMPLE_WINDOW_MICROS == 0) {
                summaryMarks.put(snapshot.nowMicros(), summary.copy());
            }
        });
        cpuSampler = new CpuSampler(s -> {
            if (!priming) {
                if (cpuHistory.isEmpty() || s.endMicros() > cpuHistory.get(cpuHistory.size() - 1).endMicros()) {
                    cpuHistory.add(s);
                }
                samples.add(new ChartSample(this.generation, s));
            }
        });
        simulation.addObserver(cpuSampler, SAMPLE_WINDOW_MICROS);
        memorySampler = null;
        if (simulation.subsystems().stream().anyMatch(MemorySubsystem.class::isInstance)) {
            memorySampler = new MemorySampler(s -> {
                if (!priming) {
                    if (memoryHistory.isEmpty()
                            || s.endMicros() > memoryHistory.get(memoryHistory.size() - 1).endMicros()) {
                        memoryHistory.add(s);
                    }
                    memorySamples.add(new MemoryChartSample(this.generation, s));
                }
            });
            simulation.addObserver(memorySampler, SAMPLE_WINDOW_MICROS);
        }
        playing = false;
        failure = null;
        state = new State(scenario, generation, simulation.snapshot(), false, speed, null, derivations(scenario));
    }

    private List<CpuDerivation> derivations(Scenario scenario) {
        List<CpuDerivation> out = new ArrayList<>();
        scenario.hosts().forEach(h -> out.add(cpu.explain(h.id())));
        return out;
    }

    private void publish() {
        handEvents(Long.MAX_VALUE);
        summaryMarks.headMap(simulation.earliestRestorableMicros(), false).clear();
        Scenario now = scenarioAt.floorEntry(simulation.nowMicros()).getValue();
        if (now != state.scenario()) {
            // a replay after a seek passed an edit made the first time: the window shows the edited scenario, its
            // charts started over with the samples so far (as after a seek)
            generation++;
            samples.clear();
            memorySamples.clear();
            long t = simulation.nowMicros();
            cpuHistory.stream().filter(s -> s.endMicros() <= t).forEach(s -> samples.add(new ChartSample(generation, s)));
            memoryHistory.stream().filter(s -> s.endMicros() <= t)
                    .forEach(s -> memorySamples.add(new MemoryChartSample(generation, s)));
            State old = state;
            state = new State(now, generation, old.snapshot(), old.playing(), old.speed(), old.failure(),
                    old.derivations());
        }
        State old = state;
        state = new State(old.scenario(), old.generation(), simulation.snapshot(), playing, speed, failure,
                derivations(old.scenario()));
    }

    /**
     * Runs to {@code micros}, handing the window the new events every {@link #UNLIMITED_CHUNK_TICKS} ticks so the
     * journal's ring never lets go of one the window has not had.
     */
    private void runHanding(long micros) {
        long chunk = UNLIMITED_CHUNK_TICKS * simulation.tickMicros();
        while (simulation.nowMicros() + simulation.tickMicros() <= micros) {
            simulation.runUntil(Math.min(micros, simulation.nowMicros() + chunk));
            handEvents(Long.MAX_VALUE);
        }
    }

    /** Hands the window the journal's events it has not had yet, after it forgets those from {@code forgetFrom}. */
    private void handEvents(long forgetFrom) {
        EventJournal journal = simulation.journal();
        int from = journal.size();
        while (from > 0 && (lastHanded == null || SimEvent.ORDER.compare(journal.get(from - 1), lastHanded) > 0)) {
            from--;
        }
        if (from == journal.size() && forgetFrom == Long.MAX_VALUE) {
            return;
        }
        List<SimEvent> fresh = journal.events(from, journal.size());
        if (!fresh.isEmpty()) {
            lastHanded = fresh.get(fresh.size() - 1);
        }
        events.add(new EventBatch(timeline, forgetFrom, fresh));
    }

    /**
     * An edit at a moment sought back to makes a different future: the window forgets the events after now, the
     * runner the summaries and scenarios it kept for later moments.
     */
    private void forgetFuture() {
        long now = simulation.nowMicros();
        EventJournal journal = simulation.journal();
        SimEvent newest = journal.size() == 0 ? null : journal.get(journal.size() - 1);
        if (lastHanded != null && (newest == null || SimEvent.ORDER.compare(lastHanded, newest) > 0)) {
            lastHanded = newest;
            handEvents(now);
        }
        summaryMarks.tailMap(now, false).clear();
        scenarioAt.tailMap(now, false).clear();
        cpuHistory.removeIf(s -> s.endMicros() > now);
        memoryHistory.removeIf(s -> s.endMicros() > now);
    }

    private void seekNow(long micros) {
        long tick = simulation.tickMicros();
        long target = Math.max(0, Math.floorDiv(micros, tick) * tick);
        if (target == simulation.nowMicros()) {
            return;
        }
        Map.Entry<Long, RunSummary> mark = summaryMarks.floorEntry(target);
        if (target < simulation.nowMicros() || mark != null && mark.getKey() > simulation.nowMicros()) {
            goBackTo(target); // back, or far forward within what was run: from the checkpoint before the target
        }
        runHanding(target); // what a straight run does, observers included
        // the charts start over under a new generation with the samples of this timeline up to the target
        generation++;
        samples.clear();
        memorySamples.clear();
        cpuHistory.stream().filter(s -> s.endMicros() <= target)
                .forEach(s -> samples.add(new ChartSample(generation, s)));
        memoryHistory.stream().filter(s -> s.endMicros() <= target)
                .forEach(s -> memorySamples.add(new MemoryChartSample(generation, s)));
        Scenario shown = scenarioAt.floorEntry(target).getValue();
        state = new State(shown, generation, simulation.snapshot(), false, speed, failure, derivations(shown));
    }

    /**
     * Restores the simulation and its observers to the last chart-sample boundary at or before {@code target} (back,
     * or forward to a moment reached before), as a
     * straight run left them there: the engine from its checkpoint, the summary from its mark, the samplers by
     * seeing that moment's snapshot (what they make of it was sent the first time).
     */
    private void goBackTo(long target) {
        Map.Entry<Long, RunSummary> mark = summaryMarks.floorEntry(target);
        if (mark == null || mark.getKey() < simulation.earliestRestorableMicros()) {
            throw new IllegalArgumentException("cannot go back to " + target + " µs: the oldest checkpoint kept is at "
                    + simulation.earliestRestorableMicros() + " µs");
        }
        long from = mark.getKey();
        simulation.rewindTo(from);
        summary = mark.getValue().copy();
        priming = true;
        try {
            cpuSampler.restart();
            if (memorySampler != null) {
                memorySampler.restart();
            }
            if (from > 0) { // a straight run's samplers have seen the boundary before: so must these
                SimulationSnapshot at = simulation.snapshot();
                cpuSampler.onTick(at);
                if (memorySampler != null) {
                    memorySampler.onTick(at);
                }
            }
        } finally {
            priming = false;
        }
    }
}
