package org.virtlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.virtlab.engine.net.DropReason;
import org.virtlab.engine.net.Reachability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code virtlab reach SCENARIO [--proto icmp|tcp|udp] [--port P] [--json]}: which endpoint reaches which, one
 * probe per ordered pair; as JSON {@code {"endpoints":[…], "matrix":{"A":{"B":"delivered"|"dropped: reason"}}}}.
 */
@Command(name = "reach", mixinStandardHelpOptions = true, sortOptions = false)
final class ReachCommand extends LocalizedCommand implements Callable<Integer> {
    /** One letter per reason in the text matrix; lower case when the reply was the one dropped. */
    private static final String LETTERS = "NAIFXTPM";

    @Mixin
    NetProbeOptions probeOptions;

    @Option(names = "--json", descriptionKey = "reach.json")
    boolean json;

    @Override
    public Integer call() {
        Optional<NetProbeOptions.Probe> probe = probeOptions.probe(this);
        if (probe.isEmpty()) {
            return VirtLabCommand.EXIT_INVALID;
        }
        Reachability r = Reachability.of(probe.get().topology(), 0, probe.get().protocol(), probe.get().port());
        if (json) {
            out().print(toJson(r));
        } else {
            printText(r);
        }
        out().flush();
        return 0;
    }

    static String toJson(Reachability r) {
        ObjectNode root = NetCommands.NODES.objectNode();
        ArrayNode endpoints = root.putArray("endpoints");
        r.endpoints().forEach(endpoints::add);
        ObjectNode matrix = root.putObject("matrix");
        for (int i = 0; i < r.endpoints().size(); i++) {
            ObjectNode row = matrix.putObject(r.endpoints().get(i));
            for (int j = 0; j < r.endpoints().size(); j++) {
                row.put(r.endpoints().get(j), r.cells().get(i).get(j).summary());
            }
        }
        return NetCommands.indented(root);
    }

    private void printText(Reachability r) {
        List<String> ids = r.endpoints();
        int width = ids.stream().mapToInt(String::length).max().orElse(1);
        String what = r.protocol().spelling() + (r.port() == 0 ? "" : " " + r.port());
        out().println(text("reach.heading", what));
        StringBuilder header = new StringBuilder(" ".repeat(width + 6));
        for (int j = 0; j < ids.size(); j++) {
            header.append(String.format("%3d", j + 1));
        }
        out().println(header);
        for (int i = 0; i < ids.size(); i++) {
            StringBuilder line = new StringBuilder(String.format("%3d  %-" + width + "s ", i + 1, ids.get(i)));
            for (Reachability.Cell c : r.cells().get(i)) {
                char mark = c.delivered() ? '+' : LETTERS.charAt(reasonIndex(c.reason()));
                line.append("  ").append(c.inReply() ? Character.toLowerCase(mark) : mark);
            }
            out().println(line);
        }
        out().println();
        out().println(text("reach.legend"));
        for (DropReason reason : DropReason.values()) {
            out().println("  " + LETTERS.charAt(reasonIndex(reason)) + "  " + text("reach.reason." + reason.name()));
        }
    }

    private static int reasonIndex(DropReason reason) {
        switch (reason) {
            case NO_ROUTE:
                return 0;
            case ARP_UNANSWERED:
                return 1;
            case ISOLATED_NETWORK:
                return 2;
            case NAT_INBOUND_REFUSED:
                return 3;
            case NOT_FORWARDING:
                return 4;
            case TTL_EXCEEDED:
                return 5;
            case NAT_PORTS_EXHAUSTED:
                return 6;
            default:
                return 7;
        }
    }
}
