package org.virtlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Leg;
import org.virtlab.engine.net.Lookup;
import org.virtlab.engine.net.NetException;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.PacketTracer;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.engine.net.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virtlab trace SCENARIO --from A --to B [--proto icmp|tcp|udp] [--port P] [--json]}: one probe and its
 * reply through the scenario's networks, hop by hop, on a network that has seen no traffic (so the first ARP
 * requests and floods show).
 */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false)
final class TraceCommand extends LocalizedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", descriptionKey = "net.scenario")
    Path scenarioFile;

    @Option(names = "--from", required = true, paramLabel = "A", descriptionKey = "trace.from")
    String from;

    @Option(names = "--to", required = true, paramLabel = "B", descriptionKey = "trace.to")
    String to;

    @Option(names = "--proto", paramLabel = "PROTO", defaultValue = "icmp", descriptionKey = "net.proto")
    String proto;

    @Option(names = "--port", paramLabel = "P", descriptionKey = "net.port")
    Integer port;

    @Option(names = "--json", descriptionKey = "trace.json")
    boolean json;

    @Override
    public Integer call() {
        Optional<Protocol> protocol = NetCommands.protocol(this, proto);
        if (protocol.isEmpty()) {
            return VirtLabCommand.EXIT_INVALID;
        }
        int dstPort = NetCommands.port(this, protocol.get(), port);
        if (dstPort < 0) {
            return VirtLabCommand.EXIT_INVALID;
        }
        Optional<Scenario> scenario = readScenario(scenarioFile);
        Optional<NetTopology> topology = scenario.flatMap(s -> NetCommands.topology(this, s));
        if (topology.isEmpty()) {
            return VirtLabCommand.EXIT_INVALID;
        }
        Trace trace;
        try {
            trace = new PacketTracer(new NetState(topology.get(), 0)).trace(from, to, protocol.get(), dstPort);
        } catch (NetException e) {
            err().println(NetCommands.refusal(this, e));
            return VirtLabCommand.EXIT_INVALID;
        }
        if (json) {
            out().print(toJson(trace));
        } else {
            printText(trace);
        }
        out().flush();
        return 0;
    }

    private void printText(Trace trace) {
        String what = trace.protocol().spelling() + (trace.port() == 0 ? "" : " " + trace.port());
        out().println(text("trace.request", what, trace.from(), trace.to()));
        printLeg(trace.request());
        if (trace.reply() != null) {
            out().println();
            out().println(text("trace.reply"));
            printLeg(trace.reply());
        }
        out().println();
        out().println(trace.summary());
    }

    private void printLeg(Leg leg) {
        int n = 1;
        for (Hop h : leg.hops()) {
            String ports = h.inPort().isEmpty() && h.outPort().isEmpty() ? ""
                    : " [" + (h.inPort().isEmpty() ? "·" : h.inPort()) + " → " + (h.outPort().isEmpty() ? "·" : h.outPort())
                    + "]";
            out().printf("%3d  %s%s%n", n++, h.device(), ports);
            out().println("       " + h.headers());
            for (Lookup l : h.lookups()) {
                out().println("       " + NetCommands.lookup(this, l));
            }
            for (Rewrite r : h.rewrites()) {
                out().println("       " + NetCommands.rewrite(this, r));
            }
        }
        out().println("     " + NetCommands.verdict(this, leg.verdict()));
    }

    static String toJson(Trace trace) {
        ObjectNode root = NetCommands.NODES.objectNode();
        root.put("from", trace.from());
        root.put("to", trace.to());
        root.put("protocol", trace.protocol().spelling());
        root.put("port", trace.port());
        root.set("request", NetCommands.json(trace.request()));
        if (trace.reply() == null) {
            root.putNull("reply");
        } else {
            root.set("reply", NetCommands.json(trace.reply()));
        }
        root.put("result", trace.summary());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
