package org.virtlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scenarios/README.md's "summary.json" section is true: its example scenario, run for 2 s, gives exactly the fields of
 * its example output, every one of them is in the section's tables, and the fields the CPU, memory and I/O issues
 * name are there.
 */
class SummarySchemaDocTest {
    @TempDir
    Path dir;

    private static String section() throws Exception {
        String readme = Files.readString(Path.of("scenarios/README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## summary.json\n");
        assertTrue(start >= 0, "scenarios/README.md has a section \"summary.json\"");
        int end = readme.indexOf("\n## ", start + 1);
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    private static List<String> jsonBlocks(String text) {
        List<String> blocks = new ArrayList<>();
        for (int at = text.indexOf("```json\n"); at >= 0; at = text.indexOf("```json\n", at + 1)) {
            int from = at + "```json\n".length();
            blocks.add(text.substring(from, text.indexOf("\n```", from)));
        }
        return blocks;
    }

    /** Every field's path, arrays as {@code []}: {@code vms[].io[].kicks}. */
    private static TreeSet<String> paths(JsonNode node, String prefix, TreeSet<String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                into.add(path);
                paths(e.getValue(), path, into);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                paths(element, prefix + "[]", into);
            }
        }
        return into;
    }

    private JsonNode runTheDocumentedScenario(String scenario) throws Exception {
        Path file = Files.writeString(dir.resolve("example.json"), scenario);
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int exit = new VirtLabCommand().commandLine(Locale.ENGLISH, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)).execute("run", file.toString(), "--seconds", "2", "--formats", "csv",
                "--out", out.toString());
        assertEquals(0, exit, err.toString());
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void theExampleHasExactlyTheFieldsOfARealRunAndTheTablesNameThemAll() throws Exception {
        String section = section();
        List<String> blocks = jsonBlocks(section);
        assertEquals(2, blocks.size(), "the example scenario, then its summary.json");
        JsonNode example = new ObjectMapper().readTree(blocks.get(1));
        JsonNode real = runTheDocumentedScenario(blocks.get(0));
        TreeSet<String> documented = paths(example, "", new TreeSet<>());
        assertEquals(paths(real, "", new TreeSet<>()), documented);
        for (String path : documented) {
            if (documented.stream().anyMatch(p -> p.startsWith(path + "."))) {
                continue; // an object such as cpu: its fields have the rows
            }
            String inTable = path.replaceFirst("^(hosts|vms)\\[\\]\\.", "");
            assertTrue(section.contains("| `" + inTable + "` |"), "no table row for " + path + " (`" + inTable + "`)");
        }
        // the example is what the scenario gives: the same values too, today
        assertEquals(example.get("seed"), real.get("seed"));
        assertEquals(example.get("simulatedSeconds"), real.get("simulatedSeconds"));
    }

    @Test
    void theFieldsTheIssuesNameAreThere() throws Exception {
        JsonNode real = runTheDocumentedScenario(jsonBlocks(section()).get(0));
        TreeSet<String> fields = paths(real, "", new TreeSet<>());
        // issue 3 (CPU), "Command line": top level seed, simulatedSeconds; per VM id, host, cpu.avgGhz,
        // cpu.entitlementGhz, cpu.readyPct, cpu.stealPct; per host id, cpu.capacityGhz, cpu.usedGhz
        // issue 5 (memory), "Command line": per VM memory.configuredMib … memory.grantedMib; per host
        // memory.capacityMib, memory.usedMib, memory.savedBySharingMib
        // issue 6 (I/O), "Command line": per VM, for each device, io.device, io.requests, io.vmExits, io.kicks,
        // io.interrupts, io.iops, io.meanLatencyUs, io.p99LatencyUs
        List<String> named = List.of("seed", "simulatedSeconds", "vms[].id", "vms[].host", "vms[].cpu.avgGhz",
                "vms[].cpu.entitlementGhz", "vms[].cpu.readyPct", "vms[].cpu.stealPct", "hosts[].id",
                "hosts[].cpu.capacityGhz", "hosts[].cpu.usedGhz", "vms[].memory.configuredMib",
                "vms[].memory.consumedMib", "vms[].memory.sharedMib", "vms[].memory.balloonedMib",
                "vms[].memory.swappedMib", "vms[].memory.grantedMib", "hosts[].memory.capacityMib",
                "hosts[].memory.usedMib", "hosts[].memory.savedBySharingMib", "vms[].io[].device",
                "vms[].io[].requests", "vms[].io[].vmExits", "vms[].io[].kicks", "vms[].io[].interrupts",
                "vms[].io[].iops", "vms[].io[].meanLatencyUs", "vms[].io[].p99LatencyUs");
        for (String field : named) {
            assertTrue(fields.contains(field), field);
        }
    }
}
