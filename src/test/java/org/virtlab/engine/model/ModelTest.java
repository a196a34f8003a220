package org.virtlab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoWorkload;

class ModelTest {

    private static Scenario scenario(List<HostSpec> hosts, List<VmSpec> vms) {
        return new Scenario(null, null, 1, 1_000, hosts, vms);
    }

    @Test
    void logicalCpusAreSocketsTimesCoresTimesThreads() {
        // the article's host: 24 logical CPUs at 1 GHz = 24 GHz (shared/reference/virtualization.md §1)
        CpuTopology article = new CpuTopology(2, 6, 2, 1_000);
        assertEquals(12, article.cores());
        assertEquals(24, article.logicalCpus());
        assertEquals(24_000, article.logicalCapacityMhz());
    }

    @Test
    void capacityOfTheLargestTopologyDoesNotOverflow() {
        CpuTopology max = new CpuTopology(8, 128, 2, 10_000);
        // 8 × 128 × 2 = 2048 logical CPUs × 10 000 MHz = 20 480 000 MHz
        assertEquals(20_480_000L, max.logicalCapacityMhz());
    }

    @Test
    void scenarioRefusesDuplicateHostIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scenario(List.of(TestScenarios.host(), TestScenarios.host()), List.of()));
        assertEquals("duplicate id esx1", e.getMessage());
    }

    @Test
    void devicesShareTheIdNameSpaceBelongToAKnownVmAndGoWithTheirVm() {
        VmSpec a = TestScenarios.vm("a", 1, new Workload.Idle(1));
        Scenario s = scenario(List.of(TestScenarios.host()), List.of(a));
        IoWorkload reads = new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 1);
        IoDeviceSpec disk = new IoDeviceSpec("disk1", "a", reads, IoMode.Virtio.DEFAULT);
        Scenario withDisk = s.withDevices(List.of(disk));
        assertEquals(List.of(disk), withDisk.devicesOf("a"));
        assertEquals(true, withDisk.hasId("disk1"));
        assertEquals("disk2", withDisk.freeId("disk"));
        assertEquals(List.of(disk), withDisk.withSeed(9).withTitle(LocalizedText.EMPTY).devices());
        assertEquals(List.of(), withDisk.without("a").devices());
        assertEquals(List.of(), withDisk.without("disk1").devices());
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> s.withDevices(List.of(new IoDeviceSpec("a", "a", reads, IoMode.Virtio.DEFAULT))));
        assertEquals("duplicate id a", clash.getMessage());
        IllegalArgumentException orphan = assertThrows(IllegalArgumentException.class,
                () -> s.withDevices(List.of(new IoDeviceSpec("disk1", "ghost", reads, IoMode.Virtio.DEFAULT))));
        assertEquals("I/O device disk1 belongs to unknown VM ghost", orphan.getMessage());
    }

    @Test
    void scenarioRefusesDuplicateVmIdsAndAVmNamedLikeAHost() {
        VmSpec a = TestScenarios.vm("a", 1, new Workload.Idle(1));
        assertThrows(IllegalArgumentException.class, () -> scenario(List.of(TestScenarios.host()), List.of(a, a)));
        VmSpec clash = TestScenarios.vm(TestScenarios.HOST, 1, new Workload.Idle(1));
        assertThrows(IllegalArgumentException.class, () -> scenario(List.of(TestScenarios.host()), List.of(clash)));
    }

    @Test
    void scenarioRefusesAVmOnAnUnknownHost() {
        VmSpec lost = new VmSpec("lost", null, "nowhere", 1, 512, new Workload.Idle(1), 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scenario(List.of(TestScenarios.host()), List.of(lost)));
        assertEquals("VM lost is on unknown host nowhere", e.getMessage());
    }

    @Test
    void scenarioRefusesATickOutsideItsRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Scenario(null, null, 1, 5, List.of(), List.of()));
        assertEquals("tickMicros must be between 10 and 100000, was 5", e.getMessage());
    }

    @Test
    void rangeMessagesNameTheFieldAndTheRange() {
        IllegalArgumentException ints = assertThrows(IllegalArgumentException.class,
                () -> new CpuTopology(9, 6, 2, 2_000));
        assertEquals("sockets must be between 1 and 8, was 9", ints.getMessage());
        IllegalArgumentException vcpus = assertThrows(IllegalArgumentException.class,
                () -> TestScenarios.vm("big", 65, new Workload.Idle(1)));
        assertEquals("vcpus must be between 1 and 64, was 65", vcpus.getMessage());
        IllegalArgumentException doubles = assertThrows(IllegalArgumentException.class,
                () -> Ranges.check("percent", Double.NaN, 0, 100));
        assertEquals("percent must be between 0.0 and 100.0, was NaN", doubles.getMessage());
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> Ranges.id("id", "bad id"));
        assertEquals("id must be 1–64 letters, digits, '.', '_' or '-', was bad id", id.getMessage());
    }

    @Test
    void blankNamesFallBackToTheId() {
        assertEquals("esx9", new HostSpec("esx9", " ", new CpuTopology(1, 1, 1, 1_000), 1_024, 0, 0).name());
        assertEquals("vm9", new VmSpec("vm9", null, "esx9", 1, 512, new Workload.Idle(1), 0, 0).name());
    }

    @Test
    void withVmReplacesTheVmWithTheSameIdInPlace() {
        Scenario s = TestScenarios.mixed();
        Scenario changed = s.withVm(s.vm("db").orElseThrow().withWorkload(new Workload.Constant(10)));
        assertEquals(new Workload.Constant(10), changed.vm("db").orElseThrow().workload());
        assertEquals(s.vms().stream().map(VmSpec::id).toList(), changed.vms().stream().map(VmSpec::id).toList());
        assertEquals(5, changed.vmsOn(TestScenarios.HOST).size());
    }

    @Test
    void localizedTextFallsBackToTheOtherLanguage() {
        assertEquals("主机", LocalizedText.of("", "主机").in(Locale.ENGLISH));
        assertEquals("host", LocalizedText.of("host", "").in(Locale.SIMPLIFIED_CHINESE));
        assertEquals("主机", LocalizedText.of("host", "主机").in(Locale.SIMPLIFIED_CHINESE));
    }
}
