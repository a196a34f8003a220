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
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.CpuDemandSubsystem;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.FluidAllocator;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * Fluid CPU allocation at 1 ms ticks, reported in VM-ticks per second (target: 20 million on one core).
 * Each invocation runs {@link #TICKS} ticks of the whole simulation (demand + allocation + entitlements +
 * counters, checkpoints included, no observer) for 1 host × 64 VMs and for 100 hosts × 10 VMs.
 * The hosts are contended (demand above capacity) with reservations, limits and mixed shares, so the
 * exact water level and every VM's entitlement are solved each tick. The {@code allocatorOnly} variants
 * time {@link FluidAllocator} alone on one recorded second of the same demands.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FluidAllocationBenchmark {
    static final int TICKS = 1_000;
    static final long TICK_MICROS = 1_000;

    private Simulation oneHost;
    private Simulation hundredHosts;
    private FluidAllocator[] oneHostAllocator;
    private double[][] oneHostDemand;
    private FluidAllocator[] hundredHostAllocators;
    private double[][] hundredHostDemand;

    @Setup
    public void setUp() {
        oneHost = Simulations.of(scenario(1, 64));
        hundredHosts = Simulations.of(scenario(100, 10));
        Scenario one = scenario(1, 64);
        oneHostAllocator = allocators(one);
        oneHostDemand = recordDemand(one);
        Scenario hundred = scenario(100, 10);
        hundredHostAllocators = allocators(hundred);
        hundredHostDemand = recordDemand(hundred);
    }

    /** The allocator alone (no demand generation, no counters): demands replayed from a recorded second. */
    @Benchmark
    @OperationsPerInvocation(TICKS * 64)
    public double allocatorOnly1Host64Vms() {
        return replay(oneHostAllocator, oneHostDemand);
    }

    @Benchmark
    @OperationsPerInvocation(TICKS * 1_000)
    public double allocatorOnly100Hosts1000Vms() {
        return replay(hundredHostAllocators, hundredHostDemand);
    }

    private static double replay(FluidAllocator[] allocators, double[][] demand) {
        double sink = 0;
        for (double[] tick : demand) {
            int i = 0;
            for (FluidAllocator a : allocators) {
                for (int l = 0; l < a.vmCount(); l++) {
                    a.setDemandMhz(l, tick[i++]);
                }
                a.allocate();
                sink += a.entitlementMhz(0);
            }
        }
        return sink;
    }

    private static FluidAllocator[] allocators(Scenario s) {
        FluidAllocator[] out = new FluidAllocator[s.hosts().size()];
        for (int h = 0; h < out.length; h++) {
            HostSpec host = s.hosts().get(h);
            List<VmSpec> vms = s.vmsOn(host.id());
            int[] vcpus = vms.stream().mapToInt(VmSpec::vcpus).toArray();
            Pinning[] pins = vms.stream().map(VmSpec::pinning).toArray(Pinning[]::new);
            out[h] = new FluidAllocator(host.cpu(), host.cpuPolicy(), vcpus, pins);
            for (int l = 0; l < vms.size(); l++) {
                out[h].setQos(l, vms.get(l).cpuQos());
            }
        }
        return out;
    }

    /** One simulated second of every VM's demand (VMs in scenario order, which is host order here). */
    private static double[][] recordDemand(Scenario s) {
        CpuDemandSubsystem demand = new CpuDemandSubsystem(s);
        Simulation sim = new Simulation(42, TICK_MICROS, List.of(demand));
        double[][] out = new double[TICKS][demand.vmCount()];
        for (int t = 0; t < TICKS; t++) {
            sim.step();
            for (int i = 0; i < demand.vmCount(); i++) {
                out[t][i] = demand.demandMhz(i);
            }
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(TICKS * 64)
    public long oneHost64Vms() {
        oneHost.runUntil(oneHost.nowMicros() + TICKS * TICK_MICROS);
        return oneHost.ticks();
    }

    @Benchmark
    @OperationsPerInvocation(TICKS * 1_000)
    public long hundredHosts1000Vms() {
        hundredHosts.runUntil(hundredHosts.nowMicros() + TICKS * TICK_MICROS);
        return hundredHosts.ticks();
    }

    /** {@code hosts} hosts of 2 × 6 × 2 at 2000 MHz, each with {@code perHost} VMs of the five workload shapes. */
    static Scenario scenario(int hosts, int perHost) {
        List<HostSpec> hs = new ArrayList<>();
        List<VmSpec> vms = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            String host = "h" + h;
            hs.add(new HostSpec(host, null, new CpuTopology(2, 6, 2, 2_000), 262_144, 0, 0));
            for (int v = 0; v < perHost; v++) {
                int i = h * perHost + v;
                Workload w = switch (i % 5) {
                    case 0 -> new Workload.Bursty(90, 10, 200, 600);
                    case 1 -> new Workload.Constant(100);
                    case 2 -> new Workload.Periodic(10, 90, 4_000);
                    case 3 -> new Workload.Ramp(0, 100, 5_000);
                    default -> new Workload.Idle(3);
                };
                Shares shares = switch (i % 4) {
                    case 0 -> Shares.LOW;
                    case 1 -> Shares.NORMAL;
                    case 2 -> Shares.HIGH;
                    default -> Shares.custom(1_500 + i % 7 * 100);
                };
                long reservation = v % 5 == 0 ? 500 : 0;
                long limit = v % 7 == 3 ? 3_000 : CpuQos.NO_LIMIT;
                int vcpus = perHost > 16 ? 1 + i % 4 : 2 + i % 6;
                vms.add(new VmSpec("vm" + i, null, host, vcpus, 2_048, w, new CpuQos(shares, limit, reservation),
                        null, 0, 0));
            }
        }
        return new Scenario(LocalizedText.EMPTY, LocalizedText.EMPTY, 42, TICK_MICROS, hs, vms);
    }
}
