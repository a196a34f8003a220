package org.virtlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export folder appears whole or not at all (issue #8, Bad input: "nothing partially written is left looking complete"). */
class RunExportTest {
    @TempDir
    Path dir;

    private static RunExport.Contents contents() {
        RunExport.Chart chart = new RunExport.Chart("cpu-usage", new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB),
                "<svg/>", "x\r\n");
        return new RunExport.Contents(List.of(chart), "{}\n", new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB),
                "{\"format\":\"virtlab.scenario\"}", List.of(new org.virtlab.engine.SimEvent(1_500, 0, 0,
                        org.virtlab.engine.EventKind.VCPU_SWITCH, "h1", "vm1", null, null, null, List.of(0L, 1L, -1L))),
                new org.virtlab.text.EventText(java.util.Locale.ENGLISH, id -> id));
    }

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEveryFileAndLeavesNoTemporaryFolder() throws Exception {
        Path folder = RunExport.write(dir, "run at 1.000 s", contents());
        assertEquals(dir.resolve("run at 1.000 s"), folder);
        assertEquals(List.of("cpu-usage.csv", "cpu-usage.png", "cpu-usage.svg", "events.csv", "scenario.json",
                "summary.json", "topology.png"), names(folder));
        // EventCsv's header, then the one event: its description in English, its numbers by name
        assertEquals("time_us,kind,source,description,host_id,vm_id,device_id,peer_id,cause,args\n"
                + "1500,VCPU_SWITCH,vm1,vm1 vCPU1 → pCPU0,h1,vm1,,,,logicalCpu=0;vcpu=1;previousVcpu=-1\n",
                Files.readString(folder.resolve("events.csv")));
        assertEquals(List.of("run at 1.000 s"), names(dir));
    }

    @Test
    void aTakenNameGetsANumberInsteadOfMixingTwoRuns() throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run").resolve("mine.txt"), "keep");
        Path second = RunExport.write(dir, "run", contents());
        assertEquals(dir.resolve("run (2)"), second);
        assertEquals(List.of("mine.txt"), names(dir.resolve("run")));
    }

    @Test
    void aFailureLeavesNothingBehind() throws Exception {
        Path blocked = dir.resolve("file-not-folder");
        Files.writeString(blocked, "x");
        assertThrows(IOException.class, () -> RunExport.write(blocked, "run", contents()));
        assertEquals(List.of("file-not-folder"), names(dir));
        // fails half-way: the chart's files make summary.json a folder, so summary.json itself cannot be written;
        // the partly written folder goes too
        RunExport.Chart bad = new RunExport.Chart("summary.json/x", new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB),
                "", "");
        Files.createDirectories(dir.resolve("out"));
        assertThrows(IOException.class, () -> RunExport.write(dir.resolve("out"), "run",
                new RunExport.Contents(List.of(bad), "{}", null, "{}", List.of(),
                        new org.virtlab.text.EventText(java.util.Locale.ENGLISH, id -> id))));
        assertEquals(List.of(), names(dir.resolve("out")));
        assertTrue(Files.notExists(dir.resolve("out").resolve("run")));
    }
}
