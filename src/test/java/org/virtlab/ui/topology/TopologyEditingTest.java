package org.virtlab.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.shell.ShellViewModel;
import org.virtlab.ui.sim.SimulationRunner;

/** Drops from the palette and deletes, through the shell (so undo and the running simulation are real). */
class TopologyEditingTest {
    private final Scenario lesson = Lessons.defaultLesson().scenario();
    private final SimulationRunner runner = new SimulationRunner(lesson);
    private final ShellViewModel shell = new ShellViewModel(new I18n(Locale.ENGLISH), runner);
    private final TopologyViewModel topology = shell.topology();

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void aVmDroppedOnAHostIsCreatedThereWithTheDefaults() throws Exception {
        Optional<String> id = topology.drop(TopologyViewModel.PaletteItem.VM, "host1", 10, 10);
        assertEquals(Optional.of("vm1"), id); // the first free "vm<n>" id: the lesson's VMs are web, db, batch
        VmSpec vm = shell.scenario().vm("vm1").orElseThrow();
        assertEquals("host1", vm.hostId());
        assertEquals(TopologyViewModel.NEW_VM_VCPUS, vm.vcpus());
        assertEquals(TopologyViewModel.NEW_VM_WORKLOAD, vm.workload());
        assertEquals(Optional.of("vm1"), shell.selection().selectedId());
        assertTrue(shell.dirtyProperty().get());
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(shell.scenario(), runner.state().scenario()); // the simulation restarted with it
        assertEquals(0, runner.state().snapshot().nowMicros());
    }

    @Test
    void aVmDroppedOnTheEmptyCanvasIsRefusedAndChangesNothing() {
        assertFalse(topology.accepts(TopologyViewModel.PaletteItem.VM, null));
        assertEquals(Optional.empty(), topology.drop(TopologyViewModel.PaletteItem.VM, null, 100, 100));
        assertEquals(lesson, shell.scenario());
        assertFalse(shell.canUndoProperty().get());
    }

    @Test
    void aHostDroppedOnTheCanvasIsCreatedWhereItFell() {
        assertFalse(topology.accepts(TopologyViewModel.PaletteItem.HOST, "host1")); // hosts go on the canvas
        assertEquals(Optional.of("host2"), topology.drop(TopologyViewModel.PaletteItem.HOST, null, 400, 420));
        var host = shell.scenario().host("host2").orElseThrow();
        assertEquals(400, host.x());
        assertEquals(420, host.y());
        assertEquals(TopologyViewModel.NEW_HOST_CPU, host.cpu());
    }

    @Test
    void deletingAHostTakesItsVmsAndUndoBringsEverythingBack() throws Exception {
        shell.selection().select("host1");
        assertTrue(topology.deleteSelection());
        assertTrue(shell.scenario().hosts().isEmpty());
        assertTrue(shell.scenario().vms().isEmpty());
        shell.undo();
        assertEquals(lesson, shell.scenario());
        assertFalse(shell.dirtyProperty().get());
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(lesson, runner.state().scenario());
        shell.redo();
        assertTrue(shell.scenario().hosts().isEmpty());
    }

    @Test
    void deletingWithNothingSelectedDoesNothing() {
        assertFalse(topology.deleteSelection());
        assertEquals(lesson, shell.scenario());
    }

    @Test
    void movingAHostIsAnUndoableEditThatLetsTheSimulationRunOn() throws Exception {
        runner.runTo(2_000_000);
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        topology.moveHost("host1", 300.4, -20);
        var moved = shell.scenario().host("host1").orElseThrow();
        assertEquals(300, moved.x()); // whole pixels
        assertEquals(0, moved.y());   // never off the canvas
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        assertEquals(2_000_000, runner.state().snapshot().nowMicros()); // layout only: no restart
        assertEquals(shell.scenario(), runner.state().scenario());
        shell.undo();
        assertEquals(lesson, shell.scenario());
    }
}
