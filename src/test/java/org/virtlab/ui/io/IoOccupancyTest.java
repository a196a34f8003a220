package org.virtlab.ui.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.charts.IoOccupancyChart;
import org.virtlab.engine.Input;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.io.IoSubsystem;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.SimulationRunner;
import org.virtlab.ui.sim.Speed;

/** The ring occupancy chart's series, fed from the devices' metrics windows, without a window. */
class IoOccupancyTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);

    /** The I/O tab never edits here. */
    private static ScenarioEditor readOnly(Scenario s) {
        return new ScenarioEditor() {
            @Override
            public Scenario scenario() {
                return s;
            }

            @Override
            public void apply(Scenario edited, Input input) {
                throw new AssertionError("no edit expected");
            }

            @Override
            public void restructure(Scenario edited) {
                throw new AssertionError("no edit expected");
            }

            @Override
            public void command(Input input) {
                throw new AssertionError("no command expected");
            }
        };
    }

    private static IoViewModel open(Scenario s) {
        IoViewModel vm = new IoViewModel(new I18n(Locale.ENGLISH), new Selection(), readOnly(s));
        vm.reset(s);
        return vm;
    }

    private static SimulationRunner.State at(Simulation sim, Scenario s, long micros) {
        sim.runUntil(micros);
        return new SimulationRunner.State(s, 0, sim.snapshot(), false, Speed.X1, null, List.of());
    }

    @Test
    void eachClosedWindowIsOnePointPerDeviceWithTheEnginesMean() throws Exception {
        Scenario s = Lessons.load("io-virtqueue-anatomy").scenario();
        IoViewModel vm = open(s);
        Simulation sim = Simulations.of(s, s.seed(), true);
        IoOccupancyChart chart = vm.occupancyChart();
        assertEquals(0, chart.pointCount(), "nothing before the first window closes");

        vm.update(at(sim, s, 1_000_000));
        // a window is IoSubsystem.WINDOW_MICROS = 100 ms: 1 s closes ten of them
        assertEquals(1_000_000 / IoSubsystem.WINDOW_MICROS, chart.pointCount());
        IoSnapshot.Device vda = sim.snapshot().find(IoSnapshot.class).orElseThrow().device("vda").orElseThrow();
        for (int i = 0; i < chart.pointCount(); i++) {
            IoSnapshot.Window w = vda.history().get(i);
            assertEquals((w.startMicros() + w.lengthMicros()) / 1e6, chart.seconds(i), 1e-9, "at the window's end");
            assertEquals(w.meanDescriptorsInUse(), chart.inUse(0, i), 1e-9, "the engine's mean over the window");
            // the lesson's queue of 8 descriptors (scenarios/io-virtqueue-anatomy.json) is the ceiling
            assertEquals(8, chart.ceiling(0, i));
        }
        // README, io-virtqueue-anatomy: four reads of 3 descriptors each behind a queue of 8, so two chains fit and
        // the slow disk (10 reads a second) keeps them there: 6 descriptors in use once the ring has filled
        assertEquals(2 * IoKind.BLOCK_READ.buffersPerRequest(), chart.inUse(0, chart.pointCount() - 1), 0.05);
        // the ceiling of 8 is within reach of the line (6 × CEILING_REACH), so the axis shows it
        assertTrue(chart.upperBound() >= 8, "upper bound " + chart.upperBound());
        assertEquals("vda queue size: 8", chart.legendText(1));
    }

    @Test
    void windowsArriveWhileTheTabIsHiddenAndFramesThatSkipWindowsAreCaughtUp() throws Exception {
        Scenario s = Lessons.load("io-emulation-vs-virtio").scenario();
        IoViewModel vm = open(s);
        Simulation sim = Simulations.of(s, s.seed(), true);
        IoOccupancyChart chart = vm.occupancyChart();
        vm.setShowing(false);
        vm.update(at(sim, s, 250_000));
        assertEquals(2, chart.pointCount(), "0.1 and 0.2 s, though the tab is hidden");
        vm.update(at(sim, s, 250_000));
        assertEquals(2, chart.pointCount(), "the same windows again add nothing");
        vm.setShowing(true);
        vm.update(at(sim, s, 3_000_000)); // one frame 2.75 s later: 28 windows closed meanwhile, all in the history
        assertEquals(30, chart.pointCount());
        for (int i = 0; i < chart.pointCount(); i++) {
            assertEquals((i + 1) * 0.1, chart.seconds(i), 1e-9, "one point per 100 ms window, none twice or lost");
        }

        vm.reset(s); // the simulation started again
        assertEquals(0, chart.pointCount());
    }

    @Test
    void aQueueFarAboveItsDescriptorsStaysOffTheChartAndTheLegendSaysSo() throws Exception {
        Scenario s = Lessons.load("io-emulation-vs-virtio").scenario();
        IoViewModel vm = open(s);
        Simulation sim = Simulations.of(s, s.seed(), true);
        vm.update(at(sim, s, 1_000_000));
        IoOccupancyChart chart = vm.occupancyChart();
        int last = chart.pointCount() - 1;
        // devices in scenario order: hda (IDE), vda (virtio), nvme0 (passthrough), each one read outstanding
        // (queueDepth 1 in scenarios/io-emulation-vs-virtio.json)
        double hda = chart.inUse(0, last);
        double vda = chart.inUse(1, last);
        double nvme = chart.inUse(2, last);
        assertTrue(hda > 0.5 && hda <= 1, "IDE: its one request in flight most of the time, was " + hda);
        assertTrue(nvme > 0.5 && nvme <= 1, "NVMe: likewise, was " + nvme);
        // virtio 1.1 §5.2.6: a block read is a chain of header, data and status, 3 descriptors
        assertTrue(vda > 2 && vda <= IoKind.BLOCK_READ.buffersPerRequest(), "vda: one chain of 3, was " + vda);
        assertTrue(Double.isNaN(chart.ceiling(0, last)) && Double.isNaN(chart.ceiling(2, last)),
                "only a virtio device has a queue");
        assertEquals(256, chart.ceiling(1, last), "the lesson's queueSize");
        // 256 is more than CEILING_REACH (4) times the highest line (3): drawn, it would flatten every line
        assertTrue(chart.upperBound() < 256 && chart.upperBound() >= 3, "upper bound " + chart.upperBound());
        assertEquals("vda queue size: 256, above the chart", chart.legendText(3));
        assertEquals("vda — virtio VM", chart.legendText(2)); // the lesson names its VM "virtio VM"
        assertEquals("hda — IDE VM", chart.legendText(0));
    }
}
