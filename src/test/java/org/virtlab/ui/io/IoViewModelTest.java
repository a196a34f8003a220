package org.virtlab.ui.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Input;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.io.SetIoMode;
import org.virtlab.engine.io.SetQueueSize;
import org.virtlab.engine.io.SetRequestBytes;
import org.virtlab.engine.io.SetRequestsPerKick;
import org.virtlab.engine.io.SetSuppression;
import org.virtlab.engine.io.SplitVirtqueue;
import org.virtlab.engine.io.Suppression;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.SimulationRunner;
import org.virtlab.ui.sim.Speed;

/** The I/O tab's state without a window: focus, the ring's slots, the live controls and what they submit. */
class IoViewModelTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final Selection selection = new Selection();
    private Editor editor;
    private IoViewModel vm;
    private Scenario lesson;

    /** Keeps every edit and the inputs the engine would get. */
    private static final class Editor implements ScenarioEditor {
        final List<Input> inputs = new ArrayList<>();
        Scenario scenario;

        Editor(Scenario s) {
            scenario = s;
        }

        @Override
        public Scenario scenario() {
            return scenario;
        }

        @Override
        public void apply(Scenario edited, Input input) {
            scenario = edited;
            inputs.add(input);
        }

        @Override
        public void restructure(Scenario edited) {
            throw new AssertionError("the I/O tab's controls never restart the simulation");
        }

        @Override
        public void command(Input input) {
            inputs.add(input);
        }
    }

    @BeforeEach
    void open() throws Exception {
        lesson = Lessons.load("io-emulation-vs-virtio").scenario();
        editor = new Editor(lesson);
        vm = new IoViewModel(i18n, selection, editor);
        vm.reset(lesson);
    }

    private SimulationRunner.State stateAfter(Scenario s, long micros) {
        Simulation sim = Simulations.of(s, s.seed(), true);
        sim.runUntil(micros);
        return new SimulationRunner.State(s, 0, sim.snapshot(), false, Speed.X1, null, List.of());
    }

    @Test
    void focusStartsOnTheVirtioDeviceAndFollowsTheSelectedVm() {
        assertEquals(List.of("hda", "vda", "nvme0"), vm.devices());
        assertEquals("vda", vm.focusProperty().get(), "the first device with a virtqueue to show");
        selection.select("ide-vm");
        assertEquals("hda", vm.focusProperty().get());
        assertEquals(ModeKind.EMULATED, vm.controls().modeProperty().get());
        assertFalse(vm.controls().virtioProperty().get(), "queue controls off for an emulated device");
        vm.focus("nvme0");
        assertEquals("nvme0", vm.focusProperty().get());
        assertEquals("nvme0 — NVMe VM", vm.deviceLabel("nvme0"));
    }

    @Test
    void ringSlotsComeFromFreeRunningIndicesModuloTheQueueSize() {
        // virtio 1.1 §2.6.6: idx "indicates where the driver would put the next descriptor entry in the ring (modulo
        // the queue size)"; it is a 16-bit counter, so it wraps from 65535 to 0 and (u16)(new − old) still counts.
        assertEquals(255, RingLayout.slot(65_535, 256));
        assertEquals(0, RingLayout.slot(65_536, 256), "65536 is 0 as a u16");
        assertEquals(32_767, RingLayout.slot(65_535, 32_768));
        assertEquals(4, RingLayout.ahead(2, 65_534), "across the wrap");
        assertEquals(0, RingLayout.ahead(7, 7));
        assertEquals(254, RingLayout.ringWindowStart(256, 8, 2), "the window wraps past the ring's end");
        assertEquals(0, RingLayout.ringWindowStart(8, 16, 5), "a ring that fits is shown whole");

        // A queue of 8 that has carried 65540 requests: both indices wrapped past 65535.
        SplitVirtqueue q = new SplitVirtqueue(8, true);
        for (int i = 0; i < 65_540; i++) {
            int head = q.addChain(List.of(new SplitVirtqueue.Buffer(0x1000, 64, false)));
            q.kickPrepare();
            q.pop();
            q.pushUsed(head, 0);
            q.getUsed();
        }
        int[] heads = new int[3];
        for (int i = 0; i < 3; i++) {
            heads[i] = q.addChain(List.of(new SplitVirtqueue.Buffer(0x2000 + i, 64, false)));
        }
        RingData ring = RingLayout.of(IoSnapshot.Ring.of(q), 8, 8, 0, 0);
        assertEquals(65_543 & 0xFFFF, ring.avail().idx()); // 7
        assertEquals(7, ring.avail().idxSlot());
        assertEquals(3, ring.avail().pending(), "(u16)(idx − last_avail_idx)");
        assertEquals(4, ring.avail().consumerSlot(), "last_avail_idx 65540 → 4 as a u16, slot 4");
        List<RingData.Slot> pending = ring.avail().slots().stream().filter(RingData.Slot::pending).toList();
        assertEquals(List.of(4, 5, 6), pending.stream().map(RingData.Slot::slot).toList());
        assertEquals(heads[0], pending.get(0).id(), "slot 4 holds the first chain added after the wrap");
        assertTrue(pending.stream().allMatch(s -> s.state() == RingData.State.AVAILABLE));
        assertEquals(4, ring.used().idxSlot(), "used idx 65540 → 4");
        assertEquals(0, ring.used().pending());
        long available = ring.descriptors().stream().filter(d -> d.state() == RingData.State.AVAILABLE).count();
        assertEquals(3, available);
    }

    @Test
    void theControlsSubmitTheEnginesInputsAsEdits() {
        IoControlsModel c = vm.controls();
        c.queueSizeProperty().set("512");
        assertTrue(c.commitQueueSize());
        c.requestsPerKickProperty().set("4");
        assertTrue(c.commitRequestsPerKick());
        assertTrue(c.chooseSuppression(Suppression.FLAGS));
        c.requestBytesProperty().set("8192");
        assertTrue(c.commitRequestBytes());
        assertEquals(List.of(new SetQueueSize("vda", 512), new SetRequestsPerKick("vda", 4),
                new SetSuppression("vda", Suppression.FLAGS), new SetRequestBytes("vda", 8_192)), editor.inputs);
        IoMode.Virtio v = (IoMode.Virtio) editor.scenario.device("vda").orElseThrow().mode();
        assertEquals(512, v.queueSize());
        assertEquals(4, v.requestsPerKick());
        assertEquals(Suppression.FLAGS, v.suppression());
        assertEquals(8_192, editor.scenario.device("vda").orElseThrow().workload().requestBytes());

        assertTrue(c.chooseMode(ModeKind.PASSTHROUGH));
        assertEquals(new SetIoMode("vda", IoMode.Passthrough.DEFAULT), editor.inputs.get(4));
        assertFalse(c.virtioProperty().get());
        assertTrue(c.chooseMode(ModeKind.VIRTIO));
        assertEquals(new SetIoMode("vda", v), editor.inputs.get(5), "back to its own virtio settings");
        assertEquals("512", c.queueSizeProperty().get());
    }

    @Test
    void aBadQueueSizeIsRefusedWithTheAllowedRangeAndNeverSent() {
        IoControlsModel c = vm.controls();
        for (String bad : new String[] {"300", "65536", "0", "-4", "many"}) {
            c.queueSizeProperty().set(bad);
            assertFalse(c.commitQueueSize(), bad);
            // virtio 1.1 §2.6: Queue Size is a power of 2, at most 32768
            assertEquals("A queue size is a power of 2 from 1 to 32768 (1, 2, 4, …, 16384, 32768); was \"" + bad + "\"",
                    c.errorProperty().get());
        }
        c.queueSizeProperty().set("2");
        assertFalse(c.commitQueueSize());
        // a block request is a chain of 3 (header, data, status: virtio 1.1 §5.2.6), longer than a queue of 2 (§2.6.5.3.1)
        assertTrue(c.errorProperty().get().startsWith("A request is a chain of 3 descriptors"), c.errorProperty().get());
        c.requestsPerKickProperty().set("40000");
        assertFalse(c.commitRequestsPerKick());
        assertEquals("Allowed: 1–32768; was 40000", c.errorProperty().get());
        assertTrue(editor.inputs.isEmpty());
        assertEquals(256, ((IoMode.Virtio) editor.scenario.device("vda").orElseThrow().mode()).queueSize());
    }

    @Test
    void theSnapshotFillsTheRingTheTimelineAndTheComparison() {
        vm.update(stateAfter(lesson, 300_000));
        RingData ring = vm.ringProperty().get();
        assertNotNull(ring);
        assertEquals(256, ring.queueSize());
        assertTrue(ring.eventIdx());
        TimelineData t = vm.timelineProperty().get();
        assertEquals(3, t.lanes().size());
        assertTrue(t.lanes().get(0).exits() > t.lanes().get(1).exits(), "emulated exits more than virtio");
        assertEquals(0, t.lanes().get(2).exits(), "passthrough: no exits with posted interrupts");
        List<ComparisonBar> bars = vm.comparisonProperty().get();
        assertEquals(3, bars.size());
        // IDE: 13 register accesses to issue a read and 7 to take its interrupt (EmulatedModel.IDE, from Linux
        // libata); virtio: one kick per read; passthrough: none (virtualization.md §3)
        assertEquals(20.0, bars.get(0).exitsPerRequest(), 0.05); // a window cuts a request's exits from its completion
        assertEquals(1.0, bars.get(1).exitsPerRequest(), 0.05);
        assertEquals(0.0, bars.get(2).exitsPerRequest(), 1e-9);
        assertTrue(bars.get(0).iops() < bars.get(1).iops() && bars.get(1).iops() < bars.get(2).iops());
        assertTrue(vm.costChart().value(1, "hda — IDE VM") > vm.costChart().value(1, "vda — virtio VM"),
                "more time in exits for the emulated disk");

        vm.focus("hda");
        assertNull(vm.ringProperty().get(), "no virtqueue");
        assertTrue(vm.ringNoteProperty().get().contains("13 register accesses to issue a request and 7"),
                vm.ringNoteProperty().get());
    }

    @Test
    void hiddenItWorksNothingOut() {
        vm.setShowing(false);
        vm.update(stateAfter(lesson, 100_000));
        assertNull(vm.ringProperty().get());
        vm.setShowing(true);
        assertNotNull(vm.ringProperty().get(), "drawn on showing");
    }
}
