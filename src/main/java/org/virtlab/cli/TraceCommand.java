package org.virtlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.virtlab.engine.net.Headers;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.Leg;
import org.virtlab.engine.net.Lookup;
import org.virtlab.engine.net.Mac;
import org.virtlab.engine.net.NetException;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.PacketTracer;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.engine.net.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code virtlab trace SCENARIO --from A --to B [--proto icmp|tcp|udp] [--port P] [--json]}: one probe and its
 * reply through the scenario's networks, hop by hop, on a network that has seen no traffic (so the first ARP
 * requests and floods show).
 */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false)
final class TraceCommand extends LocalizedCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "A", descriptionKey = "trace.from")
    String from;

    @Option(names = "--to", required = true, paramLabel = "B", descriptionKey = "trace.to")
    String to;

    @Mixin
    NetProbeOptions probeOptions;

    @Option(names = "--json", descriptionKey = "trace.json")
    boolean json;

    @Override
    public Integer call() {
        Optional<NetProbeOptions.Probe> probe = probeOptions.probe(this);
        if (probe.isEmpty()) {
            return VirtLabCommand.EXIT_INVALID;
        }
        Trace trace;
        try {
            trace = new PacketTracer(new NetState(probe.get().topology(), 0))
                    .trace(from, to, probe.get().protocol(), probe.get().port());
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
            out().println("       " + (h.frame().arp() ? arp(h) : h.headers().toString()));
            for (Lookup l : h.lookups()) {
                out().println("       " + NetCommands.lookup(this, l));
            }
            for (Rewrite r : h.rewrites()) {
                out().println("       " + NetCommands.rewrite(this, r));
            }
        }
        out().println("     " + NetCommands.verdict(this, leg.verdict()));
    }

    /** An ARP frame's line: "ARP request 52:54:00:… → ff:ff:ff:ff:ff:ff: who has 192.168.122.1? tell 192.168.122.2". */
    private String arp(Hop h) {
        Headers x = h.headers();
        return text("trace.arp." + h.frame().name(), Mac.format(x.srcMac()), Mac.format(x.dstMac()),
                x.vlan() == 0 ? "" : " vlan " + x.vlan(), Ip.format(x.dstIp()), Ip.format(x.srcIp()));
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
        return NetCommands.indented(root);
    }
}
