package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.io.IoScenarios.simulation;
import static org.virtlab.engine.io.IoScenarios.spec;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.virtlab.engine.Input;
import org.virtlab.engine.Simulation;

/** Bad settings are refused with a message naming the field and what is allowed; nothing changes then. */
class IoValidationTest {
    private static final IoWorkload BLOCKS = new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 8);
    private static final IoWorkload PACKETS = new IoWorkload.OpenLoop(IoKind.NET_TX, 1_500, 10_000);

    private static void refused(String message, Executable action) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, action).getMessage());
    }

    @Test
    void aQueueSizeMustBeAPowerOfTwoUpTo32768() {
        // virtio 1.1 §2.6: "Queue Size value is always a power of 2. The maximum Queue Size value is 32768."
        String allowed = "queue size must be a power of 2 from 1 to 32768 (1, 2, 4, …, 16384, 32768), was ";
        refused(allowed + 1000, () -> IoMode.Virtio.DEFAULT.withQueueSize(1_000));
        refused(allowed + 65536, () -> IoMode.Virtio.DEFAULT.withQueueSize(65_536));
        refused(allowed + 0, () -> new SetQueueSize("v", 0));
        refused(allowed + -256, () -> new SetQueueSize("v", -256));
    }

    @Test
    void sizesRatesAndDepthsMustBePositiveAndWithinRange() {
        refused("requestBytes must be between 1 and 1048576, was 0", () -> new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 0, 1));
        refused("requestBytes must be between 1 and 65535, was 70000", () -> new IoWorkload.OpenLoop(IoKind.NET_TX, 70_000, 1));
        refused("requestBytes must be between 1 and 1048576, was -1", () -> new SetRequestBytes("v", -1));
        refused("requestsPerSecond must be between 1 and 10000000, was 0", () -> new IoWorkload.OpenLoop(IoKind.NET_TX, 64, 0));
        refused("requestsPerSecond must be between 1 and 10000000, was -5", () -> new IoWorkload.OpenLoop(IoKind.NET_TX, 64, -5));
        refused("queueDepth must be between 1 and 32768, was 0", () -> new IoWorkload.ClosedLoop(IoKind.BLOCK_WRITE, 512, 0));
        refused("requestLimit must be between 0 and 9223372036854775807, was -1",
                () -> new IoWorkload.ClosedLoop(IoKind.BLOCK_WRITE, 512, 1, -1));
        refused("requestsPerKick must be between 1 and 32768, was 0", () -> new SetRequestsPerKick("v", 0));
        refused("iotlbEntries must be between 1 and 4096, was 0", () -> new IoMode.Passthrough(true, 0, 16));
        refused("accessesPerRequest must be between 1 and 64, was 0", () -> new IoMode.Emulated(EmulatedModel.IDE, 0, 7));
        refused("bytesPerSecond must be between 1 and 1000000000000, was 0", () -> new PhysicalDevice(0, 10));
        refused("maxDelayMicros must be between 1 and 100000 when maxCompletions is above 1, or the last completions "
                + "could wait for ever", () -> new Coalescing(8, 0));
    }

    @Test
    void anUnknownEmulatedModelNamesTheModelsThereAre() {
        refused("unknown emulated device model 'ne2k_pci'; allowed: e1000, ide", () -> EmulatedModel.named("ne2k_pci"));
        refused("unknown emulated device model 'null'; allowed: e1000, ide", () -> EmulatedModel.named(null));
        assertEquals(EmulatedModel.E1000, EmulatedModel.named(" E1000 "));
        assertEquals(EmulatedModel.IDE, EmulatedModel.named("ide"));
    }

    @Test
    void anEmulatedModelServesOnlyItsKindOfRequests() {
        refused("device d: the emulated e1000 is a network card and cannot serve BLOCK_READ requests; models that can: ide",
                () -> new IoDeviceSpec("d", "vm1", BLOCKS, new IoMode.Emulated(EmulatedModel.E1000)));
        refused("device d: the emulated ide is a disk and cannot serve NET_TX requests; models that can: e1000",
                () -> new IoDeviceSpec("d", "vm1", PACKETS, new IoMode.Emulated(EmulatedModel.IDE)));
    }

    @Test
    void aChainMustFitTheQueueUnlessItIsIndirect() {
        // virtio 1.1 §2.6.5.3.1: a driver must not create a chain longer than the queue size
        refused("device d: a BLOCK_READ request is a chain of 3 descriptors, longer than a queue of 2; use a queue of "
                + "at least 4 or indirect descriptors",
                () -> new IoDeviceSpec("d", "vm1", BLOCKS, IoMode.Virtio.DEFAULT.withQueueSize(2)));
        refused("device d: a NET_TX request is a chain of 2 descriptors, longer than a queue of 1; use a queue of "
                + "at least 2 or indirect descriptors",
                () -> new IoDeviceSpec("d", "vm1", PACKETS, IoMode.Virtio.DEFAULT.withQueueSize(1)));
        assertEquals(1, new IoDeviceSpec("d", "vm1", BLOCKS,
                IoMode.Virtio.DEFAULT.withQueueSize(1).withIndirect(true)).mode() instanceof IoMode.Virtio v
                ? v.queueSize() : 0);
    }

    @Test
    void devicesNeedDistinctIds() {
        refused("duplicate I/O device id v", () -> new IoSubsystem(List.of(
                spec("v", BLOCKS, IoMode.Virtio.DEFAULT), spec("v", PACKETS, IoMode.Virtio.DEFAULT))));
    }

    /** Submits {@code input} at 1 ms; the kernel reports the refusal and the devices run on unchanged. */
    private static void refusedAtRunTime(String message, Input input) {
        Simulation sim = simulation(spec("e", PACKETS, new IoMode.Emulated(EmulatedModel.E1000)),
                spec("v", BLOCKS, IoMode.Virtio.DEFAULT));
        Simulation same = simulation(spec("e", PACKETS, new IoMode.Emulated(EmulatedModel.E1000)),
                spec("v", BLOCKS, IoMode.Virtio.DEFAULT));
        sim.runUntil(1_000);
        same.runUntil(1_000);
        sim.submit(input);
        refused(message, sim::step);
        assertTrue(sim.inputLog().isEmpty());
        sim.runUntil(20_000);
        same.runUntil(20_000);
        assertEquals(same.snapshot(), sim.snapshot());
    }

    @Test
    void inputsForAnUnknownDeviceOrTheWrongModeAreRefusedAndChangeNothing() {
        refusedAtRunTime("no I/O device 'x'; devices: e, v", new SetRequestsPerKick("x", 4));
        refusedAtRunTime("device e is emulated: the queue size applies to virtio devices only", new SetQueueSize("e", 64));
        refusedAtRunTime("device e is emulated: notification suppression applies to virtio devices only",
                new SetSuppression("e", Suppression.FLAGS));
        refusedAtRunTime("device e is emulated: requests per kick applies to virtio devices only",
                new SetRequestsPerKick("e", 8));
        refusedAtRunTime("requestBytes must be between 1 and 65535, was 100000", new SetRequestBytes("e", 100_000));
        refusedAtRunTime("device v serves BLOCK_READ requests, not NET_TX: give the VM another device for those",
                new SetIoWorkload("v", PACKETS));
        refusedAtRunTime("device v: the emulated e1000 is a network card and cannot serve BLOCK_READ requests; models "
                + "that can: ide", new SetIoMode("v", new IoMode.Emulated(EmulatedModel.E1000)));
    }

    @Test
    void theVmsOwningAPassthroughDeviceAreKnownForLiveMigration() {
        List<IoDeviceSpec> devices = List.of(
                new IoDeviceSpec("nic", "web", PACKETS, IoMode.Passthrough.DEFAULT),
                new IoDeviceSpec("disk", "db", BLOCKS, IoMode.Virtio.DEFAULT),
                new IoDeviceSpec("nvme", "web", BLOCKS, IoMode.Passthrough.DEFAULT),
                new IoDeviceSpec("hba", "batch", BLOCKS, IoMode.Passthrough.DEFAULT));
        assertEquals(List.of("web", "batch"), IoDeviceSpec.passthroughVmIds(devices));
        IoSubsystem io = new IoSubsystem(devices);
        assertTrue(io.ownsPassthrough("web"));
        assertFalse(io.ownsPassthrough("db"));
        Simulation sim = new Simulation(1, 1_000, List.of(io));
        sim.submit(new SetIoMode("disk", new IoMode.Passthrough(false, 32, 256)));
        sim.submit(new SetIoMode("hba", IoMode.Virtio.DEFAULT));
        sim.step();
        assertTrue(io.ownsPassthrough("db"));
        assertEquals(List.of("web", "db"), IoScenarios.io(sim.snapshot()).passthroughVmIds());
    }
}
