package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.scenario.ScenarioFixtures.english;
import static org.virtlab.scenario.ScenarioFixtures.problemsOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.TestScenarios;
import org.virtlab.engine.io.Coalescing;
import org.virtlab.engine.io.EmulatedModel;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.io.PhysicalDevice;
import org.virtlab.engine.io.Suppression;
import org.virtlab.engine.io.VirtioBackend;
import org.virtlab.engine.model.Scenario;

/**
 * I/O devices in scenario files: saved and read back unchanged; each mistake reported at its JSON pointer with
 * what is allowed. The document is {@link TestScenarios#networked} (VMs web, db, files) with three devices.
 */
class DeviceReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Scenario withDevices() {
        return TestScenarios.networked().withDevices(List.of(
                new IoDeviceSpec("hda", "web", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 1, 1_000),
                        new IoMode.Emulated(EmulatedModel.IDE)),
                new IoDeviceSpec("vda", "db", new IoWorkload.OpenLoop(IoKind.BLOCK_WRITE, 65_536, 2_000),
                        new IoMode.Virtio(1_024, 4, Suppression.FLAGS, true, VirtioBackend.QEMU, 32, 10),
                        new Coalescing(8, 50), new PhysicalDevice(1_000_000_000L, 100_000)),
                new IoDeviceSpec("vf0", "files", new IoWorkload.ClosedLoop(IoKind.NET_TX, 1_500, 32),
                        new IoMode.Passthrough(false, 128, 512))));
    }

    private static List<Problem> problemsAfter(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(ScenarioWriter.toJson(withDevices()));
            change.accept(root);
            return problemsOf(MAPPER.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    private static void assertProblem(String pointer, String message, Consumer<ObjectNode> change) {
        List<Problem> problems = problemsAfter(change);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        assertEquals(pointer, problems.get(0).pointer());
        assertEquals(message, english(problems.get(0)));
    }

    @Test
    void devicesSurviveSavingAndReading() throws ScenarioException {
        Scenario s = withDevices();
        String saved = ScenarioWriter.toJson(s);
        Scenario read = ScenarioReader.read(saved, "t.json");
        assertEquals(s, read);
        assertEquals(saved, ScenarioWriter.toJson(read));
    }

    @Test
    void absentSettingsTakeTheirDefaults() throws ScenarioException {
        String json = """
                {"format": "virtlab.scenario", "version": 1,
                 "hosts": [{"id": "h", "cpu": {"sockets": 1, "coresPerSocket": 2, "threadsPerCore": 1,
                            "mhzPerCore": 2000}, "memoryMib": 4096}],
                 "vms": [{"id": "v", "host": "h", "vcpus": 1, "memoryMib": 512,
                          "workload": {"kind": "idle", "percent": 1}}],
                 "devices": [{"id": "d", "vm": "v",
                              "workload": {"kind": "closedLoop", "requests": "blockRead", "requestBytes": 4096,
                                           "queueDepth": 2},
                              "mode": {"kind": "virtio"}}]}
                """;
        IoDeviceSpec d = ScenarioReader.read(json, "t.json").device("d").orElseThrow();
        assertEquals(new IoDeviceSpec("d", "v", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 4_096, 2),
                IoMode.Virtio.DEFAULT), d);
    }

    @Test
    void mistakesAreReportedWhereTheyAreWithWhatIsAllowed() {
        assertProblem("/devices/0/vm", "unknown VM \"ghost\"; VMs are: web, db, files",
                root -> at(root, "/devices/0").put("vm", "ghost"));
        assertProblem("/devices/1/id", "duplicate id \"web\" (also at /vms/0/id)",
                root -> at(root, "/devices/1").put("id", "web"));
        assertProblem("/devices/0/mode/model", "unknown model \"scsi\"; allowed: e1000, ide",
                root -> at(root, "/devices/0/mode").put("model", "scsi"));
        assertProblem("/devices/1/mode/queueSize", "must be a power of 2 from 1 to 32768 (1, 2, 4, … 256 …), was 1000",
                root -> at(root, "/devices/1/mode").put("queueSize", 1_000));
        assertProblem("/devices/1/mode/queueSize",
                "must be a power of 2 from 1 to 32768 (1, 2, 4, … 256 …), was 65536",
                root -> at(root, "/devices/1/mode").put("queueSize", 65_536));
        assertProblem("/devices/1/mode/suppression", "unknown suppression \"always\"; allowed: none, flags, eventIdx",
                root -> at(root, "/devices/1/mode").put("suppression", "always"));
        assertProblem("/devices/2/mode/kind", "unknown kind \"sriov\"; allowed: emulated, virtio, passthrough",
                root -> at(root, "/devices/2/mode").put("kind", "sriov"));
        assertProblem("/devices/2/workload/requests",
                "unknown requests \"netRx\"; allowed: blockRead, blockWrite, netTx",
                root -> at(root, "/devices/2/workload").put("requests", "netRx"));
        assertProblem("/devices/2/mode/queueSize",
                "unknown field \"queueSize\"; allowed: kind, postedInterrupts, iotlbEntries, queueEntries",
                root -> at(root, "/devices/2/mode").put("queueSize", 8));
    }

    @Test
    void badQueueSizesSizesRatesAndModelsAreToldWhatIsAllowed() {
        // issue #6, "Bad input": a queue size not a power of 2 or above 32768 (virtio 1.1 §2.6: "Queue Size value is
        // always a power of 2. The maximum Queue Size value is 32768"), zero or negative sizes or rates, an unknown
        // device model: each a clear error naming the allowed values
        for (long size : new long[] {0, -4, 3, 100, 32_769, 65_536, 4_294_967_296L}) {
            assertProblem("/devices/1/mode/queueSize",
                    "must be a power of 2 from 1 to 32768 (1, 2, 4, … 256 …), was " + size,
                    root -> at(root, "/devices/1/mode").put("queueSize", size));
        }
        assertProblem("/devices/1/mode/queueSize",
                "must be a whole number of descriptors from 1 to 32768, was 2.5",
                root -> at(root, "/devices/1/mode").put("queueSize", 2.5));
        assertProblem("/devices/1/mode/requestsPerKick", "must be 1–32768 requests, was 0",
                root -> at(root, "/devices/1/mode").put("requestsPerKick", 0));
        // sizes: a block 1 B to 1 MiB, a packet 1 to 65535 B (IoWorkload)
        for (int bytes : new int[] {0, -4_096, 1_048_577}) {
            assertProblem("/devices/1/workload/requestBytes", "must be 1–1048576 bytes, was " + bytes,
                    root -> at(root, "/devices/1/workload").put("requestBytes", bytes));
        }
        assertProblem("/devices/2/workload/requestBytes", "must be 1–65535 bytes, was 65536",
                root -> at(root, "/devices/2/workload").put("requestBytes", 65_536));
        // rates and depths
        for (int rate : new int[] {0, -5}) {
            assertProblem("/devices/1/workload/requestsPerSecond", "must be 1–10000000 requests/s, was " + rate,
                    root -> at(root, "/devices/1/workload").put("requestsPerSecond", rate));
        }
        assertProblem("/devices/0/workload/queueDepth", "must be 1–32768 requests, was 0",
                root -> at(root, "/devices/0/workload").put("queueDepth", 0));
        assertProblem("/devices/0/workload/requestLimit", "must be 0–9223372036854775807 requests, was -1",
                root -> at(root, "/devices/0/workload").put("requestLimit", -1));
        assertProblem("/devices/1/physical/bytesPerSecond", "must be 1–1000000000000 bytes/s, was 0",
                root -> at(root, "/devices/1/physical").put("bytesPerSecond", 0));
        assertProblem("/devices/1/physical/latencyNanos", "must be 0–1000000000 ns, was -1",
                root -> at(root, "/devices/1/physical").put("latencyNanos", -1));
        assertProblem("/devices/1/coalescing/maxCompletions", "must be 1–1024 completions, was 0",
                root -> at(root, "/devices/1/coalescing").put("maxCompletions", 0));
        assertProblem("/devices/2/mode/iotlbEntries", "must be 1–4096 entries, was 0",
                root -> at(root, "/devices/2/mode").put("iotlbEntries", 0));
        assertProblem("/devices/2/mode/queueEntries", "must be 1–65536 entries, was -1",
                root -> at(root, "/devices/2/mode").put("queueEntries", -1));
        assertProblem("/devices/0/mode/accessesPerRequest", "must be 1–64 accesses, was 0",
                root -> at(root, "/devices/0/mode").put("accessesPerRequest", 0));
        // models: an unknown one, and a known one that cannot serve the requests
        assertProblem("/devices/0/mode/model", "unknown model \"virtio-blk\"; allowed: e1000, ide",
                root -> at(root, "/devices/0/mode").put("model", "virtio-blk"));
        List<Problem> wrongModel = problemsAfter(root -> at(root, "/devices/0/mode").put("model", "e1000"));
        assertEquals(1, wrongModel.size(), wrongModel::toString);
        assertEquals("/devices/0", wrongModel.get(0).pointer());
        assertTrue(english(wrongModel.get(0)).endsWith("the emulated e1000 is a network card and cannot serve "
                + "BLOCK_READ requests; models that can: ide"), english(wrongModel.get(0)));
    }
}
