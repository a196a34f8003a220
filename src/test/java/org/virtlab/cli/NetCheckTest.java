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
import org.virtlab.scenario.Lessons;
import org.virtlab.scenario.ScenarioException;
import org.virtlab.scenario.ScenarioWriter;

/**
 * Issue 7's "Bad input" from {@code virtlab check} and {@code virtlab trace}: overlapping subnets on one host, an
 * address outside its subnet, duplicate MACs, a VLAN ID out of range are errors naming the element (exit 2); a NIC
 * wired to nothing is a warning (exit 0: the window saves such NICs and must open them again); a trace to an
 * unknown endpoint or from an unplugged NIC is refused naming it.
 */
class NetCheckTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Locale locale, String... args) {
        return new VirtLabCommand().commandLine(locale, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    private Path lesson() throws IOException, ScenarioException {
        Path file = dir.resolve("net.json");
        ScenarioWriter.write(Lessons.load("network-models").scenario(), file);
        return file;
    }

    /** {@code line L, column C} of the {@code n}th (from 0) occurrence of {@code value} in a file's text. */
    private static String place(String content, String value, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = content.indexOf(value, at + 1);
        }
        int line = (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = at - content.lastIndexOf('\n', at - 1);
        return "line " + line + ", column " + column;
    }

    @Test
    void aNicWiredToNothingIsAWarningAndTheFileStillPasses() throws Exception {
        Path file = lesson();
        String text = Files.readString(file);
        // The lesson's Test VM (the third VM) has a second NIC plugged into nothing: "{ }" in the file.
        assertEquals(0, run(Locale.ENGLISH, "check", file.toString()), err.toString());
        assertEquals(file + ": ok", out.toString().strip());
        assertEquals(List.of(file + ": /vms/2/nics/1: " + place(text, "{ }", 0) + ": warning: NIC nic1 of VM \"test1\" "
                + "is wired to nothing: it can send no packets; plug it into a network or port group, or remove it"),
                err.toString().lines().toList());
    }

    @Test
    void theWarningInChinese() throws Exception {
        Path file = lesson();
        assertEquals(0, run(Locale.SIMPLIFIED_CHINESE, "check", file.toString()));
        String line = err.toString().strip();
        assertTrue(line.startsWith(file + ": /vms/2/nics/1: 第 "), line);
        assertTrue(line.endsWith("警告：虚拟机 \"test1\" 的网卡 nic1 没有连接任何地方：它收发不了任何报文；请把它接入一个网络或端口组，或者删除它"),
                line);
    }

    @Test
    void overlappingSubnetsAnAddressOutsideDuplicateMacsAndABadVlanAreErrors() throws Exception {
        Path file = lesson();
        String text = Files.readString(file)
                // backend (host1) given a subnet around default's 192.168.122.0/24 on the same host
                .replace("\"subnet\": \"10.0.10.0/24\"", "\"subnet\": \"192.168.0.0/16\"")
                // web1's NIC on default with an address of another subnet and a MAC; db1's second NIC the same MAC
                .replaceFirst("\\{\\s*\"network\": \"default\"\\s*}",
                        "{\"network\": \"default\", \"address\": \"192.168.123.5\", \"mac\": \"52:54:00:00:00:01\"}")
                .replaceFirst("\\{\\s*\"portGroup\": \"pg-db\"\\s*}", "{\"portGroup\": \"pg-db\", \"mac\": \"52:54:00:00:00:01\"}")
                // IEEE 802.1Q: VLAN IDs 1–4094
                .replace("\"vlan\": 20", "\"vlan\": 4095");
        Files.writeString(file, text);
        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.ENGLISH, "check", file.toString()));
        String all = err.toString();
        assertTrue(all.contains(file + ": /networks/1/subnet: " + place(text, "\"192.168.0.0/16\"", 0)
                + ": overlaps 192.168.122.0/24 of network \"default\" on the same host \"host1\"; the networks of one "
                + "host need subnets of their own\n"), all);
        assertTrue(all.contains(file + ": /vms/0/nics/0/address: " + place(text, "\"192.168.123.5\"", 0)
                + ": 192.168.123.5 is outside network \"default\"'s subnet 192.168.122.0/24\n"), all);
        assertTrue(all.contains(file + ": /vms/1/nics/1/mac: " + place(text, "\"52:54:00:00:00:01\"", 1)
                + ": MAC 52:54:00:00:00:01 is already the MAC of the NIC at /vms/0/nics/0; no two NICs may share one\n"),
                all);
        assertTrue(all.contains(file + ": /switches/0/portGroups/1/vlan: " + place(text, "4095", 0)
                + ": must be a VLAN ID from 1 to 4094 (IEEE 802.1Q reserves 0 and 4095), was 4095\n"), all);
        assertEquals("", out.toString());
    }

    @Test
    void theErrorsInChinese() throws Exception {
        Path file = lesson();
        Files.writeString(file, Files.readString(file).replace("\"vlan\": 20", "\"vlan\": 0"));
        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.SIMPLIFIED_CHINESE, "check", file.toString()));
        String line = err.toString().strip();
        assertTrue(line.startsWith(file + ": /switches/0/portGroups/1/vlan: 第 "), line);
        assertTrue(line.contains("4094"), line);
    }

    @Test
    void aTraceToAnUnknownEndpointOrFromAnUnpluggedNicIsRefusedNamingIt() throws Exception {
        Path file = lesson();
        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.ENGLISH, "trace", file.toString(), "--from", "web1",
                "--to", "web9"));
        assertTrue(err.toString().startsWith("unknown endpoint \"web9\"; endpoints are: host1, host2, web1:nic0"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.ENGLISH, "trace", file.toString(), "--from", "test1:nic1",
                "--to", "lan-pc"));
        assertEquals("test1:nic1 is plugged into nothing: plug it into a network or a port group first",
                err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(VirtLabCommand.EXIT_INVALID, run(Locale.SIMPLIFIED_CHINESE, "trace", file.toString(), "--from",
                "lan-pc", "--to", "test1:nic1"));
        assertEquals("test1:nic1 没有接入任何地方：请先把它接入一个网络或端口组", err.toString().strip());
    }
}
