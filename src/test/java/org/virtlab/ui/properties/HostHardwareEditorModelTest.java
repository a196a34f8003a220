package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;

/**
 * A host's name and hardware, edited in one form (issue #4). The default lesson (scenarios/default.json)
 * has host1, 1 × 12 × 1 logical CPUs at 1000 MHz with 64 GiB, and on it "Web server" (4 vCPUs),
 * "Database" (8) and "Batch jobs" (6).
 */
class HostHardwareEditorModelTest {
    private final I18n en = new I18n(Locale.ENGLISH);
    private final RecordingEditor editor = new RecordingEditor(Lessons.defaultLesson().scenario());
    private final Scenario before = editor.scenario();
    private final HostHardwareEditorModel model = model(editor);

    private HostHardwareEditorModel model(RecordingEditor e) {
        return new HostHardwareEditorModel(en, e, e.scenario().hosts().get(0));
    }

    private NumberField field(HostHardwareEditorModel m, String key) {
        return m.cpuFields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    private void type(String key, String text) {
        field(model, key).textProperty().set(text);
    }

    private HostSpec host() {
        return editor.scenario().host("host1").orElseThrow();
    }

    @Test
    void startsFromTheHost() {
        assertEquals("Host 1", model.nameProperty().get());
        assertEquals("12", field(model, "hardware.coresPerSocket").textProperty().get());
        assertEquals("64", model.memory().textProperty().get());
        assertEquals(HostHardwareEditorModel.MemoryUnit.GIB, model.memoryUnitProperty().get());
        assertEquals("1 × 12 × 1 = 12 logical CPUs", model.logicalCpusProperty().get());
    }

    @Test
    void aValidHostIsOneStructuralEdit() {
        model.nameProperty().set("  Big host ");
        type("hardware.sockets", "2");
        type("hardware.threadsPerCore", "2");
        type("hardware.mhzPerCore", "2400");
        model.memory().textProperty().set("128");
        assertEquals("2 × 12 × 2 = 48 logical CPUs", model.logicalCpusProperty().get());
        assertTrue(model.commit());
        assertEquals(1, editor.restructured.size());
        assertTrue(editor.inputs.isEmpty());
        HostSpec was = before.host("host1").orElseThrow();
        assertEquals(new HostSpec("host1", "Big host", new CpuTopology(2, 12, 2, 2400), was.cpuPolicy(), 128 * 1024,
                was.x(), was.y()), host());
        assertEquals(before.vms(), editor.scenario().vms());
        assertFalse(ScenarioDiff.runtimeOnly(before, editor.scenario())); // the note: it restarts
        assertTrue(model.commit()); // unchanged: no second edit
        assertEquals(1, editor.restructured.size());
    }

    @Test
    void aNewNameAloneDoesNotRestart() {
        // a name is layout to the engine, like a position: ScenarioDiff lets it change with no input
        model.nameProperty().set("Rack 7");
        assertTrue(model.commit());
        assertEquals("Rack 7", host().name());
        assertEquals(1, editor.restructured.size());
        assertTrue(ScenarioDiff.runtimeOnly(before, editor.scenario()));
        assertEquals(List.of(), ScenarioDiff.inputs(before, editor.scenario()));
    }

    @Test
    void valuesOutOfTheModelsRangesAreRefusedWithTheRange() {
        type("hardware.sockets", "9");
        type("hardware.coresPerSocket", "0");
        type("hardware.threadsPerCore", "4");
        type("hardware.mhzPerCore", "50");
        model.memory().textProperty().set("0");
        assertFalse(model.commit());
        // CpuTopology.MAX_SOCKETS, MAX_CORES_PER_SOCKET, MAX_THREADS_PER_CORE, MIN_MHZ..MAX_MHZ
        assertEquals("Allowed: 1–8; was 9", field(model, "hardware.sockets").errorProperty().get());
        assertEquals("Allowed: 1–128; was 0", field(model, "hardware.coresPerSocket").errorProperty().get());
        assertEquals("Allowed: 1–2; was 4", field(model, "hardware.threadsPerCore").errorProperty().get());
        assertEquals("Allowed: 100–10000; was 50", field(model, "hardware.mhzPerCore").errorProperty().get());
        // HostSpec.MIN_MEMORY_MIB (256 MiB, so at least 1 GiB) .. MAX_MEMORY_MIB (16 TiB)
        assertEquals("Allowed: 1–16384; was 0", model.memory().errorProperty().get());
        assertEquals("", model.logicalCpusProperty().get());
        assertEquals(before, editor.scenario());
        assertTrue(editor.restructured.isEmpty());
    }

    @Test
    void tooFewLogicalCpusForAVmNameTheVm() {
        type("hardware.coresPerSocket", "6");
        assertFalse(model.check()); // leaving the field says it at once
        assertEquals("VM \"Database\" has 8 vCPUs, more than the 6 logical CPUs the host would have",
                model.fitErrorProperty().get());
        type("hardware.coresPerSocket", "3");
        assertFalse(model.commit());
        assertEquals("VM \"Web server\" has 4 vCPUs, more than the 3 logical CPUs the host would have\n"
                + "VM \"Database\" has 8 vCPUs, more than the 3 logical CPUs the host would have\n"
                + "VM \"Batch jobs\" has 6 vCPUs, more than the 3 logical CPUs the host would have",
                model.fitErrorProperty().get());
        assertEquals(before, editor.scenario());
        type("hardware.threadsPerCore", "2");
        type("hardware.sockets", "2");
        assertTrue(model.commit()); // 2 × 3 × 2 = 12 again: everything fits
        assertEquals("", model.fitErrorProperty().get());
        assertEquals(1, editor.restructured.size());
    }

    @Test
    void aVmPinnedToACpuThatWouldGoIsNamed() throws Exception {
        // cpu-pinning: host1 has 4 logical CPUs; pin "Pinned 2" to CPU 3, then offer 2 CPUs
        Scenario lesson = Lessons.load("cpu-pinning").scenario();
        Scenario pinned = lesson.withVm(lesson.vm("pinned-2").orElseThrow().withPinning(new Pinning(List.of(List.of(3)))));
        RecordingEditor e = new RecordingEditor(pinned);
        HostHardwareEditorModel m = model(e);
        field(m, "hardware.coresPerSocket").textProperty().set("2");
        assertFalse(m.commit());
        assertEquals("VM \"Pinned 2\" is pinned to logical CPU 3; the host would have logical CPUs 0–1 only",
                m.fitErrorProperty().get());
        assertEquals(pinned, e.scenario());
    }

    @Test
    void manyVmsThatDoNotFitAreCounted() {
        HostSpec host = new HostSpec("h", "H", new CpuTopology(1, 8, 1, 1000), 4096, 0, 0);
        List<VmSpec> vms = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            vms.add(new VmSpec("v" + i, "VM " + i, "h", 4, 512, new Workload.Constant(10), 0, 0));
        }
        RecordingEditor e = new RecordingEditor(new Scenario(null, null, 1, 1000, List.of(host), vms));
        HostHardwareEditorModel m = model(e);
        field(m, "hardware.coresPerSocket").textProperty().set("2");
        assertFalse(m.commit());
        String[] lines = m.fitErrorProperty().get().split("\n");
        assertEquals(HostHardwareEditorModel.MAX_NAMED_VMS + 1, lines.length);
        assertEquals("…and 2 more VMs", lines[3]);
    }

    @Test
    void memoryKeepsItsAmountWhenTheUnitChanges() {
        model.memoryUnitProperty().set(HostHardwareEditorModel.MemoryUnit.MIB);
        assertEquals("65536", model.memory().textProperty().get());
        model.memory().textProperty().set("1536");
        model.memoryUnitProperty().set(HostHardwareEditorModel.MemoryUnit.GIB);
        assertEquals("1.5", model.memory().textProperty().get());
        assertFalse(model.commit()); // whole GiB only; 1536 MiB is typed in MiB
        assertEquals("Enter a whole number, 1–16384; was \"1.5\"", model.memory().errorProperty().get());
        model.memoryUnitProperty().set(HostHardwareEditorModel.MemoryUnit.MIB);
        assertTrue(model.commit());
        assertEquals(1536, host().memoryMib());
    }

    @Test
    void memoryBelowWhatTheVmsAskIsOvercommitmentNotAnError() {
        model.memory().textProperty().set("8"); // the VMs ask 28 GiB together
        assertTrue(model.commit());
        assertEquals(8 * 1024, host().memoryMib());
    }

    @Test
    void aBlankNameIsRefused() {
        model.nameProperty().set("   ");
        assertFalse(model.commit());
        assertEquals("Enter a name, 1–64 characters", model.nameErrorProperty().get());
        model.nameProperty().set("x".repeat(65));
        assertFalse(model.commit());
        assertEquals("Allowed: 1–64 characters; was 65", model.nameErrorProperty().get());
        assertEquals(before, editor.scenario());
    }

    @Test
    void networksSwitchesAndNicsSurviveNewHardware() throws Exception {
        // network-models: four networks, a switch with two port groups, two NICs on every VM
        Scenario networked = Lessons.load("network-models").scenario();
        RecordingEditor e = new RecordingEditor(networked);
        HostHardwareEditorModel m = new HostHardwareEditorModel(en, e, networked.host("host2").orElseThrow());
        m.memory().textProperty().set("128");
        assertTrue(m.commit());
        HostSpec was = networked.host("host2").orElseThrow();
        assertEquals(List.of(networked.withHost(new HostSpec("host2", was.name(), was.cpu(), was.cpuPolicy(), 128 * 1024,
                was.x(), was.y()))), e.restructured);
        assertEquals(networked.networks(), e.scenario().networks());
        assertEquals(networked.switches(), e.scenario().switches());
        assertEquals(networked.vms(), e.scenario().vms());
        assertEquals(networked.migration(), e.scenario().migration());
    }
}
