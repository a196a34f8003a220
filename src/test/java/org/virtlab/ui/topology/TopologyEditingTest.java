package org.virtlab.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    @Test
    void deletingSeveralSelectedElementsIsOneEdit() {
        shell.selection().setAll(java.util.List.of("web", "db"));
        assertTrue(topology.deleteSelection());
        assertEquals(java.util.List.of("batch"), shell.scenario().vms().stream().map(VmSpec::id).toList());
        shell.undo(); // one undo brings both back
        assertEquals(lesson, shell.scenario());
    }

    @Test
    void shiftClickTogglesAndOnlyASingleSelectionReachesThePropertyPanel() {
        shell.selection().select("web");
        shell.selection().toggle("db");
        assertEquals(java.util.List.of("web", "db"), shell.selection().ids());
        assertEquals(Optional.empty(), shell.selection().selectedId()); // two: the panel shows neither
        shell.selection().toggle("web");
        assertEquals(Optional.of("db"), shell.selection().selectedId());
    }

    @Test
    void pastedVmsAreNewCopiesOnTheSelectedHost() {
        topology.drop(TopologyViewModel.PaletteItem.HOST, null, 800, 60); // host2
        shell.selection().select("web");
        assertEquals(1, topology.copySelection());
        shell.selection().select("host2");
        assertEquals(java.util.List.of("vm1"), topology.paste());
        VmSpec copy = shell.scenario().vm("vm1").orElseThrow();
        VmSpec web = lesson.vm("web").orElseThrow();
        assertEquals("host2", copy.hostId());
        assertEquals("Web server (copy)", copy.name());
        assertEquals(web.workload(), copy.workload());
        assertEquals(web.cpuQos(), copy.cpuQos());
        assertEquals(Optional.of("vm1"), shell.selection().selectedId());
    }

    @Test
    void aPastedHostBringsItsVmsBesideTheOriginal() {
        shell.selection().select("host1");
        assertEquals(4, topology.copySelection()); // the host and its three VMs
        var pasted = topology.paste();
        assertEquals(4, pasted.size());
        var host = shell.scenario().host(pasted.get(0)).orElseThrow();
        assertEquals(lesson.hosts().get(0).x() + TopologyViewModel.PASTE_OFFSET, host.x());
        assertEquals(3, shell.scenario().vmsOn(host.id()).size());
        shell.undo();
        assertEquals(lesson, shell.scenario());
    }

    @Test
    void aStoppedVmMovesToAnotherHostAsOneEdit() throws Exception {
        topology.drop(TopologyViewModel.PaletteItem.HOST, null, 800, 60); // host2: 8 cores × 2 threads
        TopologyViewModel.MoveCheck check = topology.checkMove("web", "host2");
        assertTrue(check.allowed());
        assertFalse(check.live()); // the simulation is at 0 s: nothing runs yet, so the VM just moves
        topology.moveVm("web", "host2");
        assertEquals("host2", shell.scenario().vm("web").orElseThrow().hostId());
        shell.undo();
        assertEquals("host1", shell.scenario().vm("web").orElseThrow().hostId());
    }

    @Test
    void aMoveIsRefusedWhenTheTargetCannotHoldTheVm() {
        topology.drop(TopologyViewModel.PaletteItem.HOST, null, 800, 60); // host2: 16 logical CPUs, 8 cores
        Scenario before = shell.scenario();
        // db has 8 vCPUs: fits 16 logical CPUs. A 20-vCPU VM would not, but the lesson has none; instead
        // reserve more than host2's cores × clock (8 × 2 GHz = 16 GHz, what admission control counts,
        // virtualization.md §1 "power-on is refused when unreserved capacity can't cover it").
        VmSpec db = before.vm("db").orElseThrow();
        shell.restructure(before.withVm(db.withCpuQos(new org.virtlab.engine.cpu.CpuQos(
                org.virtlab.engine.cpu.CpuQos.DEFAULT.shares(), org.virtlab.engine.cpu.CpuQos.NO_LIMIT, 16_001))));
        TopologyViewModel.MoveCheck check = topology.checkMove("db", "host2");
        assertFalse(check.allowed());
        assertTrue(check.message().contains("16.00 GHz"), check.message()); // what host2 has unreserved
        Scenario edited = shell.scenario();
        topology.moveVm("db", "host2");
        assertEquals(edited, shell.scenario()); // refused: nothing changed
        assertFalse(topology.checkMove("web", "host1").allowed()); // already there
    }

    @Test
    void aMoveIsRefusedWhenTheVmsMemoryReservationDoesNotFitTheTarget() {
        topology.drop(TopologyViewModel.PaletteItem.HOST, null, 800, 60); // host2: 32 GiB, nothing reserved
        Scenario before = shell.scenario();
        VmSpec db = before.vm("db").orElseThrow();
        // host2 cut to 3 GiB and db reserving 4 GiB of memory, no CPU: the memory reservation cannot fit what
        // host2 has unreserved (3072 MiB), which admission control refuses as live migration would
        // (engine.alloc.Admission; MigrationReason.TARGET_MEMORY_RESERVATION; virtualization.md §2, memory QoS
        // "limit / shares / reservation as for CPU")
        var host2 = before.host("host2").orElseThrow();
        shell.restructure(before.withHost(host2.withHardware(host2.name(), host2.cpu(), 3_072))
                .withVm(db.withMemoryQos(new org.virtlab.engine.memory.host.MemoryQos(
                        db.memoryQos().shares(), db.memoryQos().limitMib(), 4_096))));
        TopologyViewModel.MoveCheck check = topology.checkMove("db", "host2");
        assertFalse(check.allowed());
        assertTrue(check.message().contains("reserves 4 GiB of memory"), check.message());
        assertTrue(check.message().contains("has only 3 GiB of memory unreserved"), check.message());
        Scenario edited = shell.scenario();
        topology.moveVm("db", "host2");
        assertEquals(edited, shell.scenario()); // refused: nothing changed
        // 3 GiB reserved fits 3 GiB exactly (Admission refuses only more than what is unreserved)
        shell.restructure(edited.withVm(edited.vm("db").orElseThrow().withMemoryQos(
                new org.virtlab.engine.memory.host.MemoryQos(db.memoryQos().shares(), db.memoryQos().limitMib(),
                        3_072))));
        assertTrue(topology.checkMove("db", "host2").allowed(), topology.checkMove("db", "host2").message());
    }

    @Test
    void aRunningVmWithAPassthroughDeviceIsRefusedUpFront() throws Exception {
        topology.drop(TopologyViewModel.PaletteItem.HOST, null, 800, 60); // host2
        Scenario before = shell.scenario();
        shell.restructure(before.withDevices(List.of(new org.virtlab.engine.io.IoDeviceSpec("nvme", "web",
                new org.virtlab.engine.io.IoWorkload.ClosedLoop(org.virtlab.engine.io.IoKind.BLOCK_READ, 4_096, 1),
                org.virtlab.engine.io.IoMode.Passthrough.DEFAULT))));
        runner.runTo(1_000_000);
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        shell.refresh();
        TopologyViewModel.MoveCheck check = topology.moveVm("web", "host2");
        assertFalse(check.allowed());
        assertTrue(check.live());
        assertTrue(check.message().contains("owns a passthrough device, whose state lives in the hardware and cannot"
                + " be copied"), check.message());
        assertTrue(topology.migrations().isEmpty()); // nothing was started
        assertTrue(topology.checkMove("db", "host2").allowed()); // db has no device
    }

    @Test
    void aRunningVmMigratesLiveAndTheFinishedMoveIsAnUndoableEdit() throws Exception {
        topology.drop(TopologyViewModel.PaletteItem.HOST, null, 800, 60); // host2
        runner.runTo(1_000_000);
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        shell.refresh();
        TopologyViewModel.MoveCheck check = topology.moveVm("web", "host2");
        assertTrue(check.allowed());
        assertTrue(check.live()); // the simulation has run and web is on: a live migration
        assertEquals("host1", shell.scenario().vm("web").orElseThrow().hostId()); // not moved yet
        // web: 4 GiB at the default 16 MiB/s dirty rate over QEMU's 128 MiB/s (virtualization.md §5):
        // ρ = 0.125, rounds 4096, 512, 64 MiB, then 8 MiB fits the 38.4 MiB threshold: about 36.6 s in all.
        runner.runTo(10_000_000);
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        shell.refresh();
        TopologyViewModel.MigrationItem under = topology.migrations().get(0);
        assertTrue(under.underWay());
        assertTrue(under.status().startsWith("Pre-copy round 0"), under.status());
        assertFalse(topology.checkMove("web", "host1").allowed()); // under way: no second move
        runner.runTo(40_000_000);
        assertTrue(runner.awaitIdle(5, TimeUnit.SECONDS));
        shell.refresh();
        assertEquals("host2", shell.scenario().vm("web").orElseThrow().hostId()); // adopted
        TopologyViewModel.MigrationItem done = topology.migrations().get(0);
        assertFalse(done.underWay());
        assertTrue(done.status().startsWith("Done"), done.status());
        assertTrue(done.rounds().contains("4096.0 → 512.0 → 64.0"), done.rounds());
        assertEquals(40_000_000, runner.state().snapshot().nowMicros()); // adopting did not restart it
        shell.undo(); // back on host1: the simulation starts again
        assertEquals("host1", shell.scenario().vm("web").orElseThrow().hostId());
    }
}
