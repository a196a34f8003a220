package org.virtlab.ui.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.virtlab.engine.Input;
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
 */
public final class SimulationRunner implements AutoCloseable {
    /** Chart samples average this much simulated time. */
    public static final long SAMPLE_WINDOW_MICROS = 100_000;
    private static final long FRAME_NANOS = 16_000_000;
    /** At most this much wall time per burst of work, so commands are never kept waiting long. */
    private static final long BURST_NANOS = 12_000_000;
    /** Ticks run between two looks at the wall clock when playing as fast as possible. */
    private static final int UNLIMITED_CHUNK_TICKS = 100;

    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<ChartSample> samples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<MemoryChartSample> memorySamples = new ConcurrentLinkedQueue<>();
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
        command(() -> simulation.submit(input));
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
            copy.forEach(simulation::submit);
            State old = state;
            state = new State(edited, old.generation(), old.snapshot(), old.playing(), old.speed(), old.failure(),
                    old.derivations());
        });
    }

    /** Plays as fast as possible until simulated time reaches {@code micros}, then pauses (tests, exports). */
    public void runTo(long micros) {
        command(() -> {
            playing = false;
            simulation.runUntil(micros);
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
            }
            return;
        }
        double elapsedSeconds = (wallNanos.getAsLong() - anchorWallNanos) / 1e9;
        long target = anchorSimMicros + (long) (elapsedSeconds * speed.factor() * 1e6);
        while (simulation.nowMicros() + simulation.tickMicros() <= target && wallNanos.getAsLong() < burstEnd) {
            simulation.step();
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
        simulation = Simulations.of(scenario, scenario.seed(), true);
        cpu = simulation.subsystems().stream().filter(CpuSubsystem.class::isInstance).map(CpuSubsystem.class::cast)
                .findFirst().orElseThrow();
        summary = new RunSummary();
        simulation.addObserver(summary);
        simulation.addObserver(new CpuSampler(s -> samples.add(new ChartSample(generation, s))), SAMPLE_WINDOW_MICROS);
        if (simulation.subsystems().stream().anyMatch(MemorySubsystem.class::isInstance)) {
            simulation.addObserver(new MemorySampler(s -> memorySamples.add(new MemoryChartSample(generation, s))),
                    SAMPLE_WINDOW_MICROS);
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
        State old = state;
        state = new State(old.scenario(), old.generation(), simulation.snapshot(), playing, speed, failure,
                derivations(old.scenario()));
    }
}
