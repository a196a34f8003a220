package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.SimRandom;
import org.virtlab.engine.model.CpuTopology;

/** A VM arriving on a host by live migration: the scheduler grows by one VM without disturbing the others. */
class SliceSchedulerMigrationTest {
    private static final long TICK = 1_000;
    /** 2 cores × 2 threads at 1000 MHz. */
    private static final CpuTopology HOST = new CpuTopology(1, 2, 2, 1_000);

    /** Random demands (30 % of ticks idle) and allocations at 60 % of demand, from a fixed seed. */
    private static void inputs(SimRandom random, int vms, double[] a, double[] d, double[] l) {
        Arrays.fill(l, Double.POSITIVE_INFINITY);
        for (int v = 0; v < vms; v++) {
            d[v] = random.nextDouble() < 0.3 ? 0 : random.nextDouble() * 1_500;
            a[v] = 0.6 * d[v];
        }
    }

    @Test
    void aGrownSchedulerWhoseNewVmIsIdleSchedulesTheOthersExactlyAsBefore() {
        List<SliceVm> vms = List.of(SliceVm.unpinned(2), SliceVm.unpinned(1), SliceVm.unpinned(2));
        SliceScheduler alone = new SliceScheduler(HOST, HostCpuPolicy.DEFAULT, vms);
        SimRandom random = new SimRandom(3);
        double[] a = new double[3];
        double[] d = new double[3];
        double[] l = new double[3];
        for (int t = 0; t < 300; t++) {
            inputs(random, 3, a, d, l);
            alone.tick(t * TICK, TICK, a, d, l);
        }
        SliceScheduler grown = alone.withVm(SliceVm.unpinned(2));
        assertEquals(4, grown.vms());
        assertEquals(alone.recentSlices(), grown.recentSlices()); // the history came along
        double[] a4 = new double[4];
        double[] d4 = new double[4];
        double[] l4 = new double[4];
        for (int t = 300; t < 1_000; t++) {
            inputs(random, 3, a, d, l);
            alone.tick(t * TICK, TICK, a, d, l);
            System.arraycopy(a, 0, a4, 0, 3);
            System.arraycopy(d, 0, d4, 0, 3);
            System.arraycopy(l, 0, l4, 0, 3);
            l4[3] = Double.POSITIVE_INFINITY; // the newcomer asks for nothing and gets nothing
            grown.tick(t * TICK, TICK, a4, d4, l4);
        }
        assertEquals(alone.recentSlices(), grown.recentSlices());
        for (int v = 0; v < 3; v++) {
            assertEquals(alone.runMicros(v), grown.runMicros(v));
            assertEquals(alone.workMhzMicros(v), grown.workMhzMicros(v));
            assertEquals(alone.readyMicros(v), grown.readyMicros(v));
            assertEquals(alone.creditMhzMicros(v), grown.creditMhzMicros(v));
        }
        assertEquals(0, grown.runMicros(3));
    }

    @Test
    void theNewVmGetsSlicesOnceItAsks() {
        SliceScheduler s = new SliceScheduler(HOST, HostCpuPolicy.DEFAULT, List.of(SliceVm.unpinned(1)))
                .withVm(SliceVm.unpinned(2));
        for (int t = 0; t < 500; t++) {
            // VM 0 idle; VM 1 wants and is given 2 × 1000 MHz: its two vCPUs run on a core each
            s.tick(t * TICK, TICK, new double[] {0, 2_000}, new double[] {0, 2_000},
                    new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});
        }
        // 0.5 s × 2000 MHz = 1e9 MHz·µs, to within the scheduler's stock (5 ms × 4 CPUs × 1000 MHz = 2e7)
        assertEquals(1e9, s.workMhzMicros(1), 2e7);
        assertTrue(s.recentSlices().stream().anyMatch(sl -> sl.vm() == 1 && sl.vcpu() == 1));
    }

    @Test
    void forgottenCreditStartsAReturningVmAfresh() {
        SliceScheduler s = new SliceScheduler(HOST, HostCpuPolicy.DEFAULT, List.of(SliceVm.unpinned(2)));
        // allocation above what runs (demand 0): credit piles up to its cap
        for (int t = 0; t < 100; t++) {
            s.tick(t * TICK, TICK, new double[] {2_000}, new double[] {0}, new double[] {Double.POSITIVE_INFINITY});
        }
        assertTrue(s.creditMhzMicros(0) > 0);
        s.forgetCredit(0);
        assertEquals(0, s.creditMhzMicros(0));
    }
}
