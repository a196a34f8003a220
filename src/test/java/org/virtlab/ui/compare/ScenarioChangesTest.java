package org.virtlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;

/** The line saying what B changes of A. */
class ScenarioChangesTest {
    private final I18n i18n = new I18n(Locale.ENGLISH);

    private static Scenario lesson() throws Exception {
        return Lessons.load("cpu-shares").scenario();
    }

    private static Scenario withVm(Scenario s, VmSpec vm) {
        return s.withVms(s.vms().stream().map(v -> v.id().equals(vm.id()) ? vm : v).toList());
    }

    @Test
    void movingACardIsNoChangeButAReservationIsAndAnOmittedFieldReadsAsTheDefault() throws Exception {
        Scenario a = lesson();
        VmSpec vm2 = a.vm("vm2").orElseThrow();
        Scenario moved = withVm(a, vm2.at(vm2.x() + 100, vm2.y()));
        assertEquals(List.of(), ScenarioChanges.between(i18n, a, moved));
        // scenarios/cpu-shares.json gives VM2 no reservationMhz: the format's default (0) applies
        Scenario reserved = withVm(a, vm2.withCpuQos(new CpuQos(vm2.cpuQos().shares(), CpuQos.NO_LIMIT, 8000)));
        // messages.properties: qos.reservation=Reservation (MHz), compare.diff.default=default
        assertEquals("B differs from A: VM2 · Reservation (MHz): default → 8000",
                ScenarioChanges.line(i18n, ScenarioChanges.between(i18n, a, reserved)));
    }

    @Test
    void moreThanThreeChangesAreCounted() throws Exception {
        Scenario a = lesson();
        Scenario b = a;
        for (String id : List.of("vm1", "vm2", "vm3")) {
            VmSpec vm = b.vm(id).orElseThrow();
            b = withVm(b, vm.withName(vm.name() + "x").withCpuQos(new CpuQos(vm.cpuQos().shares(), 5000, 0)));
        }
        List<ScenarioChanges.Change> changes = ScenarioChanges.between(i18n, a, b);
        assertEquals(6, changes.size()); // a name and a limit for each of the three VMs
        // compare.diff.more: the first ScenarioChanges.SHOWN, then how many more (6 − 3)
        String line = ScenarioChanges.line(i18n, changes);
        assertEquals(true, line.endsWith(" and 3 more"), line);
        assertEquals(true, line.startsWith("B differs from A: VM1 · Name: VM1 → VM1x; "), line);
    }
}
