package org.virtlab.engine.cpu;

import java.util.Arrays;
import java.util.function.Consumer;
import org.virtlab.engine.SimulationObserver;
import org.virtlab.engine.SimulationSnapshot;

/**
 * Averages each VM's CPU demand over fixed windows of simulated time and hands out one sample per window.
 * Charts plot these samples, so what they show depends on simulated time only, never on how fast or how
 * smoothly the simulation was played.
 */
public final class DemandSampler implements SimulationObserver {
    private final long windowMicros;
    private final Consumer<Sample> sink;
    private double[] sumMhz = new double[0];
    private String[] vmIds = new String[0];
    private int ticksInWindow;
    private long windowEndMicros;

    public DemandSampler(long windowMicros, Consumer<Sample> sink) {
        if (windowMicros <= 0) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.windowMicros = windowMicros;
        this.sink = sink;
        this.windowEndMicros = windowMicros;
    }

    @Override
    public void onTick(SimulationSnapshot snapshot) {
        CpuDemandSnapshot demand = snapshot.find(CpuDemandSnapshot.class).orElse(null);
        if (demand == null) {
            return;
        }
        if (sumMhz.length != demand.vms().size()) {
            sumMhz = new double[demand.vms().size()];
            vmIds = demand.vms().stream().map(CpuDemandSnapshot.VmDemand::vmId).toArray(String[]::new);
        }
        for (int i = 0; i < sumMhz.length; i++) {
            sumMhz[i] += demand.vms().get(i).demandMhz();
        }
        ticksInWindow++;
        if (snapshot.nowMicros() >= windowEndMicros) {
            double[] avg = new double[sumMhz.length];
            for (int i = 0; i < avg.length; i++) {
                avg[i] = sumMhz[i] / ticksInWindow;
            }
            sink.accept(new Sample(snapshot.nowMicros(), vmIds.clone(), avg));
            Arrays.fill(sumMhz, 0);
            ticksInWindow = 0;
            windowEndMicros = (snapshot.nowMicros() / windowMicros + 1) * windowMicros;
        }
    }

    /** Starts over at the given time, e.g. after a reset or a rewind. */
    public void restartAt(long nowMicros) {
        Arrays.fill(sumMhz, 0);
        ticksInWindow = 0;
        windowEndMicros = (nowMicros / windowMicros + 1) * windowMicros;
    }

    /** Average demand per VM over the window that ended at {@code endMicros}. */
    public record Sample(long endMicros, String[] vmIds, double[] demandMhz) {
        public Sample {
            vmIds = vmIds.clone();
            demandMhz = demandMhz.clone();
        }

        @Override
        public String[] vmIds() {
            return vmIds.clone();
        }

        @Override
        public double[] demandMhz() {
            return demandMhz.clone();
        }
    }
}
