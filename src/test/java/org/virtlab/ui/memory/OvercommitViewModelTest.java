package org.virtlab.ui.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Input;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.memory.host.FreeMemory;
import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.MemorySampler;
import org.virtlab.engine.memory.host.MemorySnapshot;
import org.virtlab.engine.memory.host.MemoryState;
import org.virtlab.engine.memory.host.TouchMemory;
import org.virtlab.engine.memory.host.WriteMemory;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.common.Selection;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.SimulationRunner;
import org.virtlab.ui.sim.Speed;

/**
 * The overcommit view's state without a window: which host it shows, what the chart and table hold, which
 * actions are open and why not, and what reaches the engine.
 */
class OvercommitViewModelTest {
    private final Selection selection = new Selection();
    private final Recorder editor = new Recorder();
    private final OvercommitViewModel vm = new OvercommitViewModel(new I18n(Locale.ENGLISH), selection, editor);

    /** Takes the inputs the view model hands the running simulation. */
    private static final class Recorder implements ScenarioEditor {
        final List<Input> commands = new ArrayList<>();

        @Override
        public Scenario scenario() {
            throw new UnsupportedOperationException("the overcommit view edits no scenario");
        }

        @Override
        public void apply(Scenario edited, Input input) {
            throw new UnsupportedOperationException("the overcommit view edits no scenario");
        }

        @Override
        public void restructure(Scenario edited) {
            throw new UnsupportedOperationException("the overcommit view edits no scenario");
        }

        @Override
        public void command(Input input) {
            commands.add(input);
        }
    }

    /** The course example plus a second host with one VM of its own. */
    private static Scenario twoHosts(long demandMib) {
        Scenario s = OvercommitScenarios.threeVmsOnFourGib(demandMib);
        HostSpec host2 = new HostSpec("host2", "Host 2", s.hosts().get(0).cpu(), null, 8192, HostMemoryPolicy.DEFAULT,
                400, 40);
        VmSpec vm4 = s.vms().get(0);
        vm4 = new VmSpec("vm4", "VM 4", "host2", 1, 1024, vm4.workload(), vm4.cpuQos(), vm4.pinning(), List.of(),
                vm4.dirtyMibPerSecond(), vm4.memoryQos(), vm4.memoryActivity().withDemandMib(512), 0, 0);
        List<VmSpec> vms = new ArrayList<>(s.vms());
        vms.add(vm4);
        return s.withHostsAndVms(List.of(s.hosts().get(0), host2), vms);
    }

    private static SimulationRunner.State state(Scenario scenario, Simulation sim) {
        return new SimulationRunner.State(scenario, 0, sim.snapshot(), false, Speed.X1, null, List.of());
    }

    /** Runs the scenario to {@code micros}, feeding the view model the samples and the last state. */
    private Simulation run(Scenario scenario, long micros) {
        vm.reset(scenario);
        Simulation sim = Simulations.of(scenario);
        List<MemorySampler.Sample> samples = new ArrayList<>();
        sim.addObserver(new MemorySampler(samples::add), SimulationRunner.SAMPLE_WINDOW_MICROS);
        sim.runUntil(micros);
        vm.append(samples);
        vm.update(state(scenario, sim));
        return sim;
    }

    @Test
    void theHostInFocusIsTheSelectedHostOrTheSelectedVmsHostOrTheFirst() {
        Scenario s = twoHosts(1024);
        vm.setShowing(true);
        run(s, 200_000);
        assertEquals("Host 1", vm.focusHostProperty().get(), "nothing selected: the first host");
        assertEquals(List.of(0, 1, 2), vm.chart().shownVms());
        assertEquals(List.of("vm1", "vm2", "vm3"), vm.rows().stream().map(VmMemoryRow::vmId).toList());

        selection.selectedIdProperty().set("vm4");
        assertEquals("Host 2", vm.focusHostProperty().get(), "a VM selected: its host");
        assertEquals(List.of(3), vm.chart().shownVms());
        assertEquals(List.of("vm4"), vm.rows().stream().map(VmMemoryRow::vmId).toList());
        assertEquals("Host 2", vm.gaugeProperty().get().hostName());
        assertEquals(8192, vm.gaugeProperty().get().capacityMib(), 1e-9);

        selection.selectedIdProperty().set("host1");
        assertEquals("Host 1", vm.focusHostProperty().get(), "a host selected: that host");
        assertEquals(List.of(0, 1, 2), vm.chart().shownVms());
    }

    @Test
    void samplesBecomeStackedSeriesAndTheLatestMomentFillsTheTableAndGauge() {
        vm.setShowing(true);
        Scenario s = OvercommitScenarios.threeVmsOnFourGib(1024);
        Simulation sim = run(s, 3_000_000);
        // one sample per SimulationRunner.SAMPLE_WINDOW_MICROS (100 ms) over 3 s
        assertEquals(30, vm.chart().pointCount());
        MemorySnapshot m = sim.snapshot().find(MemorySnapshot.class).orElseThrow();
        MemorySnapshot.VmMemory vm1 = m.vm("vm1");
        // the last point's layers are the running sums of the engine's states at 3 s, in MiB (4 KiB pages)
        double privateMib = vm1.privatePages() / 256.0;
        assertEquals(privateMib, vm.chart().stackTop(0, 0, 29), 1e-9);
        assertEquals(privateMib + vm1.sharedMib(), vm.chart().stackTop(0, 1, 29), 1e-9);
        assertEquals(privateMib + vm1.sharedMib() + vm1.balloonedMib() + vm1.swappedMib(),
                vm.chart().stackTop(0, 3, 29), 1e-9);
        // 1 GiB wanted at 512 MiB/s (OvercommitScenarios): all touched after 2 s; the course article's
        // "each having written 1 GB" on a 4 GB host stays in the high state
        assertEquals(1024, vm1.touchedPages() / 256.0, 1e-9);
        VmMemoryRow row = vm.rows().get(0);
        assertEquals("2048", row.configuredProperty().get());
        assertEquals("1024", row.touchedProperty().get());
        assertEquals(String.format(Locale.ROOT, "%.0f", vm1.consumedMib()), row.consumedProperty().get());
        HostGaugeData g = vm.gaugeProperty().get();
        assertEquals(MemoryState.HIGH, g.state());
        assertEquals(4096, g.capacityMib(), 1e-9);
        assertEquals(m.host("host1").usedMib(), g.usedMib(), 1e-9);
        assertEquals(6, g.highPercent(), 1e-9); // ESX's classic thresholds 6 / 4 / 2 / 1 % (HostMemoryPolicy.DEFAULT)
        assertEquals(1, g.lowPercent(), 1e-9);
        assertEquals("State: high — nothing is reclaimed", vm.stateTextProperty().get());
        // 3 × 2048 MiB configured on 4096 MiB: 1.5 (ArticleOvercommitTest)
        assertEquals("Overcommit 1.50 : 1 (6144 MiB configured on 4096 MiB)", vm.ratioTextProperty().get());
        assertTrue(vm.stateHelpProperty().get().contains("6 %"), vm.stateHelpProperty().get());
        assertEquals("", vm.noteProperty().get());
    }

    @Test
    void whenAllThreeWriteTheirWholeMemoryTheGaugeLeavesHighAndNamesTheState() {
        vm.setShowing(true);
        // 6 GiB wanted on 4 GiB: reclamation from about 2.6 s on (ArticleOvercommitTest: balloon, then swap)
        run(OvercommitScenarios.threeVmsOnFourGib(2048), 4_500_000);
        MemoryState state = vm.gaugeProperty().get().state();
        assertTrue(state != MemoryState.HIGH, "under pressure, was " + state);
        assertTrue(vm.stateTextProperty().get().startsWith("State: " + state.name().toLowerCase()),
                vm.stateTextProperty().get());
        assertTrue(vm.reclamationTextProperty().get().startsWith("Last reclamation at "),
                vm.reclamationTextProperty().get());
    }

    @Test
    void withNothingSelectedNoActionIsOpenAndTheReasonSaysSelectAVm() {
        run(OvercommitScenarios.threeVmsOnFourGib(1024), 100_000);
        assertEquals(List.of(), vm.enabledActionsProperty().get());
        assertEquals("Select a VM (on the Topology tab or in the table) to touch, write or free its memory.",
                vm.reasonProperty().get());
        assertFalse(vm.submit(OvercommitViewModel.Action.TOUCH));
        assertEquals(List.of(), editor.commands);
    }

    @Test
    void anIdleVmCanOnlyBeTouchedAndAWrongAmountIsRefusedWithItsRange() {
        vm.setShowing(true);
        run(OvercommitScenarios.idle(), 100_000);
        assertEquals("No VM on Host 1 uses memory yet: every guest page still reads the host's one zero page."
                + " Select a VM and press Touch.", vm.noteProperty().get());
        selection.selectedIdProperty().set("vm2");
        // it wants nothing and holds nothing: only Touch, up to its 2048 MiB
        assertEquals(List.of(OvercommitViewModel.Action.TOUCH), vm.enabledActionsProperty().get());
        assertEquals("Write: it holds no data yet; touch some first. Free: it wants no memory in use.",
                vm.reasonProperty().get());
        assertEquals(2048, vm.range(OvercommitViewModel.Action.TOUCH).orElseThrow()[1]);

        vm.amountTextProperty().set("lots");
        assertFalse(vm.submit(OvercommitViewModel.Action.TOUCH));
        assertEquals("Touch: type a whole number of MiB in 1–2048 (was \"lots\")", vm.amountErrorProperty().get());
        vm.amountTextProperty().set("4096");
        assertFalse(vm.submit(OvercommitViewModel.Action.TOUCH));
        assertEquals("Touch: the amount must be in 1–2048 MiB (was \"4096\")", vm.amountErrorProperty().get());
        vm.amountTextProperty().set("0");
        assertFalse(vm.submit(OvercommitViewModel.Action.TOUCH));
        assertFalse(vm.submit(OvercommitViewModel.Action.WRITE), "closed: nothing to rewrite");
        assertEquals(List.of(), editor.commands, "a wrong value never reaches the engine");

        vm.amountTextProperty().set(" 256 ");
        assertTrue(vm.submit(OvercommitViewModel.Action.TOUCH));
        assertEquals("", vm.amountErrorProperty().get());
        // 256 MiB = 65 536 pages of 4 KiB
        assertEquals(List.of(new TouchMemory("vm2", 65_536)), editor.commands);
        assertEquals("VM 2: Touch 256 MiB, asked at 0.100 s", vm.lastActionProperty().get());
    }

    @Test
    void theSubmittedInputsMakeTheEngineTouchWriteAndFree() {
        vm.setShowing(true);
        Scenario s = OvercommitScenarios.idle();
        Simulation sim = run(s, 100_000);
        selection.selectedIdProperty().set("vm1");
        vm.amountTextProperty().set("512");
        assertTrue(vm.submit(OvercommitViewModel.Action.TOUCH));
        editor.commands.forEach(sim::submit);
        editor.commands.clear();
        sim.runUntil(1_200_000);
        vm.update(state(s, sim));
        // 512 MiB touched at the default 1024 MiB/s (MemoryActivity.DEFAULT) well within the 1.1 s since
        assertEquals("512", vm.rows().get(0).touchedProperty().get());
        assertEquals(List.of(OvercommitViewModel.Action.values()), vm.enabledActionsProperty().get());
        assertEquals(1536, vm.range(OvercommitViewModel.Action.TOUCH).orElseThrow()[1], "2048 − 512 wanted");
        assertEquals(512, vm.range(OvercommitViewModel.Action.FREE).orElseThrow()[1], "what it wants");
        assertEquals(2048, vm.range(OvercommitViewModel.Action.WRITE).orElseThrow()[1], "at most its size");

        vm.amountTextProperty().set("64");
        assertTrue(vm.submit(OvercommitViewModel.Action.WRITE));
        vm.amountTextProperty().set("128");
        assertTrue(vm.submit(OvercommitViewModel.Action.FREE));
        // 64 MiB = 16 384 pages, 128 MiB = 32 768 pages
        assertEquals(List.of(new WriteMemory("vm1", 16_384), new FreeMemory("vm1", 32_768)), editor.commands);
        long faultsBefore = sim.snapshot().find(MemorySnapshot.class).orElseThrow().vm("vm1").cowFaults();
        editor.commands.forEach(sim::submit);
        sim.runUntil(1_300_000);
        MemorySnapshot.VmMemory after = sim.snapshot().find(MemorySnapshot.class).orElseThrow().vm("vm1");
        assertEquals(384 * 256, after.demandPages(), "512 − 128 MiB wanted");
        // its pages are unique (MemoryActivity.DEFAULT) and private: rewriting them copies nothing
        assertEquals(faultsBefore, after.cowFaults());
    }

    @Test
    void aVmKeptOffByAdmissionControlCannotBeMadeToUseMemory() {
        // a VM reserving more CPU than its host has (20 GHz of 8 cores × 2 GHz) is refused at power-on by
        // admission control (vSphere; virtualization.md §1), so the memory model has it touch nothing
        Scenario s = OvercommitScenarios.idle();
        VmSpec vm3 = s.vm("vm3").orElseThrow();
        s = s.withVm(vm3.withCpuQos(new org.virtlab.engine.cpu.CpuQos(vm3.cpuQos().shares(),
                org.virtlab.engine.cpu.CpuQos.NO_LIMIT, 20_000)));
        run(s, 100_000);
        selection.selectedIdProperty().set("vm3");
        assertEquals(List.of(), vm.enabledActionsProperty().get());
        assertTrue(vm.reasonProperty().get().startsWith("VM 3 is off"), vm.reasonProperty().get());
    }
}
