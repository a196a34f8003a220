package org.virtlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.Headers;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.Leg;
import org.virtlab.engine.net.Lookup;
import org.virtlab.engine.net.Mac;
import org.virtlab.engine.net.NetException;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.engine.net.Verdict;

/** What {@code virtlab trace} and {@code virtlab reach} share: options checked, the network built, JSON of a leg. */
final class NetCommands {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NetCommands() {
    }

    /** A JSON tree as indented text, ending in a newline: what {@code --json} prints. */
    static String indented(ObjectNode root) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The protocol spelled {@code icmp}, {@code tcp} or {@code udp}; empty (reported) otherwise. */
    static Optional<Protocol> protocol(LocalizedCommand command, String spelled) {
        for (Protocol p : Protocol.values()) {
            if (p.spelling().equals(spelled.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        command.err().println(command.text("net.error.proto", spelled));
        return Optional.empty();
    }

    /** The port for TCP and UDP: given, or 80 for TCP and 53 for UDP; 0 for ICMP; -1 (reported) if out of range. */
    static int port(LocalizedCommand command, Protocol protocol, Integer port) {
        if (protocol == Protocol.ICMP) {
            return 0;
        }
        if (port == null) {
            return protocol == Protocol.TCP ? 80 : 53;
        }
        if (port < 1 || port > 65535) {
            command.err().println(command.text("net.error.port", port));
            return -1;
        }
        return port;
    }

    /** The scenario's network; empty, with the refusal printed, if the engine refuses it. */
    static Optional<NetTopology> topology(LocalizedCommand command, Scenario scenario) {
        try {
            return Optional.of(NetTopology.of(scenario));
        } catch (NetException e) {
            command.err().println(refusal(command, e));
            return Optional.empty();
        }
    }

    /** A refusal in the chosen language. */
    static String refusal(LocalizedCommand command, NetException e) {
        return command.text("net.error." + e.kind().name(), e.params().toArray());
    }

    /** A verdict as a sentence. */
    static String verdict(LocalizedCommand command, Verdict v) {
        if (v.delivered()) {
            return command.text("net.delivered", v.device());
        }
        return command.text("net.dropped", v.device(), command.text("net.drop." + v.reason().name(), v.params().toArray()));
    }

    /** A lookup as a line. */
    static String lookup(LocalizedCommand command, Lookup l) {
        return command.text("net.lookup." + l.kind().name(), l.key(), l.result());
    }

    static String rewrite(LocalizedCommand command, Rewrite r) {
        return command.text("net.rewrite." + r.kind().name(), Ip.format(r.fromIp()) + ":" + r.fromPort(),
                Ip.format(r.toIp()) + ":" + r.toPort());
    }

    static ObjectNode json(Leg leg) {
        ObjectNode out = NODES.objectNode();
        ArrayNode hops = out.putArray("hops");
        for (Hop h : leg.hops()) {
            ObjectNode hop = hops.addObject();
            hop.put("device", h.device());
            hop.put("kind", h.kind().name().toLowerCase(Locale.ROOT));
            hop.put("in", h.inPort());
            hop.put("out", h.outPort());
            hop.put("frame", h.frame().code());
            Headers x = h.headers();
            ObjectNode headers = hop.putObject("headers");
            headers.put("srcMac", Mac.format(x.srcMac()));
            headers.put("dstMac", Mac.format(x.dstMac()));
            headers.put("vlan", x.vlan());
            if (h.frame().arp()) {
                // RFC 826: the sender's and the target's protocol addresses; no IP header, no ports
                headers.put("protocol", "arp");
                headers.put("operation", h.frame() == Hop.Frame.ARP_REQUEST ? "request" : "reply");
                headers.put("senderIp", Ip.format(x.srcIp()));
                headers.put("targetIp", Ip.format(x.dstIp()));
            } else {
                headers.put("protocol", x.protocol().spelling());
                headers.put("srcIp", Ip.format(x.srcIp()));
                headers.put("srcPort", x.srcPort());
                headers.put("dstIp", Ip.format(x.dstIp()));
                headers.put("dstPort", x.dstPort());
                headers.put("ttl", x.ttl());
            }
            ArrayNode lookups = hop.putArray("lookups");
            for (Lookup l : h.lookups()) {
                lookups.addObject().put("kind", l.kind().name()).put("key", l.key()).put("result", l.result());
            }
            ArrayNode rewrites = hop.putArray("rewrites");
            for (Rewrite r : h.rewrites()) {
                rewrites.addObject().put("kind", r.kind().name()).put("field", r.field().name())
                        .put("from", Ip.format(r.fromIp()) + ":" + r.fromPort())
                        .put("to", Ip.format(r.toIp()) + ":" + r.toPort());
            }
        }
        Verdict v = leg.verdict();
        ObjectNode verdict = out.putObject("verdict");
        verdict.put("delivered", v.delivered());
        verdict.put("device", v.device());
        if (!v.delivered()) {
            verdict.put("reason", v.reason().code());
            ArrayNode params = verdict.putArray("params");
            v.params().forEach(params::add);
        }
        return out;
    }
}
