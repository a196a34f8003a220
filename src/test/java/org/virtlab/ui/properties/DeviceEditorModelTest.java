package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.io.EmulatedModel;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.io.ModeKind;

/** The VM's device form: values checked where typed, with what is allowed; a valid edit is one restructure. */
class DeviceEditorModelTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private Scenario lesson;
    private RecordingEditor editor;
    private DeviceEditorModel model;

    @BeforeEach
    void open() throws Exception {
        lesson = Lessons.load("io-emulation-vs-virtio").scenario();
        editor = new RecordingEditor(lesson);
        model = new DeviceEditorModel(i18n, editor, lesson.vm("virtio-vm").orElseThrow());
    }

    @Test
    void showsTheDeviceAsItIs() {
        assertEquals("vda", model.deviceProperty().get());
        assertEquals(ModeKind.VIRTIO, model.modeProperty().get());
        assertEquals("256", model.queueSize().textProperty().get());
        assertEquals(DeviceEditorModel.Loop.CLOSED, model.loopProperty().get());
        assertTrue(model.isFor(lesson.vm("virtio-vm").orElseThrow(), lesson));
    }

    @Test
    void aQueueSizeThatIsNoPowerOfTwoIsRefused() {
        model.queueSize().textProperty().set("100");
        assertFalse(model.commit());
        // virtio 1.1 §2.6: a power of 2, at most 32768
        assertEquals("A queue size is a power of 2 from 1 to 32768 (1, 2, 4, …, 16384, 32768); was \"100\"",
                model.errorProperty().get());
        model.queueSize().textProperty().set("65536");
        assertFalse(model.commit());
        assertEquals("Allowed: 1–32768; was 65536", model.queueSize().errorProperty().get());
        model.queueSize().textProperty().set("2");
        assertFalse(model.commit(), "a block request's chain of 3 does not fit (virtio 1.1 §2.6.5.3.1)");
        assertTrue(editor.restructured.isEmpty());
    }

    @Test
    void aNewModeAndDepthIsOneEditTheRunningSimulationFollows() {
        model.queueSize().textProperty().set("1024");
        model.queueDepth().textProperty().set("8");
        assertTrue(model.commit());
        assertEquals(1, editor.restructured.size());
        Scenario after = editor.restructured.get(0);
        assertEquals(1_024, ((IoMode.Virtio) after.device("vda").orElseThrow().mode()).queueSize());
        assertEquals(8, ((IoWorkload.ClosedLoop) after.device("vda").orElseThrow().workload()).queueDepth());
        assertTrue(ScenarioDiff.runtimeOnly(lesson, after), "a mode and a workload: inputs, no restart");

        model.modeProperty().set(ModeKind.EMULATED);
        assertEquals("IDE", model.modelProperty().get().name(), "a disk's emulated model");
        model.coalesceCompletions().textProperty().set("4");
        assertFalse(model.commit(), "coalescing more than one completion needs a delay");
        assertTrue(model.errorProperty().get().startsWith("When coalescing more than one completion"));
    }

    @Test
    void anAddedDeviceTakesTheNextFreeLinuxNameAndItsKindsDefaults() {
        DeviceEditorModel ide = new DeviceEditorModel(i18n, editor, lesson.vm("ide-vm").orElseThrow());
        // the lesson has hda, vda and nvme0 (scenarios/io-emulation-vs-virtio.json); ids are one name space across
        // the scenario (scenarios/README.md, "Ids and references"), so the next virtio disk is vdb
        assertEquals("vdb", ide.add(DeviceTemplate.VIRTIO_BLK));
        assertEquals(1, editor.restructured.size(), "one edit");
        Scenario after = editor.scenario();
        IoDeviceSpec vdb = after.device("vdb").orElseThrow();
        assertEquals("ide-vm", vdb.vmId());
        assertEquals(IoMode.Virtio.DEFAULT, vdb.mode(), "QEMU's virtio defaults (IoMode.Virtio.DEFAULT)");
        // DeviceTemplate: 4 KiB reads, one outstanding, as the lesson's disks
        assertEquals(new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 1), vdb.workload());
        assertEquals(List.of("hda", "vdb", "vda", "nvme0"), after.devices().stream().map(IoDeviceSpec::id).toList(),
                "after the VM's own devices: the I/O tab lists them in the VMs' order");
        assertFalse(ScenarioDiff.runtimeOnly(lesson, after), "a new device restarts the simulation");
        assertEquals(List.of("hda", "vdb"), ide.deviceIds());
        assertEquals("vdb", ide.deviceProperty().get(), "the form shows the new device");
        assertEquals(ModeKind.VIRTIO, ide.modeProperty().get());
        assertEquals("256", ide.queueSize().textProperty().get());
        assertTrue(ide.isFor(after.vm("ide-vm").orElseThrow(), after), "the panel keeps this form across the edit");
        assertEquals("Remove vdb", ide.removeText().get());

        assertEquals("hdb", ide.add(DeviceTemplate.EMULATED_IDE), "hda is taken");
        assertEquals(new IoMode.Emulated(EmulatedModel.IDE), editor.scenario().device("hdb").orElseThrow().mode());
        assertEquals("nvme1", ide.add(DeviceTemplate.PASSTHROUGH_NVME), "nvme0 is taken");
        assertEquals("eth0", ide.add(DeviceTemplate.VIRTIO_NET));
        assertEquals("eth1", ide.add(DeviceTemplate.EMULATED_E1000));
        assertEquals("eth2", ide.add(DeviceTemplate.PASSTHROUGH_NIC));
        IoDeviceSpec e1000 = editor.scenario().device("eth1").orElseThrow();
        assertEquals(new IoMode.Emulated(EmulatedModel.E1000), e1000.mode(), "a NIC's emulated model");
        // DeviceTemplate: full Ethernet payloads (MTU 1500)
        assertEquals(new IoWorkload.ClosedLoop(IoKind.NET_TX, 1_500, 1), e1000.workload());
        assertTrue(editor.scenario().device("eth2").orElseThrow().passthrough());
        assertEquals(List.of("ide-vm"), IoDeviceSpec.passthroughVmIds(editor.scenario().devicesOf("ide-vm")),
                "it owns a passthrough device now: live migration refuses it (MigrationReason.PASSTHROUGH)");
        assertEquals(6, editor.restructured.size());
    }

    @Test
    void disksAreNamedByLetterAsLinuxNamesThem() {
        // drivers/scsi/sd.c, sd_format_disk_name: a..z, then aa, ab, ..., zz
        assertEquals("a", DeviceTemplate.letters(0));
        assertEquals("z", DeviceTemplate.letters(25));
        assertEquals("aa", DeviceTemplate.letters(26));
        assertEquals("az", DeviceTemplate.letters(51));
        assertEquals("ba", DeviceTemplate.letters(52));
        assertEquals("zz", DeviceTemplate.letters(26 * 26 + 25));
    }

    @Test
    void removingTheLastDeviceLeavesOnlyAddAndTheNameIsFreeAgain() {
        assertEquals("Remove vda", model.removeText().get());
        assertTrue(model.remove());
        assertEquals(1, editor.restructured.size());
        Scenario after = editor.scenario();
        assertTrue(after.device("vda").isEmpty());
        assertEquals(List.of("hda", "nvme0"), after.devices().stream().map(IoDeviceSpec::id).toList());
        assertFalse(model.hasDevices().get());
        assertNull(model.deviceProperty().get());
        assertFalse(model.virtioMode().get(), "no device: none of the form's rows show");
        assertFalse(model.closedLoop().get());
        assertFalse(model.openLoop().get());
        assertFalse(model.commit(), "nothing to apply");
        assertFalse(model.remove(), "nothing to remove");
        assertEquals(1, editor.restructured.size());
        assertEquals("vda", model.add(DeviceTemplate.VIRTIO_BLK), "vda is nobody's now");
    }

    @Test
    void aVmWithoutDevicesGetsTheFormWithOnlyAdd() throws Exception {
        Scenario plain = Lessons.defaultLesson().scenario();
        assertTrue(plain.devices().isEmpty(), "the default lesson has no devices");
        RecordingEditor e = new RecordingEditor(plain);
        org.virtlab.engine.model.VmSpec first = plain.vms().get(0);
        DeviceEditorModel m = new DeviceEditorModel(i18n, e, first);
        assertFalse(m.hasDevices().get());
        assertEquals("Remove", m.removeText().get());
        assertEquals("nvme0", m.add(DeviceTemplate.PASSTHROUGH_NVME));
        assertEquals(List.of("nvme0"), e.scenario().devices().stream().map(IoDeviceSpec::id).toList());
        assertTrue(m.hasDevices().get());
        assertTrue(m.passthroughMode().get());
    }
}
