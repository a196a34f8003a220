package org.virtlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.virtlab.engine.net.Rewire;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.cpu.SetWorkload;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.io.Coalescing;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.io.SetIoMode;
import org.virtlab.engine.io.SetIoWorkload;
import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.MemoryActivity;
import org.virtlab.engine.memory.host.MemoryQos;
import org.virtlab.engine.memory.host.MemorySnapshot;
import org.virtlab.engine.memory.host.SetHostMemoryPolicy;
import org.virtlab.engine.memory.host.SetMemoryActivity;
import org.virtlab.engine.memory.host.SetMemoryQos;
import org.virtlab.engine.memory.host.SharingMode;
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
import org.virtlab.scenario.Lessons;

/**
 * Which edits a running simulation follows by inputs, and which inputs. The topology's networks, switches and
 * wires reach the network subsystem as one Rewire; names, the lesson's steps, duration, view and positions need no
 * input. Dirty rates and migration settings restart it. Memory QoS,
 * memory activity and host memory policies follow by inputs, but for an OS image or maxPageSharing.
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

    /** An edit of the network the running simulation follows: one input telling the network subsystem. */
    private void assertRewired(UnaryOperator<Scenario> edit) {
        Scenario to = edit.apply(s);
        assertTrue(ScenarioDiff.runtimeOnly(s, to));
        // NetSubsystem carries what the network learned over to the new wiring (NetState.carriedTo)
        assertEquals(List.of(new Rewire(to)), ScenarioDiff.inputs(s, to));
        assertEquals(List.of(new Rewire(s)), ScenarioDiff.inputs(to, s), "and back (undo)");
    }

    private VmSpec web() {
        return s.vm("web").orElseThrow();
    }

    @Test
    void networksAreRewiredAndTheirPlacesNeedNoInput() {
        assertRewired(x -> x.without("default").without("iso").without("routed").without("lan"));
        assertNoInputNeeded(x -> x.withNetwork(x.network("iso").orElseThrow().at(5, 5)));
        assertRewired(x -> x.withNetwork(x.network("routed").orElseThrow().withMode(NetworkMode.NAT,
                "172.16.0.0/16")));
        assertRewired(x -> x.withNetworks(append(x.networks(),
                new NetworkSpec("new", null, "h2", NetworkMode.ISOLATED, "10.1.0.0/24", null, 0, 0))));
    }

    @Test
    void switchesAndPortGroupsAreRewiredAndTheirPlacesNeedNoInput() {
        SwitchSpec dvs = s.switches().get(0);
        assertNoInputNeeded(x -> x.withSwitch(dvs.at(1, 1)));
        assertRewired(x -> x.withSwitch(dvs.withPortGroups(append(dvs.portGroups(),
                new PortGroupSpec("pg-app", "App", 30)))));
        assertRewired(x -> x.without("dvs"));
    }

    @Test
    void wiresAreRewired() {
        assertRewired(x -> x.withVm(web().withNic(2, NicSpec.toNetwork("iso"))));
        assertRewired(x -> x.withVm(web().withNic(3, NicSpec.UNWIRED)));
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
    void aVmsMemoryQosFollowsByItsInputAndUndoReplaysTheOld() {
        MemoryQos high = new MemoryQos(Shares.HIGH, 1_536, 512);
        Scenario to = s.withVm(web().withMemoryQos(high));
        assertTrue(ScenarioDiff.runtimeOnly(s, to));
        assertEquals(List.of(new SetMemoryQos("web", high)), ScenarioDiff.inputs(s, to));
        // web has no memoryQos in TestScenarios.networked(): VmSpec gives it MemoryQos.DEFAULT
        assertEquals(List.of(new SetMemoryQos("web", MemoryQos.DEFAULT)), ScenarioDiff.inputs(to, s), "undo");
    }

    @Test
    void aVmsMemoryActivityFollowsByItsInputAndUndoReplaysTheOld() {
        MemoryActivity busy = MemoryActivity.unique(1_024).withWriteMibPerSecond(64).withContent(10, 30, "default")
                .withActivePercent(40);
        Scenario to = s.withVm(web().withMemoryActivity(busy));
        assertTrue(ScenarioDiff.runtimeOnly(s, to));
        assertEquals(List.of(new SetMemoryActivity("web", busy)), ScenarioDiff.inputs(s, to));
        assertEquals(List.of(new SetMemoryActivity("web", MemoryActivity.DEFAULT)), ScenarioDiff.inputs(to, s), "undo");
    }

    @Test
    void aHostsMemoryPolicyFollowsByItsInputAndUndoReplaysTheOld() {
        HostSpec h1 = s.host("h1").orElseThrow();
        HostMemoryPolicy policy = HostMemoryPolicy.DEFAULT.withThresholds(10, 8, 5, 3)
                .withSharing(SharingMode.UNDER_PRESSURE, 400, 10).withIdleTaxPercent(0);
        Scenario to = s.withHost(h1.withMemoryPolicy(policy));
        assertTrue(ScenarioDiff.runtimeOnly(s, to));
        assertEquals(List.of(new SetHostMemoryPolicy("h1", policy)), ScenarioDiff.inputs(s, to));
        assertEquals(List.of(new SetHostMemoryPolicy("h1", HostMemoryPolicy.DEFAULT)), ScenarioDiff.inputs(to, s),
                "undo");
    }

    @Test
    void memoryEditsWithOthersAreOneInputEachHostsFirst() {
        MemoryQos reserved = new MemoryQos(Shares.NORMAL, MemoryQos.NO_LIMIT, 256);
        HostMemoryPolicy taxFree = HostMemoryPolicy.DEFAULT.withIdleTaxPercent(0);
        Scenario to = s.withHost(s.host("h2").orElseThrow().withMemoryPolicy(taxFree))
                .withVm(web().withName("Front end").withWorkload(new Workload.Constant(90)).withMemoryQos(reserved)
                        .withMemoryActivity(MemoryActivity.unique(512)));
        // the order inputs() documents: hosts, then per VM its CPU QoS, workload, memory QoS, memory activity
        assertEquals(List.of(new SetHostMemoryPolicy("h2", taxFree), new SetWorkload("web", new Workload.Constant(90)),
                new SetMemoryQos("web", reserved), new SetMemoryActivity("web", MemoryActivity.unique(512))),
                ScenarioDiff.inputs(s, to));
    }

    @Test
    void anotherOsImageOrMaxPageSharingRestarts() {
        // MemorySubsystem refuses SetMemoryActivity with another image ("a running VM's image cannot become");
        // HostFrames.setPolicy refuses another maxPageSharing ("fixed while the simulation runs")
        assertFalse(ScenarioDiff.runtimeOnly(s, s.withVm(web().withMemoryActivity(
                MemoryActivity.unique(512).withContent(0, 50, "ubuntu-22.04")))));
        HostMemoryPolicy p = HostMemoryPolicy.DEFAULT;
        HostMemoryPolicy moreSharing = new HostMemoryPolicy(p.highPercent(), p.softPercent(), p.hardPercent(),
                p.lowPercent(), p.sharing(), p.pagesToScan(), p.sleepMillis(), 512, p.balloonMibPerSecond(),
                p.balloonMaxPercent(), p.swapOutMibPerSecond(), p.swapInMicros(), p.idleTaxPercent());
        assertFalse(ScenarioDiff.runtimeOnly(s, s.withHost(s.host("h1").orElseThrow().withMemoryPolicy(moreSharing))));
    }

    @Test
    void theRunningEngineTakesTheMemoryInputsAndRefusesWhatRestarts() throws Exception {
        Scenario qos = Lessons.load("mem-qos").scenario();
        Simulation sim = Simulations.of(qos);
        sim.runUntil(Scenario.MICROS_PER_SECOND);
        VmSpec vm3b = qos.vm("vm3b").orElseThrow();
        Scenario unlimited = qos.withVm(vm3b.withMemoryQos(new MemoryQos(vm3b.memoryQos().shares(), MemoryQos.NO_LIMIT,
                0))).withHost(qos.host("host2").orElseThrow().withMemoryPolicy(HostMemoryPolicy.DEFAULT
                .withIdleTaxPercent(50)));
        ScenarioDiff.inputs(qos, unlimited).forEach(sim::submit);
        sim.runUntil(sim.nowMicros() + qos.tickMicros());
        MemorySnapshot m = sim.snapshot().find(MemorySnapshot.class).orElseThrow();
        // virtualization.md §2, the article: without the limit, shares 1:2:3 of 24 GiB → 4 / 8 / 12 GiB
        assertEquals(4_096, m.vm("vm1b").grantedMib(), 1e-6);
        assertEquals(12_288, m.vm("vm3b").grantedMib(), 1e-6);

        ScenarioDiff.inputs(unlimited, qos).forEach(sim::submit); // undo
        sim.runUntil(sim.nowMicros() + qos.tickMicros());
        m = sim.snapshot().find(MemorySnapshot.class).orElseThrow();
        // the lesson's limit again: VM 3 capped at 8 GiB, the other 16 GiB split 1:2 (MemoryLessonsTest)
        assertEquals(8_192, m.vm("vm3b").grantedMib(), 1e-6);
        assertEquals(16_384 / 3.0, m.vm("vm1b").grantedMib(), 1e-6);

        VmSpec vm1 = qos.vm("vm1").orElseThrow();
        sim.submit(new SetMemoryActivity("vm1", vm1.memoryActivity().withContent(0, 0, "other-image")));
        assertThrows(IllegalArgumentException.class, () -> sim.runUntil(sim.nowMicros() + qos.tickMicros()),
                "which is why ScenarioDiff restarts for a new image");
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
    void aWorkloadChangedWithAWireIsTwoInputs() {
        Scenario to = s.withVm(web().withWorkload(new Workload.Constant(90)).withNic(2, NicSpec.toNetwork("iso")));
        assertEquals(List.of(new SetWorkload("web", new Workload.Constant(90)), new Rewire(to)),
                ScenarioDiff.inputs(s, to));
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
