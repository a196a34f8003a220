package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.cpu.SliceSchedulerAccuracyTest.TICK;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.SimRandom;
import org.virtlab.engine.cpu.SliceSchedulerAccuracyTest.Inputs;
import org.virtlab.engine.cpu.SliceSchedulerAccuracyTest.Run;
import org.virtlab.engine.model.CpuTopology;

/** Invariants of the slices, limits, counters, determinism and checkpoints. */
class SliceSchedulerTest {
    /** 2 cores × 2 threads at 1000 MHz, so hyper-threading and pinning meet. */
    private static final CpuTopology HT_HOST = new CpuTopology(1, 2, 2, 1_000);

    /** Four VMs on the HT host, one pinned to logical CPUs 1 and 2, bursty demand from a fixed seed. */
    private static List<SliceVm> mixedVms() {
        return List.of(SliceVm.unpinned(2), new SliceVm(2, new Pinning(List.of(List.of(1), List.of(1, 2)))),
                SliceVm.unpinned(1), SliceVm.unpinned(3));
    }

    private static Inputs mixedInputs(long seed) {
        SimRandom random = new SimRandom(seed);
        double[] shares = {2_000, 2_000, 1_000, 3_000}; // Normal preset, 1000 per vCPU (virtualization.md §1)
        return (tick, a, d, l) -> {
            for (int v = 0; v < 4; v++) {
                d[v] = random.nextDouble() < 0.3 ? 0 : random.nextDouble() * (v == 3 ? 3_000 : 2_000);
            }
            // effective capacity of two busy HT cores: 2 × 1000 × 1.3 (HostCpuPolicy.DEFAULT_HT_FACTOR)
            SliceSchedulerAccuracyTest.waterFill(2_600, shares, d, a);
            l[2] = 400;
        };
    }

    private static Run mixedRun(int ticks) {
        Run run = new Run(HT_HOST, HostCpuPolicy.DEFAULT, mixedVms(), ticks * TICK);
        run.run(ticks, mixedInputs(7));
        return run;
    }

    @Test
    void slicesOnOneCpuNeverOverlapAndNoVcpuRunsTwiceAtOnce() {
        List<Slice> slices = mixedRun(5_000).slices();
        assertTrue(slices.size() > 100, "enough slices to mean something: " + slices.size());
        for (int i = 1; i < slices.size(); i++) {
            Slice a = slices.get(i - 1);
            Slice b = slices.get(i);
            if (a.logicalCpu() == b.logicalCpu()) {
                assertTrue(a.endMicros() <= b.startMicros(), a + " overlaps " + b);
            }
        }
        List<Slice> byVcpu = new ArrayList<>(slices);
        byVcpu.sort(Comparator.comparingInt(Slice::vm).thenComparingInt(Slice::vcpu)
                .thenComparingLong(Slice::startMicros));
        for (int i = 1; i < byVcpu.size(); i++) {
            Slice a = byVcpu.get(i - 1);
            Slice b = byVcpu.get(i);
            if (a.vm() == b.vm() && a.vcpu() == b.vcpu()) {
                assertTrue(a.endMicros() <= b.startMicros(), a + " and " + b + " run one vCPU twice");
            }
        }
    }

    @Test
    void pinnedVcpusRunOnlyOnTheirCpusAndSlicesLastAtMostAQuantum() {
        for (Slice s : mixedRun(5_000).slices()) {
            if (s.vm() == 1) {
                assertTrue(s.vcpu() == 0 ? s.logicalCpu() == 1 : s.logicalCpu() == 1 || s.logicalCpu() == 2,
                        () -> "pinning broken: " + s);
            }
            // HostCpuPolicy.DEFAULT_QUANTUM_MICROS, Xen's 30 ms slice (virtualization.md §1)
            assertTrue(s.durationMicros() <= 30_000, () -> "longer than a quantum: " + s);
        }
    }

    @Test
    void sameInputsGiveIdenticalSlicesAndCounters() {
        Run a = mixedRun(3_000);
        Run b = mixedRun(3_000);
        assertEquals(a.slices(), b.slices());
        for (int v = 0; v < 4; v++) {
            assertEquals(a.sched.workMhzMicros(v), b.sched.workMhzMicros(v));
            assertEquals(a.sched.readyMicros(v), b.sched.readyMicros(v));
            assertEquals(a.sched.limitedMicros(v), b.sched.limitedMicros(v));
        }
        Run other = new Run(HT_HOST, HostCpuPolicy.DEFAULT, mixedVms(), 3_000 * TICK);
        other.run(3_000, mixedInputs(8));
        assertNotEquals(a.slices(), other.slices(), "another seed, other slices");
    }

    @Test
    void restoreContinuesExactlyAsIfNeverInterrupted() {
        Inputs straight = mixedInputs(11);
        Run whole = new Run(HT_HOST, HostCpuPolicy.DEFAULT, mixedVms(), 10_000_000);
        whole.run(2_345, straight);
        Object saved = whole.sched.saveState();
        whole.run(2_345, 2_000, straight);

        // a fresh scheduler, restored, fed the same remaining inputs (the generator replayed to the same point)
        Inputs replay = mixedInputs(11);
        Run skip = new Run(HT_HOST, HostCpuPolicy.DEFAULT, mixedVms(), 10_000_000);
        skip.run(2_345, replay);
        Run resumed = new Run(HT_HOST, HostCpuPolicy.DEFAULT, mixedVms(), 10_000_000);
        resumed.sched.restore(saved);
        resumed.run(2_345, 2_000, replay);

        assertEquals(whole.slices(), resumed.slices());
        for (int v = 0; v < 4; v++) {
            assertEquals(whole.sched.workMhzMicros(v), resumed.sched.workMhzMicros(v));
            assertEquals(whole.sched.runMicros(v), resumed.sched.runMicros(v));
            assertEquals(whole.sched.readyMicros(v), resumed.sched.readyMicros(v));
            assertEquals(whole.sched.limitedMicros(v), resumed.sched.limitedMicros(v));
        }
        // restoring into the scheduler that went on also rewinds it
        whole.sched.restore(saved);
        assertEquals(2_345 * TICK, whole.sched.nowMicros());
    }

    @Test
    void aLimitedVmNeverGetsMoreThanItsLimitPerPeriodAndItsParkedTimeIsCounted() {
        // 8 logical CPUs at 1000 MHz; VM 0: 4 busy vCPUs, limit 2000 MHz; VM 1: 4 busy vCPUs, no limit
        CpuTopology host = new CpuTopology(1, 8, 1, 1_000);
        Run run = new Run(host, HostCpuPolicy.DEFAULT, List.of(SliceVm.unpinned(4), SliceVm.unpinned(4)),
                5_000_000);
        run.run(5_000, (tick, a, d, l) -> {
            d[0] = 4_000;
            d[1] = 4_000;
            l[0] = 2_000;
            // the first 2 s a careless allocator hands VM 0 its whole demand; the limit must still hold
            a[0] = tick < 2_000 ? 4_000 : 2_000;
            a[1] = 4_000;
        });
        // cgroup cpu.max: at most quota per period, default period 100 ms (virtualization.md §1):
        // 2000 MHz × 100 ms per period
        List<Slice> slices = run.slices();
        for (long from = 0; from < 5_000_000; from += SliceScheduler.LIMIT_PERIOD_MICROS) {
            double[] work = SliceSchedulerAccuracyTest.workFromSlices(slices, host, HostCpuPolicy.DEFAULT, 2,
                    from, from + SliceScheduler.LIMIT_PERIOD_MICROS);
            assertTrue(work[0] <= 2_000.0 * SliceScheduler.LIMIT_PERIOD_MICROS + 1e-6,
                    "period at " + from + ": " + work[0] / SliceScheduler.LIMIT_PERIOD_MICROS + " MHz");
        }
        assertTrue(run.sched.limitedMicros(0) > 0, "parked time is counted");
        assertTrue(run.sched.limitedMicros(0) <= run.sched.readyMicros(0), "limited time is part of ready time");
        assertEquals(0, run.sched.limitedMicros(1), "the unlimited VM is never parked");
        // from 2 s on the allocation respects the limit: the slices agree with it (brief's 2 % tolerance)
        double[] late = SliceSchedulerAccuracyTest.workFromSlices(slices, host, HostCpuPolicy.DEFAULT, 2,
                3_000_000, 5_000_000);
        assertEquals(2_000.0 * 2_000_000, late[0], 0.02 * 8_000 * 2_000_000);
    }

    @Test
    void busyVmsSplitTheirTimeBetweenRunningAndReadyAndAnIdleVmDoesNeither() {
        // the course example (virtualization.md §1, example 1) plus a powered-off VM
        CpuTopology host = new CpuTopology(1, 24, 1, 1_000);
        Run run = new Run(host, HostCpuPolicy.DEFAULT,
                List.of(SliceVm.unpinned(24), SliceVm.unpinned(24), SliceVm.unpinned(24), SliceVm.unpinned(4)),
                2_000_000);
        run.run(2_000, (tick, a, d, l) -> {
            a[0] = 4_000;
            a[1] = 8_000;
            a[2] = 12_000;
            d[0] = d[1] = d[2] = 24_000;
        });
        for (int v = 0; v < 3; v++) {
            // every vCPU always has work after the first 1 ms of backlog: 24 vCPUs × 2 s, running or ready
            long total = run.sched.runMicros(v) + run.sched.readyMicros(v);
            assertEquals(24 * 2_000_000L, total, 24 * 1_000 + 1, "VM " + v);
        }
        // the 4 / 8 / 12 GHz of the fluid allocation mean 4, 8 and 12 of 24 vCPUs running on average
        assertTrue(run.sched.readyMicros(0) > run.sched.readyMicros(1));
        assertTrue(run.sched.readyMicros(1) > run.sched.readyMicros(2));
        assertEquals(0, run.sched.runMicros(3));
        assertEquals(0, run.sched.readyMicros(3));
        assertTrue(run.slices().stream().noneMatch(s -> s.vm() == 3));
        // all 24 CPUs busy: the 24 GHz are handed out in full
        double sum = 0;
        for (int v = 0; v < 3; v++) {
            sum += run.sched.workMhzMicros(v);
        }
        assertEquals(24_000.0 * 2_000_000, sum, 0.01 * 24_000 * 2_000_000);
    }

    @Test
    void twoSingleVcpuVmsOnAnIdleHtHostGetACoreEach() {
        // spreading over cores first: alone on a core a vCPU delivers the full 1000 MHz (virtualization.md §1)
        Run run = new Run(HT_HOST, HostCpuPolicy.DEFAULT, List.of(SliceVm.unpinned(1), SliceVm.unpinned(1)),
                1_000_000);
        run.run(1_000, (tick, a, d, l) -> {
            a[0] = a[1] = 1_000;
            d[0] = d[1] = 1_000;
        });
        for (Slice s : run.slices()) {
            for (Slice o : run.slices()) {
                boolean siblings = (s.logicalCpu() ^ 1) == o.logicalCpu();
                boolean together = s.startMicros() < o.endMicros() && o.startMicros() < s.endMicros();
                assertTrue(!(siblings && together), s + " shares a core with " + o);
            }
        }
        assertEquals(1_000.0 * 1_000_000, run.sched.workMhzMicros(0), 0.01 * 1_000 * 1_000_000);
    }

    @Test
    void historyKeepsOnlyTheLastHalfSecondOrderedByCpuThenStart() {
        CpuTopology host = new CpuTopology(1, 4, 1, 1_000);
        SliceScheduler sched = new SliceScheduler(host, HostCpuPolicy.DEFAULT,
                List.of(SliceVm.unpinned(4), SliceVm.unpinned(4)));
        double[] a = {2_000, 2_000};
        double[] d = {4_000, 4_000};
        double[] l = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int t = 0; t < 3_000; t++) {
            sched.tick(t * TICK, TICK, a, d, l);
        }
        List<Slice> slices = sched.recentSlices();
        assertTrue(slices.stream().allMatch(s -> s.endMicros() > 3_000_000 - SliceScheduler.DEFAULT_HISTORY_MICROS));
        assertTrue(slices.stream().anyMatch(s -> s.startMicros() <= 2_500_000), "the window is covered");
        List<Slice> sorted = new ArrayList<>(slices);
        sorted.sort(Comparator.comparingInt(Slice::logicalCpu).thenComparingLong(Slice::startMicros));
        assertEquals(sorted, slices);
        assertThrows(UnsupportedOperationException.class, () -> slices.add(slices.get(0)));
    }

    @Test
    void refusesPinningOutsideTheHostAndMismatchedInputs() {
        CpuTopology host = new CpuTopology(1, 4, 1, 1_000);
        assertThrows(IllegalArgumentException.class, () -> new SliceScheduler(host, HostCpuPolicy.DEFAULT,
                List.of(new SliceVm(1, Pinning.all(1, List.of(4))))));
        assertThrows(IllegalArgumentException.class, () -> new SliceVm(2, Pinning.all(1, List.of(0))));
        SliceScheduler sched = new SliceScheduler(host, HostCpuPolicy.DEFAULT, List.of(SliceVm.unpinned(1)));
        assertThrows(IllegalArgumentException.class,
                () -> sched.tick(0, TICK, new double[2], new double[2], new double[2]));
    }
}
