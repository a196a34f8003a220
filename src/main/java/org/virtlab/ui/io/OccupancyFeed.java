package org.virtlab.ui.io;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.virtlab.charts.IoOccupancyChart;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.model.Scenario;

/**
 * Feeds the ring occupancy chart from the devices' metrics windows: each window that closed since the last feed
 * becomes one point per device (its mean descriptors in use, which for a device without a virtqueue are its requests
 * in flight) and, for a virtio device, its queue size as the ceiling. A snapshot keeps only the last
 * {@link org.virtlab.engine.io.IoSubsystem#HISTORY_WINDOWS} windows; the chart keeps a minute, so the windows are
 * collected from every snapshot, whether the tab shows or not (frames skipped at high speed are caught up from the
 * history).
 */
final class OccupancyFeed {
    private final IoOccupancyChart chart;
    private List<String> ids = List.of();
    /** The start of the newest window appended; −1 before the first. */
    private long lastStartMicros = -1;

    OccupancyFeed(IoOccupancyChart chart) {
        this.chart = chart;
    }

    /** Starts over with the scenario's devices, each in its mode's colour (shaded where a mode repeats). */
    void reset(Scenario scenario, Function<String, String> label) {
        List<IoOccupancyChart.Line> lines = new ArrayList<>();
        Map<ModeKind, Integer> seen = new EnumMap<>(ModeKind.class);
        for (IoDeviceSpec d : scenario.devices()) {
            ModeKind m = ModeKind.of(d.mode());
            int nth = seen.merge(m, 1, Integer::sum) - 1;
            lines.add(new IoOccupancyChart.Line(label.apply(d.id()), d.id(), IoColours.rgb(IoColours.modeShade(m, nth))));
        }
        ids = scenario.devices().stream().map(IoDeviceSpec::id).toList();
        lastStartMicros = -1;
        chart.reset(lines);
    }

    /** Appends the windows that closed since the last call; the chart redraws once if any did. */
    void feed(IoSnapshot io) {
        if (io.devices().isEmpty() || ids.isEmpty()) {
            return;
        }
        boolean any = false;
        for (IoSnapshot.Window w : io.devices().get(0).history()) {
            if (w.lengthMicros() == 0 || w.startMicros() <= lastStartMicros) {
                continue;
            }
            double[] inUse = new double[ids.size()];
            double[] ceiling = new double[ids.size()];
            for (int k = 0; k < ids.size(); k++) {
                Optional<IoSnapshot.Device> d = io.device(ids.get(k));
                Optional<IoSnapshot.Window> same = d.flatMap(x -> windowAt(x, w.startMicros()));
                inUse[k] = same.map(IoSnapshot.Window::meanDescriptorsInUse).orElse(Double.NaN);
                ceiling[k] = d.map(x -> x.mode() instanceof IoMode.Virtio v ? (double) v.queueSize() : Double.NaN)
                        .orElse(Double.NaN);
            }
            chart.append((w.startMicros() + w.lengthMicros()) / 1e6, inUse, ceiling);
            lastStartMicros = w.startMicros();
            any = true;
        }
        if (any) {
            chart.changed();
        }
    }

    private static Optional<IoSnapshot.Window> windowAt(IoSnapshot.Device d, long startMicros) {
        List<IoSnapshot.Window> h = d.history();
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i).startMicros() == startMicros) {
                return Optional.of(h.get(i));
            }
        }
        return Optional.empty();
    }
}
