package org.virtlab.bench;

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
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoSubsystem;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.io.SplitVirtqueue;

/**
 * virtio split virtqueue speed, in request round trips per second: the driver adds a 3-buffer chain (a virtio-blk
 * read: header, data, status) and decides whether to kick, the device takes it, walks it, returns it and decides
 * whether to interrupt, the driver takes it back. The target is at least 5 million round trips per second.
 * {@link #subsystemTicks} measures the whole I/O subsystem instead: 1 ms ticks of a saturated virtio-net device
 * (about 500 simulated requests per tick).
 *
 * <p>Run with {@code mvn -B -Pbench verify -DskipTests -Djmh.args="... VirtqueueBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VirtqueueBenchmark {
    static final int ROUND_TRIPS = 10_240;
    static final int BATCH = 32;
    static final int TICKS = 100;
    static final long TICK_MICROS = 1_000;

    private final long[] addrs = {0x1000_0000L, 0x1_0000_0000L, 0x2000_0000L};
    private final int[] lens = {16, 4_096, 1};
    private final long[] chainAddrs = new long[4];
    private final int[] chainLens = new int[4];
    private final int[] chainFlags = new int[4];
    private SplitVirtqueue eventIdx;
    private SplitVirtqueue indirect;
    private SplitVirtqueue batched;
    private Simulation simulation;

    @Setup
    public void setUp() {
        eventIdx = new SplitVirtqueue(256, true);
        indirect = new SplitVirtqueue(256, true, 4);
        batched = new SplitVirtqueue(256, true);
        IoDeviceSpec device = new IoDeviceSpec("vnet", "vm", new IoWorkload.ClosedLoop(IoKind.NET_TX, 256, 64),
                IoMode.Virtio.DEFAULT);
        simulation = new Simulation(42, TICK_MICROS, List.of(new IoSubsystem(List.of(device))));
    }

    /** One request at a time through a 256-entry queue with EVENT_IDX. */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public long roundTrip() {
        return roundTrips(eventIdx);
    }

    /** The same with indirect descriptors: one table entry per request, its buffers in an indirect table. */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public long roundTripIndirect() {
        return roundTrips(indirect);
    }

    private long roundTrips(SplitVirtqueue q) {
        long sum = 0;
        for (int k = 0; k < ROUND_TRIPS; k++) {
            q.addChain(addrs, lens, 1, 2);
            boolean kick = q.kickPrepare();
            int head = q.pop();
            int n = q.readChain(head, chainAddrs, chainLens, chainFlags);
            q.pushUsed(head, chainLens[1] + chainLens[n - 1]);
            boolean interrupt = q.needsInterrupt();
            sum += q.getUsed() + q.lastUsedLenBytes() + (kick ? 1 : 0) + (interrupt ? 2 : 0);
        }
        return sum;
    }

    /** 32 requests added per kick, served and taken back 32 at a time. */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public long roundTripBatched() {
        SplitVirtqueue q = batched;
        long sum = 0;
        for (int b = 0; b < ROUND_TRIPS / BATCH; b++) {
            for (int k = 0; k < BATCH; k++) {
                q.addChain(addrs, lens, 1, 2);
            }
            sum += q.kickPrepare() ? 1 : 0;
            for (int head = q.pop(); head >= 0; head = q.pop()) {
                int n = q.readChain(head, chainAddrs, chainLens, chainFlags);
                q.pushUsed(head, chainLens[1] + chainLens[n - 1]);
            }
            sum += q.needsInterrupt() ? 1 : 0;
            for (int head = q.getUsed(); head >= 0; head = q.getUsed()) {
                sum += head;
            }
        }
        return sum;
    }

    /** Ticks of the I/O subsystem per second, a saturated virtio-net device (64 packets of 256 B outstanding). */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public long subsystemTicks() {
        simulation.runUntil(simulation.nowMicros() + TICKS * TICK_MICROS);
        return simulation.ticks();
    }
}
