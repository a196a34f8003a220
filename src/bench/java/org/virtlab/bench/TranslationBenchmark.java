package org.virtlab.bench;

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
import org.virtlab.engine.memory.AccessPattern;
import org.virtlab.engine.memory.AddressStream;
import org.virtlab.engine.memory.Mmu;
import org.virtlab.engine.memory.PageTableConfig;
import org.virtlab.engine.memory.TlbConfig;
import org.virtlab.engine.memory.TranslationMode;

/**
 * Address translation through TLB + walk, reported in translations per second (target: 10 million).
 * Each invocation translates {@link #ADDRESSES} addresses recorded beforehand from a seeded pattern, through a
 * 64-entry 4-way tagged TLB with a 32-entry page-walk cache ({@link TlbConfig#typical()}), 4-level tables and
 * 4 KiB pages:
 * <ul>
 *   <li>{@code *Sequential}: 8-byte words, 511 of 512 hit the TLB (the allocation-free hit path);</li>
 *   <li>{@code *WorkingSet}: random words of 1 MiB, 4 times the TLB's reach: about a quarter hit;</li>
 *   <li>{@code *Random}: random words of 64 GiB: nearly every access misses and walks.</li>
 * </ul>
 *
 * <p>Run with {@code mvn -B -Pbench verify -DskipTests -Djmh.args="-f 1 -wi 3 -w 2s -i 5 -r 2s TranslationBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TranslationBenchmark {
    static final int ADDRESSES = 1 << 16;
    static final PageTableConfig FOUR = PageTableConfig.fourLevel();
    static final TranslationMode NATIVE = new TranslationMode.Native(FOUR);
    static final TranslationMode NESTED = new TranslationMode.Nested(FOUR, FOUR);
    static final TranslationMode SHADOW = new TranslationMode.Shadow(FOUR, FOUR);

    private long[] sequential;
    private long[] workingSet;
    private long[] random;
    private Mmu nativeMmu;
    private Mmu nestedMmu;
    private Mmu shadowMmu;

    @Setup
    public void setUp() {
        sequential = record(new AccessPattern.Sequential(1L << 30));
        workingSet = record(new AccessPattern.WorkingSet(1L << 30, 1L << 20));
        random = record(new AccessPattern.Random(0, 64L << 30));
        nativeMmu = new Mmu(NATIVE, TlbConfig.typical());
        nestedMmu = new Mmu(NESTED, TlbConfig.typical());
        shadowMmu = new Mmu(SHADOW, TlbConfig.typical());
    }

    private static long[] record(AccessPattern pattern) {
        AddressStream stream = new AddressStream(pattern, 1, new SimRandom(42));
        long[] out = new long[ADDRESSES];
        for (int i = 0; i < ADDRESSES; i++) {
            out[i] = stream.next(0);
        }
        return out;
    }

    private static long translateAll(Mmu mmu, long[] addresses) {
        long sink = 0;
        for (long address : addresses) {
            sink += mmu.translate(address);
        }
        return sink;
    }

    @Benchmark
    @OperationsPerInvocation(ADDRESSES)
    public long nestedSequential() {
        return translateAll(nestedMmu, sequential);
    }

    @Benchmark
    @OperationsPerInvocation(ADDRESSES)
    public long nestedWorkingSet() {
        return translateAll(nestedMmu, workingSet);
    }

    @Benchmark
    @OperationsPerInvocation(ADDRESSES)
    public long nestedRandom() {
        return translateAll(nestedMmu, random);
    }

    @Benchmark
    @OperationsPerInvocation(ADDRESSES)
    public long shadowRandom() {
        return translateAll(shadowMmu, random);
    }

    @Benchmark
    @OperationsPerInvocation(ADDRESSES)
    public long nativeWorkingSet() {
        return translateAll(nativeMmu, workingSet);
    }

    @Benchmark
    @OperationsPerInvocation(ADDRESSES)
    public long nativeRandom() {
        return translateAll(nativeMmu, random);
    }
}
