package org.virtlab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;

/**
 * A parameter sweep: one simulation per value of one scenario field (a JSON pointer into the scenario file), each
 * reporting one number of its {@code summary.json} (a pointer into that), exactly as {@code virtlab run} would for
 * the changed file. The runs are independent simulations, so they run side by side on a pool of threads outside
 * the engine; each gives the same numbers as alone, so the points do not depend on how many threads there are.
 * Every changed scenario goes through the file checker before anything runs. Cancellable between simulated
 * seconds.
 */
public final class Sweep {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SweepPointer param;
    private final SweepPointer metric;
    private final List<BigDecimal> values;
    private final List<Scenario> scenarios;
    private final List<Long> durations;
    private final Long seed;

    private Sweep(SweepPointer param, SweepPointer metric, List<BigDecimal> values, List<Scenario> scenarios,
                  List<Long> durations, Long seed) {
        this.param = param;
        this.metric = metric;
        this.values = values;
        this.scenarios = scenarios;
        this.durations = durations;
        this.seed = seed;
    }

    /**
     * Checks everything a sweep needs before it runs: the parameter's pointer, each changed scenario, the metric
     * (against the summary of one tick of the first).
     *
     * @param durationMicros simulated time per run; {@code null}: each changed scenario's own duration
     * @param seed           the random generator's seed; {@code null}: the scenario's
     */
    public static Sweep prepare(SweepScenario base, String param, List<BigDecimal> values, String metric,
                                Long durationMicros, Long seed) throws SweepException {
        SweepPointer p = SweepPointer.parse(param);
        SweepPointer m = SweepPointer.parse(metric);
        if (values.isEmpty()) {
            throw new SweepException(SweepException.Kind.VALUES_EMPTY);
        }
        List<Scenario> scenarios = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        for (BigDecimal v : values) {
            Scenario s = base.with(p, v);
            scenarios.add(s);
            durations.add(durationMicros == null ? s.durationMicros() : durationMicros);
        }
        Simulation probe = simulation(scenarios.get(0), seed);
        RunSummary summary = new RunSummary();
        probe.addObserver(summary);
        probe.step();
        metricOf(m, summary.toJson(probe));
        return new Sweep(p, m, List.copyOf(values), List.copyOf(scenarios), List.copyOf(durations), seed);
    }

    public String param() {
        return param.toString();
    }

    public String metric() {
        return metric.toString();
    }

    public List<BigDecimal> values() {
        return values;
    }

    /**
     * Runs the sweep on {@code threads} threads (at most one per value), telling {@code progress} as it goes and
     * asking {@code cancelled} after each simulated second of each run.
     *
     * @return one point per value, in the order of the values
     * @throws CancellationException when {@code cancelled} said so; the runs still going stop within a second
     *                               of simulated time
     */
    public List<SweepPoint> run(int threads, SweepProgress progress, BooleanSupplier cancelled) throws SweepException {
        long total = durations.stream().mapToLong(Long::longValue).sum();
        AtomicLong done = new AtomicLong();
        AtomicInteger finished = new AtomicInteger();
        int n = values.size();
        AtomicInteger serial = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
        BooleanSupplier stop = () -> over.get() || cancelled.getAsBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), r -> {
            Thread t = new Thread(r, "virtlab-sweep-" + serial.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Double>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                results.add(pool.submit(() -> {
                    double value = runOne(index, stop, micros -> progress.update(finished.get(), n,
                            total == 0 ? 1 : (double) done.addAndGet(micros) / total));
                    progress.update(finished.incrementAndGet(), n, total == 0 ? 1 : (double) done.get() / total);
                    return value;
                }));
            }
            List<SweepPoint> points = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                points.add(new SweepPoint(values.get(i), await(results.get(i))));
            }
            return List.copyOf(points);
        } finally {
            over.set(true); // a failed run stops the others too
            pool.shutdownNow();
        }
    }

    private interface Advance {
        void ran(long micros);
    }

    private double runOne(int index, BooleanSupplier cancelled, Advance advance) throws SweepException {
        Scenario scenario = scenarios.get(index);
        Simulation simulation = simulation(scenario, seed);
        RunSummary summary = new RunSummary();
        simulation.addObserver(summary);
        long end = durations.get(index);
        long tick = simulation.tickMicros();
        long chunk = tick * Math.max(1, 1_000_000 / tick);
        long before = simulation.nowMicros();
        while (simulation.nowMicros() + tick <= end) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            simulation.runUntil(Math.min(end, simulation.nowMicros() + chunk));
            advance.ran(simulation.nowMicros() - before);
            before = simulation.nowMicros();
        }
        advance.ran(end - before); // the part of a tick that runUntil leaves out, so the bar reaches its end
        return metricOf(metric, summary.toJson(simulation));
    }

    private static double await(Future<Double> result) throws SweepException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SweepException s) {
                throw s;
            }
            if (cause instanceof CancellationException c) {
                throw c;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static Simulation simulation(Scenario scenario, Long seed) {
        return seed == null ? Simulations.of(scenario) : Simulations.of(scenario, seed);
    }

    /** The number at {@code metric} in a summary's JSON. */
    static double metricOf(SweepPointer metric, String summaryJson) throws SweepException {
        JsonNode root;
        try {
            root = MAPPER.readTree(summaryJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        SweepPointer.Found found = metric.find(root);
        if (!found.found()) {
            throw new SweepException(SweepException.Kind.METRIC_UNKNOWN, metric, found.stoppedAt(), found.available());
        }
        if (!found.node().isNumber()) {
            String shown = found.node().isContainerNode() ? (found.node().isObject() ? "{…}" : "[…]")
                    : found.node().toString();
            throw new SweepException(SweepException.Kind.METRIC_NOT_NUMERIC, metric, shown);
        }
        return found.node().doubleValue();
    }
}
