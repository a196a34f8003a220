package org.virtlab.engine.cpu;

import java.util.function.Consumer;
import org.virtlab.engine.SimulationObserver;
import org.virtlab.engine.SimulationSnapshot;

/**
 * Turns the CPU snapshot's cumulative counters into averages over fixed windows of simulated time: per
 * VM the average demand, entitlement and use in MHz, and ready and steal in percent. Register it with
 * {@code simulation.addObserver(sampler, windowMicros)}: it needs no per-tick snapshot, and the averages
 * are exact whatever the window (differences of counters, as one reads /proc/stat).
 */
public final class CpuSampler implements SimulationObserver {
    private final Consumer<Sample> sink;
    private CpuSnapshot previous;
    private long previousMicros;

    public CpuSampler(Consumer<Sample> sink) {
        this.sink = sink;
    }

    /** Forgets the last sample, e.g. after a rewind: the next window starts at the next observation. */
    public void restart() {
        previous = null;
    }

    @Override
    public void onTick(SimulationSnapshot snapshot) {
        CpuSnapshot now = snapshot.find(CpuSnapshot.class).orElse(null);
        if (now == null) {
            return;
        }
        long t = snapshot.nowMicros();
        if (previous == null) {
            previous = zero(now);
            previousMicros = 0;
            if (t == 0) {
                return;
            }
        }
        double window = t - previousMicros;
        int n = now.vms().size();
        String[] ids = new String[n];
        double[] demand = new double[n];
        double[] entitlement = new double[n];
        double[] used = new double[n];
        double[] readyPct = new double[n];
        double[] stealPct = new double[n];
        double[] limitedPct = new double[n];
        for (int i = 0; i < n; i++) {
            CpuSnapshot.VmCpu a = previous.vms().get(i);
            CpuSnapshot.VmCpu b = now.vms().get(i);
            ids[i] = b.vmId();
            demand[i] = (b.demandMhzMicros() - a.demandMhzMicros()) / window;
            entitlement[i] = (b.entitlementMhzMicros() - a.entitlementMhzMicros()) / window;
            used[i] = (b.usedMhzMicros() - a.usedMhzMicros()) / window;
            readyPct[i] = 100.0 * (b.readyMicros() - a.readyMicros()) / window;
            stealPct[i] = readyPct[i] / b.vcpus();
            limitedPct[i] = 100.0 * (b.limitedMicros() - a.limitedMicros()) / window;
        }
        double capacity = 0;
        for (CpuSnapshot.HostCpu h : now.hosts()) {
            capacity += h.capacityMhz();
        }
        sink.accept(new Sample(t, ids, demand, entitlement, used, readyPct, stealPct, limitedPct, capacity));
        previous = now;
        previousMicros = t;
    }

    private static CpuSnapshot zero(CpuSnapshot like) {
        return new CpuSnapshot(like.vms().stream().map(v -> new CpuSnapshot.VmCpu(v.vmId(), v.hostId(), v.poweredOn(),
                v.paused(), v.vcpus(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).toList(), like.hosts());
    }

    /**
     * Averages over the window that ended at {@code endMicros}, per VM in scenario order (MHz and %), and
     * the hosts' total capacity at its end. {@code limitedPct} is the part of {@code readyPct} caused by
     * the VM's limit.
     */
    public record Sample(long endMicros, String[] vmIds, double[] demandMhz, double[] entitlementMhz,
                         double[] usedMhz, double[] readyPct, double[] stealPct, double[] limitedPct,
                         double capacityMhz) {
        public Sample {
            vmIds = vmIds.clone();
            demandMhz = demandMhz.clone();
            entitlementMhz = entitlementMhz.clone();
            usedMhz = usedMhz.clone();
            readyPct = readyPct.clone();
            stealPct = stealPct.clone();
            limitedPct = limitedPct.clone();
        }

        public double[] limitedPct() {
            return limitedPct.clone();
        }

        public double[] demandMhz() {
            return demandMhz.clone();
        }

        public double[] entitlementMhz() {
            return entitlementMhz.clone();
        }

        public double[] usedMhz() {
            return usedMhz.clone();
        }

        public double[] readyPct() {
            return readyPct.clone();
        }

        public double[] stealPct() {
            return stealPct.clone();
        }

        public String[] vmIds() {
            return vmIds.clone();
        }
    }
}
