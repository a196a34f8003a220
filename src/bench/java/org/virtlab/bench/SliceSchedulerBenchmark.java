package org.virtlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.virtlab.engine.SimRandom;
import org.virtlab.engine.cpu.HostCpuPolicy;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.SliceScheduler;
import org.virtlab.engine.cpu.SliceVm;
import org.virtlab.engine.model.CpuTopology;

/**
 * Slice scheduler throughput in ticks per second for a 64-logical-CPU host (2 sockets × 16 cores × 2
 * threads at 2000 MHz) with 32 VMs of 1–8 vCPUs (120 vCPUs), bursty demand, two pinned VMs and one limit.
 * The fluid allocations are precomputed (weighted water-filling), so only the scheduler is measured.
 * Keeping up with real time at ×100 needs 100,000 ticks of 1 ms per second.
 *
 * <p>Run with {@code mvn -B -Pbench verify -DskipTests -Djmh.args="... SliceSchedulerBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SliceSchedulerBenchmark {
    static final int TICKS = 10_000;
    static final long TICK_MICROS = 1_000;
    static final int VMS = 32;
    static final int PATTERN = 4_096;

    private SliceScheduler scheduler;
    private double[][] allocation;
    private double[][] demand;
    private double[] limit;
    private long tick;

    @Setup
    public void setUp() {
        CpuTopology host = new CpuTopology(2, 16, 2, 2_000);
        List<SliceVm> vms = new ArrayList<>();
        double[] shares = new double[VMS];
        for (int v = 0; v < VMS; v++) {
            int vcpus = new int[] {1, 2, 4, 8}[v % 4];
            Pinning pin = v == 5 ? Pinning.all(vcpus, List.of(0, 1, 2, 3))
                    : v == 6 ? Pinning.all(vcpus, List.of(10, 11)) : Pinning.NONE;
            vms.add(new SliceVm(vcpus, pin));
            shares[v] = 1_000.0 * vcpus;
        }
        scheduler = new SliceScheduler(host, HostCpuPolicy.DEFAULT, vms);
        limit = new double[VMS];
        Arrays.fill(limit, Double.POSITIVE_INFINITY);
        limit[3] = 6_000;
        SimRandom random = new SimRandom(42);
        allocation = new double[PATTERN][VMS];
        demand = new double[PATTERN][VMS];
        boolean[] on = new boolean[VMS];
        long[] switchAt = new long[VMS];
        double capacity = host.cores() * host.mhzPerCore() * HostCpuPolicy.DEFAULT_HT_FACTOR;
        for (int t = 0; t < PATTERN; t++) {
            for (int v = 0; v < VMS; v++) {
                if (t >= switchAt[v]) {
                    on[v] = !on[v];
                    switchAt[v] = t + 1 + (long) random.nextExponential(on[v] ? 300 : 500);
                }
                demand[t][v] = (on[v] ? 0.9 : 0.1) * vms.get(v).vcpus() * host.mhzPerCore();
            }
            double[] capped = demand[t].clone();
            capped[3] = Math.min(capped[3], limit[3]);
            waterFill(capacity, shares, capped, allocation[t]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TICKS)
    public long slices64CpusAnd32Vms() {
        for (int i = 0; i < TICKS; i++, tick++) {
            int k = (int) (tick % PATTERN);
            scheduler.tick(tick * TICK_MICROS, TICK_MICROS, allocation[k], demand[k], limit);
        }
        return scheduler.runMicros(0) + scheduler.runMicros(VMS - 1);
    }

    /** Weighted water-filling: capacity split by weight, no VM above its demand, leftovers re-split. */
    static void waterFill(double capacity, double[] weight, double[] demand, double[] out) {
        int n = weight.length;
        boolean[] done = new boolean[n];
        Arrays.fill(out, 0);
        double left = capacity;
        boolean capped = true;
        while (capped) {
            capped = false;
            double w = 0;
            for (int v = 0; v < n; v++) {
                w += done[v] ? 0 : weight[v];
            }
            for (int v = 0; v < n && w > 0; v++) {
                if (!done[v] && left * weight[v] / w >= demand[v]) {
                    out[v] = demand[v];
                    done[v] = true;
                    capped = true;
                }
            }
            left = capacity;
            for (int v = 0; v < n; v++) {
                left -= done[v] ? out[v] : 0;
            }
            if (!capped) {
                for (int v = 0; v < n; v++) {
                    if (!done[v]) {
                        out[v] = left * weight[v] / w;
                    }
                }
            }
        }
    }
}
