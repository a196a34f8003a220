package org.virtlab.ui.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.CpuSampler;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.memory.host.MemorySampler;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.experiment.RunRecorder;
import org.virtlab.experiment.RunSummary;

/**
 * Scenarios A and B run side by side, headless, each from its own seed (B starts as a copy of A, so the same one):
 * {@link #advance()} takes both to the same next simulated time, so at every step both have run equally long. Each
 * run has the {@link RunSummary} {@code virtlab run} writes, attached the same way, and samples at the window's
 * chart cadence ({@link RunRecorder#SAMPLE_MICROS}): each VM's CPU use (GHz, averaged over the sample) and the host
 * memory charged to it (consumed MiB, at its end), and, when the scenario has I/O devices, each device's completed
 * requests per second over the sample (thousands, A's devices by id in both runs). For a long run, {@code k} consecutive samples make one point
 * (their mean), so a chart holds at most about {@link #MAX_POINTS} points per line. Because the engine is
 * deterministic and its observers fire at simulated times, running in steps gives exactly what one run to the end
 * gives. No JavaFX: it runs on the caller's thread (the window's worker). Not thread-safe.
 */
final class LockstepRun {
    /** Points per line at most (plus one): a chart of an hour still redraws at once. */
    static final int MAX_POINTS = 1200;
    /** Steps in a run: the charts grow this many times. */
    static final int STEPS = 100;

    private final Side a;
    private final Side b;
    private final long endMicros;
    private final long stepMicros;
    private int emitted;

    /** Two lines' worth of points: per point its time (s) and per VM run A's and run B's value. */
    record Points(double[] seconds, double[][] a, double[][] b) {
        boolean isEmpty() {
            return seconds.length == 0;
        }
    }

    /** What one step added to the charts. */
    record Step(Points cpuGhz, Points consumedMib, Points kiloIops, long nowMicros) {
    }

    LockstepRun(Scenario scenarioA, Scenario scenarioB, long endMicros) {
        this.endMicros = endMicros;
        int perPoint = (int) Math.max(1, -Math.floorDiv(-endMicros, RunRecorder.SAMPLE_MICROS * MAX_POINTS));
        List<String> devices = scenarioA.devices().stream().map(IoDeviceSpec::id).toList();
        a = new Side(scenarioA, perPoint, devices);
        b = new Side(scenarioB, perPoint, devices);
        long tick = Math.max(a.simulation.tickMicros(), b.simulation.tickMicros());
        stepMicros = Math.max(tick, endMicros / STEPS / tick * tick);
    }

    /** Whether both runs reached the end. */
    boolean done() {
        return a.simulation.nowMicros() >= lastTick(a) && b.simulation.nowMicros() >= lastTick(b);
    }

    private long lastTick(Side s) {
        return endMicros - endMicros % s.simulation.tickMicros();
    }

    /** Simulated time both runs reached. */
    long nowMicros() {
        return Math.min(a.simulation.nowMicros(), b.simulation.nowMicros());
    }

    long endMicros() {
        return endMicros;
    }

    /** Runs A, then B, to the next common time; the points completed meanwhile in both. */
    Step advance() {
        long target = Math.min(endMicros, nowMicros() + stepMicros);
        a.simulation.runUntil(target);
        b.simulation.runUntil(target);
        int ready = Math.min(Math.min(a.cpu.size(), b.cpu.size()), Math.min(a.times.size(), b.times.size()));
        int memoryReady = Math.min(a.memory.size(), b.memory.size());
        Points cpu = points(emitted, ready, a.cpu, b.cpu);
        Points memory = points(Math.min(emitted, memoryReady), Math.min(ready, memoryReady), a.memory, b.memory);
        int ioReady = Math.min(a.io.size(), b.io.size());
        Points io = points(Math.min(emitted, ioReady), Math.min(ready, ioReady), a.io, b.io);
        emitted = ready;
        return new Step(cpu, memory, io, nowMicros());
    }

    private Points points(int from, int to, List<double[]> fromA, List<double[]> fromB) {
        int n = Math.max(0, to - from);
        double[] seconds = new double[n];
        double[][] va = new double[n][];
        double[][] vb = new double[n][];
        for (int i = 0; i < n; i++) {
            seconds[i] = a.times.get(from + i) / 1e6;
            va[i] = fromA.get(from + i);
            vb[i] = fromB.get(from + i);
        }
        return new Points(seconds, va, vb);
    }

    /** Run A's summary.json so far (the whole run once {@link #done()}). */
    String summaryA() {
        return a.summary.toJson(a.simulation);
    }

    String summaryB() {
        return b.summary.toJson(b.simulation);
    }

    /** One run: its simulation, summary and the points its samplers made. */
    private static final class Side {
        final Simulation simulation;
        final RunSummary summary;
        final int vms;
        final int perPoint;
        final Map<String, Integer> vmIndex = new HashMap<>();
        final List<Long> times = new ArrayList<>();
        final List<double[]> cpu = new ArrayList<>();
        final List<double[]> memory = new ArrayList<>();
        final List<double[]> io = new ArrayList<>();
        final double[] cpuSum;
        final double[] memorySum;
        final List<String> devices;
        final double[] ioSum;
        final long[] completedBefore;
        long ioBeforeMicros;
        int cpuCount;
        int memoryCount;
        int ioCount;

        Side(Scenario scenario, int perPoint, List<String> devices) {
            this.perPoint = perPoint;
            List<VmSpec> specs = scenario.vms();
            vms = specs.size();
            for (int i = 0; i < vms; i++) {
                vmIndex.put(specs.get(i).id(), i);
            }
            cpuSum = new double[vms];
            memorySum = new double[vms];
            simulation = Simulations.of(scenario);
            summary = RunSummary.attach(simulation, scenario);
            simulation.addObserver(new CpuSampler(this::cpu), RunRecorder.SAMPLE_MICROS);
            simulation.addObserver(new MemorySampler(this::memory), RunRecorder.SAMPLE_MICROS);
            this.devices = devices;
            ioSum = new double[devices.size()];
            completedBefore = new long[devices.size()];
            if (!devices.isEmpty()) {
                simulation.addObserver(this::io, RunRecorder.SAMPLE_MICROS);
            }
        }

        /** Each device's requests completed since the last sample, per second (thousands); 0 where B lacks it. */
        private void io(SimulationSnapshot s) {
            IoSnapshot snapshot = s.find(IoSnapshot.class).orElse(null);
            double seconds = (s.nowMicros() - ioBeforeMicros) / 1e6;
            for (int i = 0; i < devices.size(); i++) {
                long completed = snapshot == null ? 0 : snapshot.device(devices.get(i))
                        .map(d -> d.totals().completed()).orElse(0L);
                if (seconds > 0) {
                    ioSum[i] += (completed - completedBefore[i]) / seconds / 1000.0;
                }
                completedBefore[i] = completed;
            }
            ioBeforeMicros = s.nowMicros();
            if (++ioCount == perPoint) {
                io.add(mean(ioSum, ioCount));
                ioCount = 0;
            }
        }

        private void cpu(CpuSampler.Sample s) {
            String[] ids = s.vmIds();
            double[] used = s.usedMhz();
            for (int i = 0; i < ids.length; i++) {
                Integer at = vmIndex.get(ids[i]);
                if (at != null) {
                    cpuSum[at] += used[i] / 1000.0;
                }
            }
            if (++cpuCount == perPoint) {
                cpu.add(mean(cpuSum, cpuCount));
                times.add(s.endMicros());
                cpuCount = 0;
            }
        }

        private void memory(MemorySampler.Sample s) {
            for (MemorySampler.VmSample v : s.vms()) {
                Integer at = vmIndex.get(v.vmId());
                if (at != null) {
                    memorySum[at] += v.consumedMib();
                }
            }
            if (++memoryCount == perPoint) {
                memory.add(mean(memorySum, memoryCount));
                memoryCount = 0;
            }
        }

        private static double[] mean(double[] sum, int count) {
            double[] out = new double[sum.length];
            for (int i = 0; i < sum.length; i++) {
                out[i] = sum[i] / count;
                sum[i] = 0;
            }
            return out;
        }
    }
}
