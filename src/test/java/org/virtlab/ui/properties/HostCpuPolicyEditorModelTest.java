package org.virtlab.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.HostCpuPolicy;
import org.virtlab.engine.cpu.ReservationMode;
import org.virtlab.engine.cpu.SetReservationMode;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;

/**
 * Choosing a host's reservation mode reaches the engine and changes that host only. The lesson
 * cpu-idle-neighbour (scenarios/cpu-idle-neighbour.json) has a-host with the default policy (reusable)
 * and b-host with held reservations.
 */
class HostCpuPolicyEditorModelTest {
    private final Scenario lesson = Lessons.load("cpu-idle-neighbour").scenario();
    private final RecordingEditor editor = new RecordingEditor(lesson);

    HostCpuPolicyEditorModelTest() throws Exception {
    }

    private HostCpuPolicyEditorModel model(String hostId) {
        return new HostCpuPolicyEditorModel(new I18n(Locale.ENGLISH), editor, editor.scenario().host(hostId).orElseThrow());
    }

    private HostCpuPolicy policyOf(String hostId) {
        return editor.scenario().host(hostId).orElseThrow().cpuPolicy();
    }

    @Test
    void startsFromTheHostsMode() {
        assertEquals(ReservationMode.REUSABLE, model("a-host").reservationModeProperty().get());
        assertEquals(ReservationMode.HELD, model("b-host").reservationModeProperty().get());
    }

    @Test
    void choosingHeldSendsOneInputAndChangesThatHostOnly() {
        model("a-host").reservationModeProperty().set(ReservationMode.HELD);
        assertEquals(List.of(new SetReservationMode("a-host", ReservationMode.HELD)), editor.inputs);
        // HostCpuPolicy.DEFAULT: factor 1.3 and 30 ms slices stay
        assertEquals(HostCpuPolicy.DEFAULT.withReservationMode(ReservationMode.HELD), policyOf("a-host"));
        assertEquals(lesson.host("b-host"), editor.scenario().host("b-host"));
        assertEquals(lesson.vms(), editor.scenario().vms());
        assertEquals(lesson.title(), editor.scenario().title());
        assertEquals(lesson.goal(), editor.scenario().goal());
        assertEquals(lesson.seed(), editor.scenario().seed());
        assertEquals(lesson.tickMicros(), editor.scenario().tickMicros());
    }

    @Test
    void choosingReusableOnAHeldHostSendsOneInput() {
        model("b-host").reservationModeProperty().set(ReservationMode.REUSABLE);
        assertEquals(List.of(new SetReservationMode("b-host", ReservationMode.REUSABLE)), editor.inputs);
        assertEquals(ReservationMode.REUSABLE, policyOf("b-host").reservationMode());
        assertEquals(lesson.host("a-host"), editor.scenario().host("a-host"));
    }

    @Test
    void committingTheSameModeSendsNothing() {
        HostCpuPolicyEditorModel a = model("a-host");
        assertTrue(a.commit());
        a.reservationModeProperty().set(ReservationMode.REUSABLE);
        assertTrue(editor.inputs.isEmpty());
        assertEquals(lesson, editor.scenario());
    }

    @Test
    void labelsComeFromTheBundle() {
        HostCpuPolicyEditorModel a = model("a-host");
        assertEquals("Reusable", a.modeLabel(ReservationMode.REUSABLE));
        assertEquals("Held", a.modeLabel(ReservationMode.HELD));
    }

    @Test
    void networksSwitchesAndNicsSurviveANewMode() throws Exception {
        // network-models: four networks, a switch with two port groups, two NICs on every VM
        Scenario networked = Lessons.load("network-models").scenario();
        RecordingEditor e = new RecordingEditor(networked);
        new HostCpuPolicyEditorModel(new I18n(Locale.ENGLISH), e, networked.host("host1").orElseThrow())
                .reservationModeProperty().set(ReservationMode.HELD);
        assertEquals(networked.withHost(networked.host("host1").orElseThrow().withCpuPolicy(
                HostCpuPolicy.DEFAULT.withReservationMode(ReservationMode.HELD))), e.scenario());
        assertEquals(networked.networks(), e.scenario().networks());
        assertEquals(networked.switches(), e.scenario().switches());
        assertEquals(networked.vms(), e.scenario().vms());
        assertEquals(networked.steps(), e.scenario().steps());
    }
}
