package org.virtlab.engine.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Which endpoint reaches which: one probe from every endpoint to every other (and itself), in the order of
 * {@link NetTopology#endpoints()}, on a network that has seen no traffic before. A pair counts as reachable
 * when the request arrives and the reply comes back.
 *
 * @param endpoints the endpoints' ids, rows and columns alike
 * @param cells     {@code cells.get(from).get(to)}
 */
public record Reachability(List<String> endpoints, Protocol protocol, int port, List<List<Cell>> cells) {

    public Reachability {
        endpoints = List.copyOf(endpoints);
        cells = cells.stream().map(List::copyOf).toList();
    }

    /**
     * One pair's outcome, without its hops.
     *
     * @param inReply whether it was the reply that was dropped (the request arrived)
     * @param device  where it was delivered or dropped
     */
    public record Cell(boolean delivered, DropReason reason, boolean inReply, String device) {

        /** {@code delivered}, or {@code dropped: reason}, with {@code (reply)} when the reply was lost. */
        public String summary() {
            return delivered ? "delivered" : "dropped: " + reason.code() + (inReply ? " (reply)" : "");
        }
    }

    /**
     * Probes every ordered pair of endpoints with {@code protocol} (to {@code port} for TCP and UDP) on a fresh
     * {@link NetState} at {@code nowMicros}: the same topology gives the same matrix.
     */
    public static Reachability of(NetTopology topology, long nowMicros, Protocol protocol, int port) {
        NetState state = new NetState(topology, nowMicros);
        PacketTracer tracer = new PacketTracer(state);
        List<Endpoint> all = topology.endpoints();
        List<String> ids = new ArrayList<>(all.size());
        List<List<Cell>> rows = new ArrayList<>(all.size());
        for (Endpoint from : all) {
            ids.add(from.id());
            List<Cell> row = new ArrayList<>(all.size());
            for (Endpoint to : all) {
                Trace t = tracer.trace(from, to, protocol, port);
                Verdict v = t.verdict();
                row.add(new Cell(t.delivered(), v.reason(), t.reply() != null && !t.delivered(), v.device()));
            }
            rows.add(row);
        }
        return new Reachability(ids, protocol, protocol == Protocol.ICMP ? 0 : port, rows);
    }

    /** The outcome of a probe from {@code from} to {@code to} (endpoint ids). */
    public Cell cell(String from, String to) {
        int i = endpoints.indexOf(from);
        int j = endpoints.indexOf(to);
        if (i < 0 || j < 0) {
            throw new IllegalArgumentException("unknown endpoint " + (i < 0 ? from : to) + "; endpoints are: " + endpoints);
        }
        return cells.get(i).get(j);
    }
}
