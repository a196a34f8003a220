package org.virtlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.cpu.SetWorkload;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.io.Coalescing;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.io.SetIoMode;
import org.virtlab.engine.io.SetIoWorkload;
import org.virtlab.engine.migration.MigrationSettings;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.TlbSettings;
import org.virtlab.engine.model.TranslationSettings;
import org.virtlab.engine.model.ViewState;
import org.virtlab.engine.model.VmSpec;

/**
 * Which edits a running simulation follows by inputs, and which inputs. The engine has no network
 * subsystem, so the topology's networks, switches and wires change with no input; so do names, the
 * lesson's steps, duration, view and positions. Dirty rates and migration settings restart it.
 */
class ScenarioDiffTest {
    private final Scenario s = TestScenarios.networked();

    private void assertNoInputNeeded(UnaryOperator<Scenario> edit) {
        Scenario to = edit.apply(s);
        assertTrue(!to.equals(s), "the edit changes something");
        assertTrue(ScenarioDiff.runtimeOnly(s, to));
        assertEquals(List.of(), ScenarioDiff.inputs(s, to));
        assertEquals(List.of(), ScenarioDiff.inputs(to, s), "and back (undo)");
    }

    private VmSpec web() {
        return s.vm("web").orElseThrow();
    }

    @Test
    void networksAndTheirPlacesNeedNoInput() {
        assertNoInputNeeded(x -> x.without("default").without("iso").without("routed").without("lan"));
        assertNoInputNeeded(x -> x.withNetwork(x.network("iso").orElseThrow().at(5, 5)));
        assertNoInputNeeded(x -> x.withNetwork(x.network("routed").orElseThrow().withMode(NetworkMode.NAT,
                "172.16.0.0/16")));
        assertNoInputNeeded(x -> x.withNetworks(append(x.networks(),
                new NetworkSpec("new", null, "h2", NetworkMode.ISOLATED, "10.1.0.0/24", null, 0, 0))));
    }

    @Test
    void switchesPortGroupsAndTheirPlacesNeedNoInput() {
        SwitchSpec dvs = s.switches().get(0);
        assertNoInputNeeded(x -> x.withSwitch(dvs.at(1, 1)));
        assertNoInputNeeded(x -> x.withSwitch(dvs.withPortGroups(append(dvs.portGroups(),
                new PortGroupSpec("pg-app", "App", 30)))));
        assertNoInputNeeded(x -> x.without("dvs"));
    }

    @Test
    void wiresNeedNoInput() {
        assertNoInputNeeded(x -> x.withVm(web().withNic(2, NicSpec.toNetwork("iso"))));
        assertNoInputNeeded(x -> x.withVm(web().withNic(3, NicSpec.UNWIRED)));
    }

    @Test
    void lessonSettingsAndViewNeedNoInput() {
        assertNoInputNeeded(x -> x.withSteps(List.of(LocalizedText.of("Other", "其他"))));
        assertNoInputNeeded(x -> x.withDurationMicros(3_600 * Scenario.MICROS_PER_SECOND));
        assertNoInputNeeded(x -> x.withView(new ViewState("network", 0.5)));
    }

    @Test
    void theMemoryTabsTranslationSettingsNeedNoInput() {
        // the window's only: no subsystem reads them (Simulations.of builds none from them)
        assertNoInputNeeded(x -> x.withTranslation(TranslationSettings.DEFAULT.withHost(5, PageSize.TWO_MIB)
                .withTlb(TlbSettings.DEFAULT.withTagged(false))));
    }

    @Test
    void aDirtyRateOrMigrationSettingsRestart() {
        // Simulations.of hands both to MigrationSubsystem when it builds it; no input changes them later
        assertFalse(ScenarioDiff.runtimeOnly(s, s.withVm(web().withDirtyMibPerSecond(500))));
        assertFalse(ScenarioDiff.runtimeOnly(s, s.withMigration(MigrationSettings.QEMU_DEFAULTS)));
    }

    @Test
    void namesOfHostsVmsNetworksSwitchesAndPortGroupsNeedNoInput() {
        // the engine knows machines by id; no subsystem reads a name (grep "name()" in engine/: only
        // Subsystem.name(), the subsystem's own)
        assertNoInputNeeded(x -> x.withVm(web().withName("Front end")));
        HostSpec h1 = s.host("h1").orElseThrow();
        assertNoInputNeeded(x -> x.withHost(new HostSpec("h1", "Rack 7", h1.cpu(), h1.cpuPolicy(), h1.memoryMib(),
                h1.x(), h1.y())));
        assertNoInputNeeded(x -> x.withNetwork(x.network("iso").orElseThrow().withName("Back end")));
        SwitchSpec dvs = s.switches().get(0);
        assertNoInputNeeded(x -> x.withSwitch(dvs.withName("Core")));
        assertNoInputNeeded(x -> x.withSwitch(dvs.withPortGroups(dvs.portGroups().stream()
                .map(g -> g.withName(g.name() + " (prod)")).toList())));
    }

    @Test
    void aRenameWithANewWorkloadIsJustTheWorkloadsInput() {
        Scenario to = s.withVm(web().withName("Front end").withWorkload(new Workload.Constant(90)));
        assertEquals(List.of(new SetWorkload("web", new Workload.Constant(90))), ScenarioDiff.inputs(s, to));
    }

    @Test
    void aWorkloadChangedWithAWireIsOneInput() {
        Scenario to = s.withVm(web().withWorkload(new Workload.Constant(90)).withNic(2, NicSpec.toNetwork("iso")));
        assertEquals(List.of(new SetWorkload("web", new Workload.Constant(90))), ScenarioDiff.inputs(s, to));
    }

    @Test
    void aNewSizeOrANewVmStillRestarts() {
        assertFalse(ScenarioDiff.runtimeOnly(s, s.withVm(web().withSize(1, 2_048))));
        assertFalse(ScenarioDiff.runtimeOnly(s, s.without("files")));
    }

    @Test
    void aDevicesModeOrWorkloadFollowsByInputsAndBack() throws Exception {
        Scenario io = org.virtlab.scenario.Lessons.load("io-emulation-vs-virtio").scenario();
        IoDeviceSpec vda = io.device("vda").orElseThrow();
        IoMode.Virtio bigger = ((IoMode.Virtio) vda.mode()).withQueueSize(1_024).withRequestsPerKick(4);
        Scenario to = io.withDevices(io.devices().stream().map(d -> d.id().equals("vda") ? d.withMode(bigger) : d)
                .toList());
        assertTrue(ScenarioDiff.runtimeOnly(io, to));
        assertEquals(List.of(new SetIoMode("vda", bigger)), ScenarioDiff.inputs(io, to));
        assertEquals(List.of(new SetIoMode("vda", vda.mode())), ScenarioDiff.inputs(to, io), "undo");

        IoWorkload deeper = new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 8_192, 8);
        Scenario both = to.withDevices(to.devices().stream().map(d -> d.id().equals("hda")
                ? d.withMode(IoMode.Passthrough.DEFAULT).withWorkload(deeper) : d).toList());
        assertEquals(List.of(new SetIoMode("hda", IoMode.Passthrough.DEFAULT), new SetIoWorkload("hda", deeper)),
                ScenarioDiff.inputs(to, both));
    }

    @Test
    void anotherKindOfRequestsOrAnotherDeviceRestarts() throws Exception {
        Scenario io = org.virtlab.scenario.Lessons.load("io-emulation-vs-virtio").scenario();
        // The I/O subsystem refuses a workload of another kind (a disk stays a disk): SetIoWorkload's rule.
        Scenario writes = io.withDevices(io.devices().stream().map(d -> d.id().equals("vda")
                ? d.withWorkload(new IoWorkload.ClosedLoop(IoKind.BLOCK_WRITE, 4_096, 1)) : d).toList());
        assertFalse(ScenarioDiff.runtimeOnly(io, writes));
        assertFalse(ScenarioDiff.runtimeOnly(io, io.withDevices(io.devices().subList(0, 2))));
        Scenario coalesced = io.withDevices(io.devices().stream().map(d -> d.id().equals("vda")
                ? new IoDeviceSpec(d.id(), d.vmId(), d.workload(), d.mode(), new Coalescing(4, 50), d.physical())
                : d).toList());
        assertFalse(ScenarioDiff.runtimeOnly(io, coalesced), "no input changes coalescing");
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> out = new java.util.ArrayList<>(list);
        out.add(element);
        return out;
    }
}
