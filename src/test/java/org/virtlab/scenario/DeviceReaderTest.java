package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertProblem("/devices/1/mode/queueSize", "must be 1–32768 descriptors, was 65536",
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
}
