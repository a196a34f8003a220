package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.ScenarioDiff;
import org.virtlab.ui.i18n.I18n;

/**
 * Pinning edited per vCPU in Linux's list syntax (issue #4). The lesson cpu-pinning
 * (scenarios/cpu-pinning.json) has host1 with 1 × 4 × 1 = 4 logical CPUs and the one-vCPU VMs pinned-1
 * and pinned-2 on CPU 0; the default lesson (scenarios/default.json) has "db", 8 vCPUs on 12 CPUs, unpinned.
 */
class PinningEditorModelTest {
    private final I18n en = new I18n(Locale.ENGLISH);

    private static RecordingEditor editorOf(String lesson) throws Exception {
        return new RecordingEditor(lesson == null ? Lessons.defaultLesson().scenario() : Lessons.load(lesson).scenario());
    }

    private PinningEditorModel model(RecordingEditor editor, String vmId) {
        VmSpec vm = editor.scenario().vm(vmId).orElseThrow();
        return new PinningEditorModel(en, editor, vm, editor.scenario().host(vm.hostId()).orElseThrow());
    }

    private static Pinning pinningOf(RecordingEditor editor, String vmId) {
        return editor.scenario().vm(vmId).orElseThrow().pinning();
    }

    @Test
    void showsOneListPerVcpuAsTheVmIsPinned() throws Exception {
        PinningEditorModel pinned = model(editorOf("cpu-pinning"), "pinned-1");
        assertEquals(1, pinned.rows().size());
        assertEquals("0", pinned.rows().get(0).textProperty().get());
        PinningEditorModel db = model(editorOf(null), "db");
        assertEquals(8, db.rows().size());
        assertTrue(db.rows().stream().allMatch(r -> r.textProperty().get().isEmpty())); // not pinned
    }

    @Test
    void aValidListIsOneStructuralEdit() throws Exception {
        RecordingEditor editor = editorOf("cpu-pinning");
        Scenario before = editor.scenario();
        PinningEditorModel model = model(editor, "pinned-2");
        model.rows().get(0).textProperty().set("1");
        assertTrue(model.commit());
        // the lesson's own suggestion: pin the second VM to CPU 1 instead
        assertEquals(new Pinning(List.of(List.of(1))), pinningOf(editor, "pinned-2"));
        assertEquals(1, editor.restructured.size());
        assertTrue(editor.inputs.isEmpty());
        assertEquals(before.withVm(before.vm("pinned-2").orElseThrow().withPinning(new Pinning(List.of(List.of(1))))),
                editor.scenario());
        // what the note beside Apply says: the shell restarts the simulation for it
        assertFalse(ScenarioDiff.runtimeOnly(before, editor.scenario()));
        assertTrue(model.commit()); // nothing new: no second edit
        assertEquals(1, editor.restructured.size());
    }

    @Test
    void aCpuTheHostLacksIsRefusedWithTheRangeAndTheHost() throws Exception {
        RecordingEditor editor = editorOf("cpu-pinning");
        Scenario before = editor.scenario();
        PinningEditorModel model = model(editor, "pinned-1");
        model.rows().get(0).textProperty().set("0-2,4");
        assertFalse(model.commit());
        assertEquals("Allowed: logical CPUs 0–3 of Host 1; was 4", model.rows().get(0).errorProperty().get());
        assertEquals(before, editor.scenario());
        assertTrue(editor.restructured.isEmpty());
    }

    @Test
    void wrongSyntaxAndBackwardRangesSayWhatToType() throws Exception {
        PinningEditorModel model = model(editorOf("cpu-pinning"), "pinned-1");
        CpuListField row = model.rows().get(0);
        row.textProperty().set("0-");
        assertFalse(model.commit());
        assertEquals("Enter logical CPUs such as 0-2,5, each 0–3; was \"0-\"", row.errorProperty().get());
        row.textProperty().set("3-1");
        model.check(row); // as when the field is left
        assertEquals("A range goes upwards, such as 1-3 (logical CPUs 0–3); was \"3-1\"", row.errorProperty().get());
        row.textProperty().set("1-3");
        model.check(row);
        assertEquals("", row.errorProperty().get());
    }

    @Test
    void someVcpusPinnedAndOthersEmptyIsRefused() throws Exception {
        RecordingEditor editor = editorOf(null);
        PinningEditorModel model = model(editor, "db");
        model.rows().get(0).textProperty().set("0-3");
        model.check(model.rows().get(1)); // leaving an empty list alone says nothing yet
        assertEquals("", model.rows().get(1).errorProperty().get());
        assertFalse(model.commit());
        assertEquals("", model.rows().get(0).errorProperty().get());
        assertEquals("Give this vCPU logical CPUs (0–11), or empty every vCPU for no pinning",
                model.rows().get(1).errorProperty().get());
        assertEquals(Pinning.NONE, pinningOf(editor, "db"));
        assertTrue(editor.restructured.isEmpty());
    }

    @Test
    void pinNoneUnpinsInOneEdit() throws Exception {
        RecordingEditor editor = editorOf("cpu-pinning");
        PinningEditorModel model = model(editor, "pinned-1");
        model.pinNone();
        assertEquals("", model.rows().get(0).textProperty().get());
        assertTrue(editor.restructured.isEmpty()); // a shortcut fills the lists; Apply applies them
        assertTrue(model.commit());
        assertEquals(Pinning.NONE, pinningOf(editor, "pinned-1"));
        assertEquals(1, editor.restructured.size());
    }

    @Test
    void oneCpuEachPutsVcpuIOnCpuI() throws Exception {
        RecordingEditor editor = editorOf(null);
        PinningEditorModel model = model(editor, "db");
        model.oneCpuEach();
        assertEquals("7", model.rows().get(7).textProperty().get());
        assertTrue(model.commit());
        assertEquals(new Pinning(List.of(List.of(0), List.of(1), List.of(2), List.of(3), List.of(4), List.of(5),
                List.of(6), List.of(7))), pinningOf(editor, "db"));
        assertEquals(1, editor.restructured.size());
    }

    @Test
    void sameSetForAllCopiesVcpuZerosList() throws Exception {
        RecordingEditor editor = editorOf(null);
        PinningEditorModel model = model(editor, "db");
        model.rows().get(0).textProperty().set("3,2");
        assertTrue(model.sameForAll());
        assertTrue(model.rows().stream().allMatch(r -> r.textProperty().get().equals("2-3")));
        assertTrue(model.commit());
        assertEquals(Pinning.all(8, List.of(2, 3)), pinningOf(editor, "db"));
        assertEquals(1, editor.restructured.size());
    }

    @Test
    void sameSetForAllRefusesAWrongFirstList() throws Exception {
        PinningEditorModel model = model(editorOf(null), "db");
        model.rows().get(0).textProperty().set("0-12");
        model.rows().get(1).textProperty().set("5");
        assertFalse(model.sameForAll());
        assertEquals("Allowed: logical CPUs 0–11 of Host 1; was 12", model.rows().get(0).errorProperty().get());
        assertEquals("5", model.rows().get(1).textProperty().get());
    }

    @Test
    void theGridAndTheListEditTheSameCpus() throws Exception {
        PinningEditorModel model = model(editorOf("cpu-pinning"), "pinned-1");
        assertTrue(model.gridFits()); // 1 vCPU × 4 CPUs
        CpuListField row = model.rows().get(0);
        row.toggle(2, true);
        row.toggle(3, true);
        assertEquals("0,2-3", row.textProperty().get());
        row.toggle(0, false);
        assertEquals("2-3", row.textProperty().get());
        assertEquals(List.of(2, 3), row.cpusProperty().get());
        row.textProperty().set("1-"); // half typed: the grid keeps the last list that parsed
        assertEquals(List.of(2, 3), row.cpusProperty().get());
        assertFalse(model(editorOf(null), "db").gridFits()); // 12 CPUs do not fit the panel's width
    }

    @Test
    void appliedListsShowAsTheModelHoldsThem() throws Exception {
        RecordingEditor editor = editorOf("cpu-pinning");
        PinningEditorModel model = model(editor, "pinned-1");
        model.rows().get(0).textProperty().set(" 3 , 1-2 ");
        assertTrue(model.commit());
        assertEquals("1-3", model.rows().get(0).textProperty().get());
    }

    @Test
    void tooltipsSayWhereALogicalCpuSitsAsTheEngineNumbersThem() {
        // 2 sockets × 2 cores × 2 threads: CPU = core × 2 + thread (SliceScheduler); cores 0–1 on socket 0
        HostSpec host = new HostSpec("h", "Big", new CpuTopology(2, 2, 2, 1000), 4096, 0, 0);
        VmSpec vm = new VmSpec("v", "V", "h", 2, 1024, new Workload.Constant(50), 0, 0);
        RecordingEditor editor = new RecordingEditor(
                new Scenario(LocalizedText.EMPTY, LocalizedText.EMPTY, 1, 1000, List.of(host), List.of(vm)));
        PinningEditorModel model = new PinningEditorModel(en, editor, vm, host);
        assertEquals("CPU 5: socket 1, core 2, thread 1", model.place(5));
        assertEquals("CPU 0: socket 0, core 0, thread 0", model.place(0));
        assertEquals("The two threads of a core have neighbouring numbers: CPUs 0 and 1 are core 0; CPUs 2 and 3 "
                + "are core 1, and so on. Each socket has consecutive CPUs: socket 0 has CPUs 0–3; socket 1 has "
                + "CPUs 4–7.", model.topologyHint());
        assertEquals("", model(new RecordingEditor(Lessons.defaultLesson().scenario()), "db").topologyHint());
    }

    @Test
    void aHostOfOneHyperThreadedCoreTellsOnlyThatCore() throws Exception {
        // cpu-hyperthreading: Host A has 1 core × 2 threads
        PinningEditorModel model = model(editorOf("cpu-hyperthreading"), "ht-vm");
        assertEquals("The two threads of a core have neighbouring numbers: CPUs 0 and 1 are core 0.",
                model.topologyHint());
        assertEquals("CPU 1: socket 0, core 0, thread 1", model.place(1));
    }

    @Test
    void speaksChinese() throws Exception {
        RecordingEditor editor = editorOf("cpu-pinning");
        VmSpec vm = editor.scenario().vm("pinned-1").orElseThrow();
        PinningEditorModel model = new PinningEditorModel(new I18n(Locale.SIMPLIFIED_CHINESE), editor, vm,
                editor.scenario().host("host1").orElseThrow());
        model.rows().get(0).textProperty().set("9");
        assertFalse(model.commit());
        assertEquals("允许范围：Host 1 的逻辑 CPU 0–3；当前为 9", model.rows().get(0).errorProperty().get());
    }
}
