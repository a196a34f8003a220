package org.virtlab.engine.io;

import java.util.ArrayList;
import java.util.List;

/**
 * What a device measures: its counters since time zero, latencies (all of them and the current window's), the
 * closed windows of {@link IoSubsystem#WINDOW_MICROS}, occupancy integrated over time, and its recent events.
 */
final class DeviceMetrics {
    private static final long WINDOW_NANOS = IoSubsystem.WINDOW_MICROS * 1_000;

    final IoCounters counters;
    final EventLog log;
    private IoCounters windowBase;
    private final LatencyHistogram allLatencies;
    private LatencyHistogram windowLatencies;
    private long windowStartNanos;
    private IoSnapshot.Window lastWindow;
    private List<IoSnapshot.Window> history;
    private long integratedToNanos;

    DeviceMetrics() {
        counters = new IoCounters();
        log = new EventLog();
        windowBase = new IoCounters();
        allLatencies = new LatencyHistogram();
        windowLatencies = new LatencyHistogram();
        lastWindow = IoSnapshot.Window.EMPTY;
        history = List.of();
    }

    private DeviceMetrics(DeviceMetrics o) {
        counters = o.counters.copy();
        log = o.log.copy();
        windowBase = o.windowBase.copy();
        allLatencies = o.allLatencies.copy();
        windowLatencies = o.windowLatencies.copy();
        windowStartNanos = o.windowStartNanos;
        lastWindow = o.lastWindow;
        history = o.history;
        integratedToNanos = o.integratedToNanos;
    }

    DeviceMetrics copy() {
        return new DeviceMetrics(this);
    }

    /** Adds the occupancy from the last call to {@code t}, at the levels that held since then. */
    void integrate(long t, int requestsInFlight, int descriptorsInUse) {
        long dt = t - integratedToNanos;
        if (dt > 0) {
            counters.occupancyRequestNanos += requestsInFlight * dt;
            counters.occupancyDescriptorNanos += descriptorsInUse * dt;
            integratedToNanos = t;
        }
    }

    /** A request completed after {@code latencyNanos}, carrying {@code bytes} of data. */
    void completed(long latencyNanos, int bytes) {
        allLatencies.record(latencyNanos);
        windowLatencies.record(latencyNanos);
        counters.latencySumNanos += latencyNanos;
        counters.completed++;
        counters.bytesCompleted += bytes;
    }

    /** Closes the window if it has lasted {@link IoSubsystem#WINDOW_MICROS} at the end of a tick. */
    void closeWindowIfDue(long endNanos) {
        if (endNanos - windowStartNanos < WINDOW_NANOS) {
            return;
        }
        IoSnapshot.Window w = counters.windowSince(windowBase, windowStartNanos / 1_000,
                (endNanos - windowStartNanos) / 1_000, windowLatencies.percentile(0.99));
        lastWindow = w;
        List<IoSnapshot.Window> h = new ArrayList<>(Math.min(history.size() + 1, IoSubsystem.HISTORY_WINDOWS));
        h.addAll(history.size() < IoSubsystem.HISTORY_WINDOWS ? history : history.subList(1, history.size()));
        h.add(w);
        history = List.copyOf(h);
        windowBase = counters.copy();
        windowLatencies = new LatencyHistogram();
        windowStartNanos = endNanos;
    }

    IoSnapshot.Totals totals(long nowNanos, long waiting, long inFlight, long descriptorsInUse) {
        return counters.toTotals(nowNanos, allLatencies.percentile(0.99), waiting, inFlight, descriptorsInUse);
    }

    IoSnapshot.Window lastWindow() {
        return lastWindow;
    }

    List<IoSnapshot.Window> history() {
        return history;
    }
}
