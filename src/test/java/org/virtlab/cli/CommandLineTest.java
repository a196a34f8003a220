package org.virtlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlab.Version;
import org.virtlab.scenario.Lessons;
import org.virtlab.scenario.ScenarioException;
import org.virtlab.scenario.ScenarioWriter;

/** {@code virtlab} on the command line: help, version, check; no window involved. */
class CommandLineTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Locale locale, String... args) {
        VirtLabCommand command = new VirtLabCommand();
        return command.commandLine(locale, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertEquals(0, run(Locale.ENGLISH, "--version"));
        assertEquals("VirtLab " + Version.get(), out.toString().strip());
        assertTrue(Version.get().matches("\\d+\\.\\d+\\.\\d+.*"), Version.get());
    }

    @Test
    void helpListsTheCheckCommandInEnglishAndChinese() {
        assertEquals(0, run(Locale.ENGLISH, "--help"));
        assertTrue(out.toString().contains("check"), out.toString());
        assertTrue(out.toString().contains("Validate scenario files."), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run(Locale.SIMPLIFIED_CHINESE, "--help"));
        assertTrue(out.toString().contains("校验场景文件。"), out.toString());
    }

    @Test
    void noCommandAsksForTheWindowWithTheGivenFileAndLanguage() {
        VirtLabCommand command = new VirtLabCommand();
        int exit = command.commandLine(Locale.ENGLISH, new PrintWriter(out), new PrintWriter(err))
                .execute("--lang", "zh", "lesson.json");
        assertEquals(0, exit);
        assertEquals(List.of("--open=lesson.json", "--lang=zh"), command.windowRequest().orElseThrow().toArgumentList());
    }

    @Test
    void checkAcceptsEveryBuiltInLesson() throws IOException {
        Path file = dir.resolve("default.json");
        ScenarioWriter.write(Lessons.defaultLesson().scenario(), file);
        assertEquals(0, run(Locale.ENGLISH, "check", file.toString()));
        assertEquals(file + ": ok", out.toString().strip());
        assertEquals("", err.toString());
    }

    /** {@code line L, column C} of {@code value} where it first follows {@code before} in a file's text. */
    private static String place(String content, String before, String value) {
        int at = content.indexOf(before + value) + before.length();
        int line = (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = at - content.lastIndexOf('\n', at - 1);
        return "line " + line + ", column " + column;
    }

    @Test
    void checkReportsOneLinePerProblemWithFilePointerLineAndColumnAndExitsTwo() throws IOException {
        Path good = dir.resolve("good.json");
        ScenarioWriter.write(Lessons.defaultLesson().scenario(), good);
        String text = Files.readString(good)
                .replace("\"sockets\": 1", "\"sockets\": 0")
                .replace("\"vcpus\": 8", "\"vcpus\": \"eight\"");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text);

        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.ENGLISH, "check", good.toString(), bad.toString()));

        List<String> lines = err.toString().lines().toList();
        assertEquals(2, lines.size(), err.toString());
        assertEquals(bad + ": /hosts/0/cpu/sockets: " + place(text, "\"sockets\": ", "0")
                + ": must be an integer between 1 and 8, was 0", lines.get(0));
        assertTrue(lines.get(1).startsWith(bad + ": /vms/1/vcpus: " + place(text, "\"vcpus\": ", "\"eight\"") + ": "),
                lines.get(1));
        assertTrue(out.toString().contains(good + ": ok"));
    }

    /** Issue #6, "Bad input": virtlab check names what is allowed for a queue size, a rate and a device model. */
    @Test
    void checkTellsWhatIsAllowedForABadQueueSizeDepthAndDeviceModel() throws IOException, ScenarioException {
        Path file = dir.resolve("io.json");
        ScenarioWriter.write(Lessons.load("io-emulation-vs-virtio").scenario(), file);
        String text = Files.readString(file)
                .replace("\"model\": \"ide\"", "\"model\": \"scsi\"")
                .replace("\"queueSize\": 256", "\"queueSize\": 100")
                .replaceFirst("\"queueDepth\": 1", "\"queueDepth\": 0");
        Files.writeString(file, text);
        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.ENGLISH, "check", file.toString()));
        List<String> lines = err.toString().lines().toList();
        assertEquals(3, lines.size(), err.toString());
        assertEquals(file + ": /devices/0/workload/queueDepth: " + place(text, "\"queueDepth\": ", "0")
                + ": must be 1–32768 requests, was 0", lines.get(0));
        assertEquals(file + ": /devices/0/mode/model: " + place(text, "\"model\": ", "\"scsi\"")
                + ": unknown model \"scsi\"; allowed: e1000, ide", lines.get(1));
        assertEquals(file + ": /devices/1/mode/queueSize: " + place(text, "\"queueSize\": ", "100")
                + ": must be a power of 2 from 1 to 32768 (1, 2, 4, … 256 …), was 100", lines.get(2));
    }

    /** Columns count characters as an editor does: the four Chinese characters are twelve bytes of UTF-8. */
    @Test
    void checkCountsColumnsInCharactersAfterChineseText() throws IOException {
        Path file = dir.resolve("zh.json");
        Files.writeString(file, """
                {"format": "virtlab.scenario", "version": 1, "hosts": [], "vms": [],
                 "title": {"zh": "两台主机", "en": 5}}
                """);
        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.SIMPLIFIED_CHINESE, "check", file.toString()));
        assertEquals(file + ": /title/en: 第 2 行第 32 列: 应为字符串，实际为 5", err.toString().strip());
    }

    @Test
    void aSyntaxErrorPrintsTheSameForm() throws IOException {
        Path file = dir.resolve("syntax.json");
        Files.writeString(file, "{\n  \"format\": \"virtlab.scenario\"\n  \"version\": 1\n}\n");
        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.ENGLISH, "check", file.toString()));
        assertTrue(err.toString().startsWith(file + ": /: line 3, column 3: malformed JSON: Unexpected character"),
                err.toString());
    }

    @Test
    void checkOfAMissingFileSaysSoInOneLine() {
        Path missing = dir.resolve("nope.json");
        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.ENGLISH, "check", missing.toString()));
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith(missing + ": "), lines.get(0));
        assertTrue(!err.toString().contains("Exception"), err.toString());
    }

    @Test
    void checkWithoutFilesIsAUsageError() {
        assertEquals(2, run(Locale.ENGLISH, "check"));
    }
}
