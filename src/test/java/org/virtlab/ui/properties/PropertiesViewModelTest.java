package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.ReservationMode;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;

/** The panel offers the editors of the selection and keeps them across their own edits. */
class PropertiesViewModelTest {
    private final RecordingEditor editor = new RecordingEditor(Lessons.defaultLesson().scenario());
    private final Selection selection = new Selection();
    private final PropertiesViewModel panel = new PropertiesViewModel(new I18n(Locale.ENGLISH), selection, editor);

    PropertiesViewModelTest() {
        editor.afterApply(() -> panel.reset(editor.scenario())); // as ShellViewModel.apply does
        panel.reset(editor.scenario());
    }

    @Test
    void aVmGetsQosAndWorkloadEditorsAHostItsPolicyEditor() {
        assertNull(panel.workloadEditorProperty().get()); // nothing selected: the lesson
        selection.select("db");
        assertNotNull(panel.qosEditorProperty().get());
        assertNotNull(panel.workloadEditorProperty().get());
        assertNull(panel.hostPolicyEditorProperty().get());
        selection.select("host1");
        assertNull(panel.qosEditorProperty().get());
        assertNull(panel.workloadEditorProperty().get());
        assertNotNull(panel.hostPolicyEditorProperty().get());
    }

    @Test
    void theWorkloadEditorSurvivesItsOwnEdit() {
        selection.select("db");
        WorkloadEditorModel workload = panel.workloadEditorProperty().get();
        workload.percent().textProperty().set("40");
        workload.commit();
        assertEquals(1, editor.inputs.size());
        assertSame(workload, panel.workloadEditorProperty().get());
        selection.select("web");
        assertNotSame(workload, panel.workloadEditorProperty().get());
    }

    @Test
    void theHostEditorSurvivesItsOwnEdit() {
        selection.select("host1");
        HostCpuPolicyEditorModel policy = panel.hostPolicyEditorProperty().get();
        policy.reservationModeProperty().set(ReservationMode.HELD);
        assertEquals(1, editor.inputs.size());
        assertSame(policy, panel.hostPolicyEditorProperty().get());
        assertEquals("Held", panel.rows().stream().filter(r -> r.name().equals("Reservations"))
                .findFirst().orElseThrow().value());
    }

    @Test
    void theTimeSliceSaysItCannotChangeWhileRunning() {
        selection.select("host1");
        PropertyRow quantum = panel.rows().stream().filter(r -> r.name().equals("Time slice")).findFirst().orElseThrow();
        assertEquals("The scheduler's quantum (Xen's credit scheduler: 30 ms). Set by the scenario file; "
                + "it cannot change while the simulation runs.", quantum.description());
    }

    @Test
    void aVmGetsAPinningEditorAHostAHardwareEditor() {
        selection.select("db");
        assertNotNull(panel.pinningEditorProperty().get());
        assertNull(panel.hardwareEditorProperty().get());
        selection.select("host1");
        assertNull(panel.pinningEditorProperty().get());
        assertNotNull(panel.hardwareEditorProperty().get());
    }

    @Test
    void thePinningEditorSurvivesItsOwnEditAndTheRowSaysThePinning() {
        selection.select("db");
        assertEquals("Not pinned (any logical CPU)", value("Pinning"));
        PinningEditorModel pinning = panel.pinningEditorProperty().get();
        pinning.rows().get(0).textProperty().set("0-1");
        pinning.sameForAll();
        pinning.commit();
        assertEquals(1, editor.restructured.size());
        assertSame(pinning, panel.pinningEditorProperty().get());
        assertEquals("All vCPUs: 0-1", value("Pinning"));
        pinning.oneCpuEach();
        pinning.commit();
        assertEquals("vCPU 0: 0; vCPU 1: 1; vCPU 2: 2; vCPU 3: 3; vCPU 4: 4; vCPU 5: 5; vCPU 6: 6; vCPU 7: 7",
                value("Pinning"));
    }

    @Test
    void theHardwareEditorSurvivesItsOwnEditAndTheHeadingTakesTheNewName() {
        selection.select("host1");
        HostHardwareEditorModel hardware = panel.hardwareEditorProperty().get();
        hardware.nameProperty().set("Rack 7");
        assertTrue(hardware.commit());
        assertSame(hardware, panel.hardwareEditorProperty().get());
        assertEquals("Host: Rack 7", panel.headingProperty().get());
    }

    @Test
    void aNewHostRebuildsThePinningEditorOfItsVms() {
        selection.select("db");
        PinningEditorModel before = panel.pinningEditorProperty().get();
        selection.select("host1");
        panel.hardwareEditorProperty().get().cpuFields().get(2).textProperty().set("2"); // 24 logical CPUs
        assertTrue(panel.hardwareEditorProperty().get().commit());
        selection.select("db");
        assertNotSame(before, panel.pinningEditorProperty().get());
        assertEquals(24, panel.pinningEditorProperty().get().logicalCpus());
    }

    private String value(String name) {
        return panel.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().value();
    }
}
