package org.virtlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code virtlab walk}: the references of one walk in order, as text or JSON, and clear refusals. */
class WalkCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Locale locale, String... args) {
        return new VirtLabCommand().commandLine(locale, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    private JsonNode json(String... args) throws Exception {
        assertEquals(0, run(Locale.ENGLISH, args), err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    /** Lines of the reference table: they start with the step number. */
    private List<String> referenceLines() {
        return out.toString().lines().filter(l -> l.matches("\\s*\\d+  .*")).toList();
    }

    @Test
    void nestedWalkPrintsTwentyFourReferencesInOrder() {
        assertEquals(0, run(Locale.ENGLISH, "walk", "--mode", "nested", "--guest-levels", "4", "--host-levels", "4"));
        List<String> lines = referenceLines();
        // Bhargava et al., ASPLOS 2008: 24 references; the guest PML4 entry after the host walk of its address
        assertEquals(24, lines.size(), out.toString());
        assertTrue(lines.get(0).matches("\\s+1  host\\s+PML4 .*locate the guest PML4 entry at GPA .*"), lines.get(0));
        assertTrue(lines.get(4).matches("\\s+5  guest\\s+PML4 .*GPA 0x00004c0007f8 = HPA .*"), lines.get(4));
        assertTrue(lines.get(23).matches("\\s+24  host\\s+PT .*locate the data at GPA .*"), lines.get(23));
        assertTrue(out.toString().contains("24 memory references = (4 + 1) × (4 + 1) − 1"), out.toString());
    }

    @ParameterizedTest
    @CsvSource({
        // the "4-level guest over a 3-level host (2 MiB host pages) = 19": levels count the table's levels
        // and a 2 MiB page ends the host walk at the PD
        "nested, 4, 4, 4k, 2m, 19",
        "nested, 4, 4, 4k, 4k, 24", // Bhargava et al.
        "nested, 5, 5, 4k, 4k, 35", // (5 + 1)(5 + 1) − 1
        "nested, 4, 4, 2m, 4k, 19", // (3 + 1)(4 + 1) − 1
        "nested, 4, 5, 1g, 1g, 11", // (2 + 1)(3 + 1) − 1
        "native, 4, 4, 4k, 4k, 4", // Intel SDM vol. 3A
        "native, 5, 4, 4k, 4k, 5", // LA57
        "shadow, 4, 4, 4k, 4k, 4", // as native (virtualization.md §2)
        "shadow, 4, 4, 2m, 2m, 3",
    })
    void jsonCountsMatchTheSources(String mode, String guestLevels, String hostLevels, String guestPage,
                                   String hostPage, int expected) throws Exception {
        JsonNode walk = json("walk", "--mode", mode, "--guest-levels", guestLevels, "--host-levels", hostLevels,
                "--guest-page", guestPage, "--host-page", hostPage, "--json");
        assertEquals(mode, walk.get("mode").asText());
        assertEquals(expected, walk.get("count").asInt());
        assertEquals(expected, walk.get("references").size());
    }

    @Test
    void jsonListsEveryReferenceWithItsAddresses() throws Exception {
        JsonNode walk = json("walk", "--mode", "nested", "--host-page", "2m", "--address", "0x7f00_0000_1234", "--json");
        assertEquals("0x7f0000001234", walk.get("virtualAddress").asText());
        assertEquals(3, walk.get("host").get("walkedLevels").asInt());
        JsonNode first = walk.get("references").get(0);
        assertEquals(1, first.get("step").asInt());
        assertEquals("host", first.get("table").asText());
        assertEquals("PML4", first.get("levelName").asText());
        assertEquals("locate-guest-table", first.get("purpose").asText());
        JsonNode guestRoot = walk.get("references").get(3);
        assertEquals("guest", guestRoot.get("table").asText());
        assertEquals("guest-physical", guestRoot.get("space").asText());
        assertEquals(254, guestRoot.get("index").asInt()); // bits 47:39 of 0x7f00_0000_1234
        assertEquals(guestRoot.get("address").asText(), first.get("translatedAddress").asText());
        assertTrue(walk.get("physicalAddress").asText().endsWith("234"));
    }

    @Test
    void theSameSeedPicksTheSameAddress() throws Exception {
        String first = json("walk", "--mode", "native", "--seed", "7", "--json").toString();
        out.getBuffer().setLength(0);
        assertEquals(first, json("walk", "--mode", "native", "--seed", "7", "--json").toString());
    }

    @Test
    void walkSpeaksChinese() {
        assertEquals(0, run(Locale.SIMPLIFIED_CHINESE, "walk", "--mode", "nested"));
        assertTrue(out.toString().contains("共 24 次内存访问 = (4 + 1) × (4 + 1) − 1"), out.toString());
        assertTrue(out.toString().contains("定位客户机 PML4 页表项"), out.toString());
    }

    @Test
    void helpExplainsWhatHostLevelsMeanWithLargePages() {
        assertEquals(0, run(Locale.ENGLISH, "walk", "--help"));
        assertTrue(out.toString().contains("--host-levels 4"), out.toString());
        assertTrue(out.toString().contains("= 19 references"), out.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--mode nested --guest-levels 3|--guest-levels must be 4 (48-bit addresses) or 5 (57-bit addresses), was 3",
        "--mode nested --host-levels 6|--host-levels must be 4 (48-bit addresses) or 5 (57-bit addresses), was 6",
        "--mode nested --host-page 8k|--host-page must be 4k, 2m or 1g, was 8k",
        "--mode nested --guest-page -4k|--guest-page must be 4k, 2m or 1g, was -4k",
        "--mode hybrid|--mode must be native, shadow or nested, was hybrid",
        "--mode native --address 0x800000000000|--address 0x800000000000 is beyond the 48-bit address space of "
                + "4-level page tables: use 0x0 to 0x7fffffffffff or 0xffff800000000000 to 0xffffffffffffffff",
        "--mode native --guest-levels 5 --address 0x100000000000000|--address 0x100000000000000 is beyond the 57-bit",
        "--mode native --address -4096|--address must be a hexadecimal (0x...) or decimal number, was -4096",
        "--mode native --address 1 --seed 2|Give --address or --seed, not both",
    })
    void badInputExitsTwoWithOneClearLine(String args, String message) {
        assertEquals(2, run(Locale.ENGLISH, ("walk " + args).split(" ")));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith(message), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void badInputIsExplainedInChineseToo() {
        assertEquals(2, run(Locale.SIMPLIFIED_CHINESE, "walk", "--mode", "nested", "--host-levels", "3"));
        assertTrue(err.toString().contains("--host-levels 必须是 4（48 位地址）或 5（57 位地址），当前为 3"), err.toString());
    }

    @Test
    void picocliRefusalsAreNoStackTraces() {
        assertEquals(2, run(Locale.ENGLISH, "walk", "--mode", "nested", "--guest-levels", "four"));
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }
}
