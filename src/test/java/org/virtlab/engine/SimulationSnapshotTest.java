package org.virtlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.CpuDemandSnapshot;

class SimulationSnapshotTest {

    @Test
    void snapshotListsAreUnmodifiable() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        sim.runUntil(10_000);
        SimulationSnapshot snap = sim.snapshot();
        CpuDemandSnapshot cpu = snap.find(CpuDemandSnapshot.class).orElseThrow();

        assertThrows(UnsupportedOperationException.class, () -> snap.subsystems().clear());
        assertThrows(UnsupportedOperationException.class, () -> cpu.vms().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> cpu.hosts().add(cpu.hosts().get(0)));
    }

    @Test
    void snapshotRecordsCopyTheListsTheyAreGiven() {
        List<SubsystemSnapshot> parts = new ArrayList<>();
        SimulationSnapshot snap = new SimulationSnapshot(0, 0, parts);
        parts.add(() -> "late");
        assertEquals(0, snap.subsystems().size());
    }

    @Test
    void aSnapshotTakenAtSomeTimeDoesNotChangeWhenTheSimulationGoesOn() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        sim.runUntil(1_234_000);
        SimulationSnapshot atT = sim.snapshot();
        String printedAtT = atT.toString();

        sim.runUntil(4_000_000);
        assertEquals(printedAtT, atT.toString());
        // the ramp VM has moved on since, so the live state differs
        assertNotEquals(atT, sim.snapshot());

        sim.rewindTo(1_234_000);
        assertEquals(atT, sim.snapshot());
    }

    @Test
    void findReturnsTheCpuDemandPartAndNothingForAnAbsentType() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        SimulationSnapshot snap = sim.snapshot();
        assertEquals("cpu.demand", snap.find(CpuDemandSnapshot.class).orElseThrow().subsystem());
        assertEquals(List.of(), new SimulationSnapshot(0, 0, List.of()).subsystems());
        assertFalse(new SimulationSnapshot(0, 0, List.of()).find(CpuDemandSnapshot.class).isPresent());
    }
}
