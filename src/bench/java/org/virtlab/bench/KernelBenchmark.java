package org.virtlab.bench;

import java.util.ArrayList;
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
import org.openjdk.jmh.infra.Blackhole;
import org.virtlab.engine.Input;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.StepContext;
import org.virtlab.engine.Subsystem;
import org.virtlab.engine.SubsystemSnapshot;
import org.virtlab.engine.cpu.CpuDemandSubsystem;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * Simulation kernel throughput, reported in ticks per second: every invocation runs {@link #TICKS} ticks
 * with {@code runUntil}, checkpoints included (one every 1000 ticks, the default).
 *
 * <p>Run with {@code mvn -B -Pbench verify -DskipTests} (arguments in the {@code jmh.args} property).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KernelBenchmark {
    static final int TICKS = 10_000;
    static final long TICK_MICROS = 1_000;
    static final int VMS = 64;

    private Simulation trivial;
    private CountingSubsystem counter;
    private Simulation cpu;
    private CpuDemandSubsystem demand;
    private Simulation observed;

    @Setup
    public void setUp(Blackhole blackhole) {
        counter = new CountingSubsystem();
        trivial = new Simulation(42, TICK_MICROS, List.of(counter));
        demand = new CpuDemandSubsystem(scenario(VMS));
        cpu = new Simulation(42, TICK_MICROS, List.of(demand));
        observed = new Simulation(42, TICK_MICROS, List.of(new CpuDemandSubsystem(scenario(VMS))));
        observed.addObserver(blackhole::consume);
    }

    /** The kernel alone: a subsystem that counts and draws one random number per tick. */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public long trivialSubsystem() {
        trivial.runUntil(trivial.nowMicros() + TICKS * TICK_MICROS);
        return counter.mix;
    }

    /** CPU demand for one 2×6×2 host with 64 VMs of mixed workloads, no observer. */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public double cpuDemand64Vms() {
        cpu.runUntil(cpu.nowMicros() + TICKS * TICK_MICROS);
        return demand.demandMhz(0) + demand.demandMhz(VMS - 1);
    }

    /** As {@link #cpuDemand64Vms} with an observer, so a snapshot is built every tick (as the UI does). */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public long cpuDemand64VmsWithSnapshots() {
        observed.runUntil(observed.nowMicros() + TICKS * TICK_MICROS);
        return observed.ticks();
    }

    /** One host (2 sockets × 6 cores × 2 threads at 2000 MHz) and {@code vmCount} VMs cycling through the five shapes. */
    static Scenario scenario(int vmCount) {
        HostSpec host = new HostSpec("esx1", null, new CpuTopology(2, 6, 2, 2_000), 262_144, 0, 0);
        List<VmSpec> vms = new ArrayList<>(vmCount);
        for (int i = 0; i < vmCount; i++) {
            Workload w = switch (i % 5) {
                case 0 -> new Workload.Bursty(90, 10, 200, 600);
                case 1 -> new Workload.Constant(70);
                case 2 -> new Workload.Periodic(10, 90, 4_000);
                case 3 -> new Workload.Ramp(0, 100, 5_000);
                default -> new Workload.Idle(3);
            };
            vms.add(new VmSpec("vm" + i, null, "esx1", 1 + i % 8, 2_048, w, 0, 0));
        }
        return new Scenario(LocalizedText.EMPTY, LocalizedText.EMPTY, 42, TICK_MICROS, List.of(host), vms);
    }

    /** Counts ticks and folds one random draw per tick into {@link #mix}. */
    static final class CountingSubsystem implements Subsystem {
        long count;
        long mix;

        @Override
        public String name() {
            return "counter";
        }

        @Override
        public void step(StepContext ctx) {
            count++;
            mix ^= ctx.random().nextLong();
        }

        @Override
        public boolean accept(Input input) {
            return false;
        }

        @Override
        public SubsystemSnapshot snapshot() {
            return new Count(count);
        }

        @Override
        public Object saveState() {
            return new long[] {count, mix};
        }

        @Override
        public void restore(Object savedState) {
            long[] s = (long[]) savedState;
            count = s[0];
            mix = s[1];
        }

        record Count(long count) implements SubsystemSnapshot {
            @Override
            public String subsystem() {
                return "counter";
            }
        }
    }
}
