package org.virtlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.MemoryActivity;
import org.virtlab.engine.memory.host.MemoryQos;
import org.virtlab.engine.memory.host.MemorySnapshot;
import org.virtlab.engine.memory.host.MemorySubsystem;
import org.virtlab.engine.memory.host.SharingMode;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * Host memory (issue #5): the page-sharing scanner's speed (target: 5 million pages a second) and a scenario of
 * 4 VMs × 8 GiB, 8 M pages, simulated in a JVM of 300 MB heap.
 *
 * <ul>
 *   <li>{@code scanFirstPass}: one wake-up of a scanner set to 1 M pages, over 4 freshly touched guests of
 *   512 MiB each (30 % image, 10 % zero pages): the first guest's pages go to the unstable tree, the second's
 *   merge. Reported per page scanned.</li>
 *   <li>{@code scanSteady}: the same scanner going round and round the merged guests: per page scanned.</li>
 *   <li>{@code fourVmsOfEightGib}: 4 VMs of 8 GiB on a 24 GiB host, each filling its memory (30 % image, 10 %
 *   zero, half of it active, rewriting 16 MiB/s), the host sharing, ballooning and swapping, at 1 ms ticks with
 *   the kernel's checkpoints; one invocation is one simulated second. Forked with {@code -Xmx300m}; the heap in
 *   use after a full GC is printed at the end of each iteration.</li>
 * </ul>
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MemoryBenchmark {
    static final int SCAN_PAGES = 1_000_000;
    private static final CpuTopology CPU = new CpuTopology(1, 8, 2, 2_000);

    private Simulation scanner;
    private Simulation steady;
    private Simulation big;

    /** 4 guests of 512 MiB, all touched in the first 100 ms tick; the scanner wakes every tick for 1 M pages. */
    static Scenario scannerScenario() {
        HostMemoryPolicy policy = HostMemoryPolicy.DEFAULT.withSharing(SharingMode.ALWAYS, SCAN_PAGES, 100);
        MemoryActivity activity = new MemoryActivity(512, 100_000, 0, 10, 30, "ubuntu", 100);
        List<VmSpec> vms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            vms.add(vm("vm" + i, 512, activity));
        }
        return new Scenario(LocalizedText.of("Scanner", ""), LocalizedText.EMPTY, 1, 100_000,
                List.of(new HostSpec("host", "host", CPU, null, 8_192, policy, 0, 0)), vms);
    }

    static Scenario fourVmsOfEightGibScenario() {
        MemoryActivity activity = new MemoryActivity(8_192, 2_048, 16, 10, 30, "ubuntu", 50);
        List<VmSpec> vms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            vms.add(vm("vm" + i, 8_192, activity));
        }
        return new Scenario(LocalizedText.of("4 × 8 GiB", ""), LocalizedText.EMPTY, 1, 1_000,
                List.of(new HostSpec("host", "host", CPU, null, 24_576, HostMemoryPolicy.DEFAULT, 0, 0)), vms);
    }

    private static VmSpec vm(String id, long mib, MemoryActivity activity) {
        return new VmSpec(id, id, "host", 2, mib, new Workload.Constant(20), CpuQos.DEFAULT, Pinning.NONE, List.of(),
                VmSpec.DEFAULT_DIRTY_MIB_PER_SECOND, MemoryQos.DEFAULT, activity, 0, 0);
    }

    @Setup(Level.Invocation)
    public void freshScanner() {
        scanner = Simulations.of(scannerScenario());
        scanner.step(); // touches all 4 × 512 MiB; the scanner first wakes in the next tick
    }

    @Setup(Level.Trial)
    public void setUp() {
        steady = Simulations.of(scannerScenario());
        steady.runUntil(2_000_000); // a few rounds: what can merge has merged
        big = Simulations.of(fourVmsOfEightGibScenario());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 15)
    @OperationsPerInvocation(SCAN_PAGES)
    public Simulation scanFirstPass() {
        scanner.step();
        return scanner;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OperationsPerInvocation(SCAN_PAGES)
    public Simulation scanSteady() {
        steady.step();
        return steady;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @Fork(value = 1, jvmArgsAppend = "-Xmx300m")
    public long fourVmsOfEightGib() {
        big.runUntil(big.nowMicros() + 1_000_000);
        return big.ticks();
    }

    @TearDown(Level.Iteration)
    public void heap() {
        if (big == null || big.nowMicros() == 0) {
            return;
        }
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        MemorySnapshot m = big.snapshot().find(MemorySnapshot.class).orElseThrow();
        MemorySubsystem memory = (MemorySubsystem) big.subsystems().get(2);
        System.out.printf("%n[4 × 8 GiB at %.0f s simulated: heap in use after GC %d MiB (max %d MiB), page arrays %d MiB,"
                        + " host used %.0f MiB, %s, shared frames %d, saved %.0f MiB]%n",
                big.nowMicros() / 1e6, used >> 20, runtime.maxMemory() >> 20,
                memory.pageArrayBytes() >> 20, m.host("host").usedMib(), m.host("host").state(),
                m.host("host").pagesShared(), m.host("host").savedBySharingMib());
    }
}
