package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;

/** The memory editors: a VM's QoS and activity, a host's policy, kept across their own edits; the rows say them. */
class PropertiesViewModelMemoryTest {
    private final RecordingEditor editor = new RecordingEditor(Lessons.load("mem-qos").scenario());
    private final Selection selection = new Selection();
    private final PropertiesViewModel panel = new PropertiesViewModel(new I18n(Locale.ENGLISH), selection, editor);

    PropertiesViewModelMemoryTest() throws Exception {
        editor.afterApply(() -> panel.reset(editor.scenario())); // as ShellViewModel.apply does
        panel.reset(editor.scenario());
    }

    private String row(String name) {
        return panel.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void aVmGetsMemoryQosAndActivityEditorsAHostItsMemoryPolicyEditor() {
        selection.select("vm3b");
        assertNotNull(panel.memoryQosEditorProperty().get());
        assertNotNull(panel.memoryActivityEditorProperty().get());
        assertNull(panel.hostMemoryEditorProperty().get());
        // scenarios/mem-qos.json: VM 3 on host 2, shares 3000, limit 8192 MiB, wants all its 24576 MiB
        assertEquals("Custom: 3,000", row("Memory shares"));
        assertEquals("8192 MiB", row("Memory limit"));
        assertEquals("24576 MiB", row("Memory demand"));
        selection.select("host2");
        assertNull(panel.memoryQosEditorProperty().get());
        assertNotNull(panel.hostMemoryEditorProperty().get());
        assertEquals("6 / 4 / 2 / 1 %", row("Memory states")); // HostMemoryPolicy.DEFAULT
        assertEquals("75 %", row("Idle memory tax"));
    }

    @Test
    void theMemoryEditorsSurviveTheirOwnEdits() {
        selection.select("vm3b");
        VmMemoryQosEditorModel qos = panel.memoryQosEditorProperty().get();
        MemoryActivityEditorModel activity = panel.memoryActivityEditorProperty().get();
        qos.limit().textProperty().set("");
        qos.commit();
        assertSame(qos, panel.memoryQosEditorProperty().get());
        assertSame(activity, panel.memoryActivityEditorProperty().get());
        assertEquals("None", row("Memory limit"));
        activity.rates().get(0).textProperty().set("1024");
        activity.commit();
        assertSame(activity, panel.memoryActivityEditorProperty().get());
        assertEquals(2, editor.inputs.size());

        selection.select("host2");
        HostMemoryPolicyEditorModel policy = panel.hostMemoryEditorProperty().get();
        policy.idleTax().textProperty().set("0");
        policy.commit();
        assertSame(policy, panel.hostMemoryEditorProperty().get());
        assertEquals("0 %", row("Idle memory tax"));
    }
}
