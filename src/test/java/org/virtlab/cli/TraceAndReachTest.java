package org.virtlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code virtlab trace} and {@code virtlab reach} on the network-models lesson: host1 has libvirt's NAT network
 * default (web1) and the isolated backend (db1, test1); host2 the routed lab (web2, no LAN route) and the
 * bridged lan (files); web1/web2 share port group pg-web (VLAN 10), db1/files pg-db (VLAN 20).
 */
class TraceAndReachTest {
    private static final String LESSON = "scenarios/network-models.json";
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

    @Test
    void traceShowsTheMasqueradeAndTheReplyComingBack() {
        assertEquals(0, run(Locale.ENGLISH, "trace", LESSON, "--from", "web1", "--to", "internet", "--proto", "tcp",
                "--port", "443"), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("Request: tcp 443 from web1:nic0 to internet\n"), text);
        // libvirt's masquerade on host1, then the LAN router's, and both translated back on the way home
        assertTrue(text.contains("masquerade: source 192.168.122.2:32768 → 10.0.0.11:32768"), text);
        assertTrue(text.contains("masquerade: source 10.0.0.11:32768 → 203.0.113.1:32768"), text);
        assertTrue(text.contains("reply translated back: 10.0.0.11:32768 → 192.168.122.2:32768"), text);
        assertTrue(text.contains("Delivered to web1."), text);
        assertTrue(text.endsWith("\ndelivered\n"), text);
    }

    @Test
    void aRoutedNetworkWithoutTheLanRouteLosesTheReplyAndSaysWhere() throws Exception {
        JsonNode trace = json("trace", LESSON, "--from", "web2:nic0", "--to", "lan-pc", "--json");
        assertTrue(trace.at("/request/verdict/delivered").asBoolean());
        assertEquals("no-route", trace.at("/reply/verdict/reason").asText());
        assertEquals("router", trace.at("/reply/verdict/device").asText());
        assertEquals("dropped: no-route (reply)", trace.at("/result").asText());
        // A fresh network: web2 first asks for its gateway (RFC 826), a broadcast virbr2 floods.
        assertEquals("web2", trace.at("/request/hops/0/device").asText());
        assertEquals("arp-request", trace.at("/request/hops/0/frame").asText());
        assertEquals("ff:ff:ff:ff:ff:ff", trace.at("/request/hops/0/headers/dstMac").asText());
        assertEquals("192.168.100.2", trace.at("/request/hops/0/headers/senderIp").asText());
        assertEquals("192.168.100.1", trace.at("/request/hops/0/headers/targetIp").asText());
        assertEquals("MAC_BROADCAST", trace.at("/request/hops/1/lookups/0/kind").asText());
        assertEquals("arp-reply", trace.at("/request/hops/2/frame").asText());
        // computed by hand: request, flood at virbr2, host2's answer, virbr2 forwarding it; then the packet
        assertEquals("packet", trace.at("/request/hops/4/frame").asText());
        assertEquals("web2", trace.at("/request/hops/4/device").asText());
        assertEquals("192.168.100.2", trace.at("/request/hops/4/headers/srcIp").asText());
        assertEquals(0, trace.at("/request/hops/4/headers/vlan").asInt());
        // The reply: lan-pc asks for the router (4 ARP hops), sends, the switch forwards, the router has no route.
        JsonNode last = trace.at("/reply/hops/6");
        assertEquals("router", last.at("/device").asText());
        assertEquals("ROUTE_MISS", last.at("/lookups/0/kind").asText());
        assertTrue(trace.at("/reply/hops/7").isMissingNode());
    }

    @Test
    void traceTextShowsTheArpRequestFloodedAndTheAnswer() {
        assertEquals(0, run(Locale.ENGLISH, "trace", LESSON, "--from", "web2:nic0", "--to", "lan-pc"), err.toString());
        String text = out.toString();
        // RFC 826's request to the broadcast address, then the answer by unicast
        assertTrue(text.contains(": who has 192.168.100.1? tell 192.168.100.2\n"), text);
        assertTrue(text.contains("broadcast vlan 1 ff:ff:ff:ff:ff:ff: flooded to virbr2\n"), text);
        assertTrue(text.contains(": 192.168.100.1 is at "), text);
    }

    @Test
    void traceTextShowsArpInChinese() {
        assertEquals(0, run(Locale.SIMPLIFIED_CHINESE, "trace", LESSON, "--from", "web2:nic0", "--to", "lan-pc"));
        String text = out.toString();
        assertTrue(text.contains("：谁是 192.168.100.1？请告诉 192.168.100.2\n"), text);
        assertTrue(text.contains("广播 vlan 1 ff:ff:ff:ff:ff:ff：泛洪到 virbr2\n"), text);
    }

    @Test
    void traceSpeaksChinese() {
        assertEquals(0, run(Locale.SIMPLIFIED_CHINESE, "trace", LESSON, "--from", "db1", "--to", "lan-pc"));
        assertTrue(out.toString().contains("在 db1 被丢弃：db1 没有到 10.0.0.50 的路由。"), out.toString());
    }

    @Test
    void reachPrintsTheMatrixAsJson() throws Exception {
        JsonNode reach = json("reach", LESSON, "--json");
        List<String> endpoints = new ArrayList<>();
        reach.get("endpoints").forEach(e -> endpoints.add(e.asText()));
        assertEquals(List.of("host1", "host2", "web1:nic0", "web1:nic1", "db1:nic0", "db1:nic1", "test1:nic0",
                "web2:nic0", "web2:nic1", "files:nic0", "files:nic1", "lan-pc", "internet"), endpoints);
        // isolated backend: db1 and test1 reach each other, nothing beyond the host
        assertEquals("delivered", reach.at("/matrix/db1:nic0/test1:nic0").asText());
        assertEquals("dropped: no-route", reach.at("/matrix/db1:nic0/internet").asText());
        // pg-web (VLAN 10) spans both hosts; pg-db is VLAN 20
        assertEquals("delivered", reach.at("/matrix/web1:nic1/web2:nic1").asText());
        assertEquals("dropped: no-route", reach.at("/matrix/web1:nic1/files:nic1").asText());
        assertEquals("delivered", reach.at("/matrix/db1:nic1/files:nic1").asText());
        assertEquals("dropped: nat-inbound-refused", reach.at("/matrix/internet/files:nic0").asText());
    }

    @Test
    void reachTextHasALegend() {
        assertEquals(0, run(Locale.ENGLISH, "reach", LESSON));
        assertTrue(out.toString().contains("Reachability (icmp): row = from, column = to; + delivered"), out.toString());
        assertTrue(out.toString().contains("\n  N  no route\n"), out.toString());
        // web2's routed network has no LAN route: the request reaches lan-pc, the reply is lost (lower case)
        assertTrue(out.toString().contains("  8  web2:nic0    n  +  N  N  N  N  N  +  +  n  N  n  n\n"), out.toString());
    }

    @Test
    void badInputIsOneClearLine() {
        assertEquals(2, run(Locale.ENGLISH, "trace", LESSON, "--from", "web1", "--to", "web9"));
        assertEquals("unknown endpoint \"web9\"; endpoints are: host1, host2, web1:nic0, web1:nic1, db1:nic0, db1:nic1, "
                + "test1:nic0, web2:nic0, web2:nic1, files:nic0, files:nic1, lan-pc, internet\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run(Locale.ENGLISH, "trace", LESSON, "--from", "test1:nic1", "--to", "web1"));
        assertEquals("test1:nic1 is plugged into nothing: plug it into a network or a port group first\n",
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run(Locale.ENGLISH, "trace", LESSON, "--from", "web1", "--to", "web2", "--proto", "sctp"));
        assertEquals("--proto must be icmp, tcp or udp, was sctp\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run(Locale.ENGLISH, "reach", LESSON, "--proto", "tcp", "--port", "70000"));
        assertEquals("--port must be between 1 and 65535, was 70000\n", err.toString());
    }
}
