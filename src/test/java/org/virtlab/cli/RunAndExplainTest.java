package org.virtlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.memory.host.MemoryActivity;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.scenario.ScenarioWriter;

/** {@code virtlab run} writes the article's numbers to summary.json; {@code explain cpu} prints the derivation. */
class RunAndExplainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Locale locale, String... args) {
        return new VirtLabCommand().commandLine(locale, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    private JsonNode vm(JsonNode summary, String id) {
        for (JsonNode vm : summary.get("vms")) {
            if (vm.get("id").asText().equals(id)) {
                return vm;
            }
        }
        throw new AssertionError("no VM " + id);
    }

    @Test
    void runWritesTheReservationExampleToSummaryJson() throws Exception {
        assertEquals(0, run(Locale.ENGLISH, "run", "scenarios/cpu-reservation.json", "--seconds", "2",
                "--out", dir.toString()), err.toString());
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(2.0, s.get("simulatedSeconds").asDouble());
        assertTrue(s.has("seed"));
        // virtualization.md §1, the article's example 2: VM1 reserves 8 GHz → 8 / 6.4 / 9.6 GHz
        assertEquals(8.0, vm(s, "vm1").get("cpu").get("avgGhz").asDouble(), 0.01);
        assertEquals(6.4, vm(s, "vm2").get("cpu").get("avgGhz").asDouble(), 0.01);
        assertEquals(9.6, vm(s, "vm3").get("cpu").get("avgGhz").asDouble(), 0.01);
        assertEquals(8.0, vm(s, "vm1").get("cpu").get("entitlementGhz").asDouble(), 0.01);
        // 24 busy vCPUs, 8 GHz of 24 GHz wanted: 16 vCPUs wait → readyPct 1600 (VMware sums over vCPUs),
        // stealPct 1600 / 24 = 66.67 (the guest averages over its vCPUs)
        assertEquals(1600, vm(s, "vm1").get("cpu").get("readyPct").asDouble(), 0.01);
        assertEquals(66.67, vm(s, "vm1").get("cpu").get("stealPct").asDouble(), 0.01);
        JsonNode host = s.get("hosts").get(0);
        assertEquals("host1", host.get("id").asText());
        assertEquals(24.0, host.get("cpu").get("capacityGhz").asDouble(), 0.01);
        assertEquals(24.0, host.get("cpu").get("usedGhz").asDouble(), 0.01);
        assertEquals("host1", vm(s, "vm1").get("host").asText());
    }

    @Test
    void runWritesTheArticlesOvercommitExampleToSummaryJson() throws Exception {
        // virtualization.md §2: three 2 GB VMs each having written 1 GB on a 4 GB host; the host spends 3 GB
        List<HostSpec> hosts = List.of(new HostSpec("host1", "Host 1", new CpuTopology(1, 4, 1, 2_000), 4096, 0, 0));
        List<VmSpec> vms = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            vms.add(new VmSpec("vm" + i, "VM " + i, "host1", 1, 2048, new Workload.Constant(10), 0, 0)
                    .withMemoryActivity(MemoryActivity.unique(1024)));
        }
        Path file = dir.resolve("overcommit.json");
        ScenarioWriter.write(new Scenario(LocalizedText.EMPTY, LocalizedText.EMPTY, 1, 1_000, hosts, vms), file);
        assertEquals(0, run(Locale.ENGLISH, "run", file.toString(), "--seconds", "2", "--out", dir.toString()),
                err.toString());
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        JsonNode memory = vm(s, "vm1").get("memory");
        assertEquals(2048, memory.get("configuredMib").asDouble());
        assertEquals(1024, memory.get("consumedMib").asDouble());
        assertEquals(1024, memory.get("grantedMib").asDouble()); // it wants 1 GiB, and 3 GiB fit in 4
        assertEquals(0, memory.get("sharedMib").asDouble());
        assertEquals(0, memory.get("balloonedMib").asDouble());
        assertEquals(0, memory.get("swappedMib").asDouble());
        JsonNode host = s.get("hosts").get(0).get("memory");
        assertEquals(4096, host.get("capacityMib").asDouble());
        assertEquals(3072.003906, host.get("usedMib").asDouble()); // 3 GiB and the 4 KiB zero frame
        assertEquals(0, host.get("savedBySharingMib").asDouble());
    }

    @Test
    void theSameScenarioAndSeedGiveTheSameBytes() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, run(Locale.ENGLISH, "run", "scenarios/default.json", "--seconds", "3", "--out", a.toString()));
        assertEquals(0, run(Locale.ENGLISH, "run", "scenarios/default.json", "--seconds", "3", "--out", b.toString()));
        assertArrayEquals(Files.readAllBytes(a.resolve("summary.json")), Files.readAllBytes(b.resolve("summary.json")));
    }

    private static final String WITH_DEVICES = """
            {"format": "virtlab.scenario", "version": 1, "seed": 5,
             "hosts": [{"id": "h", "cpu": {"sockets": 1, "coresPerSocket": 4, "threadsPerCore": 1,
                        "mhzPerCore": 3000}, "memoryMib": 8192}],
             "vms": [{"id": "v", "host": "h", "vcpus": 1, "memoryMib": 512,
                      "workload": {"kind": "idle", "percent": 1}},
                     {"id": "quiet", "host": "h", "vcpus": 1, "memoryMib": 512,
                      "workload": {"kind": "idle", "percent": 1}}],
             "devices": [
               {"id": "hda", "vm": "v", "mode": {"kind": "emulated", "model": "ide"},
                "workload": {"kind": "closedLoop", "requests": "blockRead", "requestBytes": 4096, "queueDepth": 1}},
               {"id": "vdb", "vm": "v", "mode": {"kind": "virtio"},
                "workload": {"kind": "openLoop", "requests": "blockWrite", "requestBytes": 4096,
                             "requestsPerSecond": 5000}}]}
            """;

    @Test
    void runReportsEachDeviceOfEachVmAndTheSameSeedGivesTheSameBytes() throws Exception {
        Path file = dir.resolve("io.json");
        Files.writeString(file, WITH_DEVICES);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, run(Locale.ENGLISH, "run", file.toString(), "--seconds", "1", "--out", a.toString()));
        assertEquals(0, run(Locale.ENGLISH, "run", file.toString(), "--seconds", "1", "--out", b.toString()));
        assertArrayEquals(Files.readAllBytes(a.resolve("summary.json")), Files.readAllBytes(b.resolve("summary.json")));
        JsonNode s = new ObjectMapper().readTree(a.resolve("summary.json").toFile());
        JsonNode io = vm(s, "v").get("io");
        assertEquals(2, io.size());
        assertEquals("hda", io.get(0).get("id").asText());
        assertEquals("emulated", io.get(0).get("device").asText());
        assertEquals("virtio", io.get(1).get("device").asText());
        for (JsonNode d : io) {
            for (String field : List.of("requests", "vmExits", "dataPathExits", "kicks", "interrupts", "iops",
                    "meanLatencyUs", "p99LatencyUs")) {
                assertTrue(d.has(field), field);
            }
            assertTrue(d.get("requests").asLong() > 0);
            assertTrue(d.get("iops").asDouble() > 0);
        }
        // an emulated IDE request is 13 register accesses, each an exit (EmulatedModel.IDE), and no kick
        assertTrue(io.get(0).get("vmExits").asLong() >= 13 * io.get(0).get("requests").asLong());
        assertEquals(0, io.get(0).get("kicks").asLong());
        assertFalse(vm(s, "quiet").has("io"));
    }

    @Test
    void withoutSecondsARunLastsTheScenariosDuration() throws Exception {
        Path file = dir.resolve("short.json");
        Files.writeString(file, Files.readString(Path.of("scenarios/default.json"))
                .replace("\"durationSeconds\": 60,", "\"durationSeconds\": 2,"));
        assertEquals(0, run(Locale.ENGLISH, "run", file.toString(), "--out", dir.toString()), err.toString());
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(2.0, s.get("simulatedSeconds").asDouble()); // the file's durationSeconds
        assertTrue(out.toString().contains("Simulated 2.000 s"), out.toString());
    }

    @Test
    void aBadDurationIsRefusedInOneLine() {
        assertEquals(2, run(Locale.ENGLISH, "run", "scenarios/default.json", "--seconds", "-1", "--out", dir.toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void explainPrintsTheArticlesDerivation() {
        assertEquals(0, run(Locale.ENGLISH, "explain", "cpu", "scenarios/cpu-reservation.json", "--at", "1"));
        String text = out.toString();
        // virtualization.md §1: "by shares VM1 would get 4, so 4 GHz more is taken from VM2 and VM3 in
        // proportion to their shares 2:3 → VM2 gives 2/5 × 4 = 1.6, VM3 gives 3/5 × 4 = 2.4"
        assertTrue(text.contains("VM1 reserves 8.00 GHz; by shares alone it would get 4.00 GHz"), text);
        assertTrue(text.contains("VM2 gives 2/5 × 4.00 GHz = 1.60 GHz"), text);
        assertTrue(text.contains("VM3 gives 3/5 × 4.00 GHz = 2.40 GHz"), text);
    }

    @Test
    void explainSpeaksChinese() {
        assertEquals(0, run(Locale.SIMPLIFIED_CHINESE, "explain", "cpu", "scenarios/cpu-reservation.json"));
        assertTrue(out.toString().contains("VM2 让出 2/5 × 4.00 GHz = 1.60 GHz"), out.toString());
    }

    @Test
    void explainKnowsOnlyCpuForNow() {
        assertEquals(2, run(Locale.ENGLISH, "explain", "memory", "scenarios/default.json"));
        assertTrue(err.toString().contains("cpu"), err.toString());
    }

    @Test
    void explainSaysWhenOnlyPinnedCpusAreContended() {
        assertEquals(0, run(Locale.ENGLISH, "explain", "cpu", "scenarios/cpu-pinning.json"));
        // scenarios/cpu-pinning.json: three 1-vCPU VMs want 3 GHz of a 4 GHz host, two of them pinned to CPU 0
        assertTrue(out.toString().contains("could use 3.00 GHz of 4.00 GHz, so the host has room"), out.toString());
        assertTrue(!out.toString().contains("but only 4.00 GHz is there"), out.toString());
    }
}
