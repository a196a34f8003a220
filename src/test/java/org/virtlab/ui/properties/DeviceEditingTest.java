package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.shell.ShellViewModel;
import org.virtlab.ui.sim.SimulationRunner;
import org.virtlab.ui.topology.TopologyViewModel;

/** Adding and removing devices through the shell: real undo, a real restart, the migration check after it. */
class DeviceEditingTest {
    private final Scenario lesson = Lessons.load("io-emulation-vs-virtio").scenario();
    private final SimulationRunner runner = new SimulationRunner(lesson);
    private final ShellViewModel shell = new ShellViewModel(new I18n(Locale.ENGLISH), runner);

    DeviceEditingTest() throws Exception {
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private List<String> ids() {
        return shell.scenario().devices().stream().map(IoDeviceSpec::id).toList();
    }

    private DeviceEditorModel editorOf(String vmId) {
        shell.selection().select(vmId);
        return shell.properties().deviceEditorProperty().get();
    }

    @Test
    void anAddedDeviceRunsIsUndoneAndRedone() throws Exception {
        DeviceEditorModel form = editorOf("ide-vm");
        assertEquals("vdb", form.add(DeviceTemplate.VIRTIO_BLK)); // vda is virtio-vm's (the lesson's file)
        assertSame(form, shell.properties().deviceEditorProperty().get(), "the same form, now on vdb");
        assertEquals(List.of("hda", "vdb", "vda", "nvme0"), ids());
        assertTrue(shell.canUndoProperty().get());
        runner.runTo(200_000);
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(shell.scenario(), runner.state().scenario(), "the simulation restarted with the new device");
        IoSnapshot io = runner.state().snapshot().find(IoSnapshot.class).orElseThrow();
        assertTrue(io.device("vdb").orElseThrow().totals().completed() > 0, "and it serves reads");

        shell.undo();
        assertEquals(lesson, shell.scenario());
        assertTrue(shell.canRedoProperty().get());
        shell.redo();
        assertEquals(List.of("hda", "vdb", "vda", "nvme0"), ids());
    }

    @Test
    void aRemovedDeviceComesBackWithUndo() throws Exception {
        DeviceEditorModel form = editorOf("nvme-vm");
        assertTrue(form.remove());
        assertEquals(List.of("hda", "vda"), ids());
        assertFalse(form.hasDevices().get());
        shell.undo();
        assertEquals(lesson, shell.scenario());
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        shell.refresh(); // the next frame: the restarted simulation's scenario reaches the panel
        assertEquals(List.of("nvme0"), shell.properties().deviceEditorProperty().get().deviceIds(),
                "the panel shows it again");
    }

    @Test
    void aVmGivenAPassthroughDeviceCanNoLongerMigrateLive() throws Exception {
        TopologyViewModel topology = shell.topology();
        topology.drop(TopologyViewModel.PaletteItem.HOST, null, 900, 60); // a second host to migrate to
        String target = shell.scenario().hosts().get(1).id();
        editorOf("virtio-vm").add(DeviceTemplate.PASSTHROUGH_NVME);
        runner.runTo(1_000_000);
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        shell.refresh();
        TopologyViewModel.MoveCheck refused = topology.checkMove("virtio-vm", target);
        assertFalse(refused.allowed());
        // issue #6: a VM that owns a passthrough device can't be live-migrated (MigrationReason.PASSTHROUGH)
        assertTrue(refused.message().contains("owns a passthrough device"), refused.message());

        shell.undo(); // the device goes; the simulation starts again
        runner.runTo(1_000_000);
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        shell.refresh();
        TopologyViewModel.MoveCheck allowed = topology.checkMove("virtio-vm", target);
        assertTrue(allowed.allowed() && allowed.live(), allowed.message());
    }
}
